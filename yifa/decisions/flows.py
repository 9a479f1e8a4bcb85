"""The decision procedure: states, transitions, who fires them, the gates (每项缺漏一次列全)."""

from __future__ import annotations

import datetime as dt

from yifa.core.calendar import current_calendar
from yifa.core.flows import Flow, Transition, legal_office, own_unit
from yifa.core.models import Role, Unit
from yifa.lib.deadlines import zh_date

from . import rules
from .models import Comment, CommentKind, Opinion, Verdict
from .models import DecisionState as S

lead_unit = own_unit(Role.LIAISON, Role.HEAD, unit_attr="lead_unit")
decision_body = own_unit(Role.LEADER, Role.HEAD, Role.LIAISON, unit_attr="decision_body")


def reviewer(user, obj) -> bool:
    return legal_office(user, obj) and (user.is_superuser or user.has_role(Role.REVIEWER, Role.HEAD))


def _cite(text: str, rule) -> str:
    return f"{text}（{rule.citation}）"


def step_gaps(decision, today: dt.date) -> list[str]:
    """Every required step (rules.required_steps) not yet complete, plus any hearing
    held by choice, which must then be complete too."""
    gaps: list[str] = []
    keys = {step.key for step in rules.required_steps(decision)}
    if "drafting" in keys:
        for field, label in (
            ("research", "调查研究情况"),
            ("legal_basis", "法律、法规、规章等依据"),
            ("draft_text", "决策草案"),
        ):
            if not getattr(decision, field).strip():
                gaps.append(_cite(f"起草：尚未填写{label}", rules.DRAFTING))
    if "public_comment" in keys:
        gaps.extend(public_comment_gaps(decision, today))
    if "risk" in keys and not decision.risk_assessments.exists():
        gaps.append(_cite("尚未完成风险评估", rules.RISK_ASSESSMENT))
    if "experts" in keys:
        gaps.extend(expert_gaps(decision))
    if "fair_competition" in keys and not decision.fair_competition.strip():
        gaps.append(_cite("尚未写明公平竞争审查情况", rules.FAIR_COMPETITION_MATERIAL))
    if "hearing" in keys or decision.hearings.exists():
        gaps.extend(hearing_gaps(decision))
    return gaps


def public_comment_gaps(decision, today: dt.date) -> list[str]:
    if not decision.comment_opens:
        return [_cite("尚未向社会公开征求意见", rules.PUBLIC_PARTICIPATION)]
    gaps = []
    if today <= decision.comment_closes:
        gaps.append(
            _cite(f"公开征求意见期限至{zh_date(decision.comment_closes)}，尚未届满", rules.PUBLIC_COMMENT_PERIOD)
        )
    unanswered = Comment.objects.filter(decision=decision, kind=CommentKind.DRAFT, response="").count()
    if unanswered:
        gaps.append(_cite(f"尚有{unanswered}条公众意见未答复采纳情况", rules.COMMENT_HANDLING))
    if not decision.comment_summary.strip():
        gaps.append(_cite("尚未生成意见采纳情况说明", rules.COMMENT_HANDLING))
    return gaps


def expert_gaps(decision) -> list[str]:
    opinions = list(decision.expert_opinions.all())
    if not any(o.submitted_on for o in opinions):
        return [_cite("尚未取得专家论证意见", rules.EXPERTS)]
    gaps = []
    for o in opinions:
        if not o.no_conflict:
            gaps.append(_cite(f"专家{o.name}未声明与决策事项无直接利害关系", rules.EXPERT_NEUTRALITY))
        if o.submitted_on and not o.handling.strip():
            gaps.append(_cite(f"专家{o.name}的论证意见尚未写明研究采纳情况", rules.EXPERTS))
    return gaps


def hearing_gaps(decision) -> list[str]:
    hearing = decision.hearings.order_by("-hearing_on", "-id").first()
    if hearing is None:
        return [_cite(f"依法应当听证（{decision.hearing_basis}），尚未组织听证", rules.HEARING)]
    gaps = []
    if not hearing.held_on:
        gaps.append(_cite(f"听证会（{zh_date(hearing.hearing_on)}）尚未举行", rules.HEARING))
    if not hearing.transcript_id:
        gaps.append(_cite("尚未上传听证笔录", rules.HEARING_RECORD))
    if not hearing.participants_signed:
        gaps.append(_cite("听证参加人尚未确认听证会记录并签字", rules.HEARING_RECORD))
    if not hearing.transcript_is_basis:
        gaps.append(_cite("听证笔录尚未列为决策依据", rules.HEARING_TRANSCRIPT_BASIS))
    return gaps


def steps_complete(decision, *, today: dt.date, **_):
    return step_gaps(decision, today)


def review_submission_complete(decision, *, review=None, **_):
    """送请合法性审查的材料和审查时间 (第二十六条)."""
    if review is None:
        return None
    gaps = []
    if not review.procedure_note.strip():
        gaps.append(_cite("送审材料缺少履行决策法定程序的说明", rules.LEGALITY_REVIEW_MATERIALS))
    earliest = rules.LEGALITY_REVIEW_TIME.due(review.submitted_on, current_calendar())
    if review.planned_meeting_on <= earliest.due and not review.short_reason.strip():
        gaps.append(
            _cite(
                f"拟于{zh_date(review.planned_meeting_on)}提交讨论，审查时间不足7个工作日"
                f"（{earliest.sentence}，讨论须在其后）；确需缩短的须说明理由",
                rules.LEGALITY_REVIEW_TIME,
            )
        )
    return gaps


def legality_passed(decision, **_):
    review = decision.reviews.order_by("-id").first()
    if review is None or not review.opinion:
        return _cite("决策草案未经合法性审查，不得提交决策机关讨论", rules.LEGALITY_REVIEW)
    if review.opinion == Opinion.UNLAWFUL:
        return _cite("决策草案经合法性审查不合法，不得提交决策机关讨论", rules.LEGALITY_REVIEW)
    if review.opinion == Opinion.REVISE:
        return _cite("合法性审查意见要求修改，须修改后重新送审", rules.LEGALITY_REVIEW)
    return None  # 合法，或探索性改革事项已明示法律风险 (第二十五条第二款)


def risk_controllable(decision, **_):
    latest = decision.risk_assessments.first()
    if latest is not None and not latest.controllable:
        return _cite("风险评估认为风险不可控，须调整决策草案确保风险可控", rules.RISK_CONTROLLABLE)
    return None


def meeting_record_complete(decision, *, meeting=None, **_):
    if meeting is None:
        return _cite("尚无集体讨论记录", rules.COLLECTIVE_DISCUSSION)
    gaps = []
    if not meeting.attendees.strip():
        gaps.append(_cite("会议记录缺少出席人员", rules.COLLECTIVE_DISCUSSION))
    if not meeting.legal_head_attended:
        gaps.append(_cite("法制机构负责人未列席会议", rules.LEGAL_HEAD_ATTENDS))
    if not meeting.opinions:
        gaps.append(_cite("会议记录缺少会议组成人员的意见", rules.COLLECTIVE_DISCUSSION))
    if not meeting.head_spoke_last:
        gaps.append(_cite("行政首长应当最后发表意见", rules.COLLECTIVE_DISCUSSION))
    if not meeting.head_conclusion.strip():
        gaps.append(_cite("会议记录缺少行政首长的决定", rules.COLLECTIVE_DISCUSSION))
    total = len(meeting.opinions)
    against = len(meeting.dissents)
    agree = sum(1 for o in meeting.opinions if o.get("stance") == "agree")
    differs = (meeting.outcome == "adopt" and against * 2 > total) or (
        meeting.outcome == "return" and agree * 2 > total
    )
    if differs and not meeting.majority_differs_reason.strip():
        gaps.append(_cite("行政首长的决定与多数人意见不一致，应当在会上说明理由", rules.COLLECTIVE_DISCUSSION))
    return gaps


def publication_complete(decision, **_):
    gaps = []
    if not decision.decision_text.strip():
        gaps.append(_cite("尚未填写决策内容", rules.PUBLICATION))
    if not decision.party_reported_on:
        gaps.append(_cite("尚未向同级党委请示报告", rules.PARTY_REPORT))
    if not decision.executing_unit_id:
        gaps.append(_cite("尚未明确决策执行单位", rules.EXECUTION_REPORTING))
    if decision.comment_opens and not decision.comment_summary.strip():
        gaps.append(_cite("尚无公众意见采纳情况说明", rules.PUBLICATION))
    return gaps


def evaluation_says(verdict):
    def guard(decision, *, evaluation=None, **_):
        if evaluation is None or evaluation.verdict != verdict:
            return _cite(f"须经决策后评估作出“{Verdict(verdict).label}”的决定", rules.ADJUSTMENT)
        return None

    return guard


def _legal_office_unit(decision, rule):
    if rule is rules.LEGALITY_REVIEW_TIME:
        return Unit.objects.filter(is_legal_office=True).order_by("path").first() or decision.decision_body
    return decision.lead_unit


DECISION_FLOW = Flow(
    name="decision",
    states=S,
    clock_unit=_legal_office_unit,
    transitions=[
        Transition(
            "submit_review",
            "送请合法性审查",
            (S.DRAFTING,),
            S.REVIEWING,
            lead_unit,
            "承办单位联络员或负责人",
            guards=(steps_complete, review_submission_complete),
            starts=(rules.LEGALITY_REVIEW_TIME,),
        ),
        Transition(
            "review_lawful",
            "出具合法性审查意见：合法",
            (S.REVIEWING,),
            S.REVIEWED,
            reviewer,
            "法制机构审核人员",
            stops=(rules.LEGALITY_REVIEW_TIME,),
        ),
        Transition(
            "review_risk_stated",
            "出具合法性审查意见：明示法律风险",
            (S.REVIEWING,),
            S.REVIEWED,
            reviewer,
            "法制机构审核人员",
            stops=(rules.LEGALITY_REVIEW_TIME,),
            reason_required=True,
        ),
        Transition(
            "review_revise",
            "出具合法性审查意见：修改",
            (S.REVIEWING,),
            S.DRAFTING,
            reviewer,
            "法制机构审核人员",
            stops=(rules.LEGALITY_REVIEW_TIME,),
            reason_required=True,
        ),
        Transition(
            "review_unlawful",
            "出具合法性审查意见：不合法",
            (S.REVIEWING,),
            S.DRAFTING,
            reviewer,
            "法制机构审核人员",
            stops=(rules.LEGALITY_REVIEW_TIME,),
            reason_required=True,
        ),
        Transition(
            "decide",
            "集体讨论决定",
            (S.REVIEWED,),
            S.DECIDED,
            decision_body,
            "决策机关",
            guards=(legality_passed, risk_controllable, meeting_record_complete),
        ),
        Transition(
            "return_to_drafting",
            "集体讨论退回修改",
            (S.REVIEWED,),
            S.DRAFTING,
            decision_body,
            "决策机关",
            guards=(legality_passed, meeting_record_complete),
            reason_required=True,
        ),
        Transition(
            "publish", "公布决策", (S.DECIDED,), S.PUBLISHED, decision_body, "决策机关", guards=(publication_complete,)
        ),
        Transition("suspend", "中止执行", (S.PUBLISHED,), S.SUSPENDED, decision_body, "决策机关", reason_required=True),
        Transition(
            "resume",
            "恢复执行",
            (S.SUSPENDED,),
            S.PUBLISHED,
            decision_body,
            "决策机关",
            guards=(evaluation_says(Verdict.CONTINUE),),
        ),
        Transition(
            "stop",
            "停止执行",
            (S.PUBLISHED, S.SUSPENDED),
            S.STOPPED,
            decision_body,
            "决策机关",
            guards=(evaluation_says(Verdict.STOP),),
            reason_required=True,
        ),
        Transition(
            "adjust",
            "启动调整",
            (S.PUBLISHED, S.SUSPENDED),
            S.ADJUSTED,
            decision_body,
            "决策机关",
            guards=(evaluation_says(Verdict.ADJUST),),
            reason_required=True,
        ),
        Transition(
            "terminate",
            "终止决策程序",
            (S.DRAFTING, S.REVIEWING, S.REVIEWED),
            S.TERMINATED,
            decision_body,
            "决策机关",
            reason_required=True,
            stops=(rules.LEGALITY_REVIEW_TIME,),
        ),
    ],
)
