"""The catalogue's search finds exactly the documents whose title, 文号, issuer or full text contain the query, in
the catalogue's order (newest publication first), whether the term is rare (its documents are read from the index
as a list of ids) or common (法: probed row by row while the catalogue is read in its order). Checked on real
texts: the regulations and published clauses of tests/normdocs/evaluation."""

import datetime as dt
import json
from pathlib import Path

import pytest

from yifa.core.bulk import insert_objects
from yifa.core.models import Unit
from yifa.normdocs import queries, search
from yifa.normdocs.models import DocStatus, Document
from yifa.normdocs.search import index_new_documents

pytestmark = pytest.mark.django_db
EVALUATION = Path(__file__).resolve().parent / "evaluation"
STATUSES = [DocStatus.IN_FORCE, DocStatus.REPEALED, DocStatus.DRAFT, DocStatus.EXPIRED]


def real_texts() -> list[tuple[str, str]]:
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((EVALUATION / "clean").glob("*.md"))]
    clauses = json.loads((EVALUATION / "violating_clauses.json").read_text(encoding="utf-8"))["clauses"]
    return texts + [(f"条款{c['id']}", c["text"]) for c in clauses]


@pytest.fixture
def catalogue(cast):
    """Every real text as a document: several share a publication day (the id breaks the tie), some are
    drafts (never on the portal), and the issuers differ."""
    units = list(Unit.objects.filter(kind__in=("department", "township")).order_by("pk"))
    docs = []
    for i, (title, text) in enumerate(real_texts()):
        day = dt.date(2020, 1, 1) + dt.timedelta(days=(i * 37) % 11)
        status = STATUSES[i % len(STATUSES)]
        docs.append(
            Document(
                title=title,
                number=f"江府规〔{day.year}〕{i + 1}号",
                unit=units[i % len(units)],
                status=status,
                published_on=None if status == DocStatus.DRAFT else day,
                full_text=text,
            )
        )
    insert_objects(docs)
    index_new_documents(
        [{"id": d.pk, "title": d.title, "number": d.number, "unit": d.unit, "full_text": d.full_text} for d in docs]
    )
    return docs


def by_substring(docs, term: str) -> list[int]:
    """What a substring match over the searched fields returns, in the catalogue's order."""
    found = [
        d
        for d in docs
        if d.status != DocStatus.DRAFT
        and all(any(t in f.lower() for f in (d.title, d.number, d.unit.name, d.full_text)) for t in term.split())
    ]
    return [d.pk for d in sorted(found, key=lambda d: (d.published_on, d.pk), reverse=True)]


def searched(term: str, *, size: int = 20) -> list[int]:
    """The portal's pages for ``term``, read one after another until the last."""
    ids, number = [], 1
    while True:
        page = queries.page_of_documents(queries.public_documents(q=term), number, size=size)
        ids += [d.pk for d in page["rows"]]
        if not page["has_next"]:
            return ids
        number += 1


TERMS = ["法", "罚", "竞", "垄", "行政", "法律", "公平 竞争", "不存在的词语组合"]


@pytest.mark.parametrize(
    "few, share",
    [(search.FEW, search.COMMON_SHARE), (3, 1000), (3, 1)],
    ids=["ids-from-the-index", "probed-in-order", "matches-sorted"],
)
def test_one_and_two_character_queries_return_what_a_substring_match_returns_in_order(
    catalogue, monkeypatch, few, share
):
    monkeypatch.setattr(search, "FEW", few)  # 3: a term in more documents is common, as 法 is at 100,000
    monkeypatch.setattr(search, "COMMON_SHARE", share)  # 1000: probed in order; 1: its matches sorted
    published = [d for d in catalogue if d.status != DocStatus.DRAFT]
    counts = {term: len(by_substring(catalogue, term)) for term in TERMS}
    assert counts["不存在的词语组合"] == 0 < counts["垄"] < counts["竞"] < counts["法"] < len(published), counts
    for term in TERMS:
        assert searched(term, size=7) == by_substring(catalogue, term), term


def test_a_common_term_is_probed_while_the_catalogue_is_read_in_order(catalogue, monkeypatch):
    """More than FEW documents hold 法: the statement reads the documents in the catalogue's order and probes
    the index for each, instead of listing every match to sort them."""
    monkeypatch.setattr(search, "FEW", 3)
    monkeypatch.setattr(search, "COMMON_SHARE", 1000)
    sql = str(queries.public_documents(q="法").query)
    assert "EXISTS" in sql.upper() and " IN (SELECT" not in sql.upper()
    few = str(queries.public_documents(q="垄").query)
    assert "EXISTS" not in few.upper()  # a rare term: its few ids
    phrase = str(queries.public_documents(q="公平竞争").query)
    assert "EXISTS" not in phrase.upper()  # a phrase of several bigrams: the index's list of matches
