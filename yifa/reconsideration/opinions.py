"""行政复议意见书（第七十六条）：制发后六十日内报送纠正情况，期限由平台跟踪。"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.urls import reverse

from yifa.core import clocks
from yifa.core.audit import record_event
from yifa.core.errors import AccessDenied, InvalidInput, YifaError
from yifa.core.notify import notify, unit_contacts
from yifa.lib.deadlines import zh_date

from .flows import handler
from .models import OpinionLetter
from .rules import OPINION_FEEDBACK


def opinion_issue(*, case, by, recipient, content: str, on: dt.date) -> OpinionLetter:
    if not handler(by, case):
        raise AccessDenied("只有复议工作人员可以制发意见书")
    errors = {}
    if recipient is None:
        errors["recipient"] = "送达机关：请选择被申请人或其他下级行政机关"
    if not content.strip():
        errors["content"] = "意见内容：须写明违法或者不当之处（第七十六条）"
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        letter = OpinionLetter.objects.create(case=case, recipient=recipient, issued_on=on, content=content.strip())
        clock = clocks.start_clock(
            subject=letter, rule=OPINION_FEEDBACK, start=on, unit=recipient, link=reverse("reconsideration:opinions")
        )
        record_event(
            actor=by,
            subject=case,
            action="reconsideration.opinion",
            action_label="制发行政复议意见书",
            from_state=case.state,
            to_state=case.state,
            data={"letter": letter.pk, "due": clock.due},
        )
        notify(
            users=unit_contacts(recipient),
            key=f"fuyi-opinion:{letter.pk}",
            title=f"行政复议意见书：请于{zh_date(clock.due)}前报送纠正情况",
            body=f"{letter.content[:200]}\n{clock.explanation}",
            link=reverse("reconsideration:opinions"),
        )
    return letter


def opinion_feedback(*, letter, by, feedback: str, on: dt.date) -> OpinionLetter:
    own = by.unit_id and letter.recipient.path.startswith(by.unit.path)
    if not (own or handler(by, letter.case)):
        raise AccessDenied("只有收到意见书的机关或复议工作人员可以报送纠正情况")
    if not feedback.strip():
        raise InvalidInput({"feedback": "纠正情况：须填写"})
    with transaction.atomic():
        letter = OpinionLetter.objects.select_for_update().get(pk=letter.pk)
        if letter.feedback_on:
            raise YifaError("该意见书的纠正情况已经报送", field="feedback")
        letter.feedback_on, letter.feedback = on, feedback.strip()
        letter.save()
        for clock in clocks.clocks_of(letter, rule=OPINION_FEEDBACK):
            clocks.stop_clock(clock, on=on)
        record_event(
            actor=by,
            subject=letter.case,
            action="reconsideration.opinion_feedback",
            action_label="报送意见书纠正情况",
            data={"letter": letter.pk},
            unit=letter.recipient,
        )
    return letter
