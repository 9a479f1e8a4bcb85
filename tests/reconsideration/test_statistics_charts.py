"""The statistics page draws the monthly trend and the 纠错率 of each respondent beside their tables, from
grouped queries."""

import datetime as dt
import json

import pytest

from yifa.reconsideration.models import Case, CaseState, DecisionType

pytestmark = pytest.mark.django_db
D = dt.date


def chart_of(page: str, chart_id: str) -> dict:
    return json.loads(page.split(f'<script id="{chart_id}" type="application/json">', 1)[1].split("</script>", 1)[0])


def decided(receive, cast, received, closed, decision_type, respondent):
    """A decided case as the statistics read it (the procedure to a decision is tested elsewhere)."""
    unit = cast.units[respondent]
    case = receive(received, respondent_unit=unit)
    Case.objects.filter(pk=case.pk).update(state=CaseState.DECIDED, closed_on=closed, decision_type=decision_type)


def test_monthly_trend_and_correction_rate_by_respondent(cast, login, receive):
    decided(receive, cast, D(2025, 1, 6), D(2025, 3, 3), DecisionType.REVOKE, "民政局")
    decided(receive, cast, D(2025, 1, 7), D(2025, 3, 4), DecisionType.UPHOLD, "民政局")
    decided(receive, cast, D(2025, 2, 3), D(2025, 4, 1), DecisionType.UPHOLD, "市场监管局")
    receive(D(2025, 2, 4))
    page = login(cast["fuyi"]).get("/staff/reconsideration/statistics/?year=2025").content.decode()
    trend = chart_of(page, "trend-by-month")
    series = {s["name"]: s["data"] for s in trend["series"]}
    assert trend["xAxis"]["data"][:4] == ["1月", "2月", "3月", "4月"] and all(
        s["type"] == "line" for s in trend["series"]
    )
    assert series["收案"][:4] == [2, 2, 0, 0] and series["审结"][:4] == [0, 0, 2, 1] and series["纠错"][2] == 1
    rates = chart_of(page, "rate-by-respondent")
    assert dict(zip(rates["xAxis"]["data"], rates["series"][0]["data"], strict=True)) == {
        "江临市民政局": 50.0,
        "江临市市场监管局": 0.0,
    }
    assert "<td>50.0%</td>" in page
