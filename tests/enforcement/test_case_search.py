"""Searching the case list by number or party: an index answers it, on SQLite and PostgreSQL."""

import pytest
from django.db import connection
from django.urls import reverse

from yifa.enforcement import queries
from yifa.enforcement.models import Case

from .conftest import file_case


@pytest.fixture
def three(cast, body, officers):
    names = [
        ("江市监处罚〔2026〕7号", "张三"),
        ("江市监处罚〔2026〕17号", "张三丰"),
        ("江市监处罚〔2026〕8号", "江临市某某食品有限公司"),
    ]
    return [file_case(cast, body, officers, number=n, party_name=p, party_kind="person") for n, p in names]


def found(user, q):
    return sorted(c.party_name for c in queries.cases_for(user, q=q))


def test_search_by_substring_of_three_characters_or_more(cast, three):
    officer = cast["shijian_officer"]
    assert found(officer, "某某食品") == ["江临市某某食品有限公司"]
    assert found(officer, "〔2026〕1") == ["张三丰"]
    assert found(officer, "张三丰") == ["张三丰"]


def test_a_short_query_matches_a_whole_name_or_number_only(cast, three):
    officer = cast["shijian_officer"]
    assert found(officer, "张三") == ["张三"]  # not 张三丰: two characters cannot use the trigram index
    assert found(officer, " 张三 ") == ["张三"]
    assert found(officer, "张") == []


def test_search_stays_within_the_users_scope(cast, three):
    assert found(cast["minzheng_liaison"], "张三") == []


def test_the_case_list_page_searches(cast, three, client):
    client.force_login(cast["shijian_officer"])
    page = client.get(reverse("enforcement:index"), {"q": "某某食品"}).content.decode()
    assert "江临市某某食品有限公司" in page and "张三丰" not in page


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigram index is PostgreSQL's")
def test_postgresql_answers_a_substring_from_the_trigram_indexes(cast, three):
    with connection.cursor() as cursor:
        # a three-row table: make the planner show what it can use. GIN is read by bitmap scans only, so plain
        # index scans are turned off too (else walking the primary key backwards for "-id" can win).
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("SET enable_indexscan = off")
        try:
            qs = Case.objects.filter(queries.case_search("某某食品")).order_by()
            plan = qs.explain()
        finally:
            cursor.execute("SET enable_seqscan = on")
            cursor.execute("SET enable_indexscan = on")
    assert "case_party_trgm" in plan and "case_number_trgm" in plan
