import json

import pytest

from yifa.normdocs import queries, services
from yifa.normdocs.models import DocStatus

from .conftest import D, publish_lawfully


@pytest.fixture
def library(cast, published):
    other = services.document_create(
        by=cast["shijian_liaison"],
        unit=cast.units["市场监管局"],
        title="江临市农贸市场食品安全监督管理办法",
        full_text="第一条 为了保障农贸市场食品安全，加强冷链食品追溯管理，制定本办法。",
    )
    other = publish_lawfully(
        cast,
        other,
        number="江市监发〔2026〕7号",
        published_on=D(2026, 3, 2),
        submitted_on=D(2026, 2, 2),
        liaison=cast["shijian_liaison"],
    )
    draft = services.document_create(
        by=cast["minzheng_liaison"],
        unit=cast.units["民政局"],
        title="江临市冷链食品内部草案",
        full_text="冷链食品追溯的内部讨论稿",
    )
    return published, other, draft


def titles(qs):
    return {d.title for d in qs}


def test_chinese_full_text_search_finds_words_inside_the_text(library):
    published, other, draft = library
    assert titles(queries.public_documents(q="冷链食品追溯")) == {other.title}
    assert titles(queries.public_documents(q="最低生活保障")) == {published.title}
    assert titles(queries.public_documents(q="食品 追溯")) == {other.title}
    assert titles(queries.public_documents(q="追食品溯")) == set()


def test_search_by_number_issuer_and_single_character(library):
    published, other, _ = library
    assert titles(queries.public_documents(q="江市监发〔2026〕7号")) == {other.title}
    assert titles(queries.public_documents(q="民政局")) == {published.title}
    assert titles(queries.public_documents(q="链")) == {other.title}


def test_filters_by_status_issuer_and_year(cast, library):
    published, other, _ = library
    assert titles(queries.public_documents(year=2026)) == {other.title}
    assert titles(queries.public_documents(unit_id=cast.units["民政局"].pk)) == {published.title}
    assert titles(queries.public_documents(status=DocStatus.IN_FORCE)) == {published.title, other.title}
    assert titles(queries.public_documents(status=DocStatus.REPEALED)) == set()


def test_drafts_never_appear_on_the_portal(client, library):
    _, _, draft = library
    assert draft.title not in titles(queries.public_documents(q="冷链"))
    assert client.get(f"/normdocs/{draft.pk}/").status_code == 404
    assert draft.title not in client.get("/normdocs/?q=冷链").content.decode()
    assert draft.title not in client.get("/search/?q=冷链").content.decode()


def test_portal_page_shows_status_validity_and_history(client, library):
    published, _, _ = library
    page = client.get(f"/normdocs/{published.pk}/").content.decode()
    assert "现行有效" in page and "2030年9月4日" in page and "签发公布" in page
    assert "江民发〔2025〕3号" in page


def test_open_data_exports_csv_and_json_of_published_documents(client, library):
    published, other, draft = library
    rows = json.loads(client.get("/normdocs/data.json").content)
    assert {r["number"] for r in rows} == {published.number, other.number}
    assert rows[0]["url"].startswith("http://testserver/normdocs/")
    csv = client.get("/normdocs/data.csv?year=2025")
    assert csv["Content-Type"].startswith("text/csv")
    text = csv.content.decode("utf-8-sig")
    assert text.splitlines()[0] == "编号,文件名称,文号,制定机关,联合发文机关,状态,公布日期,施行日期,有效期至,网址"
    assert published.number in text
    assert other.number not in text and draft.title not in text


def test_one_character_is_answered_from_the_search_index(library):
    """“罚” alone: the full-text index (FTS5 on SQLite, the GIN index of the stored tsvector on PostgreSQL) gives
    the documents, not a LIKE over every document's full text."""
    from django.db import connection

    from yifa.normdocs import search

    _, other, _ = library
    qs = queries.public_documents(q="链")
    assert titles(qs) == {other.title}
    assert "LIKE" not in str(qs.query).upper()
    sql, params = search.index_lookup("链")
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = "\n".join(str(row[-1]) for row in cursor.fetchall())
            assert "VIRTUAL TABLE INDEX" in plan, plan
        else:
            cursor.execute("SET LOCAL enable_seqscan = off")  # would a scan still be needed? then no index serves
            cursor.execute("EXPLAIN " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert "normdocs_tsv_gin" in plan, plan
