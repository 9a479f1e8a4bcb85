"""Disclosure's staff lists sort by their headers and go to Excel as the user sees them: a unit's catalogue
(with its 公开期限, a date cell), its register of reconsideration and litigation, the board's running clocks,
and the requests with the clock due first."""

import pytest

from tests.list_checks import column, sheet, sorts_and_exports
from yifa.core import clocks
from yifa.core.models import Unit
from yifa.disclosure import demo
from yifa.disclosure.models import CatalogueItem, Request

pytestmark = pytest.mark.django_db


@pytest.fixture
def city(cast):
    demo.load(cast)
    return cast


def _minzheng():
    return Unit.objects.get(name="江临市民政局").pk


@pytest.mark.parametrize(
    ("path", "key", "header"),
    [
        ("/staff/disclosure/units/{unit}/catalogue/", "formed_on", "形成或变更"),
        ("/staff/disclosure/units/{unit}/catalogue/", "clock_due", "公开期限"),
        ("/staff/disclosure/units/{unit}/challenges/", "filed_on", "受理或立案"),
        ("/staff/disclosure/", "due", "届满日"),
        ("/staff/disclosure/requests/", "clock_due", "最近期限届满日"),
    ],
)
def test_a_disclosure_list_sorts_and_exports(city, login, path, key, header):
    sorts_and_exports(login(city["minzheng_liaison"]), path.format(unit=_minzheng()), key, header)


def test_the_catalogue_exports_labels_and_the_publication_deadline_as_a_date(city, login):
    rows = sheet(login(city["minzheng_liaison"]).get(f"/staff/disclosure/units/{_minzheng()}/catalogue/?format=xlsx"))
    assert rows[0] == ("状态", "信息名称", "类别", "形成或变更", "公开日期", "公开期限")
    by_title = dict(zip(column(rows, "信息名称"), column(rows, "公开期限")))
    for item in CatalogueItem.objects.all():
        running = clocks.clocks_of(item).first()
        assert (by_title[item.title].date() if by_title[item.title] else None) == (running.due if running else None)
    assert all(label and not label.isascii() for label in column(rows, "状态") + column(rows, "类别"))


def test_another_units_liaison_gets_no_catalogue_nor_register(city, login):
    client = login(city["shijian_liaison"])
    for page in ("catalogue", "challenges"):
        assert client.get(f"/staff/disclosure/units/{_minzheng()}/{page}/?format=xlsx").status_code in (403, 404)


def test_the_register_exports_kind_and_result_labels(city, login):
    rows = sheet(login(city["minzheng_liaison"]).get(f"/staff/disclosure/units/{_minzheng()}/challenges/?format=xlsx"))
    assert len(rows) == 2 and rows[0][:4] == ("类别", "案号", "受理或立案", "结果")
    assert all(not str(v).isascii() for v in (rows[1][0], rows[1][3]))


def test_the_board_and_the_requests_export_only_the_users_clocks(city, login):
    own = sheet(login(city["minzheng_liaison"]).get("/staff/disclosure/?format=xlsx"))
    assert len(own) > 1 and set(column(own, "行政机关")) == {"江临市民政局"}
    assert set(column(own, "状态")) <= {"计时中", "中止计时"}
    assert len(sheet(login(city["shijian_liaison"]).get("/staff/disclosure/?format=xlsx"))) == 1
    assert len(sheet(login(city["shijian_liaison"]).get("/staff/disclosure/requests/?format=xlsx"))) == 1


def test_requests_export_the_clock_due_first_as_a_date(city, login):
    rows = sheet(login(city["minzheng_liaison"]).get("/staff/disclosure/requests/?format=xlsx"))
    assert rows[0][-2:] == ("最近期限", "最近期限届满日")
    found = dict(zip(column(rows, "编号"), zip(column(rows, "最近期限"), column(rows, "最近期限届满日"))))
    checked = 0
    for request in Request.objects.all():
        first = clocks.clocks_of(request).exclude(due=None).order_by("due", "-id").first()
        if first:
            assert found[request.number] == (first.title, found[request.number][1])
            assert found[request.number][1].date() == first.due
            checked += 1
    assert checked
