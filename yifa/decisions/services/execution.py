"""Execution, feedback, post-evaluation and adjustment (第三十四条至第三十七条)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from yifa.core.errors import AccessDenied, YifaError
from yifa.core.flows import fire, own_unit
from yifa.core.models import Role
from yifa.core.notify import notify, unit_contacts

from .. import rules
from ..flows import DECISION_FLOW
from ..models import Decision, Evaluation, ExecutionStatus, Feedback, Performer, Trigger, Verdict
from ..models import DecisionState as S
from .common import Checks, event, require_decision_body

executing_unit = own_unit(Role.LIAISON, Role.HEAD, unit_attr="executing_unit")
IN_FORCE = (S.PUBLISHED, S.SUSPENDED)


def with_last_feedback(qs):
    """Annotate ``last_feedback_on`` so a list of decisions needs no query per row."""
    return qs.annotate(last_feedback_on=Max("feedback__reported_on"))


def next_feedback_due(decision: Decision) -> dt.date | None:
    if decision.state != S.PUBLISHED or not decision.published_on:
        return None
    if hasattr(decision, "last_feedback_on"):
        last = decision.last_feedback_on
    else:
        last = decision.feedback.order_by("-reported_on").values_list("reported_on", flat=True).first()
    return (last or decision.published_on) + dt.timedelta(days=decision.feedback_every_days)


def feedback_file(
    *,
    by,
    decision: Decision,
    status: str,
    progress: int | None,
    milestones: str = "",
    problems: str = "",
    on: dt.date | None = None,
) -> Feedback:
    """执行单位报告执行情况 (第三十四条); 重大问题及时报告决策机关 (第三十五条第一款)."""
    on = on or timezone.localdate()
    if not (decision.executing_unit_id and by.is_authenticated and executing_unit(by, decision)):
        raise AccessDenied("您无权报告执行情况（需决策执行单位联络员或负责人）")
    if decision.state not in IN_FORCE:
        raise YifaError(f"决策当前状态为“{decision.get_state_display()}”，无需报告执行情况", field="status")
    c = Checks()
    c.choice("status", "执行状态", status, ExecutionStatus)
    if progress is None or not 0 <= progress <= 100:
        c.fail("progress", "进度：须为0至100的整数")
    milestones = c.text("milestones", "已完成节点", milestones, required=False)
    problems = c.text("problems", "存在问题", problems, required=status == ExecutionStatus.BLOCKED)
    c.done()
    with transaction.atomic():
        report = Feedback.objects.create(
            decision=decision,
            unit=decision.executing_unit,
            reported_on=on,
            status=status,
            progress=progress,
            milestones=milestones,
            problems=problems,
            by=by,
        )
        event(
            by=by,
            decision=decision,
            action="feedback",
            label="报告执行情况",
            data={"feedback": report.pk, "status": status, "progress": progress},
        )
    if status == ExecutionStatus.BLOCKED:
        notify(
            users=unit_contacts(decision.decision_body, Role.LEADER, Role.HEAD, Role.LIAISON),
            key=f"decision-blocked:{report.pk}",
            title=f"决策执行遇到重大问题：{decision.title}",
            body=f"{problems}（{rules.EXECUTION_REPORTING.citation}）",
            link=decision.get_absolute_url(),
        )
    return report


def _pre_decision_assessors(decision: Decision) -> set[str]:
    names = set(decision.risk_assessments.values_list("assessor", flat=True))
    names |= set(decision.expert_opinions.values_list("affiliation", flat=True))
    names |= set(decision.expert_opinions.values_list("name", flat=True))
    return {n.strip() for n in names if n.strip()}


def evaluation_start(
    *, by, decision: Decision, trigger: str, performer: str, performer_name: str, on: dt.date | None = None
) -> Evaluation:
    """决策后评估 (第三十六条): the decision body starts it and names who carries it out."""
    on = on or timezone.localdate()
    require_decision_body(by, decision, "启动决策后评估")
    if decision.state not in IN_FORCE:
        raise YifaError(f"决策当前状态为“{decision.get_state_display()}”，不能启动后评估", field="state")
    if decision.evaluations.filter(verdict="").exists():
        raise YifaError("已有正在进行的后评估", field="trigger")
    c = Checks()
    c.choice("trigger", "启动情形（第三十六条第一款）", trigger, Trigger)
    c.choice("performer", "评估方式", performer, Performer)
    performer_name = c.text("performer_name", "承担评估的单位或专家", performer_name, limit=100)
    if performer == Performer.AGENCY and performer_name in _pre_decision_assessors(decision):
        c.fail(
            "performer_name",
            f"承担评估的单位：{performer_name}在决策作出前承担了主要论证评估工作，"
            f"不得受托开展后评估（{rules.POST_EVALUATION.citation}第二款）",
        )
    c.done()
    with transaction.atomic():
        evaluation = Evaluation.objects.create(
            decision=decision, trigger=trigger, performer=performer, performer_name=performer_name, started_on=on
        )
        event(
            by=by,
            decision=decision,
            action="evaluation_start",
            label="启动决策后评估",
            data={"evaluation": evaluation.pk, "trigger": trigger, "performer": performer_name},
        )
    return evaluation


def evaluation_conclude(
    *,
    by,
    evaluation: Evaluation,
    findings: str,
    verdict: str,
    public_input: str = "",
    reason: str = "",
    on: dt.date | None = None,
) -> Evaluation:
    """评估结果作为调整的依据 (第三十六条第四款); 变更、停止依法定程序 (第三十七条)."""
    on = on or timezone.localdate()
    decision = evaluation.decision
    require_decision_body(by, decision, "作出后评估决定")
    if evaluation.verdict:
        raise YifaError("该后评估已作出决定", field="verdict")
    c = Checks()
    findings = c.text("findings", "评估结论", findings)
    public_input = c.text("public_input", "听取公众意见情况（第三十六条第三款）", public_input)
    c.choice("verdict", "决定", verdict, Verdict)
    reason = c.text("reason", "理由", reason, required=verdict != Verdict.CONTINUE)
    c.done()
    with transaction.atomic():
        Evaluation.objects.filter(pk=evaluation.pk).update(
            findings=findings, public_input=public_input, verdict=verdict, concluded_on=on
        )
        evaluation.refresh_from_db()
        data = {"evaluation": evaluation.pk, "verdict": verdict}
        if verdict == Verdict.CONTINUE and decision.state == S.SUSPENDED:
            fire(DECISION_FLOW, decision, "resume", by=by, on=on, evaluation=evaluation, reason=reason, data=data)
        elif verdict == Verdict.CONTINUE:
            event(
                by=by,
                decision=decision,
                action="evaluation_conclude",
                label="后评估：继续执行",
                reason=reason,
                data=data,
            )
        elif verdict == Verdict.SUSPEND:
            if decision.state != S.SUSPENDED:
                fire(DECISION_FLOW, decision, "suspend", by=by, on=on, evaluation=evaluation, reason=reason, data=data)
        elif verdict == Verdict.STOP:
            fire(DECISION_FLOW, decision, "stop", by=by, on=on, evaluation=evaluation, reason=reason, data=data)
        else:
            fire(DECISION_FLOW, decision, "adjust", by=by, on=on, evaluation=evaluation, reason=reason, data=data)
            _open_round(by=by, previous=decision, reason=reason, on=on)
    return evaluation


def decision_suspend(*, by, decision: Decision, reason: str, on: dt.date | None = None) -> Decision:
    """情况紧急的，行政首长可以先决定中止执行 (第三十七条)."""
    return fire(DECISION_FLOW, decision, "suspend", by=by, reason=reason, on=on)


def _open_round(*, by, previous: Decision, reason: str, on: dt.date) -> Decision:
    """An adjustment runs the procedure again (第三十七条), as a new round linked to the original."""
    copied = (
        "title",
        "decision_body",
        "lead_unit",
        "catalogue_item",
        "category",
        "public_interest",
        "technical",
        "risky",
        "hearing_required",
        "hearing_basis",
        "affects_market",
        "research",
        "options",
        "cost_benefit",
        "legal_basis",
        "draft_text",
        "draft_explanation",
        "fair_competition",
    )
    values = {name: getattr(previous, name) for name in copied}
    new = Decision.objects.create(
        **values,
        previous=previous,
        round=previous.round + 1,
        started_on=on,
        ad_hoc_reason=f"经决策后评估调整：{reason}",
        created_by=by,
    )
    event(
        by=by,
        decision=new,
        action="start",
        label=f"启动调整（第{new.round}轮）",
        reason=reason,
        data={"previous": previous.pk},
    )
    return new
