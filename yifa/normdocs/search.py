"""中文全文检索：文本按字二元切分（“民政局” → “民政 政局”），
SQLite 用 FTS5 短语查询，PostgreSQL 用存储的 to_tsvector('simple') 列（GIN 索引）和 <-> 短语查询。
两端只差查询语法，切分与写入共用一处。单字查询用 LIKE 兜底。

PostgreSQL 的 tsvector 位置上限为16383，超长全文末尾的短语可能只按词匹配。
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from .models import SearchGrams

RUN = re.compile(r"[0-9a-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
MAX_TERMS = 8


def runs(text: str) -> list[str]:
    return RUN.findall((text or "").lower())


def bigrams(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


def grams_of(*texts: str) -> str:
    """The text stored for the index: every run's bigrams, runs kept apart by a line break."""
    lines = []
    for text in texts:
        for run in runs(text):
            if len(run) >= 2:
                lines.append(" ".join(bigrams(run)))
    return "\n".join(lines)


def index_document(document) -> None:
    grams = grams_of(
        document.title,
        document.number,
        document.unit.name,
        " ".join(u.name for u in document.joint_issuers.all()) if document.pk else "",
        document.full_text,
    )
    SearchGrams.objects.update_or_create(document=document, defaults={"grams": grams})


def _phrases(query: str) -> tuple[list[list[str]], list[str]]:
    """Phrases of bigrams for the index, and single characters for LIKE."""
    phrases, singles = [], []
    for term in (query or "").split()[:MAX_TERMS]:
        for run in runs(term):
            (phrases.append(bigrams(run)) if len(run) >= 2 else singles.append(run))
    return phrases, singles


def matching(qs, query: str):
    """Filter a Document queryset to those whose title, 文号, issuer or full text contain every term."""
    phrases, singles = _phrases(query)
    if not phrases and not singles:
        return qs
    if phrases:
        if connection.vendor == "postgresql":
            tsquery = " & ".join("(" + " <-> ".join(p) + ")" for p in phrases)
            ids = RawSQL(
                "SELECT document_id FROM normdocs_searchgrams WHERE tsv @@ to_tsquery('simple', %s)", [tsquery]
            )
        else:
            match = " AND ".join('"' + " ".join(p) + '"' for p in phrases)
            ids = RawSQL("SELECT rowid FROM normdocs_fts WHERE normdocs_fts MATCH %s", [match])
        qs = qs.filter(pk__in=ids)
    for char in singles:
        qs = qs.filter(Q(title__icontains=char) | Q(number__icontains=char) | Q(full_text__icontains=char))
    return qs
