"""What the decision's acts write besides the decision's own fields: the child rows the services built,
the rows an act updates, and whom an act tells. The flows (flows.py) name them as ``after``/``notifies``."""

from __future__ import annotations

from django.db.models import F

from yifa.core.models import Role
from yifa.core.notify import unit_contacts
from yifa.core.procedure import Message
from yifa.core.uploads import store_upload

from . import rules
from .models import (
    Comment,
    ExecutionStatus,
    ExpertOpinion,
    Hearing,
    HearingParticipant,
    LegalityReview,
    ParticipantStatus,
    Verdict,
)


def saves(name: str):
    """``after``: save the child row the service built and passed as input ``name``."""

    def after(decision, **context):
        context[name].save()

    return after


def set_fields(decision, *, changes, **_):
    for name, value in changes.items():
        setattr(decision, name, value)


def save_report(decision, *, report, **_):
    report.unit = decision.executing_unit
    report.save()


def answer_comment(decision, *, comment, response, reason, by, on, **_):
    Comment.objects.filter(pk=comment.pk).update(
        response=response, response_reason=reason, answered_by=by, answered_on=on
    )


def record_expert_opinion(decision, *, expert, opinion, handling, on, **_):
    ExpertOpinion.objects.filter(pk=expert.pk).update(opinion=opinion, handling=handling, submitted_on=on)


def save_risk(decision, *, risk, report=None, by, **_):
    if report:
        name, content = report
        risk.report = store_upload(content=content, name=name, by=by, subject=decision, purpose="risk_report")
    risk.save()


def publish_participants(decision, *, hearing, selected=(), invited=(), on, **_):
    for guest in invited:
        HearingParticipant.objects.create(
            hearing=hearing,
            name=guest["name"],
            affiliation=guest.get("affiliation", ""),
            interest=guest.get("interest", ""),
            invited=True,
            status=ParticipantStatus.SELECTED,
        )
    hearing.participants.filter(pk__in=selected).update(status=ParticipantStatus.SELECTED)
    hearing.participants.filter(status=ParticipantStatus.APPLIED).update(status=ParticipantStatus.NOT_SELECTED)
    Hearing.objects.filter(pk=hearing.pk).update(participants_published_on=on, version=F("version") + 1)


def record_hearing(decision, *, hearing, held_on, transcript=None, participants_signed, transcript_is_basis, by, **_):
    fields = {
        "held_on": held_on,
        "participants_signed": participants_signed,
        "transcript_is_basis": transcript_is_basis,
    }
    if transcript:
        name, content = transcript
        fields["transcript"] = store_upload(
            content=content, name=name, by=by, subject=decision, purpose="hearing_transcript"
        )
    Hearing.objects.filter(pk=hearing.pk).update(**fields, version=F("version") + 1)


def record_review_opinion(opinion: str):
    def after(decision, *, reason, by, on, **_):
        LegalityReview.objects.filter(decision=decision, opinion="").update(
            opinion=opinion, opinion_text=reason, reviewed_on=on, reviewer=by
        )

    return after


def conclude_evaluation(decision, *, evaluation=None, findings="", public_input="", verdict="", on, **_):
    """The post-evaluation's conclusion is written with the act it decides (第三十六条第四款)."""
    if evaluation is not None:
        type(evaluation).objects.filter(pk=evaluation.pk).update(
            findings=findings, public_input=public_input, verdict=verdict, concluded_on=on
        )


def blocked_execution(decision, *, report, **_):
    """A major problem goes to the decision body at once (第三十五条第一款)."""
    if report.status != ExecutionStatus.BLOCKED:
        return []
    return [
        Message(
            users=unit_contacts(decision.decision_body, Role.LEADER, Role.HEAD, Role.LIAISON),
            key=f"decision-blocked:{report.pk}",
            title=f"决策执行遇到重大问题：{decision.title}",
            body=f"{report.problems}（{rules.MAJOR_PROBLEM_REPORT.citation}）",
            link=decision.get_absolute_url(),
        )
    ]


def started(decision, **_) -> str:
    return "启动决策程序" if decision.round == 1 else f"启动调整（第{decision.round}轮）"


def concluded(decision, *, verdict, **_) -> str:
    return f"后评估：{Verdict(verdict).label}"
