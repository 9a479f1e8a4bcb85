"""行政复议意见书（第七十六条）：制发后六十日内报送纠正情况，期限由平台跟踪；两步都记在案件的办理记录上。"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from yifa.core.notify import unit_contacts
from yifa.core.procedure import INPUT, NEW, ON, Checks, Clock, Flow, Message, Transition, assign, create, fire
from yifa.lib.deadlines import zh_date

from . import periods
from .flows import case_of
from .models import CaseState, LetterState, OpinionLetter
from .rules import OPINION_FEEDBACK
from .who import LETTER_RECIPIENT, STAFF

# 在审理中、待审批或已结案（决定、调解）的案件中发现下级机关的违法或者不当行为。
LETTER_STATES = (CaseState.ACCEPTED, CaseState.SUSPENDED, CaseState.APPROVAL, CaseState.DECIDED, CaseState.MEDIATED)


def _ask_for_feedback(letter, **_):
    clock = periods.feedback_clock(letter)
    return [
        Message(
            users=unit_contacts(letter.recipient),
            key=f"fuyi-opinion:{letter.pk}",
            title=f"行政复议意见书：请于{zh_date(clock.due)}前报送纠正情况",
            body=f"{letter.content[:200]}\n{clock.explanation}",
            link=letter.get_absolute_url(),
        )
    ]


LETTER_FLOW = Flow(
    name="reconsideration_opinion",
    states=LetterState,
    clock_unit=lambda letter, rule: letter.recipient,
    event_subject=case_of,
    transitions=[
        Transition(
            "opinion",
            "制发行政复议意见书",
            NEW,
            LetterState.ISSUED,
            who=STAFF,
            when=(lambda record: case_of(record).state in LETTER_STATES,),
            starts=(Clock(OPINION_FEEDBACK, start=lambda letter, **_: letter.issued_on),),
            notifies=_ask_for_feedback,
            event_data=lambda letter, **_: {"letter": letter.pk, "due": periods.feedback_clock(letter).due},
        ),
        Transition(
            "feedback",
            "报送意见书纠正情况",
            (LetterState.ISSUED,),
            LetterState.ANSWERED,
            who=LETTER_RECIPIENT | STAFF,
            apply=assign(feedback_on=ON, feedback=INPUT("feedback")),
            stops=(OPINION_FEEDBACK,),
            event_data=lambda letter, **_: {"letter": letter.pk},
        ),
    ],
)


def opinion_issue(*, case, by, recipient, content: str, on: dt.date | None = None) -> OpinionLetter:
    on = on or timezone.localdate()
    checks = Checks()
    if recipient is None:
        checks.fail("recipient", "送达机关：请选择被申请人或其他下级行政机关")
    if not (content or "").strip():
        checks.fail("content", f"意见内容：须写明违法或者不当之处（{OPINION_FEEDBACK.citation}）")
    checks.done()
    return create(
        LETTER_FLOW,
        "opinion",
        build=lambda: OpinionLetter(case=case, recipient=recipient, issued_on=on, content=content.strip()),
        by=by,
        on=on,
    )


def opinion_feedback(*, letter, by, feedback: str, on: dt.date | None = None, expected_version=None) -> OpinionLetter:
    checks = Checks()
    if not (feedback or "").strip():
        checks.fail("feedback", "纠正情况：须填写")
    checks.done()
    return fire(LETTER_FLOW, letter, "feedback", by=by, on=on, feedback=feedback, expected_version=expected_version)
