"""The decision-rules board goes to Excel as the page shows it: each organ the user sees, its status in
Chinese, its rules, their number and the day adopted (a date cell)."""

import datetime as dt

import pytest

from tests.list_checks import column, sheet

from .builders import rules_recorded

pytestmark = pytest.mark.django_db


def test_the_rules_board_exports_as_on_the_page(cast, login):
    rules_recorded(cast)
    client = login(cast["reviewer"])
    assert "year=2026&amp;format=xlsx" in client.get("/staff/decisions/rules/?year=2026").content.decode()
    rows = sheet(client.get("/staff/decisions/rules/?year=2026&format=xlsx"))
    assert rows[0] == ("状态", "单位", "决策规则", "文号", "通过日期")
    mz = rows[column(rows, "单位").index("江临市民政局") + 1]
    assert mz[0] == "已建立" and mz[2:4] == ("民政局重大行政决策规则", "江民发〔2026〕3号")
    assert mz[4].date() == dt.date(2026, 4, 20)
    assert set(column(rows, "状态")) <= {"已建立", "逾期建立", "逾期未建", "待建立"} and len(rows) > 3


def test_a_liaison_exports_only_its_own_organ(cast, login):
    rules_recorded(cast)
    rows = sheet(login(cast["minzheng_liaison"]).get("/staff/decisions/rules/?year=2026&format=xlsx"))
    assert column(rows, "单位") == ["江临市民政局"]
