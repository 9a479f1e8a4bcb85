"""Late replies join the unit's assessment: 依申请公开按期答复率 is declared in disclosure/scores.py and
computed from the requests' reply clocks (第三十三条第二款), the records behind it linked on the score page."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.assessment.records import records_shown
from yifa.assessment import queries
from yifa.disclosure import services
from yifa.disclosure.scores import REPLIES_ON_TIME

D = dt.date
pytestmark = pytest.mark.django_db
CODE = "disclosure_replies_on_time"


def _reply(cast, r, on):
    return services.request_act(
        r,
        "reply",
        by=cast["minzheng_liaison"],
        expected_version=r.version,
        on=on,
        outcome="open",
        reply_text="予以公开",
    )


def _line(cast, unit_key="民政局", as_of=None):
    as_of = as_of or D(2026, 12, 31)
    row = next(r for r in queries.scores(cast["mayor"], year=2026, as_of=as_of) if r.unit == cast[unit_key])
    return next(line for line in row.lines if line.indicator.code == CODE)


def test_late_and_overdue_replies_lower_the_units_score_and_are_linked(cast, register, login):
    # Received 9月18日: due 10月22日 (test_clocks_on_real_dates counts it by hand).
    on_time = _reply(cast, register(D(2026, 9, 18), content="低保资金发放明细"), D(2026, 10, 22))
    late = _reply(cast, register(D(2026, 9, 18), content="临时救助名单"), D(2026, 10, 23))
    # Received 10月9日: 10月10日（调休）、12日至16日、19日至23日、26日至30日、11月2日至5日 → due 11月5日;
    # never answered.
    overdue = register(D(2026, 10, 9), content="养老机构补贴")
    line = _line(cast)
    assert line.indicator.name == "依申请公开按期答复率" and line.indicator.source == "disclosure"
    assert line.points == Decimal("3.3")  # 1 of 3 on time, of 10 points
    assert _line(cast, as_of=D(2026, 11, 5)).points == Decimal("5.0")  # on 11月5日 the third is not yet late
    assert _line(cast, "市场监管局").points == 10  # no request to assess: full points

    html = records_shown(login(cast["minzheng_head"]), cast["民政局"], REPLIES_ON_TIME, 2026)
    for r in (on_time, late, overdue):
        assert f'href="{r.get_absolute_url()}"' in html
    assert "逾期答复（期限届满2026年10月22日，2026年10月23日答复）" in html
    assert "答复期限2026年11月5日届满，逾期未答复" in html


def test_a_clarification_pause_is_not_held_against_the_unit(cast, register):
    r = register(D(2026, 9, 18))
    r = services.request_act(
        r,
        "request_clarification",
        by=cast["minzheng_liaison"],
        expected_version=r.version,
        on=D(2026, 9, 21),
        clarification_items="请写明所需信息的年份",
        clarification_due=D(2026, 9, 30),
    )
    r = services.request_act(
        r, "receive_supplement", by=cast["minzheng_liaison"], expected_version=r.version, on=D(2026, 10, 12)
    )
    # The reply period runs again from the supplement (第三十条): 10月23日 is on time although past 10月22日.
    _reply(cast, r, D(2026, 10, 23))
    assert _line(cast).points == 10


def test_a_late_reply_lowers_the_reply_indicator_only_not_the_general_clock_indicator(cast, register):
    late = _reply(cast, register(D(2026, 9, 18), content="临时救助名单"), D(2026, 10, 23))
    row = next(r for r in queries.scores(cast["mayor"], year=2026, as_of=D(2026, 12, 31)) if r.unit == cast["民政局"])
    lines = {line.indicator.code: line for line in row.lines}
    assert lines[CODE].points == 0  # the one reply, late
    general = lines["clocks_on_time"]
    assert general.indicator.name == "法定期限按期办结"
    assert (general.points, general.tally.total) == (general.indicator.points, 0)  # the reply clock not counted again
    behind = general.indicator.rows(cast["民政局"].pk, 2026, D(2026, 12, 31))
    assert all(r["link"] != late.get_absolute_url() for r in behind)
