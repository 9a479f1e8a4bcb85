"""中文全文检索：文本按字二元切分（“民政局” → “民政 政局”），
SQLite 用 FTS5 短语查询，PostgreSQL 用存储的 to_tsvector('simple') 列（GIN 索引）和 <-> 短语查询。
两端只差查询语法，切分与写入共用一处。末行另存文中出现过的每个单字（去重，不参与短语），
单字查询（“罚”）因此也走同一个索引，不再全表扫描。

PostgreSQL 的 tsvector 位置上限为16383，超长全文末尾的短语可能只按词匹配。
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL

from yifa.core.bulk import insert_rows

from .models import SearchGrams

RUN = re.compile(r"[0-9a-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
MAX_TERMS = 8


def runs(text: str) -> list[str]:
    return RUN.findall((text or "").lower())


def bigrams(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


def grams_of(*texts: str) -> str:
    """The text stored for the index: every run's bigrams, runs kept apart by a line break."""
    lines, chars = [], set()
    for text in texts:
        for run in runs(text):
            chars.update(run)
            if len(run) >= 2:
                lines.append(" ".join(bigrams(run)))
    if chars:  # last, so the bigrams keep their positions (and phrases never reach a single character)
        lines.append(" ".join(sorted(chars)))
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


def index_new_documents(rows: list[dict]) -> None:
    """The index rows of documents just written in bulk (an import: dicts with ``id``, no joint issuers)."""
    insert_rows(
        SearchGrams,
        [
            {"document_id": r["id"], "grams": grams_of(r["title"], r["number"], r["unit"].name, r["full_text"])}
            for r in rows
        ],
    )


def _phrases(query: str) -> list[list[str]]:
    """Phrases of bigrams for the index; a single character is a phrase of one token."""
    return [
        bigrams(run) if len(run) >= 2 else [run] for term in (query or "").split()[:MAX_TERMS] for run in runs(term)
    ]


def index_lookup(query: str) -> tuple[str, list[str]] | None:
    """The statement giving the ids of documents holding every term of ``query``, from the index alone."""
    phrases = _phrases(query)
    if not phrases:
        return None
    if connection.vendor == "postgresql":
        tsquery = " & ".join("(" + " <-> ".join(p) + ")" for p in phrases)
        return "SELECT document_id FROM normdocs_searchgrams WHERE tsv @@ to_tsquery('simple', %s)", [tsquery]
    match = " AND ".join('"' + " ".join(p) + '"' for p in phrases)
    return "SELECT rowid FROM normdocs_fts WHERE normdocs_fts MATCH %s", [match]


def index_probe(query: str) -> tuple[str, list[str]] | None:
    """A condition on one document row (``normdocs_document.id``): does the index hold every term of ``query``
    for it? One index look-up per row the database reads."""
    phrases = _phrases(query)
    if not phrases:
        return None
    if connection.vendor == "postgresql":
        tsquery = " & ".join("(" + " <-> ".join(p) + ")" for p in phrases)
        sql = (
            "EXISTS (SELECT 1 FROM normdocs_searchgrams g WHERE g.document_id = normdocs_document.id "
            "AND g.tsv @@ to_tsquery('simple', %s))"
        )
        return sql, [tsquery]
    match = " AND ".join('"' + " ".join(p) + '"' for p in phrases)
    return "EXISTS (SELECT 1 FROM normdocs_fts WHERE normdocs_fts MATCH %s AND rowid = normdocs_document.id)", [match]


# A term found in at most this many documents (a rare single character, a title's phrase) is given to the database
# as their ids, or answered with no query at all when it is found nowhere.
FEW = 1000
# A term of single tokens (法, 罚, 法律) found in at least one document in COMMON_SHARE is probed row by row while
# the database reads the documents in the page's order (the (published_on, id) index): a page of 20 stops after
# about 20 / share rows, instead of finding, then sorting, every match. Between the two (殡: one document in
# twenty), sorting the matches the index lists is the cheaper.
COMMON_SHARE = 4


def matching(qs, query: str):
    """Filter a Document queryset to those whose title, 文号, issuer or full text contain every term."""
    lookup = index_lookup(query)
    if not lookup:
        return qs
    sql, params = lookup
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} LIMIT {FEW + 1}", params)
        ids = [row[0] for row in cursor.fetchall()]
    if len(ids) <= FEW:
        return qs.filter(pk__in=ids)
    single_tokens = all(len(phrase) == 1 for phrase in _phrases(query))  # a phrase's positions cost more per row
    # the share, estimated from the ids just read: the index lists them in (about) the order of the documents' ids
    if single_tokens and len(ids) * COMMON_SHARE >= max(ids) - min(ids) + 1:
        probe, probe_params = index_probe(query)
        return qs.filter(RawSQL(probe, probe_params, output_field=BooleanField()))
    return qs.filter(pk__in=RawSQL(sql, params))
