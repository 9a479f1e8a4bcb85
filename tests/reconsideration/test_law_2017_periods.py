"""2017年法案件：实施条例第二十九条的补正通知期限“5日”为自然日，末日逢休息日顺延（民事诉讼法第八十五条），
不是工作日（2017年法第四十条第二款只及于该法本身的五日、七日）。"""

import datetime as dt

import pytest

from yifa.core.errors import GateBlocked
from yifa.reconsideration import periods, services
from yifa.reconsideration.models import CaseState

D = dt.date


def test_correction_notice_of_a_2017_case_counts_calendar_days_and_rolls_over_the_holiday(cast, receive):
    # 2023-09-27 (Wednesday) + 5 calendar days = 10月2日, in the 中秋节、国庆节 holiday (9/29–10/6);
    # the next working day is Saturday 10月7日 (调休上班). In working days it would have been 10月10日.
    case = receive(D(2023, 9, 27))
    assert periods.correction_notice_due(case).due == D(2023, 10, 7)
    with pytest.raises(GateBlocked) as err:
        services.case_request_correction(
            case=case, by=cast["fuyi"], items="补充身份证明", on=D(2023, 10, 9), correction_due_on=D(2023, 10, 20)
        )
    assert "实施条例》（2007年）第二十九条" in err.value.message and "5日内" in err.value.message
    assert "2023年10月7日" in err.value.message
    case.refresh_from_db()
    assert case.state == CaseState.REVIEW
    case = services.case_request_correction(
        case=case, by=cast["fuyi"], items="补充身份证明", on=D(2023, 10, 7), correction_due_on=D(2023, 10, 20)
    )
    assert case.state == CaseState.CORRECTION


def test_correction_notice_of_a_2023_law_case_still_counts_working_days(cast, receive):
    # 2025-09-26 (Friday) + 5 working days: 9/28 (Sunday, 调休上班), 9/29, 9/30, then 10/1–10/8 holiday,
    # 10/9, 10/10 → 2025年10月10日 (第八十八条第二款).
    case = receive(D(2025, 9, 26))
    assert periods.correction_notice_due(case).due == D(2025, 10, 10)


def test_appraisal_time_does_not_count_toward_the_decision_period(cast, accepted):
    """实施条例第三十七条：鉴定所用时间不计入审理期限。"""
    case = accepted(D(2025, 2, 28), D(2025, 3, 3))
    assert periods.decision_clock(case).due == D(2025, 5, 6)  # 3/3 + 60 = 5/2 (劳动节 5/1–5/5) → 5/6
    case = services.case_exclude_time(
        case=case, by=cast["fuyi"], kind="appraisal", first=D(2025, 3, 10), last=D(2025, 3, 19), on=D(2025, 3, 20)
    )
    clock = periods.decision_clock(case)
    # 10 days excluded: 3/3 + 70 = 5/12 (Monday)
    assert clock.due == D(2025, 5, 12)
    assert "扣除中止期间3月10日至19日共10日" in clock.explanation
    from yifa.core.audit import timeline

    assert "鉴定所用时间不计入行政复议审理期限" in [e.action_label for e in timeline(case)]


def test_excluded_time_must_have_happened_after_acceptance(cast, accepted):
    case = accepted(D(2025, 2, 28), D(2025, 3, 3))
    with pytest.raises(GateBlocked) as err:
        services.case_exclude_time(
            case=case, by=cast["fuyi"], kind="inspection", first=D(2025, 3, 1), last=D(2025, 3, 25), on=D(2025, 3, 20)
        )
    assert "受理之日" in err.value.message and "登记当日" in err.value.message
    assert periods.decision_clock(case).due == D(2025, 5, 6)


def test_site_inspection_time_does_not_count_toward_the_decision_period(cast, accepted):
    """实施条例第三十四条第三款：现场勘验所用时间不计入审理期限（与鉴定同样扣除）。"""
    case = accepted(D(2025, 2, 28), D(2025, 3, 3))
    assert periods.decision_clock(case).due == D(2025, 5, 6)  # 3/3 + 60 = 5/2 (劳动节 5/1–5/5) → 5/6
    case = services.case_exclude_time(
        case=case, by=cast["fuyi"], kind="inspection", first=D(2025, 3, 10), last=D(2025, 3, 19), on=D(2025, 3, 20)
    )
    # 10 days excluded: 3/3 + 70 = 5/12 (Monday, a working day)
    assert periods.decision_clock(case).due == D(2025, 5, 12)
    from yifa.core.audit import timeline

    assert "现场勘验所用时间不计入行政复议审理期限" in [e.action_label for e in timeline(case)]
