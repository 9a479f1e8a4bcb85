"""Statutory clocks on real dates, each expected date checked by hand against the
State Council schedule (2025 国庆中秋 10月1日至8日放假，9月28日、10月11日上班；
2025 劳动节 5月1日至5日；2026 春节 2月15日至23日，2月14日、28日上班)."""

import datetime as dt

import pytest

from yifa.core import clocks
from yifa.core.errors import GateBlocked, YifaError
from yifa.reconsideration import periods, services
from yifa.reconsideration import rules as R
from yifa.reconsideration.models import CaseState, Procedure
from yifa.reconsideration.tasks import daily

D = dt.date
pytestmark = pytest.mark.django_db


def test_acceptance_review_skips_national_day_and_counts_makeup_sunday(receive):
    case = receive(D(2025, 9, 26))
    clock = periods.review_clock(case)
    # 9/28(日，调休上班)、9/29、9/30、10/9、10/10
    assert clock.due == D(2025, 10, 10)
    assert "跳过国庆节" in clock.explanation and "9月28日" in clock.explanation
    assert "第三十条第一款" in clock.explanation


def test_reply_period_is_ten_working_days_across_holidays(cast, accepted):
    case = accepted(D(2025, 9, 26), D(2025, 9, 29))
    copy = clocks.open_clock(case, R.COPY_2023)
    # 7 working days from 9/29: 9/30, 10/9, 10/10, 10/11(六，调休上班), 10/13, 10/14, 10/15
    assert copy.due == D(2025, 10, 15)
    case = services.case_send_copy(case=case, by=cast["fuyi"], on=D(2025, 9, 30))
    reply = periods.reply_clock(case)
    # 10/9, 10/10, 10/11, 10/13, 10/14, 10/15, 10/16, 10/17, 10/20, 10/21
    assert reply.due == D(2025, 10, 21)
    assert reply.unit == cast.units["民政局"]


def test_simplified_procedure_uses_three_and_five_working_days(cast, accepted):
    case = accepted(D(2025, 9, 22), D(2025, 9, 26), procedure=Procedure.SIMPLIFIED, simplified_basis="small_amount")
    # 3 working days from 9/26: 9/28(调休), 9/29, 9/30
    assert clocks.open_clock(case, R.COPY_SIMPLE).due == D(2025, 9, 30)
    case = services.case_send_copy(case=case, by=cast["fuyi"], on=D(2025, 9, 30))
    # 5 working days from 9/30: 10/9, 10/10, 10/11, 10/13, 10/14
    assert periods.reply_clock(case).due == D(2025, 10, 14)
    # 第六十二条第二款：30日 from 9/26 = 10/26 (Sunday) → Monday 10/27
    assert periods.decision_clock(case).due == D(2025, 10, 27)


def test_decision_period_ending_in_spring_festival_moves_to_next_working_day(accepted):
    case = accepted(D(2025, 12, 15), D(2025, 12, 20))
    clock = periods.decision_clock(case)
    # 60 days from 2025-12-20 = 2026-02-18 (春节假期) → 2026-02-24
    assert clock.due == D(2026, 2, 24)
    assert "民事诉讼法第八十五条" in clock.explanation


def test_case_received_before_2024_follows_2017_law_with_calendar_day_reply(cast, accepted):
    case = accepted(D(2023, 12, 27), D(2023, 12, 28))
    assert case.law_year == 2017
    assert periods.decision_clock(case).rule_id == R.DECISION_2017.id
    case = services.case_send_copy(case=case, by=cast["fuyi"], on=D(2023, 12, 29))
    reply = periods.reply_clock(case)
    # 2017年法第二十三条：十日（第四十条只将五日、七日定为工作日）: 12/29 + 10 = 2024-01-08 (Monday)
    assert reply.rule_id == R.REPLY_2017.id
    assert reply.due == D(2024, 1, 8)


def test_correction_restarts_the_review_period(cast, receive):
    case = receive(D(2025, 9, 26))
    case = services.case_request_correction(
        case=case, by=cast["fuyi"], items="请补充处罚决定书复印件", on=D(2025, 9, 29), served_on=D(2025, 9, 29)
    )
    assert case.state == CaseState.CORRECTION
    correction = clocks.open_clock(case, R.CORRECTION_2023)
    # 10 working days from 9/29: 9/30, 10/9, 10/10, 10/11, 10/13 … 10/17, 10/20
    assert correction.due == D(2025, 10, 20)
    case = services.case_receive_correction(case=case, by=cast["fuyi"], on=D(2025, 10, 13))
    review = periods.review_clock(case)
    # 重新计算5个工作日 from 10/13: 10/14, 10/15, 10/16, 10/17, 10/20
    assert review.due == D(2025, 10, 20)
    assert "重新起算" in review.explanation


def test_correction_notice_after_five_working_days_is_refused(cast, receive):
    case = receive(D(2025, 9, 26))
    with pytest.raises(GateBlocked) as err:
        services.case_request_correction(case=case, by=cast["fuyi"], items="补充材料", on=D(2025, 10, 13))
    assert "第三十一条第一款" in err.value.message
    assert "2025年10月10日" in err.value.message


def test_suspension_stops_the_decision_clock(cast, accepted):
    case = accepted(D(2025, 2, 28), D(2025, 3, 3))
    # 60 days from 3/3 = 5/2 (劳动节) → 5/6
    assert periods.decision_clock(case).due == D(2025, 5, 6)
    case = services.case_suspend(case=case, by=cast["fuyi"], ground="7", on=D(2025, 3, 10))
    assert periods.decision_clock(case).due is None
    case = services.case_resume(case=case, by=cast["fuyi"], on=D(2025, 3, 20))
    clock = periods.decision_clock(case)
    # 3/10–3/19 do not count: 3/3 + 70 days = 5/12 (Monday)
    assert clock.due == D(2025, 5, 12)
    assert "扣除中止期间3月10日至19日共10日" in clock.explanation


def test_extension_is_capped_at_thirty_days_in_total(cast, accepted):
    case = accepted(D(2025, 2, 28), D(2025, 3, 3))
    head = cast["legal_head"]
    with pytest.raises(YifaError) as err:
        services.case_extend(case=case, by=head, days=31, reason="案情复杂", on=D(2025, 4, 20))
    assert "第六十二条第一款" in err.value.message
    assert periods.decision_clock(case).due == D(2025, 5, 6)
    case.refresh_from_db()
    assert case.extension_days == 0
    case = services.case_extend(case=case, by=head, days=30, reason="案情复杂", on=D(2025, 4, 20))
    # 90 days from 3/3 = 6/1 (Sunday) → 6/3? 6/2 is 端午 holiday (5/31–6/2) → 6/3
    assert periods.decision_clock(case).due == D(2025, 6, 3)
    with pytest.raises(YifaError) as err:
        services.case_extend(case=case, by=head, days=1, reason="仍需延长", on=D(2025, 5, 20))
    assert "第六十二条第一款" in err.value.message and "已延长30日" in err.value.message


def test_extension_needs_the_office_head(cast, accepted):
    case = accepted(D(2025, 2, 28), D(2025, 3, 3))
    from yifa.core.errors import AccessDenied

    with pytest.raises(AccessDenied):
        services.case_extend(case=case, by=cast["fuyi"], days=10, reason="复杂", on=D(2025, 4, 1))


def test_deemed_accepted_when_review_period_lapses(cast, receive):
    case = receive(D(2025, 9, 26))
    daily(D(2025, 10, 10))
    case.refresh_from_db()
    assert case.state == CaseState.REVIEW
    daily(D(2025, 10, 11))
    case.refresh_from_db()
    assert case.state == CaseState.ACCEPTED and case.deemed_accepted
    # 第三十条第三款：审查期限届满之日起视为受理
    assert case.accepted_on == D(2025, 10, 10)
    # 60 days from 10/10 = 12/9 (Tuesday)
    assert periods.decision_clock(case).due == D(2025, 12, 9)


def test_not_accepting_after_review_period_is_refused(cast, receive):
    case = receive(D(2025, 9, 26))
    with pytest.raises(GateBlocked) as err:
        services.case_not_accept(case=case, by=cast["fuyi"], reason="不属于受案范围", on=D(2025, 10, 13))
    assert "视为受理" in err.value.message
