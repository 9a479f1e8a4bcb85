"""The cockpit's trend charts: the main indicators city-wide by year and by quarter, drawn with the vendored
ECharts (no CDN), with a table beside each chart as the accessible source."""

import datetime as dt

from django.urls import reverse

from yifa.assessment.indicators import NORMDOCS_FILED, RECONSIDERATION_UPHELD
from yifa.assessment.models import Fact
from yifa.assessment.trends import trends

D = dt.date


def fact(unit, code, on, good, n):
    Fact.objects.create(
        indicator=code, unit=unit, year=on.year, source=f"t:{code}:{on}:{n}", label="记录", good=good, on=on
    )


def seeded(cast):
    market, minzheng = cast["市场监管局"], cast["民政局"]
    # 2024: 3 of 4 documents filed on time; 2025: Q1 1 of 2, Q3 2 of 2
    for n, good in enumerate((True, True, True, False)):
        fact(market, NORMDOCS_FILED, D(2024, 5, 1 + n), good, n)
    fact(market, NORMDOCS_FILED, D(2025, 2, 3), True, 1)
    fact(minzheng, NORMDOCS_FILED, D(2025, 3, 3), False, 2)
    fact(minzheng, NORMDOCS_FILED, D(2025, 8, 3), True, 3)
    fact(market, NORMDOCS_FILED, D(2025, 9, 30), True, 4)
    fact(market, RECONSIDERATION_UPHELD, D(2025, 11, 3), False, 5)


def test_rates_by_year_and_quarter_follow_the_records(cast):
    seeded(cast)
    t = trends(2025, D(2025, 12, 31))
    rows = dict(t["yearly_rows"]["series"])
    assert t["yearly_rows"]["periods"] == ["2021年", "2022年", "2023年", "2024年", "2025年"]
    assert rows["规范性文件按时报送备案率"] == [None, None, None, 75.0, 75.0]
    assert rows["行政复议未被纠错率"][-1] == 0.0
    quarters = dict(t["quarterly_rows"]["series"])
    assert quarters["规范性文件按时报送备案率"] == [50.0, None, 100.0, None]
    assert quarters["行政复议未被纠错率"] == [None, None, None, 0.0]
    # as of the end of June, the later facts do not count yet
    assert dict(trends(2025, D(2025, 6, 30))["quarterly_rows"]["series"])["规范性文件按时报送备案率"][2] is None


def test_the_cockpit_draws_the_trends_with_the_vendored_echarts(cast, login):
    seeded(cast)
    page = login(cast["mayor"]).get(reverse("assessment:cockpit") + "?year=2025").content.decode()
    assert 'data-chart="trend-yearly"' in page and 'data-chart="trend-quarterly"' in page
    assert "/static/vendor/echarts/echarts.min.js" in page and "cdn" not in page.lower()
    assert 'id="trend-quarterly-table"' in page and "<td>50.0</td>" in page
    assert '<script id="trend-yearly" type="application/json">' in page  # the chart's option beside the canvas
    assert '"type": "line"' in page
