"""Execution, feedback, post-evaluation and adjustment (第三十四条至第三十七条)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from yifa.core.procedure import Checks, create, fire

from .. import rules
from ..flows import DECISION_FLOW
from ..models import Decision, Evaluation, ExecutionStatus, Feedback, Performer, Trigger, Verdict
from ..models import DecisionState as S


def feedback_file(
    *,
    by,
    decision: Decision,
    status: str,
    progress: int | None,
    milestones: str = "",
    problems: str = "",
    expected_version: int | None = None,
    on: dt.date | None = None,
) -> Feedback:
    """执行单位报告执行情况 (第三十四条); 重大问题及时报告决策机关 (第三十五条第一款)."""
    on = on or timezone.localdate()
    c = Checks()
    c.choice("status", "执行状态", status, ExecutionStatus)
    if progress is None or not 0 <= progress <= 100:
        c.fail("progress", "进度：须为0至100的整数")
    milestones = c.text("milestones", "已完成节点", milestones, required=False)
    problems = c.text("problems", "存在问题", problems, required=status == ExecutionStatus.BLOCKED)
    c.done()
    report = Feedback(
        decision=decision,
        unit=decision.executing_unit,
        reported_on=on,
        status=status,
        progress=progress,
        milestones=milestones,
        problems=problems,
        by=by,
    )
    fire(DECISION_FLOW, decision, "feedback", by=by, on=on, expected_version=expected_version, report=report)
    return report


def evaluation_start(
    *,
    by,
    decision: Decision,
    trigger: str,
    performer: str,
    performer_name: str,
    expected_version: int | None = None,
    on: dt.date | None = None,
) -> Evaluation:
    """决策后评估 (第三十六条): the decision body starts it and names who carries it out."""
    on = on or timezone.localdate()
    c = Checks()
    c.choice("trigger", f"启动情形（{rules.POST_EVALUATION.citation}）", trigger, Trigger)
    c.choice("performer", "评估方式", performer, Performer)
    performer_name = c.text("performer_name", "承担评估的单位或专家", performer_name, limit=100)
    c.done()
    evaluation = Evaluation(
        decision=decision, trigger=trigger, performer=performer, performer_name=performer_name, started_on=on
    )
    fire(
        DECISION_FLOW,
        decision,
        "evaluation_start",
        by=by,
        on=on,
        expected_version=expected_version,
        evaluation=evaluation,
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
    expected_version: int | None = None,
    on: dt.date | None = None,
) -> Evaluation:
    """评估结果作为调整的依据 (第三十六条第四款); 变更、停止依法定程序 (第三十七条). The verdict decides
    the act: continuing a decision in force (or keeping a suspended one suspended) keeps its state; the
    others resume, suspend, stop or adjust it, an adjustment opening the next round."""
    on = on or timezone.localdate()
    decision = Decision.objects.get(pk=evaluation.decision_id)
    c = Checks()
    findings = c.text("findings", "评估结论", findings)
    public_input = c.text("public_input", f"听取公众意见情况（{rules.EVALUATION_PUBLIC_INPUT.citation}）", public_input)
    c.choice("verdict", "决定", verdict, Verdict)
    reason = c.text("reason", "理由", reason, required=verdict != Verdict.CONTINUE)
    c.done()
    suspended = decision.state == S.SUSPENDED
    name = {
        Verdict.CONTINUE: "resume" if suspended else "evaluation_conclude",
        Verdict.SUSPEND: "evaluation_conclude" if suspended else "suspend",
        Verdict.STOP: "stop",
        Verdict.ADJUST: "adjust",
    }[verdict]
    with transaction.atomic():
        decision = fire(
            DECISION_FLOW,
            decision,
            name,
            by=by,
            on=on,
            reason=reason,
            expected_version=expected_version,
            evaluation=evaluation,
            findings=findings,
            public_input=public_input,
            verdict=verdict,
        )
        if verdict == Verdict.ADJUST:
            create(
                DECISION_FLOW,
                "start",
                build=lambda: decision.next_round(by=by, on=on, reason=reason),
                by=by,
                on=on,
                reason=reason,
            )
    evaluation.refresh_from_db()
    return evaluation


def decision_suspend(
    *, by, decision: Decision, reason: str, expected_version: int | None = None, on: dt.date | None = None
) -> Decision:
    """情况紧急的，行政首长可以先决定中止执行 (第三十七条)."""
    return fire(DECISION_FLOW, decision, "suspend", by=by, reason=reason, on=on, expected_version=expected_version)
