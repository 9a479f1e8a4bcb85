"""Enforcement's staff lists sort by their column headers and go to Excel as the page shows them (choice
labels, the user's scope); the million-case list keeps its keyset pages in every order it offers."""

import pytest
from django.db import connection

from tests.list_checks import sheet, sorts_and_exports
from yifa.enforcement import demo, queries
from yifa.enforcement.models import Case, CaseState

pytestmark = pytest.mark.django_db

# url: (the column sorted, its header)
LISTS = {
    "/staff/enforcement/": ("filed_on", "立案"),
    "/staff/enforcement/officers/": ("name", "姓名"),
    "/staff/enforcement/bodies/": ("name", "主体"),
    "/staff/enforcement/powers/": ("code", "编码"),
    "/staff/enforcement/benchmarks/": ("code", "编码"),
    "/staff/enforcement/outside/": ("fine", "罚没金额（元）"),
    "/staff/enforcement/coercion/": ("started_on", "实施或催告日"),
    "/staff/enforcement/inspections/": ("inspected_on", "检查日"),
    "/staff/enforcement/transfers/": ("reported_on", "报告日"),
}


@pytest.fixture
def loaded(cast):
    demo.load(cast)
    return cast


@pytest.mark.parametrize("url", LISTS)
def test_an_enforcement_list_sorts_and_exports(loaded, login, url):
    key, header = LISTS[url]
    rows = sorts_and_exports(login(loaded["admin"]), url, key, header)
    assert len(rows) > 1, f"{url}: the demo city has rows to export"


def test_the_case_export_shows_states_in_chinese_and_only_the_units_own_cases(loaded, login):
    officer, town = loaded["shijian_officer"], loaded["town1_head"]
    theirs = Case.objects.order_by("id").first()
    Case.objects.filter(pk=theirs.pk).update(unit=town.unit)
    own = set(Case.objects.filter(unit=officer.unit).values_list("number", flat=True))
    rows = sheet(login(officer).get("/staff/enforcement/?sort=state&format=xlsx"))
    assert {r[0] for r in rows[1:]} == own and theirs.number not in own
    states = [r[4] for r in rows[1:]]
    assert set(states) <= set(CaseState.labels) and len(set(states)) > 1
    assert [r[0] for r in sheet(login(town).get("/staff/enforcement/?format=xlsx"))[1:]] == [theirs.number]


def test_the_officer_export_shows_the_newest_certificate_and_only_the_units_officers(loaded, login):
    rows = sheet(login(loaded["admin"]).get("/staff/enforcement/officers/?format=xlsx"))
    assert rows[0] == ("姓名", "执法主体", "执法证")
    assert all("（至" in r[2] for r in rows[1:] if r[2])
    town = sheet(login(loaded["town1_head"]).get("/staff/enforcement/officers/?format=xlsx"))
    assert len(town) < len(rows)


@pytest.mark.parametrize("key", ["", "filed_on", "-filed_on", "state", "-state", "number", "-party_name"])
def test_keyset_pages_walk_the_sorted_case_list_forward_and_back(loaded, key):
    order = queries.case_order(key)
    everything = list(Case.objects.order_by(*order).values_list("pk", flat=True))
    assert len(everything) >= 5
    seen, after, pages = [], None, []
    while True:
        page = queries.keyset_page(Case.objects.all(), after=after, size=2, order=order)
        pages.append(page)
        seen += [c.pk for c in page["rows"]]
        if not page["next"]:
            break
        after = page["next"]
    assert seen == everything
    back = queries.keyset_page(Case.objects.all(), before=pages[-1]["prev"], size=2, order=order)
    assert [c.pk for c in back["rows"]] == [c.pk for c in pages[-2]["rows"]]


def test_the_case_list_pages_in_the_chosen_order_and_sorting_starts_again(loaded, login, cast):
    client = login(cast["admin"])
    first = client.get("/staff/enforcement/?sort=-filed_on").content.decode()
    assert "after=" not in first or "sort=-filed_on&amp;after=" in first
    newest = Case.objects.order_by("-filed_on", "-id").first()
    assert newest.number in first
    # a header link drops the page the user was on: a new order starts at its first row
    paged = client.get(f"/staff/enforcement/?sort=-filed_on&after={newest.pk}").content.decode()
    assert f"after={newest.pk}" not in paged.split("<tbody>")[0]


INDEX_OF = {"filed_on": "case_filed_list", "number": "case_number", "party_name": "case_party_name", "state": "state"}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the plan checked is PostgreSQL's")
@pytest.mark.parametrize("key", [*INDEX_OF, *(f"-{k}" for k in INDEX_OF)])
def test_postgresql_walks_an_index_for_each_order_the_case_list_offers(loaded, key):
    """A page 5,000 rows in costs as the first only if the order and the keyset filter come from an index: on
    a small table the planner is told not to scan or sort the whole of it, so the plan shows what it can use."""
    order = queries.case_order(key)
    mark = Case.objects.order_by(*order)[2]
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("SET enable_sort = off")
        try:
            first = Case.objects.order_by(*order)[:21].explain()
            values = Case.objects.filter(pk=mark.pk).values_list(*[f.lstrip("-") for f in order]).first()
            later = Case.objects.filter(queries._beyond(order, values)).order_by(*order)[:21].explain()
        finally:
            cursor.execute("SET enable_seqscan = on")
            cursor.execute("SET enable_sort = on")
    for plan in (first, later):
        assert INDEX_OF[key.lstrip("-")] in plan and "Seq Scan" not in plan, plan
        assert "\n  ->  Sort" not in plan and not plan.startswith("Sort"), plan
