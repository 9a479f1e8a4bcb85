"""附带审查（行政复议法（2023）第三十九条第一款第九项、第五十六条至第六十条）on real dates.

2025年国庆、中秋：10月1日至8日放假，9月28日（星期日）、10月11日（星期六）上班。
2026年春节：2月15日至23日放假，2月14日（星期六）、2月28日（星期六）上班；劳动节5月1日至5日放假。"""

import datetime as dt

import pytest

from yifa.core import clocks
from yifa.core.audit import timeline
from yifa.core.errors import AccessDenied, InvalidInput
from yifa.reconsideration import norms, periods
from yifa.reconsideration import rules as R
from yifa.reconsideration.models import CaseState, NormConclusion, NormSource

D = dt.date


def test_incidental_review_suspends_the_case_and_stops_the_decision_clock(cast, competent_review):
    case, review = competent_review
    case.refresh_from_db()
    assert case.state == CaseState.SUSPENDED
    assert case.suspension_ground == "9"
    assert periods.decision_clock(case).due is None
    events = [e.action for e in timeline(case)]
    assert events.count("reconsideration.suspend") == 1


def test_request_handled_within_thirty_days_rolls_off_national_day(cast, competent_review):
    _, review = competent_review
    # 9/5 + 30 = 10/5, in the 国庆 holiday (10/1–10/8) → 10/9
    assert clocks.open_clock(review, R.NORM_REQUEST_HANDLE).due == D(2025, 10, 9)


def test_drafter_notified_within_three_working_days_of_suspension_counting_adjusted_sunday(cast, competent_review):
    _, review = competent_review
    # suspended Fri 9/26: 9/28 (Sunday, 调休上班) = 1, 9/29 = 2, 9/30 = 3
    assert clocks.open_clock(review, R.DRAFTER_NOTICE).due == D(2025, 9, 30)


def test_drafter_in_yifa_must_answer_within_ten_working_days_after_the_holiday(cast, competent_review):
    _, review = competent_review
    review = norms.norm_review_notify_drafter(review=review, by=cast["fuyi"], on=D(2025, 9, 30))
    assert clocks.open_clock(review, R.DRAFTER_NOTICE) is None
    reply = clocks.open_clock(review, R.DRAFTER_REPLY)
    # 10/9 = 1, 10/10 = 2, 10/11 (Saturday, 调休上班) = 3, 10/13–10/17 = 4–8, 10/20 = 9, 10/21 = 10
    assert reply.due == D(2025, 10, 21)
    assert reply.unit == cast.units["交通运输局"]
    review = norms.norm_review_drafter_reply(
        review=review, by=cast["jiaotong_liaison"], text="相关条款有上位法依据", on=D(2025, 10, 20)
    )
    assert clocks.open_clock(review, R.DRAFTER_REPLY) is None
    assert review.drafter_reply_on == D(2025, 10, 20)


def test_outside_drafter_is_not_timed(cast, accepted):
    case = accepted(D(2025, 9, 1), D(2025, 9, 3))
    review = norms.norm_review_open(
        case=case,
        by=cast["fuyi"],
        source=NormSource.OWN_MOTION,
        document="某省规章第三条",
        started_on=D(2025, 9, 26),
        competent=True,
        drafter_name="某省人民政府",
        on=D(2025, 9, 26),
    )
    review = norms.norm_review_notify_drafter(review=review, by=cast["fuyi"], on=D(2025, 9, 29))
    assert clocks.open_clock(review, R.DRAFTER_REPLY) is None
    assert clocks.open_clock(review, R.NORM_OWN_HANDLE).due == D(2025, 10, 27)  # 9/26 + 30 = 10/26 Sunday → 10/27


def test_concluding_the_review_resumes_the_case_without_counting_the_suspension(cast, competent_review):
    case, review = competent_review
    review = norms.norm_review_conclude(
        review=review,
        by=cast["fuyi"],
        conclusion=NormConclusion.LAWFUL,
        text="相关条款合法，在决定书中一并告知",
        on=D(2025, 10, 9),
    )
    case.refresh_from_db()
    assert case.state == CaseState.ACCEPTED
    assert clocks.open_clock(review, R.NORM_REQUEST_HANDLE) is None
    # accepted 9/3; 9/26–10/8 (13 days) do not count: 9/3 + 73 = 11/15 (Saturday) → 11/17
    assert periods.decision_clock(case).due == D(2025, 11, 17)
    assert [e.action for e in timeline(case)].count("reconsideration.resume") == 1


def test_forwarding_within_seven_working_days_across_spring_festival(cast, accepted):
    case = accepted(D(2026, 1, 5), D(2026, 1, 7))
    review = norms.norm_review_open(
        case=case,
        by=cast["fuyi"],
        source=NormSource.OWN_MOTION,
        document="《江临市某规定》第五条",
        started_on=D(2026, 2, 11),
        competent=False,
        on=D(2026, 2, 11),
    )
    # 2/12 = 1, 2/13 = 2, 2/14 (Saturday, 调休上班) = 3, 2/15–2/23 春节, 2/24–2/27 = 4–7
    assert clocks.open_clock(review, R.NORM_OWN_FORWARD).due == D(2026, 2, 27)
    assert clocks.open_clock(review, R.DRAFTER_NOTICE) is None
    review = norms.norm_review_forward(review=review, by=cast["fuyi"], to_unit=cast.units["市政府"], on=D(2026, 3, 6))
    assert clocks.open_clock(review, R.NORM_OWN_FORWARD) is None
    reply = clocks.open_clock(review, R.FORWARDED_REPLY)
    # 3/6 + 60 = 5/5, in the 劳动节 holiday (5/1–5/5) → 5/6
    assert reply.due == D(2026, 5, 6)
    assert reply.unit == cast.units["市政府"]


def test_forwarded_organ_reply_closes_its_clock_and_staff_resume(cast, accepted):
    case = accepted(D(2026, 1, 5), D(2026, 1, 7))
    review = norms.norm_review_open(
        case=case,
        by=cast["fuyi"],
        source=NormSource.REQUEST,
        document="某文件",
        started_on=D(2026, 2, 11),
        competent=False,
        on=D(2026, 2, 11),
    )
    review = norms.norm_review_forward(review=review, by=cast["fuyi"], to_name="某省人民政府", on=D(2026, 2, 12))
    assert clocks.open_clock(review, R.FORWARDED_REPLY) is None  # outside organ: not timed
    norms.norm_review_conclude(
        review=review,
        by=cast["fuyi"],
        conclusion=NormConclusion.FORWARDED_REPLY,
        text="该条款已修改",
        on=D(2026, 3, 20),
    )
    case.refresh_from_db()
    assert case.state == CaseState.ACCEPTED


def test_forwarded_reply_by_another_unit_is_refused(cast, accepted):
    case = accepted(D(2026, 1, 5), D(2026, 1, 7))
    review = norms.norm_review_open(
        case=case,
        by=cast["fuyi"],
        source=NormSource.REQUEST,
        document="某文件",
        started_on=D(2026, 2, 11),
        competent=False,
        on=D(2026, 2, 11),
    )
    review = norms.norm_review_forward(
        review=review, by=cast["fuyi"], to_unit=cast.units["自然资源局"], on=D(2026, 2, 12)
    )
    with pytest.raises(AccessDenied):
        norms.norm_review_conclude(
            review=review,
            by=cast["minzheng_liaison"],
            conclusion=NormConclusion.FORWARDED_REPLY,
            text="x",
            on=D(2026, 3, 2),
        )
    norms.norm_review_conclude(
        review=review,
        by=cast["ziran_liaison"],
        conclusion=NormConclusion.FORWARDED_REPLY,
        text="已纠正",
        on=D(2026, 3, 2),
    )
    case.refresh_from_db()
    assert case.state == CaseState.SUSPENDED  # the forwarded organ cannot resume the case; staff do


def test_only_reconsideration_staff_open_a_review(cast, accepted):
    case = accepted(D(2025, 9, 1), D(2025, 9, 3))
    with pytest.raises(AccessDenied):
        norms.norm_review_open(
            case=case,
            by=cast["minzheng_liaison"],
            source=NormSource.REQUEST,
            document="x",
            started_on=D(2025, 9, 5),
            competent=False,
            on=D(2025, 9, 5),
        )


def test_missing_fields_are_named_and_nothing_is_written(cast, accepted):
    case = accepted(D(2025, 9, 1), D(2025, 9, 3))
    with pytest.raises(InvalidInput) as err:
        norms.norm_review_open(
            case=case, by=cast["fuyi"], source="", document=" ", started_on=None, competent=True, on=D(2025, 9, 5)
        )
    assert {"source", "document", "started_on", "drafter"} <= set(err.value.errors)
    assert "第五十八条第一款" in err.value.errors["drafter"]
    case.refresh_from_db()
    assert case.state == CaseState.ACCEPTED
    assert not case.norm_reviews.exists()


def test_case_cannot_resume_while_an_incidental_review_is_pending(cast, competent_review):
    from yifa.core.errors import GateBlocked
    from yifa.reconsideration import services

    case, review = competent_review
    with pytest.raises(GateBlocked) as err:
        services.case_resume(case=case, by=cast["fuyi"], on=D(2025, 10, 9))
    assert "第三十九条第一款第九项" in err.value.message
    case.refresh_from_db()
    assert case.state == CaseState.SUSPENDED


def test_terminating_the_case_stops_the_review_clocks(cast, competent_review):
    from yifa.reconsideration import services

    case, review = competent_review
    services.case_terminate(case=case, by=cast["fuyi"], ground="1", reason="申请人撤回", on=D(2025, 9, 29))
    assert not clocks.clocks_of(review).exists()
