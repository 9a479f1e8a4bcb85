"""The plans module's grids go to Excel as the page shows them (units down, report kinds or institutions
across, each cell as on the page), and the supervision board's overdue shares sort and export; each only
with the units the user may see."""

import re

import pytest

from tests.list_checks import column, sheet, sorts_and_exports
from yifa.plans import demo
from yifa.plans.models import AssignmentStatus, ReportKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def city(cast):
    demo.load(cast)
    return cast


def _row_heads(html: str) -> list[str]:
    return re.findall(r'<tr><(?:th scope="row"|td)>([^<]+)</t[hd]>', html)


def test_the_report_grid_exports_the_pages_grid(city, login):
    client = login(city["admin"])
    page = client.get("/staff/plans/reports/?year=2026").content.decode()
    assert "year=2026&amp;format=xlsx" in page
    rows = sheet(client.get("/staff/plans/reports/?year=2026&format=xlsx"))
    assert rows[0] == ("单位", *ReportKind.labels)
    assert [r[0] for r in rows[1:]] == _row_heads(page.split('id="compliance"')[1])
    cells = dict((r[0], r[1:]) for r in rows[1:])
    assert cells["江临市民政局"][0].startswith("按时报送，已接收") or cells["江临市民政局"][0].startswith(
        "逾期报送，已接收"
    )
    assert "报送" in cells["江临市民政局"][0] and "accepted" not in str(cells)
    assert cells["江临市交通运输局"][1].endswith("起草中")


def test_a_liaison_exports_the_report_grid_of_its_own_unit_only(city, login):
    rows = sheet(login(city["minzheng_liaison"]).get("/staff/plans/reports/?year=2026&format=xlsx"))
    assert [r[0] for r in rows[1:]] == ["江临市民政局"]


def test_the_institution_grid_exports_the_pages_grid(city, login):
    client = login(city["admin"])
    page = client.get("/staff/plans/institutions/?year=2026").content.decode()
    assert "year=2026&amp;format=xlsx" in page
    rows = sheet(client.get("/staff/plans/institutions/?year=2026&format=xlsx"))
    assert rows[0][0] == "单位" and rows[0][-1] == "缺"
    assert rows[0][1:-1] == (
        "重大事项决策规则（重大事项决策规则，2026-04-30前）",
        "领导干部会前学法制度（领导干部学法制度）",
    )
    assert [r[0] for r in rows[1:]] == _row_heads(page.split('id="institutions"')[1])
    for row in rows[1:]:
        assert row[-1] == sum(1 for cell in row[1:-1] if cell in ("缺失", "未建立"))
    assert any(cell.startswith(("已建立", "逾期建立")) for row in rows[1:] for cell in row[1:-1])
    mine = sheet(login(city["minzheng_liaison"]).get("/staff/plans/institutions/?year=2026&format=xlsx"))
    assert [r[0] for r in mine[1:]] == ["江临市民政局"]


def test_the_overdue_shares_sort_and_export_with_the_tasks_date(city, login):
    rows = sorts_and_exports(login(city["admin"]), "/staff/plans/board/", "unit__name", "责任单位")
    assert all(hasattr(day, "year") for day in column(rows, "完成时限"))
    assert set(column(rows, "进展")) <= {f"{label} {n}%" for label in AssignmentStatus.labels for n in range(101)}
    mine = sheet(login(city["minzheng_liaison"]).get("/staff/plans/board/?format=xlsx"))
    assert set(column(mine, "责任单位")) == {"江临市民政局"}
