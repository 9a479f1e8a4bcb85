"""Table 四's register: reconsiderations and lawsuits against a unit's disclosure work. Reconsiderations
decided on this platform are written from the reconsideration module's events (receivers.py); lawsuits,
and reconsiderations before organs outside the platform, are entered by the unit's staff."""

from __future__ import annotations

import datetime as dt
import re

from django.utils import timezone

from yifa.core.errors import GateBlocked
from yifa.core.procedure import Checks, add, change
from yifa.lib.case_numbers import normal

from . import rules
from .models import Challenge, ChallengeKind, ChallengeResult, Request
from .who import STAFF

# 行政复议法第六十三条至第六十九条 read onto table 四's columns (rules.CHALLENGES).
UPHELD = {"uphold", "reject_claim"}
CORRECTED = {"change", "revoke", "revoke_redo", "illegal", "perform", "void"}
REQUEST_NUMBER = re.compile(r"依申请〔(\d{4})〕(\d+)号")


def result_of_decision(decision_type: str) -> str:
    if decision_type in UPHELD:
        return ChallengeResult.UPHELD
    if decision_type in CORRECTED:
        return ChallengeResult.CORRECTED
    return ChallengeResult.OTHER


def request_named_in(unit, *texts: str) -> Request | None:
    """The unit's request whose number (“民政局依申请〔2026〕3号”, any brackets) a case's text cites."""
    prefix = unit.short_name or unit.name
    numbers = {f"{prefix}依申请〔{y}〕{n}号" for y, n in REQUEST_NUMBER.findall(normal(" ".join(texts)))}
    if not numbers:
        return None
    return Request.objects.filter(unit=unit, number__in=numbers).order_by("id").first()


def from_reconsideration(*, case, by, on: dt.date, result: str | None = None) -> Challenge | None:
    """Keep the register in step with a reconsideration case whose act is a disclosure act (``act_type``
    “disclosure”) of one of the city's units (``respondent_unit``). Recorded on the reconsideration module's
    authority: its flow already checked who acted."""
    if case.act_type != "disclosure" or case.respondent_unit_id is None:
        return None
    source = f"reconsideration:{case.pk}"
    values = {
        "unit_id": case.respondent_unit_id,
        "kind": ChallengeKind.RECONSIDERATION,
        "reference": case.number[:60],
        "filed_on": case.accepted_on or on,
        "link": case.get_absolute_url(),
        "request": request_named_in(case.respondent_unit, case.act_title, case.requests),
    }
    if result is not None:
        values.update(result=result, concluded_on=max(case.closed_on or on, values["filed_on"]))
    current = Challenge.objects.filter(source=source).first()
    if current is None:
        return add(
            Challenge(source=source, **values),
            by=by,
            who=None,
            public=True,  # acts the reconsideration flow runs by itself (视为受理) have no person
            action="disclosure.challenge_from_reconsideration",
            label="记录政府信息公开行政复议案件",
            unit=case.respondent_unit,
            data={"source": source, "result": values.get("result", ChallengeResult.PENDING)},
        )
    return change(
        current,
        by=by,
        who=None,
        action="disclosure.challenge_from_reconsideration",
        label="更新政府信息公开行政复议案件",
        apply=values,
        unit=case.respondent_unit,
    )


def _checked(*, unit, kind, reference, filed_on, result, concluded_on, request_number, note, today) -> dict:
    checks = Checks()
    checks.choice("kind", "类别", kind, ChallengeKind)
    reference = checks.text("reference", "案号", reference, limit=60)
    checks.date("filed_on", "受理或立案日期", filed_on)
    checks.choice("result", "结果", result, ChallengeResult)
    note = checks.text("note", "说明", note, required=False, limit=300)
    if filed_on and filed_on > today:
        checks.fail("filed_on", "受理或立案日期：不能晚于今天")
    if result and result != ChallengeResult.PENDING and concluded_on is None:
        checks.fail("concluded_on", f"审结日期：结果为“{ChallengeResult(result).label}”的，必须填写")
    if result == ChallengeResult.PENDING and concluded_on is not None:
        checks.fail("concluded_on", "审结日期：尚未审结的不填")
    if concluded_on and filed_on and concluded_on < filed_on:
        checks.fail("concluded_on", "审结日期：不能早于受理或立案日期")
    if concluded_on and concluded_on > today:
        checks.fail("concluded_on", "审结日期：不能晚于今天")
    request = None
    if (request_number or "").strip():
        request = Request.objects.filter(unit=unit, number=normal(request_number)).first()
        if request is None:
            checks.fail("request_number", f"所涉申请编号：{unit.name}没有编号为“{request_number.strip()}”的申请")
    checks.done()
    return {
        "kind": kind,
        "reference": reference,
        "filed_on": filed_on,
        "result": result,
        "concluded_on": concluded_on,
        "request": request,
        "note": note,
    }


def challenge_add(
    *, by, unit, kind, reference, filed_on, result, concluded_on=None, request_number="", note="", today=None
) -> Challenge:
    fields = _checked(
        unit=unit,
        kind=kind,
        reference=reference,
        filed_on=filed_on,
        result=result,
        concluded_on=concluded_on,
        request_number=request_number,
        note=note,
        today=today or timezone.localdate(),
    )
    return add(
        Challenge(unit=unit, **fields),
        by=by,
        who=STAFF,
        action="disclosure.challenge_add",
        label=f"登记{ChallengeKind(kind).label}（{rules.CHALLENGES.citation}）",
        unit=unit,
    )


def challenge_change(
    challenge: Challenge,
    *,
    by,
    version,
    kind,
    reference,
    filed_on,
    result,
    concluded_on=None,
    request_number="",
    note="",
    today=None,
) -> Challenge:
    if challenge.from_module:
        raise GateBlocked("修改复议诉讼登记", ["本平台办理的行政复议案件随复议案件的受理和决定自动更新，不能在此修改"])
    fields = _checked(
        unit=challenge.unit,
        kind=kind,
        reference=reference,
        filed_on=filed_on,
        result=result,
        concluded_on=concluded_on,
        request_number=request_number,
        note=note,
        today=today or timezone.localdate(),
    )
    return change(
        challenge,
        by=by,
        who=STAFF,
        action="disclosure.challenge_change",
        label="更新复议诉讼登记",
        apply=fields,
        expected_version=version,
        unit=challenge.unit,
    )
