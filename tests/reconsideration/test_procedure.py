"""A case from intake to published decision, through the services; gates list everything missing."""

import datetime as dt

import pytest

from yifa.core.audit import timeline
from yifa.core.errors import AccessDenied, GateBlocked, InvalidInput
from yifa.core.models import Notification
from yifa.reconsideration import committee, opinions, periods, queries, services
from yifa.reconsideration.models import Case, CaseState, Party
from yifa.reconsideration.tasks import daily

D = dt.date
pytestmark = pytest.mark.django_db


def test_case_numbers_follow_the_configured_pattern_and_count_per_year(cast, accepted):
    from yifa.reconsideration.configuration import numbering_set

    numbering_set(by=cast["fuyi"], year=2025, pattern="〔{year}〕江临府复字第{seq}号")
    first = accepted(D(2025, 3, 3), D(2025, 3, 4))
    second = accepted(D(2025, 3, 4), D(2025, 3, 5))
    assert first.number == "〔2025〕江临府复字第1号"
    assert second.number == "〔2025〕江临府复字第2号"
    assert accepted(D(2026, 1, 5), D(2026, 1, 6)).number == "〔2026〕江临府复字第1号"
    assert len(first.lookup_code) == 8 and first.lookup_code != second.lookup_code


def test_bad_pattern_is_refused_with_the_field_named(cast):
    from yifa.reconsideration.configuration import numbering_set

    with pytest.raises(InvalidInput) as err:
        numbering_set(by=cast["fuyi"], year=2025, pattern="江临复字{n}号")
    assert err.value.field == "pattern" and "{seq}" in err.value.message


def test_incomplete_application_lists_every_missing_field_and_writes_nothing(cast, receive):
    with pytest.raises(InvalidInput) as err:
        receive(
            D(2025, 3, 3),
            parties=[{"name": " ", "id_number": "123"}],
            respondent_unit=None,
            requests="",
            facts_reasons="",
            known_on=None,
        )
    errors = err.value.errors
    assert {"applicant", "respondent", "requests", "facts_reasons", "known_on", "parties.0.id_number"} <= set(errors)
    assert "第三十条第一款第三项" in errors["requests"]
    assert not Case.objects.exists() and not Party.objects.exists()


def test_personal_data_is_encrypted_at_rest(cast, receive):
    receive(D(2025, 3, 3))
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("select id_number, phone from reconsideration_party")
        id_number, phone = cur.fetchone()
    assert id_number.startswith("enc1:") and "110101" not in id_number
    assert phone.startswith("enc1:")
    assert Party.objects.get().id_number == "110101199003071233"


def test_late_application_needs_recorded_grounds_before_acceptance(cast, receive):
    case = receive(D(2025, 6, 3), known_on=D(2025, 3, 1), act_date=D(2025, 3, 1))
    # 60 days from 3/1 = 4/30
    with pytest.raises(GateBlocked) as err:
        services.case_accept(case=case, by=cast["fuyi"], on=D(2025, 6, 4))
    assert "2025年4月30日" in err.value.message and "第二十条第一款" in err.value.message
    case.refresh_from_db()
    assert case.state == CaseState.REVIEW and case.delay_grounds == ""
    case = services.case_accept(case=case, by=cast["fuyi"], on=D(2025, 6, 4), delay_grounds="住院治疗，有病历")
    assert case.state == CaseState.ACCEPTED


def test_application_beyond_five_years_cannot_be_accepted(cast, receive):
    # 2020-06-01 + 5 years = Sunday 2025-06-01 in the 端午 holiday (5-31..6-02) → last day 2025-06-03
    case = receive(D(2025, 6, 4), act_date=D(2020, 6, 1), known_on=D(2025, 5, 20))
    with pytest.raises(GateBlocked) as err:
        services.case_accept(case=case, by=cast["fuyi"], on=D(2025, 6, 5), delay_grounds="不知情")
    assert "第二十一条" in err.value.message


def test_unanswered_correction_means_the_application_is_abandoned(cast, receive):
    case = receive(D(2025, 9, 26))
    case = services.case_request_correction(
        case=case, by=cast["fuyi"], items="补充身份证明", on=D(2025, 9, 29), served_on=D(2025, 9, 29)
    )
    with pytest.raises(GateBlocked):
        services.case_abandon(case=case, by=cast["fuyi"], on=D(2025, 10, 20))
    case = services.case_abandon(case=case, by=cast["fuyi"], on=D(2025, 10, 21))
    assert case.state == CaseState.ABANDONED


def test_respondent_answers_in_its_own_inbox(cast, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    case = services.case_send_copy(case=case, by=cast["fuyi"], on=D(2025, 3, 5))
    assert Notification.objects.filter(user=cast["minzheng_liaison"], key=f"fuyi-copy:{case.pk}").exists()
    with pytest.raises(AccessDenied):
        services.case_reply(case=case, by=cast["shijian_officer"], text="答复", on=D(2025, 3, 10))
    case = services.case_reply(
        case=case,
        by=cast["minzheng_liaison"],
        text="处罚事实清楚",
        on=D(2025, 3, 10),
        files=[("证据.txt", "执法记录".encode())],
    )
    assert case.reply_on == D(2025, 3, 10)
    assert periods.reply_clock(case).status == "met"


def test_missing_reply_is_flagged_after_the_period(cast, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    case = services.case_send_copy(case=case, by=cast["fuyi"], on=D(2025, 3, 5))
    # 10 working days from 3/5 = 3/19
    assert not periods.reply_lapsed(case, D(2025, 3, 19))
    assert periods.reply_lapsed(case, D(2025, 3, 20))


def test_decision_draft_lists_every_unmet_condition_at_once(cast, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4), is_major=True)
    with pytest.raises(GateBlocked) as err:
        services.case_propose(case=case, by=cast["fuyi"], decision_type="", decision_text="", on=D(2025, 3, 6))
    text = "；".join(err.value.unmet)
    for article in ("第四十八条", "第四十九条", "第五十条第一款", "第五十二条第二款", "决定类型", "决定内容"):
        assert article in text


def test_formal_hearing_needs_five_working_days_notice(cast, accepted):
    case = accepted(D(2025, 9, 22), D(2025, 9, 23))
    # notice 9/26: 5 working days = 9/28, 9/29, 9/30, 10/9, 10/10 → hearing from 10/10 (earliest_after_notice)
    with pytest.raises(InvalidInput) as err:
        services.case_record_hearing(
            case=case,
            by=cast["fuyi"],
            kind="formal",
            notified_on=D(2025, 9, 26),
            held_on=D(2025, 10, 9),
            panel="赵复议",
        )
    assert "第五十一条" in err.value.message
    services.case_record_hearing(
        case=case,
        by=cast["fuyi"],
        kind="formal",
        notified_on=D(2025, 9, 26),
        held_on=D(2025, 10, 10),
        panel="赵复议（主持）",
        place="司法局听证室",
    )
    assert case.hearings.count() == 1


def full_case(cast, accepted, **accept):
    fuyi = cast["fuyi"]
    case = accepted(D(2025, 3, 3), D(2025, 3, 4), **accept)
    case = services.case_send_copy(case=case, by=fuyi, on=D(2025, 3, 5))
    case = services.case_reply(case=case, by=cast["minzheng_liaison"], text="答复意见", on=D(2025, 3, 12))
    services.case_record_hearing(
        case=case, by=fuyi, kind="hear", held_on=D(2025, 3, 20), place="电话", record="申请人坚持请求"
    )
    return case


def test_committee_opinion_is_required_for_technical_cases_and_recorded(cast, accepted):
    case = full_case(cast, accepted, is_technical=True)
    assert case in queries.pending_referrals()
    with pytest.raises(GateBlocked):
        services.case_propose(
            findings="被申请人于作出行政行为前已告知申请人陈述申辩权利",
            case=case,
            by=cast["fuyi"],
            decision_type="revoke",
            decision_text="事实不清",
            on=D(2025, 4, 1),
        )
    member = committee.member_add(
        by=cast["fuyi"],
        name="陈教授",
        kind="scholar",
        affiliation="江临大学",
        term_start=D(2024, 1, 1),
        term_end=D(2026, 12, 31),
    )
    committee.meeting_hold(
        by=cast["fuyi"], held_on=D(2025, 3, 25), title="第一次会议", members=[member], opinions={case.pk: "建议撤销"}
    )
    case = services.case_propose(
        findings="被申请人于作出行政行为前已告知申请人陈述申辩权利",
        case=case,
        by=cast["fuyi"],
        decision_type="revoke",
        decision_text="事实不清",
        on=D(2025, 4, 1),
    )
    assert case.state == CaseState.APPROVAL


def test_committee_member_out_of_term_cannot_sit(cast):
    member = committee.member_add(
        by=cast["fuyi"],
        name="李专家",
        kind="expert",
        affiliation="设计院",
        term_start=D(2022, 1, 1),
        term_end=D(2024, 12, 31),
    )
    with pytest.raises(InvalidInput) as err:
        committee.meeting_hold(
            by=cast["fuyi"], held_on=D(2025, 3, 25), title="会议", members=[member], opinions={1: "意见"}
        )
    assert "李专家" in err.value.message


def test_decision_needs_head_approval_and_overdue_needs_justification(cast, accepted):
    case = full_case(cast, accepted)
    case = services.case_propose(
        findings="被申请人于作出行政行为前已告知申请人陈述申辩权利",
        case=case,
        by=cast["fuyi"],
        decision_type="revoke",
        decision_text="主要事实不清",
        on=D(2025, 5, 1),
    )
    with pytest.raises(AccessDenied):
        services.case_approve(case=case, by=cast["fuyi"], approval_mode="head", on=D(2025, 5, 8))
    # decision due: 60 days from 3/4 = 5/3 (劳动节) → 5/6
    with pytest.raises(GateBlocked) as err:
        services.case_approve(case=case, by=cast["mayor"], on=D(2025, 5, 8))
    assert "2025年05月06日" in err.value.message or "2025年5月6日" in err.value.message
    case = services.case_justify_overdue(case=case, by=cast["fuyi"], reason="鉴定机构延迟出具结论")
    case = services.case_approve(case=case, by=cast["mayor"], on=D(2025, 5, 8))
    assert case.state == CaseState.DECIDED and case.closed_on == D(2025, 5, 8)
    assert periods.decision_clock(case) is None
    actions = [e.action for e in timeline(case)]
    assert actions.count("reconsideration.approve") == 1


def test_published_decision_has_no_personal_data(cast, accepted):
    case = full_case(cast, accepted)
    case = services.case_propose(
        findings="被申请人于作出行政行为前已告知申请人陈述申辩权利",
        case=case,
        by=cast["fuyi"],
        decision_type="revoke",
        decision_text="张三提交的证据表明，联系电话13812345678的举报不实",
        on=D(2025, 4, 1),
    )
    case = services.case_approve(
        case=case,
        by=cast["fuyi"],
        approval_mode="collective",
        meeting="市政府第12次常务会议",
        meeting_on=D(2025, 4, 2),
        meeting_record="会议同意撤销该处罚决定",
        on=D(2025, 4, 2),
    )
    case = services.case_publish(case=case, by=cast["fuyi"], on=D(2025, 4, 3))
    assert "张某" in case.public_text
    for secret in ("张三", "13812345678", "110101199003071233", "幸福路"):
        assert secret not in case.public_text
    assert "撤销" in case.public_text


def test_mediation_and_termination_close_the_case_and_its_clocks(cast, accepted):
    one = accepted(D(2025, 3, 3), D(2025, 3, 4))
    one = services.case_mediate(case=one, by=cast["fuyi"], mediation_text="被申请人减少罚款至500元", on=D(2025, 3, 20))
    assert one.state == CaseState.MEDIATED and periods.decision_clock(one) is None
    two = accepted(D(2025, 3, 3), D(2025, 3, 4))
    two = services.case_terminate(
        case=two, by=cast["fuyi"], ground="1s", reason="双方和解，申请人撤回", on=D(2025, 3, 20)
    )
    assert two.state == CaseState.TERMINATED


def test_termination_for_long_suspension_only_after_sixty_days(cast, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    case = services.case_suspend(case=case, by=cast["fuyi"], ground="1", on=D(2025, 3, 10))
    # 60 days from 3/10 = 5/9 (Friday)
    with pytest.raises(GateBlocked):
        services.case_terminate(case=case, by=cast["fuyi"], ground="5", on=D(2025, 5, 9))
    case = services.case_terminate(case=case, by=cast["fuyi"], ground="5", on=D(2025, 5, 10))
    assert case.state == CaseState.TERMINATED


def test_simplified_case_converted_to_normal_gets_normal_periods(cast, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4), procedure="simplified", simplified_basis="warning")
    assert periods.decision_clock(case).due == D(2025, 4, 3)  # 30 days from 3/4
    case = services.case_to_normal(case=case, by=cast["legal_head"], reason="案情复杂", on=D(2025, 3, 10))
    assert not case.is_simplified
    assert periods.decision_clock(case).due == D(2025, 5, 6)


def test_simplified_procedure_needs_a_basis(cast, receive):
    case = receive(D(2025, 3, 3))
    with pytest.raises(GateBlocked) as err:
        services.case_accept(case=case, by=cast["fuyi"], on=D(2025, 3, 4), procedure="simplified")
    assert "第五十三条" in err.value.message


def test_opinion_letter_feedback_is_tracked_for_sixty_days(cast, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    letter = opinions.opinion_issue(
        case=case,
        by=cast["fuyi"],
        recipient=cast.units["民政局"],
        content="处罚程序中未告知陈述申辩权利",
        on=D(2025, 4, 1),
    )
    from yifa.core import clocks

    clock = clocks.clocks_of(letter).get()
    assert clock.due == D(2025, 6, 3)  # 60 days from 4/1 = 5/31 (端午假期) → 6/3
    opinions.opinion_feedback(letter=letter, by=cast["minzheng_liaison"], feedback="已整改", on=D(2025, 5, 20))
    clock.refresh_from_db()
    assert clock.status == "met"


def test_sweep_deems_acceptance_once(cast, receive):
    receive(D(2025, 9, 26))
    assert daily(D(2025, 10, 13)) == "审查期限届满视为受理1件"
    assert daily(D(2025, 10, 14)) == "审查期限届满视为受理0件"


def test_stale_edit_is_refused(cast, receive):
    case = receive(D(2025, 3, 3))
    from yifa.core.errors import Conflict

    with pytest.raises(Conflict):
        services.case_accept(case=case, by=cast["fuyi"], on=D(2025, 3, 4), expected_version=case.version - 1 or 99)


def test_reply_of_an_outside_organ_is_entered_by_the_office(cast, accepted):
    case = accepted(
        D(2025, 3, 3),
        D(2025, 3, 4),
    )
    from yifa.reconsideration.models import Case as C

    C.objects.filter(pk=case.pk).update(respondent_unit=None, respondent_name="某省某厅")
    case.refresh_from_db()
    case = services.case_send_copy(case=case, by=cast["fuyi"], on=D(2025, 3, 5))
    case = services.case_reply(case=case, by=cast["fuyi"], text="邮寄答复已收到", on=D(2025, 3, 12))
    assert case.reply_on == D(2025, 3, 12)


def test_correction_in_a_2017_case_needs_a_period_set_by_the_office(cast, receive):
    case = receive(D(2023, 12, 27))
    with pytest.raises(InvalidInput) as err:
        services.case_request_correction(case=case, by=cast["fuyi"], items="补充材料", on=D(2023, 12, 28))
    assert "实施条例" in err.value.message or "第二十九条" in err.value.message
    case = services.case_request_correction(
        case=case, by=cast["fuyi"], items="补充材料", on=D(2023, 12, 28), correction_due_on=D(2024, 1, 12)
    )
    assert periods.correction_due(case) == D(2024, 1, 12)


def test_statistics_count_corrections_and_average_duration(cast, accepted):
    from yifa.reconsideration.queries import statistics

    one = full_case(cast, accepted)
    one = services.case_propose(
        findings="被申请人于作出行政行为前已告知申请人陈述申辩权利",
        case=one,
        by=cast["fuyi"],
        decision_type="change",
        decision_text="罚款过重",
        on=D(2025, 4, 1),
    )
    services.case_approve(case=one, by=cast["mayor"], on=D(2025, 4, 2))
    two = accepted(D(2025, 3, 3), D(2025, 3, 4))
    services.case_mediate(case=two, by=cast["fuyi"], mediation_text="和解", on=D(2025, 3, 23))
    stats = statistics(cast["fuyi"], 2025)
    assert stats["closed"] == 2 and stats["corrected"] == 1 and stats["correction_rate"] == 50.0
    # (4/2 − 3/3) = 30 days and (3/23 − 3/3) = 20 days
    assert stats["average_days"] == 25.0
    assert ("江临市民政局", 2, 1) in stats["by_unit"]


def test_sweep_reminds_the_respondent_before_the_reply_is_due_and_marks_it_overdue(cast, accepted):
    from yifa.core.sweep import run_sweep

    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    services.case_send_copy(case=case, by=cast["fuyi"], on=D(2025, 3, 5))
    # reply due 2025-03-19 (10 working days)
    run_sweep(D(2025, 3, 17))
    liaison = cast["minzheng_liaison"]
    assert Notification.objects.filter(user=liaison, title__contains="被申请人书面答复将于2025年03月19日届满").exists()
    result = run_sweep(D(2025, 3, 20))
    assert result.overdue_marked >= 1
    assert Notification.objects.filter(user=liaison, title="已逾期：被申请人书面答复").exists()


def test_identity_numbers_are_checked_by_party_kind(cast, receive):
    with pytest.raises(InvalidInput) as err:
        receive(D(2025, 3, 3), parties=[{"name": "张三", "id_number": "110101199003071234"}])
    assert "身份证号码：须为18位且校验码正确" in err.value.message
    assert not Case.objects.exists()
    case = receive(
        D(2025, 3, 3), parties=[{"name": "江临某某有限公司", "kind": "legal", "id_number": "91330100MA2B3C4D5E"}]
    )
    assert case.pk
