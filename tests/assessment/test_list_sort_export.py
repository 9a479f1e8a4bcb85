"""Assessment's staff lists (objections, reports) sort by their column headers and go to Excel as the page
shows them (state labels, the user's scope)."""

import pytest
from django.utils import timezone

from tests.list_checks import sheet, sorts_and_exports
from yifa.assessment import demo, services
from yifa.assessment.models import ReportKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(cast):
    """The demo city's reports, one more unit's report, and two units' objections to an indicator."""
    demo.load(cast)
    year = timezone.localdate().year
    services.report_draft(by=cast["shijian_liaison"], unit=cast["市场监管局"], year=year, kind=ReportKind.SHUFA)
    for who, unit in (("minzheng_liaison", "民政局"), ("shijian_liaison", "市场监管局")):
        services.objection_file(by=cast[who], unit=cast[unit], year=year, code="leadership_study", reason="有台账")
    return cast


@pytest.mark.parametrize(
    ("url", "key", "header"),
    [("/staff/assessment/objections/", "indicator_name", "指标"), ("/staff/assessment/reports/", "title", "报告")],
)
def test_an_assessment_list_sorts_and_exports(loaded, login, url, key, header):
    rows = sorts_and_exports(login(loaded["legal_head"]), url, key, header)
    assert len(rows) == 3, rows


@pytest.mark.parametrize("url", ["/staff/assessment/objections/", "/staff/assessment/reports/"])
def test_a_unit_exports_only_its_own_rows_with_states_in_chinese(loaded, login, url):
    rows = sheet(login(loaded["minzheng_liaison"]).get(f"{url}?format=xlsx"))
    assert [r[0] for r in rows[1:]] == [loaded["民政局"].name]
    state = rows[0].index("状态")
    assert all(not r[state].isascii() for r in rows[1:])
