"""The decision procedure, the catalogue and each organ's decision rules, declared for the procedure kit:
every act (those that keep the state included), who may do it, its gates (guards.py), the fields and
child rows it writes and the clocks it runs. The services only check input and build rows."""

from __future__ import annotations

from yifa.core.models import Role
from yifa.core.procedure import (
    INPUT,
    LEGAL_OFFICE,
    NEW,
    ON,
    Flow,
    Transition,
    Who,
    assign,
    in_unit_of,
    with_role,
)
from yifa.core.uploads import store_upload

from . import guards
from .documents import comment_summary_text
from .models import CatalogueState, Opinion, RulesState, Verdict
from .models import DecisionState as S
from .writes import (
    answer_comment,
    blocked_execution,
    conclude_evaluation,
    concluded,
    publish_participants,
    record_expert_opinion,
    record_hearing,
    record_review_opinion,
    save_report,
    save_risk,
    saves,
    set_fields,
    started,
)

# Who acts: shared by the flows, the pages and the API.
lead_unit = in_unit_of(Role.LIAISON, Role.HEAD, unit_attr="lead_unit", label="承办单位联络员或负责人")
decision_body = in_unit_of(Role.LEADER, Role.HEAD, Role.LIAISON, unit_attr="decision_body", label="决策机关")
lead_or_body = Who((lead_unit | decision_body).check, "承办单位或决策机关")
executing_unit = in_unit_of(Role.LIAISON, Role.HEAD, unit_attr="executing_unit", label="决策执行单位联络员或负责人")
reviewer = Who((LEGAL_OFFICE & with_role(Role.REVIEWER, Role.HEAD)).check, "法制机构审核人员")
organ_staff = in_unit_of(Role.LEADER, Role.HEAD, Role.LIAISON, label="本机关领导、负责人或联络员")
the_public = Who(lambda user, obj: False, "公众")  # acts of the public run only with by=PUBLIC

EVERY_STATE = tuple(S.values)
IN_FORCE = (S.PUBLISHED, S.SUSPENDED)
CLOSED_OR_IN_FORCE = (S.PUBLISHED, S.SUSPENDED, S.STOPPED, S.ADJUSTED, S.TERMINATED)


def clock_unit(decision, rule):
    """Clocks run at the lead unit. The legality review time (第二十六条第二款) is no clock: it protects the
    reviewing office and binds the drafting side, as the gate on the planned meeting date."""
    return decision.lead_unit


def expert_data(decision, *, expert, **_) -> dict:
    return {"expert": expert.pk, "name": expert.name, "affiliation": expert.affiliation}


def meeting_data(decision, *, meeting, **_) -> dict:
    return {"meeting": meeting.pk, "kind": meeting.kind, "dissents": len(meeting.dissents)}


def review(opinion: str, label: str, target: str, *, also=(), reason_required: bool = False) -> Transition:
    """合法性审查意见 (第二十七条、第二十八条): one transition per opinion, the text being the act's reason."""
    return Transition(
        f"review_{opinion}",
        f"出具合法性审查意见：{label}",
        (S.REVIEWING,),
        target,
        who=reviewer,
        guards=(guards.pending_review, *also),
        after=record_review_opinion(opinion),
        reason_required=reason_required,
        event_data=lambda d, **_: {"opinion": opinion},
    )


DECISION_FLOW = Flow(
    name="decision",
    states=S,
    clock_unit=clock_unit,
    event_unit=lambda decision: decision.lead_unit,
    transitions=[
        # 决策启动 (第十一条)；调整后的新一轮 (第三十七条)
        Transition(
            "start",
            "启动决策程序",
            NEW,
            S.DRAFTING,
            who=lead_or_body,
            event_label=started,
            event_data=lambda d, **_: {
                "lead_unit": d.lead_unit.name,
                "decision_body": d.decision_body.name,
                "catalogue_item": d.catalogue_item_id,
                "previous": d.previous_id,
            },
        ),
        # 起草 (第十二条) 和公众参与 (第十四条至第十八条)
        Transition(
            "draft",
            "修改决策草案",
            (S.DRAFTING,),
            who=lead_unit,
            guards=(guards.draft_not_out_for_comment,),
            apply=set_fields,
            event_data=lambda d, *, changes, **_: {"fields": sorted(changes)},
        ),
        Transition(
            "comment_open",
            "公开征求意见",
            (S.DRAFTING,),
            who=lead_unit,
            guards=(guards.draft_for_comment, guards.window_not_running),
            apply=assign(
                comment_opens=INPUT("opens"),
                comment_closes=INPUT("closes"),
                comment_short_reason=INPUT("short_reason"),
                comment_real_name=INPUT("real_name"),
            ),
            event_data=lambda d, **_: {
                "opens": d.comment_opens,
                "closes": d.comment_closes,
                "days": (d.comment_closes - d.comment_opens).days,  # 民法典第二百零一条: opening day not counted
                "paragraphs": len(d.paragraphs()),
            },
        ),
        Transition(
            "comment",
            "公众提出意见",
            EVERY_STATE,
            who=the_public,
            public=True,
            guards=(guards.comment_allowed,),
            after=saves("comment"),
            event_data=lambda d, *, comment, **_: {
                "comment": comment.pk,
                "kind": comment.kind,
                "paragraph": comment.paragraph,
            },
        ),
        Transition(
            "comment_answer",
            "答复公众意见",
            EVERY_STATE,
            who=lead_or_body,
            guards=(guards.belongs("comment", "该意见"),),
            after=answer_comment,
            event_data=lambda d, *, comment, response, **_: {"comment": comment.pk, "response": response},
        ),
        Transition(
            "comment_summary",
            "生成意见采纳情况说明",
            (S.DRAFTING,),
            who=lead_unit,
            when=(lambda d: d.comment_opens is not None,),
            guards=(guards.comment_period_over,),
            apply=lambda d, **_: setattr(d, "comment_summary", comment_summary_text(d)),
        ),
        # 专家论证 (第十九条、第二十条) 和风险评估 (第二十二条至第二十四条)
        Transition(
            "expert_invite",
            "邀请专家论证",
            (S.DRAFTING,),
            who=lead_unit,
            after=saves("expert"),
            event_data=expert_data,
        ),
        Transition(
            "expert_opinion",
            "记录专家论证意见",
            EVERY_STATE,
            who=lead_unit,
            guards=(guards.belongs("expert", "该专家"),),
            after=record_expert_opinion,
            event_data=expert_data,
        ),
        Transition(
            "risk",
            "风险评估",
            (S.DRAFTING,),
            who=lead_unit,
            after=save_risk,
            event_data=lambda d, *, risk, **_: {
                "risk": risk.pk,
                "level": risk.level,
                "controllable": risk.controllable,
            },
        ),
        # 听证 (第十六条、第十七条)
        Transition(
            "hearing_notice",
            "发布听证公告",
            (S.DRAFTING,),
            who=lead_unit,
            guards=(guards.draft_for_hearing,),
            after=saves("hearing"),
            event_data=lambda d, *, hearing, **_: {
                "hearing": hearing.pk,
                "hearing_on": hearing.hearing_on,
                "notice_on": hearing.notice_on,
            },
        ),
        Transition(
            "hearing_signup",
            "公众报名参加听证",
            EVERY_STATE,
            who=the_public,
            public=True,
            guards=(guards.signup_open,),
            after=saves("participant"),
            event_data=lambda d, *, participant, **_: {
                "hearing": participant.hearing_id,
                "participant": participant.pk,
            },
        ),
        Transition(
            "hearing_select",
            "公布听证参加人名单",
            EVERY_STATE,
            who=lead_unit,
            guards=(guards.selection_in_time,),
            after=publish_participants,
            event_data=lambda d, *, hearing, selected=(), invited=(), **_: {
                "hearing": hearing.pk,
                "selected": len(selected) + len(invited),
            },
        ),
        Transition(
            "hearing_held",
            "举行听证会",
            EVERY_STATE,
            who=lead_unit,
            guards=(guards.belongs("hearing", "该听证会"),),
            after=record_hearing,
            event_data=lambda d, *, hearing, held_on, transcript_is_basis, **_: {
                "hearing": hearing.pk,
                "held_on": held_on,
                "basis": transcript_is_basis,
            },
        ),
        # 合法性审查 (第二十五条至第二十八条)
        Transition(
            "submit_review",
            "送请合法性审查",
            (S.DRAFTING,),
            S.REVIEWING,
            who=lead_unit,
            guards=(guards.steps_complete, guards.review_submission_complete),
            after=saves("review"),
            event_data=lambda d, *, review, **_: {"review": review.pk, "planned_meeting_on": review.planned_meeting_on},
        ),
        review(Opinion.LAWFUL, "合法", S.REVIEWED),
        review(Opinion.RISK_STATED, "明示法律风险", S.REVIEWED, also=(guards.legal_risk_stated,)),
        review(Opinion.REVISE, "修改", S.DRAFTING, reason_required=True),
        review(Opinion.UNLAWFUL, "不合法", S.DRAFTING, reason_required=True),
        # 集体讨论决定和公布 (第二十九条至第三十三条)
        Transition(
            "decide",
            "集体讨论决定",
            (S.REVIEWED,),
            S.DECIDED,
            who=decision_body,
            guards=(guards.legality_passed, guards.risk_controllable, guards.meeting_record_complete),
            apply=assign(decided_on=ON),
            after=saves("meeting"),
            event_data=meeting_data,
        ),
        Transition(
            "return_to_drafting",
            "集体讨论退回修改",
            (S.REVIEWED,),
            S.DRAFTING,
            who=decision_body,
            guards=(guards.legality_passed, guards.meeting_record_complete),
            after=saves("meeting"),
            reason_required=True,
            event_data=meeting_data,
        ),
        Transition(
            "publish",
            "公布决策",
            (S.DECIDED,),
            S.PUBLISHED,
            who=decision_body,
            guards=(guards.publication_complete,),
            apply=assign(
                decision_no=INPUT("decision_no"),
                decision_text=INPUT("decision_text"),
                executing_unit=INPUT("executing_unit"),
                party_reported_on=INPUT("party_reported_on"),
                feedback_every_days=INPUT("feedback_every_days"),
                published_on=ON,
            ),
            event_data=lambda d, **_: {
                "decision_no": d.decision_no,
                "executing_unit": getattr(d.executing_unit, "name", None),
            },
        ),
        Transition(
            "archive",
            "归档",
            CLOSED_OR_IN_FORCE,
            who=decision_body,
            when=(lambda d: not d.archived_on,),
            guards=(guards.not_archived,),
            apply=assign(archived_on=ON),
            event_data=lambda d, *, on, **_: {"on": on},
        ),
        # 执行和调整 (第三十四条至第三十七条)
        Transition(
            "feedback",
            "报告执行情况",
            IN_FORCE,
            who=executing_unit,
            after=save_report,
            notifies=blocked_execution,
            event_data=lambda d, *, report, **_: {
                "feedback": report.pk,
                "status": report.status,
                "progress": report.progress,
            },
        ),
        Transition(
            "evaluation_start",
            "启动决策后评估",
            IN_FORCE,
            who=decision_body,
            guards=(guards.no_evaluation_running, guards.evaluator_independent),
            after=saves("evaluation"),
            event_data=lambda d, *, evaluation, **_: {
                "evaluation": evaluation.pk,
                "trigger": evaluation.trigger,
                "performer": evaluation.performer_name,
            },
        ),
        Transition(
            "evaluation_conclude",
            "作出后评估决定",
            IN_FORCE,
            who=decision_body,
            guards=(guards.evaluation_open, guards.verdict_keeps_state),
            after=conclude_evaluation,
            event_label=concluded,
            event_data=lambda d, *, evaluation, verdict, **_: {"evaluation": evaluation.pk, "verdict": verdict},
        ),
        Transition(
            "suspend",
            "中止执行",
            (S.PUBLISHED,),
            S.SUSPENDED,
            who=decision_body,
            guards=(guards.evaluation_open,),
            after=conclude_evaluation,
            reason_required=True,
        ),
        Transition(
            "resume",
            "恢复执行",
            (S.SUSPENDED,),
            S.PUBLISHED,
            who=decision_body,
            guards=(guards.evaluation_open, guards.evaluation_says(Verdict.CONTINUE)),
            after=conclude_evaluation,
        ),
        Transition(
            "stop",
            "停止执行",
            IN_FORCE,
            S.STOPPED,
            who=decision_body,
            guards=(guards.evaluation_open, guards.evaluation_says(Verdict.STOP)),
            after=conclude_evaluation,
            reason_required=True,
        ),
        Transition(
            "adjust",
            "启动调整",
            IN_FORCE,
            S.ADJUSTED,
            who=decision_body,
            guards=(guards.evaluation_open, guards.evaluation_says(Verdict.ADJUST)),
            after=conclude_evaluation,
            reason_required=True,
        ),
        Transition(
            "terminate",
            "终止决策程序",
            (S.DRAFTING, S.REVIEWING, S.REVIEWED),
            S.TERMINATED,
            who=decision_body,
            reason_required=True,
        ),
    ],
)


CATALOGUE_FLOW = Flow(
    name="decision_catalogue",
    states=CatalogueState,
    event_unit=lambda catalogue: catalogue.unit,
    transitions=[
        Transition(
            "create",
            "编制决策事项目录",
            NEW,
            CatalogueState.DRAFTING,
            who=organ_staff,
            event_data=lambda c, **_: {"year": c.year},
        ),
        Transition(
            "item",
            "列入决策事项",
            (CatalogueState.DRAFTING,),
            who=organ_staff,
            guards=(guards.catalogue_not_published,),
            after=saves("item"),
            event_data=lambda c, *, item, **_: {"item": item.pk, "title": item.title},
        ),
        Transition(
            "publish",
            "公布决策事项目录",
            (CatalogueState.DRAFTING,),
            CatalogueState.PUBLISHED,
            who=organ_staff,
            guards=(guards.catalogue_has_items,),
            apply=assign(party_consent_on=INPUT("party_consent_on"), published_on=ON),
            event_data=lambda c, **_: {"party_consent_on": c.party_consent_on, "items": c.items.count()},
        ),
    ],
)


def record_rules(entry, *, document=None, by, **_):
    """登记本单位重大事项决策规则 (the city's arrangement 一、1: in place by 1 May), with its text if uploaded.

    Its event ``decision_rules.record`` is an interface other modules listen to (the plans module ticks
    its institution checklist with it). The event's ``obj`` is the recorded entry, of which receivers may
    read exactly ``obj.unit`` (core Unit), ``obj.adopted_on`` (date), ``obj.title`` (str) and
    ``obj.document_no`` (str, may be empty); and the event's ``by`` (who recorded it) and ``on``. Keep
    these names when the model changes."""
    if document:
        name, content = document
        entry.document = store_upload(content=content, name=name, by=by, subject=entry, purpose="decision_rules")
        entry.save(update_fields=["document"])


RULES_FLOW = Flow(
    name="decision_rules",
    states=RulesState,
    event_unit=lambda entry: entry.unit,
    transitions=[
        Transition(
            "record",  # the event other modules hear: see record_rules
            "登记重大事项决策规则",
            NEW,
            RulesState.RECORDED,
            who=organ_staff,
            after=record_rules,
            event_data=lambda r, **_: {"title": r.title, "adopted_on": r.adopted_on},
        ),
    ],
)
