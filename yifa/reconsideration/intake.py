"""Quotas on online applications. Each day at most ``APPLY_PER_DAY`` online applications, and at most
``APPLY_PER_APPLICANT_PER_DAY`` from one applicant, become cases at once; the others wait, encrypted, for
the office to release them (or to discard an abusive one) — a flood never starts statutory clocks by itself.
Beyond ``APPLY_HELD_PER_DAY`` held ones a day (each takes a numbered place of the day, so simultaneous ones
cannot overshoot) the portal asks the applicant to come back tomorrow or use the counter or the post
(第二十二条 leaves those channels open)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
import secrets
from decimal import Decimal
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max

from yifa.core.errors import NotFound, YifaError
from yifa.core.models import Unit
from yifa.core.procedure import INPUT, NEW, PUBLIC, Flow, Transition, assign, create, fire
from yifa.core.public_forms import TooManyRequests
from yifa.core.uploads import attachments_of, store_upload
from yifa.lib.law import Rule
from yifa.lib.statutes import FUYI_2023

from . import services
from .access import public_case
from .intake_models import RECEIPT_PREFIX, IntakeState, OnlineIntake
from .models import Channel
from .who import STAFF

HELD_FILES = "held_application"
SLOT_TRIES = 20

# 申请人网上提交之日即复议机关收到申请之日（第二十二条、第三十条）。暂存不改变收到日期：放行时以原收到日登记，
# 受理审查期限自该日起算，放行晚了期限照样届满（第三十条第三款视为受理）；故暂存须尽快审看，不得用以拖延。
QUEUE = Rule(
    "reconsideration.online_quota",
    "网上申请限额暂存",
    FUYI_2023,
    "第三十条第一款",
    note="超出当日或同一申请人限额的网上申请暂存待放行，不立即计时；放行后以原收到日期登记，"
    "受理审查期限自原收到之日起算（收到之日不因暂存而推后），届满未决定不予受理的视为受理（第三款）",
)


def _keep_files(intake, *, files=(), **_):
    for name, content in files:
        store_upload(content=content, name=name, subject=intake, purpose=HELD_FILES)


def _mark_case(intake, *, case, **_):
    intake.case = case
    intake.payload = ""  # the case now holds the application; no second copy of the personal data


INTAKE_FLOW = Flow(
    name="reconsideration_intake",
    states=IntakeState,
    clock_unit=lambda intake, rule: intake.office,
    event_unit=lambda intake: intake.office,
    transitions=[
        Transition("admit", "网上申请在限额内，登记为案件", NEW, IntakeState.ADMITTED, public=True),
        Transition("hold", "网上申请超出限额，暂存待放行", NEW, IntakeState.HELD, public=True, after=_keep_files),
        Transition(
            "release",
            "放行暂存的网上申请，以原收到日期登记",
            (IntakeState.HELD,),
            IntakeState.RELEASED,
            who=STAFF,
            apply=_mark_case,
            event_data=lambda intake, *, case, **_: {"case": case.number, "received_on": intake.received_on},
        ),
        Transition(
            "discard",
            "作废暂存的网上申请",
            (IntakeState.HELD,),
            IntakeState.DISCARDED,
            who=STAFF,
            reason_required=True,
            apply=assign(held_reason=INPUT("reason")),
        ),
    ],
)


def applicant_key(parties: list[dict]) -> str:
    first = parties[0]
    ident = (
        first.get("id_number") or ""
    ).strip().upper() or f"{first.get('name', '').strip()}|{first.get('phone', '')}"
    return hmac.new(settings.SECRET_KEY.encode(), ident.encode(), hashlib.sha256).hexdigest()


def apply_online(*, received_on: dt.date, files, **application):
    """The portal's intake: a case when within the quotas, else a held application. Returns (intake, case)."""
    office = Unit.objects.legal_office()
    if office is None:
        raise YifaError("尚未设置法制机构（行政复议机构），无法登记复议申请", field="office")
    key = applicant_key(application["parties"])
    summary = f"{application['parties'][0]['name'][:1]}**：{application['act_title']}"[:200]
    today = OnlineIntake.objects.filter(received_on=received_on)
    if today.filter(applicant_key=key).count() >= settings.APPLY_PER_APPLICANT_PER_DAY:
        return _hold(office, key, summary, received_on, files, application, "同一申请人当日网上申请超过限额"), None
    for _ in range(SLOT_TRIES):
        slot = (today.aggregate(m=Max("day_slot"))["m"] or 0) + 1
        if slot > settings.APPLY_PER_DAY:
            return _hold(office, key, summary, received_on, files, application, "当日网上申请超过限额"), None
        try:
            with transaction.atomic():
                case = services.case_receive(
                    by=PUBLIC, channel=Channel.ONLINE, received_on=received_on, files=files, **application
                )
                intake = create(
                    INTAKE_FLOW,
                    "admit",
                    build=partial(
                        OnlineIntake,
                        state=IntakeState.ADMITTED,
                        received_on=received_on,
                        applicant_key=key,
                        day_slot=slot,
                        summary=summary,
                        case=case,
                        office=office,
                    ),
                    by=PUBLIC,
                )
            return intake, case
        except IntegrityError:  # another application took this slot first: try the next
            continue
    raise TooManyRequests("网上申请人数较多，请稍后再试")


def _hold(office, key, summary, received_on, files, application, reason) -> OnlineIntake:
    today = OnlineIntake.objects.filter(received_on=received_on)
    for _ in range(SLOT_TRIES):
        slot = (today.aggregate(m=Max("held_slot"))["m"] or 0) + 1
        if slot > settings.APPLY_HELD_PER_DAY:
            break
        try:
            with transaction.atomic():
                return create(
                    INTAKE_FLOW,
                    "hold",
                    build=partial(
                        OnlineIntake,
                        state=IntakeState.HELD,
                        received_on=received_on,
                        applicant_key=key,
                        held_slot=slot,
                        summary=summary,
                        held_reason=reason,
                        lookup_code=_held_code(),
                        payload=json.dumps(_plain(application), ensure_ascii=False),
                        office=office,
                    ),
                    by=PUBLIC,
                    files=files,
                )
        except IntegrityError:  # another application took this place first: try the next
            continue
    raise TooManyRequests("今日网上申请已满，请明日再提交，或以邮寄、当面方式向复议机关提出申请")


def _held_code() -> str:
    while True:
        code = "".join(secrets.choice(services.LOOKUP_ALPHABET) for _ in range(8))
        if not OnlineIntake.objects.filter(lookup_code=code).exists():
            return code


def public_intake(number: str, code: str) -> OnlineIntake:
    """The applicant's view of a held application: its receipt number (网申20261201-17, with or without the
    prefix, spaces ignored) and its lookup code must both match."""
    typed = "".join((number or "").split()).removeprefix(RECEIPT_PREFIX)
    match = re.fullmatch(r"(\d{8})-(\d{1,12})", typed)
    found = (
        OnlineIntake.objects.select_related("case")
        .filter(pk=int(match[2]), lookup_code=(code or "").strip().upper())
        .exclude(lookup_code="")
        .first()
        if match
        else None
    )
    if found is None or f"{found.received_on:%Y%m%d}" != match[1]:
        raise NotFound("案号或查询码不正确，请核对受理通知书或申请回执")
    return found


def public_lookup(number: str, code: str) -> tuple:
    """(case, held application) for the applicant's lookup on the portal and through the API: a case by its
    number, or a held application by its receipt number — once released, the case it became."""
    try:
        return public_case(number, code), None
    except NotFound:
        held = public_intake(number, code)
        if held.state == IntakeState.RELEASED:
            return held.case, held
        return None, held


def _plain(application: dict) -> dict:
    out = {}
    for name, value in application.items():
        if isinstance(value, Unit):
            value = {"unit": value.pk}
        elif isinstance(value, dt.date):
            value = {"date": value.isoformat()}
        elif isinstance(value, Decimal):
            value = {"decimal": str(value)}
        out[name] = value
    return out


def _restore(plain: dict) -> dict:
    out = {}
    for name, value in plain.items():
        if isinstance(value, dict) and "unit" in value:
            value = Unit.objects.get(pk=value["unit"])
        elif isinstance(value, dict) and "date" in value:
            value = dt.date.fromisoformat(value["date"])
        elif isinstance(value, dict) and "decimal" in value:
            value = Decimal(value["decimal"])
        out[name] = value
    return out


def intake_release(*, intake: OnlineIntake, by, expected_version=None):
    """Register the held application as a case received on its original day (see ``QUEUE``)."""
    with transaction.atomic():
        files = [(a.name, a.file.open("rb").read()) for a in attachments_of(intake, HELD_FILES)]
        case = services.case_receive(
            by=by,
            channel=Channel.ONLINE,
            received_on=intake.received_on,
            files=files,
            **_restore(json.loads(intake.payload)),
        )
        return fire(INTAKE_FLOW, intake, "release", by=by, case=case, expected_version=expected_version)


def intake_discard(*, intake: OnlineIntake, by, reason: str, expected_version=None):
    return fire(INTAKE_FLOW, intake, "discard", by=by, reason=reason, expected_version=expected_version)


def held():
    return OnlineIntake.objects.filter(state=IntakeState.HELD).order_by("received_at", "id")
