"""Licensing's staff lists sort by their headers and go to Excel as the user sees them: the items, the
certificates, the promise-check draws, the reform ledger, the differences from the higher list, and the
applications with their clocks (the one due first and its due date, a date cell)."""

import datetime as dt

import pytest

from tests.list_checks import column, sheet, sorts_and_exports
from yifa.core import clocks
from yifa.licensing import demo, reform
from yifa.licensing.models import Application, ReformKind

pytestmark = pytest.mark.django_db

D = dt.date
DOC = {"document_title": "江临市人民政府关于调整一批行政许可事项的决定", "document_number": "江政发〔2026〕9号"}


@pytest.fixture
def city(cast):
    demo.load(cast)
    return cast


@pytest.mark.parametrize(
    ("url", "key", "header"),
    [
        ("/staff/licensing/", "code", "编码"),
        ("/staff/licensing/certificates/", "issued_on", "发证日期"),
        ("/staff/licensing/promise/", "drawn_on", "抽取日期"),
    ],
)
def test_a_licensing_list_sorts_and_exports(city, login, url, key, header):
    sorts_and_exports(login(city["admin"]), url, key, header)


def test_the_item_list_exports_labels_and_both_time_limits(city, login):
    rows = sheet(login(city["admin"]).get("/staff/licensing/?format=xlsx"))
    assert rows[0] == ("编码", "事项名称", "实施机关", "法定时限（工作日）", "承诺时限（工作日）", "收费", "状态")
    states = column(rows, "状态")
    assert "已公布" in states and "published" not in states
    assert all(isinstance(days, int) for days in column(rows, "法定时限（工作日）"))


def test_certificates_go_out_only_to_those_who_see_them(city, login):
    own = sheet(login(city["shijian_liaison"]).get("/staff/licensing/certificates/?format=xlsx"))
    other = sheet(login(city["minzheng_liaison"]).get("/staff/licensing/certificates/?format=xlsx"))
    assert len(own) > 1 and set(column(own, "发证机关")) == {"江临市市场监管局"}
    assert len(other) == 1  # 民政局 issues none: the header alone
    assert "valid" not in column(own, "状态")


def test_applications_export_the_clock_due_first_as_a_date(city, login):
    rows = sheet(login(city["shijian_liaison"]).get("/staff/licensing/applications/?format=xlsx"))
    assert rows[0][-2:] == ("最近期限", "最近期限届满日")
    numbers = dict(zip(column(rows, "编号"), zip(column(rows, "最近期限"), column(rows, "最近期限届满日"))))
    running = [a for a in Application.objects.all() if clocks.clocks_of(a).exclude(due=None).exists()]
    assert running
    for app in running:
        first = clocks.clocks_of(app).exclude(due=None).order_by("due", "-id").first()
        title, due = numbers[app.number]
        assert title == first.title and due.date() == first.due  # a date cell, not text
    assert len(sheet(login(city["minzheng_liaison"]).get("/staff/licensing/applications/?format=xlsx"))) == 1


def test_applications_sort_by_the_clock(city, login):
    sorts_and_exports(login(city["admin"]), "/staff/licensing/applications/", "clock_due", "最近期限届满日")


def test_the_reform_ledger_sorts_and_its_export_keeps_the_order(city, login):
    by = city["shijian_liaison"]
    unit = by.unit
    for name, day in (("甲许可", D(2025, 3, 1)), ("乙许可", D(2026, 2, 1)), ("丙许可", D(2025, 9, 1))):
        kind = ReformKind.CANCEL
        reform.record(by=by, item=None, item_name=name, unit=unit, kind=kind, decided_on=day, on=day, **DOC)
    client = login(city["mayor"])
    page = client.get("/staff/licensing/reform/?sort=decided_on").content.decode()
    assert 'aria-sort="ascending"' in page and page.index("甲许可") < page.index("丙许可") < page.index("乙许可")
    assert "/staff/licensing/reform/export.xlsx?sort=decided_on" in page
    response = client.get("/staff/licensing/reform/export.xlsx?sort=-decided_on")
    rows = sheet(response)
    assert column(rows, "事项名称") == ["乙许可", "丙许可", "甲许可"] and set(column(rows, "改革方式")) == {"取消审批"}


def test_the_differences_from_the_higher_list_export_as_on_the_page(city, login):
    client = login(city["reviewer"])
    assert "format=xlsx" in client.get("/staff/licensing/higher/").content.decode()
    rows = sheet(client.get("/staff/licensing/higher/?format=xlsx"))
    assert rows[0] == ("差异", "事项编码", "本级事项名称", "实施机关", "上级事项名称", "上级设定依据")
    assert len(rows) > 1 and set(column(rows, "差异")) <= {"超出上级清单", "名称或设定依据不一致", "本级尚未列入"}
