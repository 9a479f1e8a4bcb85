"""The gates of 重大行政决策程序暂行条例, as the flows' guards: each returns every unmet condition at once,
each message citing its rule. ``on`` is the day of the act."""

from __future__ import annotations

import datetime as dt

from yifa.core.calendar import current_calendar
from yifa.lib.deadlines import zh_date

from . import rules
from .models import (
    CatalogueState,
    Comment,
    CommentKind,
    DecisionState,
    Evaluation,
    LegalityReview,
    Opinion,
    Outcome,
    Performer,
    Verdict,
)


def step_gaps(decision, on: dt.date) -> list[str]:
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
                gaps.append(f"起草：尚未填写{label}（{rules.DRAFTING.citation}）")
    if "public_comment" in keys:
        gaps.extend(public_comment_gaps(decision, on))
    if "risk" in keys and not decision.risk_assessments.exists():
        gaps.append(f"尚未完成风险评估（{rules.RISK_ASSESSMENT.citation}）")
    if "experts" in keys:
        gaps.extend(expert_gaps(decision))
    if "fair_competition" in keys and not decision.fair_competition.strip():
        gaps.append(f"尚未写明公平竞争审查情况（{rules.FAIR_COMPETITION_MATERIAL.citation}）")
    if "hearing" in keys or decision.hearings.exists():
        gaps.extend(hearing_gaps(decision))
    return gaps


def _fetched(decision, name: str):
    """The rows the decision's page has already fetched onto it (``queries.record_of``), or None."""
    return getattr(decision, "_prefetched_objects_cache", {}).get(name)


def unanswered_comments(decision) -> int:
    fetched = _fetched(decision, "comments")
    if fetched is not None:
        return sum(1 for c in fetched if c.kind == CommentKind.DRAFT and c.response == "")
    return Comment.objects.filter(decision=decision, kind=CommentKind.DRAFT, response="").count()


def public_comment_gaps(decision, on: dt.date) -> list[str]:
    if not decision.comment_opens:
        return [f"尚未向社会公开征求意见（{rules.PUBLIC_PARTICIPATION.citation}）"]
    gaps = []
    if on <= decision.comment_closes:
        gaps.append(
            f"公开征求意见期限至{zh_date(decision.comment_closes)}，尚未届满（{rules.PUBLIC_COMMENT_PERIOD.citation}）"
        )
    unanswered = unanswered_comments(decision)
    if unanswered:
        gaps.append(f"尚有{unanswered}条公众意见未答复采纳情况（{rules.COMMENT_HANDLING.citation}）")
    if not decision.comment_summary.strip():
        gaps.append(f"尚未生成意见采纳情况说明（{rules.COMMENT_HANDLING.citation}）")
    return gaps


def expert_gaps(decision) -> list[str]:
    opinions = list(decision.expert_opinions.all())
    if not any(o.submitted_on for o in opinions):
        return [f"尚未取得专家论证意见（{rules.EXPERTS.citation}）"]
    gaps = []
    for o in opinions:
        if not o.no_conflict:
            gaps.append(f"专家{o.name}未声明与决策事项无直接利害关系（{rules.EXPERT_NEUTRALITY.citation}）")
        if o.submitted_on and not o.handling.strip():
            gaps.append(f"专家{o.name}的论证意见尚未写明研究采纳情况（{rules.EXPERTS.citation}）")
    return gaps


def hearing_gaps(decision) -> list[str]:
    fetched = _fetched(decision, "hearings")
    if fetched is not None:
        hearing = max(fetched, key=lambda h: (h.hearing_on, h.pk), default=None)
    else:
        hearing = decision.hearings.order_by("-hearing_on", "-id").first()
    if hearing is None:
        return [f"依法应当听证（{decision.hearing_basis}），尚未组织听证（{rules.HEARING.citation}）"]
    gaps = []
    if not hearing.held_on:
        gaps.append(f"听证会（{zh_date(hearing.hearing_on)}）尚未举行（{rules.HEARING.citation}）")
    if not hearing.transcript_id:
        gaps.append(f"尚未上传听证笔录（{rules.HEARING_RECORD.citation}）")
    if not hearing.participants_signed:
        gaps.append(f"听证参加人尚未确认听证会记录并签字（{rules.HEARING_RECORD.citation}）")
    if not hearing.transcript_is_basis:
        gaps.append(f"听证笔录尚未列为决策依据（{rules.HEARING_TRANSCRIPT_BASIS.citation}）")
    return gaps


# 起草和公众参与
def steps_complete(decision, *, on, **_):
    return step_gaps(decision, on)


def draft_not_out_for_comment(decision, *, on, changes=None, **_):
    """The draft the public is commenting on stays as published until the period ends."""
    text = (changes or {}).get("draft_text")
    if text is not None and text != decision.draft_text and decision.comment_open_on(on):
        return (
            f"决策草案：正在公开征求意见（至{zh_date(decision.comment_closes)}），期间不得修改已公布的草案"
            f"（{rules.PUBLIC_COMMENT_PERIOD.citation}）"
        )
    return None


def draft_for_comment(decision, **_):
    if not decision.draft_text.strip():
        return f"决策草案：尚未填写，不能公开征求意见（{rules.PUBLIC_COMMENT_PERIOD.citation}）"
    return None


def draft_for_hearing(decision, **_):
    if not decision.draft_text.strip():
        return f"决策草案：听证前应当公布决策草案及其说明（{rules.HEARING_NOTICE.citation}）"
    return None


def window_not_running(decision, *, on, **_):
    if decision.comment_open_on(on):
        return f"本草案正在征求意见（至{zh_date(decision.comment_closes)}）"
    return None


def comment_allowed(decision, *, comment, on, **_):
    """The public comments on a draft while it is out for comment (第十五条), on a decision in force
    (第三十五条第二款)."""
    if comment.kind == CommentKind.DRAFT:
        if not decision.comment_open_on(on):
            return "该决策草案当前不在公开征求意见期间"
    elif not decision.in_force:
        return "该决策未在实施中，不能对实施情况提出意见"
    return None


def belongs(name: str, label: str):
    """The child row given as input ``name`` is one of this decision's."""

    def guard(decision, **context):
        row = context.get(name)
        if row is None or row.decision_id != decision.pk:
            return f"{label}不属于本决策事项"
        return None

    return guard


def comment_period_over(decision, *, on, **_):
    if not decision.comment_opens:
        return f"尚未公开征求意见（{rules.PUBLIC_PARTICIPATION.citation}）"
    gaps = []
    if on <= decision.comment_closes:
        gaps.append(f"征求意见期限至{zh_date(decision.comment_closes)}，届满后方可汇总")
    left = unanswered_comments(decision)
    if left:
        gaps.append(f"尚有{left}条意见未答复，须逐条答复后生成说明（{rules.COMMENT_HANDLING.citation}）")
    return gaps


# 听证
def signup_open(decision, *, participant, on, **_):
    hearing = participant.hearing
    if hearing.decision_id != decision.pk:
        return "听证会不属于本决策事项"
    if on > hearing.signup_closes:
        return f"听证报名已于{zh_date(hearing.signup_closes)}截止"
    return None


def selection_in_time(decision, *, hearing, selected=(), invited=(), on, **_):
    """公平公开遴选并公布参加人名单，以便听证会7日前送达材料 (第十六条第三款)."""
    if hearing.decision_id != decision.pk:
        return "听证会不属于本决策事项"
    gaps = []
    latest = rules.latest_hearing_notice(hearing.hearing_on)
    if on > latest:
        gaps.append(
            f"遴选日期：听证材料应当于听证会{rules.HEARING_MATERIALS_LEAD.days}日前（至迟{zh_date(latest)}）"
            f"送达参加人，已来不及（{rules.HEARING_MATERIALS_LEAD.citation}）"
        )
    applied = set(hearing.participants.values_list("pk", flat=True))
    if not set(selected) <= applied:
        gaps.append("遴选名单：含有不属于本听证会的报名人")
    if not selected and not invited:
        gaps.append("遴选名单：至少须有一名听证参加人")
    return gaps


# 合法性审查
def review_submission_complete(decision, *, review=None, **_):
    """送请合法性审查的材料和审查时间 (第二十六条)."""
    if review is None:
        return None
    gaps = []
    if not review.procedure_note.strip():
        gaps.append(f"送审材料缺少履行决策法定程序的说明（{rules.LEGALITY_REVIEW_MATERIALS.citation}）")
    earliest = rules.LEGALITY_REVIEW_TIME.due(review.submitted_on, current_calendar())
    if review.planned_meeting_on <= earliest.due and not review.short_reason.strip():
        gaps.append(
            f"拟于{zh_date(review.planned_meeting_on)}提交讨论，审查时间不足{rules.LEGALITY_REVIEW_TIME.days}个工作日"
            f"（{earliest.sentence}，讨论须在其后）；确需缩短的须说明理由（{rules.LEGALITY_REVIEW_TIME.citation}）"
        )
    return gaps


def pending_review(decision, **_):
    if not LegalityReview.objects.filter(decision=decision, opinion="").exists():
        return "没有待审查的送审记录"
    return None


def legal_risk_stated(decision, *, reason="", **_):
    if not reason.strip():
        return f"探索性改革事项提交讨论，审查意见须明示法律风险（{rules.EXPLORATORY_REFORM.citation}）"
    return None


def legality_passed(decision, **_):
    review = decision.reviews.order_by("-id").first()
    if review is None or not review.opinion:
        return f"决策草案未经合法性审查，不得提交决策机关讨论（{rules.LEGALITY_REVIEW.citation}）"
    if review.opinion == Opinion.UNLAWFUL:
        return f"决策草案经合法性审查不合法，不得提交决策机关讨论（{rules.LEGALITY_REVIEW.citation}）"
    if review.opinion == Opinion.REVISE:
        return f"合法性审查意见要求修改，须修改后重新送审（{rules.LEGALITY_REVIEW.citation}）"
    return None  # 合法，或探索性改革事项已明示法律风险


# 集体讨论决定和公布
def risk_controllable(decision, **_):
    latest = decision.risk_assessments.first()
    if latest is not None and not latest.controllable:
        return f"风险评估认为风险不可控，须调整决策草案确保风险可控（{rules.RISK_CONTROLLABLE.citation}）"
    return None


def meeting_record_complete(decision, *, meeting=None, **_):
    cite = f"（{rules.COLLECTIVE_DISCUSSION.citation}）"
    if meeting is None:
        return "尚无集体讨论记录" + cite
    gaps = []
    if not meeting.attendees.strip():
        gaps.append("会议记录缺少出席人员" + cite)
    if not meeting.legal_head_attended:
        gaps.append(f"法制机构负责人未列席会议（{rules.LEGAL_HEAD_ATTENDS.citation}）")
    if not meeting.opinions:
        gaps.append("会议记录缺少会议组成人员的意见" + cite)
    if not meeting.head_spoke_last:
        gaps.append("行政首长应当最后发表意见" + cite)
    if not meeting.head_conclusion.strip():
        gaps.append("会议记录缺少行政首长的决定" + cite)
    total = len(meeting.opinions)
    against = len(meeting.dissents)
    agree = sum(1 for o in meeting.opinions if o.get("stance") == "agree")
    differs = (meeting.outcome == Outcome.ADOPT and against * 2 > total) or (
        meeting.outcome == Outcome.RETURN and agree * 2 > total
    )
    if differs and not meeting.majority_differs_reason.strip():
        gaps.append("行政首长的决定与多数人意见不一致，应当在会上说明理由" + cite)
    return gaps


def publication_complete(decision, *, decision_text="", party_reported_on=None, executing_unit=None, **_):
    gaps = []
    if not (decision_text or "").strip():
        gaps.append(f"尚未填写决策内容（{rules.PUBLICATION.citation}）")
    if not party_reported_on:
        gaps.append(f"尚未向同级党委请示报告（{rules.PARTY_REPORT.citation}）")
    if executing_unit is None:
        gaps.append(f"尚未明确决策执行单位（{rules.EXECUTION_REPORTING.citation}）")
    if decision.comment_opens and not decision.comment_summary.strip():
        gaps.append(f"尚无公众意见采纳情况说明（{rules.PUBLICATION.citation}）")
    return gaps


def not_archived(decision, **_):
    if decision.archived_on:
        return f"已于{zh_date(decision.archived_on)}归档（{rules.ARCHIVE.citation}）"
    return None


# 执行和后评估
def no_evaluation_running(decision, **_):
    if Evaluation.objects.filter(decision=decision, verdict="").exists():
        return "已有正在进行的后评估"
    return None


def evaluator_independent(decision, *, evaluation, **_):
    """决策作出前承担主要论证评估工作的单位不得受托开展后评估 (第三十六条第二款)."""
    if evaluation.performer != Performer.AGENCY:
        return None
    names = set(decision.risk_assessments.values_list("assessor", flat=True))
    names |= set(decision.expert_opinions.values_list("affiliation", flat=True))
    names |= set(decision.expert_opinions.values_list("name", flat=True))
    if evaluation.performer_name in {n.strip() for n in names if n.strip()}:
        return (
            f"承担评估的单位：{evaluation.performer_name}在决策作出前承担了主要论证评估工作，"
            f"不得受托开展后评估（{rules.EVALUATOR_INDEPENDENCE.citation}）"
        )
    return None


def evaluation_open(decision, *, evaluation=None, **_):
    """The evaluation concluded by this act is this decision's and still open (an emergency suspension
    has none)."""
    if evaluation is None:
        return None
    if evaluation.decision_id != decision.pk:
        return "该后评估不属于本决策事项"
    if Evaluation.objects.filter(pk=evaluation.pk).exclude(verdict="").exists():
        return "该后评估已作出决定"
    return None


def verdict_keeps_state(decision, *, verdict="", **_):
    """A post-evaluation that leaves the decision as it is: continue one in force, keep one suspended."""
    keeps = {DecisionState.PUBLISHED: Verdict.CONTINUE, DecisionState.SUSPENDED: Verdict.SUSPEND}
    if keeps.get(decision.state) != verdict:
        said = Verdict(verdict).label if verdict in Verdict.values else verdict
        return f"决策当前为“{decision.get_state_display()}”，后评估决定“{said}”须另行办理"
    return None


def evaluation_says(*verdicts: str):
    """Only a post-evaluation deciding so may resume, stop or adjust a decision (第三十六条第四款、第三十七条)."""

    def guard(decision, *, evaluation=None, verdict="", **_):
        if evaluation is None or verdict not in verdicts:
            label = "或".join(f"“{Verdict(v).label}”" for v in verdicts)
            return f"须经决策后评估作出{label}的决定（{rules.ADJUSTMENT.citation}）"
        return None

    return guard


# 决策事项目录 (第三条第三款)
def catalogue_not_published(catalogue, **_):
    if catalogue.state == CatalogueState.PUBLISHED:
        return f"调整已公布的目录须重新经同级党委同意后公布（{rules.CATALOGUE.citation}）"
    return None


def catalogue_has_items(catalogue, **_):
    return None if catalogue.items.exists() else "决策事项：目录中尚无事项"
