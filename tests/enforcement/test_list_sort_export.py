"""Enforcement's staff lists sort by their column headers and go to Excel as the page shows them (choice
labels, the user's scope); the million-case list keeps its keyset pages in every order it offers."""

import pytest

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
