"""The statutory gates, each refusing with every missing condition and writing nothing."""

import json

import pytest
from django.core.management import call_command

from yifa.core.errors import AccessDenied, Conflict, GateBlocked, InvalidInput, YifaError
from yifa.core.models import Deadline, Event, Notification
from yifa.core.sweep import run_sweep
from yifa.decisions import services
from yifa.decisions import todo as decisions_todo
from yifa.decisions.models import Decision, DecisionState, Hearing, LegalityReview, Meeting

from .builders import D, drafted, meeting, published, reviewed


def test_decision_cannot_be_discussed_without_legality_review(cast, simple_decision):
    with pytest.raises(GateBlocked) as blocked:
        services.decision_discuss(by=cast["mayor"], decision=simple_decision, **meeting(cast))
    assert any("未经合法性审查，不得提交决策机关讨论" in u and "第二十五条第二款" in u for u in blocked.value.unmet)
    assert not Meeting.objects.exists()
    simple_decision.refresh_from_db()
    assert simple_decision.state == DecisionState.DRAFTING


def test_decision_cannot_be_discussed_after_review_found_it_unlawful(cast, simple_decision):
    decision = services.review_submit(
        by=cast["minzheng_liaison"],
        decision=simple_decision,
        planned_meeting_on=D(2026, 5, 11),
        procedure_note="说明",
        on=D(2026, 4, 27),
    )
    decision = services.review_opinion(
        by=cast["reviewer"], decision=decision, opinion="unlawful", text="超越法定权限", on=D(2026, 5, 6)
    )
    assert decision.state == DecisionState.DRAFTING
    with pytest.raises(GateBlocked) as blocked:
        services.decision_discuss(by=cast["mayor"], decision=decision, **meeting(cast))
    assert any("经合法性审查不合法" in u for u in blocked.value.unmet)
    assert not Meeting.objects.exists()


def test_decision_is_decided_after_a_lawful_review_and_a_complete_meeting_record(cast, simple_decision):
    decision = reviewed(cast, simple_decision)
    decision = services.decision_discuss(by=cast["mayor"], decision=decision, **meeting(cast))
    assert decision.state == DecisionState.DECIDED


def test_meeting_record_lists_every_missing_item(cast, simple_decision):
    decision = reviewed(cast, simple_decision)
    bad = meeting(
        cast,
        legal_head_attended=False,
        head_spoke_last=False,
        attendees="",
        head_conclusion="",
        opinions=[{"speaker": "甲", "opinion": "反对", "stance": "disagree"}],
    )
    with pytest.raises(GateBlocked) as blocked:
        services.decision_discuss(by=cast["mayor"], decision=decision, **bad)
    unmet = "\n".join(blocked.value.unmet)
    for missing in ("出席人员", "法制机构负责人未列席会议", "最后发表意见", "行政首长的决定", "与多数人意见不一致"):
        assert missing in unmet
    assert not Meeting.objects.exists()


def test_short_comment_period_needs_a_reason(cast, simple_decision):
    with pytest.raises(InvalidInput) as refused:
        services.comment_window_open(
            by=cast["minzheng_liaison"], decision=simple_decision, opens=D(2026, 3, 2), closes=D(2026, 3, 31)
        )
    assert "不足30日" in refused.value.message and "第十五条第一款" in refused.value.message
    assert refused.value.field == "short_reason"
    simple_decision.refresh_from_db()
    assert simple_decision.comment_opens is None

    decision = services.comment_window_open(
        by=cast["minzheng_liaison"],
        decision=simple_decision,
        opens=D(2026, 3, 2),
        closes=D(2026, 3, 16),
        short_reason="汛期临近，情况紧急",
    )
    assert decision.comment_closes == D(2026, 3, 16) and decision.comment_short_reason


def test_thirty_day_comment_period_is_accepted_without_reason(cast, simple_decision):
    # 3月2日起算30日（当日不计入）：3月3日为第1日，4月1日(三)为第30日
    decision = services.comment_window_open(
        by=cast["minzheng_liaison"], decision=simple_decision, opens=D(2026, 3, 2), closes=D(2026, 4, 1)
    )
    assert decision.comment_closes == D(2026, 4, 1)


def test_comment_period_ending_on_national_day_must_run_past_the_holiday(cast, simple_decision):
    # 9月1日起算30日届满于10月1日（国庆节），依民事诉讼法第八十五条顺延至10月8日(四)
    with pytest.raises(InvalidInput) as refused:
        services.comment_window_open(
            by=cast["minzheng_liaison"], decision=simple_decision, opens=D(2026, 9, 1), closes=D(2026, 10, 1)
        )
    assert "2026年10月8日" in refused.value.message
    decision = services.comment_window_open(
        by=cast["minzheng_liaison"], decision=simple_decision, opens=D(2026, 9, 1), closes=D(2026, 10, 8)
    )
    assert decision.comment_closes == D(2026, 10, 8)


def test_hearing_notice_less_than_seven_days_before_the_hearing_is_refused(cast, simple_decision):
    liaison = cast["minzheng_liaison"]
    with pytest.raises(InvalidInput) as refused:
        services.hearing_schedule(
            by=liaison,
            decision=simple_decision,
            hearing_on=D(2026, 4, 20),
            place="市民中心",
            selection_method="公开报名",
            signup_closes=D(2026, 4, 14),
            notice_on=D(2026, 4, 14),
        )
    assert "7日前" in refused.value.message and "2026年4月13日" in refused.value.message
    assert "第十六条第三款" in refused.value.message
    assert not Hearing.objects.exists()
    hearing = services.hearing_schedule(
        by=liaison,
        decision=simple_decision,
        hearing_on=D(2026, 4, 20),
        place="市民中心",
        selection_method="公开报名",
        signup_closes=D(2026, 4, 13),
        notice_on=D(2026, 4, 13),
    )
    assert hearing.pk


def test_review_time_shorter_than_seven_working_days_needs_a_reason(cast, simple_decision):
    # 4月27日(一)送审：4月28—30日、5月6—8日、5月9日(六)调休上班，第7个工作日为5月9日
    liaison = cast["minzheng_liaison"]
    with pytest.raises(GateBlocked) as blocked:
        services.review_submit(
            by=liaison,
            decision=simple_decision,
            planned_meeting_on=D(2026, 5, 8),
            procedure_note="说明",
            on=D(2026, 4, 27),
        )
    assert any("审查时间不足7个工作日" in u and "2026年5月9日" in u for u in blocked.value.unmet)
    assert not LegalityReview.objects.exists()
    decision = services.review_submit(
        by=liaison,
        decision=simple_decision,
        planned_meeting_on=D(2026, 5, 8),
        procedure_note="说明",
        short_reason="市政府常务会议提前",
        on=D(2026, 4, 27),
    )
    assert decision.state == DecisionState.REVIEWING


def test_the_review_time_is_a_gate_for_the_drafters_not_a_clock_against_the_legal_office(cast, simple_decision):
    """决策条例第二十六条第二款 protects the reviewing office: nothing goes overdue at the 司法局."""
    services.review_submit(
        by=cast["minzheng_liaison"],
        decision=simple_decision,
        planned_meeting_on=D(2026, 5, 11),
        procedure_note="说明",
        on=D(2026, 4, 27),
    )
    assert not Deadline.objects.filter(unit=cast.legal_office).exists()
    run_sweep(D(2026, 5, 20))
    assert not Notification.objects.filter(user=cast["reviewer"], title__contains="逾期").exists()
    todo = [i for i in decisions_todo.items_for(cast["reviewer"], D(2026, 5, 20)) if "合法性审查意见" in i["title"]]
    assert len(todo) == 1 and todo[0]["due"] is None and "拟于2026年5月11日提交讨论" in todo[0]["note"]


def test_only_the_legal_office_gives_the_review_opinion(cast, simple_decision):
    decision = services.review_submit(
        by=cast["minzheng_liaison"],
        decision=simple_decision,
        planned_meeting_on=D(2026, 5, 11),
        procedure_note="说明",
        on=D(2026, 4, 27),
    )
    with pytest.raises(AccessDenied):
        services.review_opinion(by=cast["minzheng_head"], decision=decision, opinion="lawful", text="合法")
    assert not LegalityReview.objects.exclude(opinion="").exists()


def test_ad_hoc_decision_needs_a_recorded_reason(cast):
    from yifa.decisions.models import Category

    before = Event.objects.count()
    with pytest.raises(InvalidInput) as refused:
        services.decision_start(
            by=cast["mayor"],
            title="临时事项",
            decision_body_unit=cast.city,
            lead=cast["民政局"],
            category=Category.OTHER,
        )
    assert refused.value.field == "ad_hoc_reason"
    assert not Decision.objects.exists() and Event.objects.count() == before


def test_stale_draft_edit_is_refused(cast, simple_decision):
    stale = simple_decision.version
    services.decision_draft(
        by=cast["minzheng_liaison"], decision=simple_decision, expected_version=stale, options="方案三"
    )
    with pytest.raises(Conflict):
        services.decision_draft(
            by=cast["minzheng_liaison"],
            decision=Decision.objects.get(pk=simple_decision.pk),
            expected_version=stale,
            options="方案四",
        )
    assert Decision.objects.get(pk=simple_decision.pk).options == "方案三"


def test_stop_requires_a_post_evaluation_deciding_so(cast, simple_decision):
    decision = published(cast, reviewed(cast, simple_decision))
    with pytest.raises(GateBlocked) as blocked:
        services.decision_terminate(by=cast["mayor"], decision=decision, reason="不想执行了")
    assert "不能终止决策程序" in blocked.value.message
    evaluation = services.evaluation_start(
        by=cast["mayor"],
        decision=decision,
        trigger="underperforming",
        performer="own",
        performer_name="市政府办公室",
        on=D(2026, 9, 1),
    )
    services.evaluation_conclude(
        by=cast["mayor"],
        evaluation=evaluation,
        findings="目标已无法实现",
        public_input="座谈会",
        verdict="stop",
        reason="客观情况发生重大变化",
        on=D(2026, 9, 30),
    )
    decision.refresh_from_db()
    assert decision.state == DecisionState.STOPPED


def test_high_uncontrollable_risk_blocks_the_decision(cast):
    decision = drafted(cast, risky=True)
    services.risk_assess(
        by=cast["minzheng_liaison"],
        decision=decision,
        assessor="民政局",
        level="high",
        risk_points="可能引发群体性事件",
        measures="—",
        contingency="—",
        controllable=False,
    )
    decision = reviewed(cast, decision)
    with pytest.raises(GateBlocked) as blocked:
        services.decision_discuss(by=cast["mayor"], decision=decision, **meeting(cast))
    assert any("第二十四条" in u for u in blocked.value.unmet)


def test_yifa_rules_json_lists_the_periods_with_their_articles(capsys):
    call_command("rules", "--json")
    rules = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rules["decisions.public_comment_period"]["days"] == 30
    assert rules["decisions.public_comment_period"]["article"] == "第十五条第一款"
    assert rules["decisions.public_comment_period"]["unit"] == "calendar"
    assert rules["decisions.hearing_materials_lead"]["days"] == 7
    assert rules["decisions.hearing_materials_lead"]["article"] == "第十六条第三款"
    assert rules["decisions.legality_review_time"] == {
        **rules["decisions.legality_review_time"],
        "days": 7,
        "unit": "workday",
        "article": "第二十六条第二款",
        "law": "重大行政决策程序暂行条例",
        "minimum": True,
    }
    assert rules["decisions.legality_review"]["article"] == "第二十五条第二款"


def test_comment_outside_the_window_is_refused(cast, simple_decision):
    services.comment_window_open(
        by=cast["minzheng_liaison"], decision=simple_decision, opens=D(2026, 3, 2), closes=D(2026, 4, 1)
    )
    with pytest.raises(YifaError):
        services.comment_submit(decision=simple_decision, body="晚了", on=D(2026, 4, 2))
    with pytest.raises(InvalidInput) as refused:
        services.comment_submit(decision=simple_decision, body="意见", paragraph=9, on=D(2026, 3, 3))
    assert "第1至3段" in refused.value.message
    assert not simple_decision.comments.exists()


def test_commenter_phone_is_stored_encrypted(cast, simple_decision):
    from django.db import connection

    services.comment_window_open(
        by=cast["minzheng_liaison"], decision=simple_decision, opens=D(2026, 3, 2), closes=D(2026, 4, 1)
    )
    services.comment_submit(decision=simple_decision, body="意见", name="王五", phone="13812345678", on=D(2026, 3, 3))
    with connection.cursor() as cursor:
        cursor.execute("select phone, name from decisions_comment")
        phone, name = cursor.fetchone()
    assert "13812345678" not in phone and "王五" not in name


def test_public_comment_is_recorded_in_the_audit_chain_as_from_the_public(cast, simple_decision):
    services.comment_window_open(
        by=cast["minzheng_liaison"], decision=simple_decision, opens=D(2026, 3, 2), closes=D(2026, 4, 1)
    )
    services.comment_submit(decision=simple_decision, body="意见", on=D(2026, 3, 3))
    event = Event.objects.get(action="decision.comment")
    assert event.actor_id is None and event.actor_name == "公众" and event.unit == cast["民政局"]


def test_emergency_suspension_needs_a_reason_and_resumes_only_after_evaluation(cast, simple_decision):
    decision = published(cast, reviewed(cast, simple_decision))
    with pytest.raises(GateBlocked) as blocked:
        services.decision_suspend(by=cast["mayor"], decision=decision, reason="")
    assert "中止执行须填写理由" in blocked.value.message
    decision = services.decision_suspend(by=cast["mayor"], decision=decision, reason="发生不可抗力")
    assert decision.state == DecisionState.SUSPENDED
    with pytest.raises(AccessDenied):
        services.decision_suspend(by=cast["minzheng_head"], decision=decision, reason="x")
    evaluation = services.evaluation_start(
        by=cast["mayor"],
        decision=decision,
        trigger="necessary",
        performer="own",
        performer_name="市政府办公室",
        on=D(2026, 9, 1),
    )
    services.evaluation_conclude(
        by=cast["mayor"],
        evaluation=evaluation,
        findings="影响已消除",
        public_input="走访",
        verdict="continue",
        on=D(2026, 9, 10),
    )
    decision.refresh_from_db()
    assert decision.state == DecisionState.PUBLISHED


def test_draft_affecting_market_activity_needs_the_fair_competition_review(cast):
    decision = drafted(cast, affects_market=True)
    with pytest.raises(GateBlocked) as blocked:
        services.review_submit(
            by=cast["minzheng_liaison"],
            decision=decision,
            planned_meeting_on=D(2026, 5, 11),
            procedure_note="说明",
            on=D(2026, 4, 27),
        )
    assert any("公平竞争审查情况" in u and "第二十九条第一项" in u for u in blocked.value.unmet)
    decision = services.decision_draft(
        by=cast["minzheng_liaison"], decision=decision, fair_competition="经审查，不含排除、限制竞争的内容"
    )
    decision = services.review_submit(
        by=cast["minzheng_liaison"],
        decision=decision,
        planned_meeting_on=D(2026, 5, 11),
        procedure_note="说明",
        on=D(2026, 4, 27),
    )
    assert decision.state == DecisionState.REVIEWING


def test_publication_needs_the_party_report_and_an_executing_unit(cast, simple_decision):
    decision = services.decision_discuss(by=cast["mayor"], decision=reviewed(cast, simple_decision), **meeting(cast))
    with pytest.raises(GateBlocked) as blocked:
        services.decision_publish(
            by=cast["mayor"],
            decision=decision,
            decision_no="",
            decision_text="内容",
            executing_unit=None,
            party_reported_on=None,
            on=D(2026, 5, 15),
        )
    unmet = "\n".join(blocked.value.unmet)
    assert "第三十一条" in unmet and "决策执行单位" in unmet
    decision.refresh_from_db()
    assert decision.state == DecisionState.DECIDED and decision.published_on is None


def test_exploratory_reform_with_legal_risk_stated_may_go_to_discussion(cast, simple_decision):
    decision = services.review_submit(
        by=cast["minzheng_liaison"],
        decision=simple_decision,
        planned_meeting_on=D(2026, 5, 11),
        procedure_note="说明",
        on=D(2026, 4, 27),
    )
    decision = services.review_opinion(
        by=cast["reviewer"],
        decision=decision,
        opinion="risk_stated",
        text="国家尚无明确规定，存在被认定超越权限的法律风险",
        on=D(2026, 5, 8),
    )
    decision = services.decision_discuss(by=cast["mayor"], decision=decision, **meeting(cast))
    assert decision.state == DecisionState.DECIDED
