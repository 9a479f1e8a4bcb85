"""A decision of public interest driven through every step, from the catalogue to an adjustment round."""

import pytest

from yifa.core.audit import timeline, verify_chain
from yifa.core.clocks import clocks_of
from yifa.core.errors import GateBlocked, YifaError
from yifa.decisions import rules, services
from yifa.decisions.models import Category, DecisionState
from yifa.decisions.queries import chain_timeline

from .builders import DRAFT, D, meeting


def test_public_interest_decision_goes_from_catalogue_to_adjustment(cast):
    mayor, liaison = cast["mayor"], cast["minzheng_liaison"]
    catalogue = services.catalogue_create(by=mayor, unit=cast.city, year=2026)
    item = services.catalogue_item_add(
        by=mayor,
        catalogue=catalogue,
        title="江临市城区停车收费标准调整",
        category=Category.PUBLIC_POLICY,
        lead_unit=cast["民政局"],
        public_interest=True,
        technical=True,
        hearing_required=True,
        hearing_basis="《价格法》第二十三条",
    )
    services.catalogue_publish(by=mayor, catalogue=catalogue, party_consent_on=D(2026, 1, 20), on=D(2026, 1, 25))

    decision = services.decision_start(
        by=mayor, title="", decision_body_unit=cast.city, lead=cast["民政局"], catalogue_item=item, on=D(2026, 3, 2)
    )
    assert decision.public_interest and decision.hearing_required and decision.title == item.title
    decision = services.decision_draft(
        by=liaison, decision=decision, research="调研", legal_basis="《价格法》", draft_text=DRAFT
    )
    decision = services.comment_window_open(by=liaison, decision=decision, opens=D(2026, 3, 2), closes=D(2026, 4, 1))
    named = services.comment_submit(
        decision=decision, paragraph=2, body="建议提高到300元", name="张三", phone="13800000000", on=D(2026, 3, 10)
    )
    anonymous = services.comment_submit(decision=decision, body="支持", anonymous=True, on=D(2026, 3, 11))
    assert named.quote.startswith("第二条")

    with pytest.raises(GateBlocked) as blocked:
        services.review_submit(
            by=liaison,
            decision=decision,
            planned_meeting_on=D(2026, 3, 27),
            procedure_note="已征求意见",
            on=D(2026, 3, 20),
        )
    unmet = "\n".join(blocked.value.unmet)
    for missing in (
        "尚未届满",
        "2条公众意见未答复",
        "意见采纳情况说明",
        "风险评估",
        "专家论证意见",
        "尚未组织听证",
        "审查时间不足7个工作日",
    ):
        assert missing in unmet
    assert not decision.reviews.exists()

    services.comment_answer(
        by=liaison, comment=named, response="partly", reason="结合财力提高至250元", on=D(2026, 4, 2)
    )
    services.comment_answer(by=liaison, comment=anonymous, response="adopted", reason="感谢支持", on=D(2026, 4, 2))
    decision = services.comment_summary_generate(by=liaison, decision=decision, on=D(2026, 4, 2))
    assert "共收到意见2条" in decision.comment_summary and "部分采纳1条" in decision.comment_summary

    expert = services.expert_invite(
        by=liaison, decision=decision, name="陈教授", affiliation="江临大学", no_conflict=True, on=D(2026, 4, 3)
    )
    services.expert_opinion_record(by=liaison, expert=expert, opinion="可行", handling="已采纳", on=D(2026, 4, 8))
    services.risk_assess(
        by=liaison,
        decision=decision,
        assessor="民政局",
        level="medium",
        risk_points="群众不理解",
        measures="加强解读",
        contingency="设立咨询热线",
        controllable=True,
        on=D(2026, 4, 9),
    )
    hearing = services.hearing_schedule(
        by=liaison,
        decision=decision,
        hearing_on=D(2026, 4, 20),
        place="市民中心",
        selection_method="按报名顺序兼顾各方",
        signup_closes=D(2026, 4, 13),
        notice_on=D(2026, 4, 13),
    )
    person = services.hearing_signup(
        hearing=hearing, name="李四", phone="13900000000", interest="车主", on=D(2026, 4, 13)
    )
    services.hearing_select(by=liaison, hearing=hearing, selected=[person.pk], on=D(2026, 4, 13))
    services.hearing_record(
        by=liaison,
        hearing=hearing,
        held_on=D(2026, 4, 20),
        transcript=b"hearing transcript",
        transcript_name="听证笔录.txt",
        participants_signed=True,
        transcript_is_basis=True,
    )

    decision = services.review_submit(
        by=liaison,
        decision=decision,
        planned_meeting_on=D(2026, 5, 11),
        procedure_note="已履行公众参与、专家论证、风险评估、听证程序",
        on=D(2026, 4, 27),
    )
    assert decision.state == DecisionState.REVIEWING
    # 第二十六条第二款 protects the reviewer: no clock runs against the legal office
    assert not clocks_of(decision, rule=rules.LEGALITY_REVIEW_TIME, open_only=False).exists()
    decision = services.review_opinion(
        by=cast["reviewer"], decision=decision, opinion="lawful", text="合法", on=D(2026, 5, 8)
    )

    decision = services.decision_discuss(by=mayor, decision=decision, **meeting(cast))
    assert decision.state == DecisionState.DECIDED and decision.decided_on == D(2026, 5, 11)
    decision = services.decision_publish(
        by=mayor,
        decision=decision,
        decision_no="江政发〔2026〕8号",
        decision_text="调整停车收费标准",
        executing_unit=cast["民政局"],
        party_reported_on=D(2026, 5, 13),
        on=D(2026, 5, 15),
    )
    assert decision.state == DecisionState.PUBLISHED

    services.feedback_file(
        by=liaison, decision=decision, status="on_track", progress=40, milestones="完成系统改造", on=D(2026, 8, 1)
    )
    services.comment_submit(decision=decision, kind="implementation", body="夜间收费仍偏高", on=D(2026, 8, 3))
    services.decision_archive(by=mayor, decision=decision, on=D(2026, 8, 5))

    with pytest.raises(YifaError) as refused:
        services.evaluation_start(
            by=mayor,
            decision=decision,
            trigger="many_opinions",
            performer="agency",
            performer_name="江临大学",
            on=D(2026, 9, 1),
        )
    assert "第三十六条" in refused.value.message
    evaluation = services.evaluation_start(
        by=mayor,
        decision=decision,
        trigger="many_opinions",
        performer="agency",
        performer_name="江临市社会科学院",
        on=D(2026, 9, 1),
    )
    services.evaluation_conclude(
        by=mayor,
        evaluation=evaluation,
        findings="夜间时段收费偏高",
        verdict="adjust",
        public_input="问卷调查1200份",
        reason="调整夜间收费时段",
        on=D(2026, 10, 9),
    )
    decision.refresh_from_db()
    assert decision.state == DecisionState.ADJUSTED
    new_round = decision.next_rounds.get()
    assert new_round.round == 2 and new_round.state == DecisionState.DRAFTING and new_round.draft_text == DRAFT

    labels = [e.action_label for e in chain_timeline(new_round)]
    for step in (
        "启动决策程序",
        "公开征求意见",
        "公众提出意见",
        "答复公众意见",
        "送请合法性审查",
        "集体讨论决定",
        "公布决策",
        "报告执行情况",
        "启动决策后评估",
        "启动调整",
        "启动调整（第2轮）",
    ):
        assert step in labels
    assert len(timeline(decision)) > 15
    assert verify_chain().ok
