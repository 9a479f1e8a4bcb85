"""经作出处罚决定的机关提交的复议申请（行政复议法（2023）第三十二条）。

当场作出或依据电子技术监控设备记录作出的行政处罚，申请人可以通过作出处罚决定的机关提交复议申请；
该机关认为需要维持处罚决定的，应当自收到申请之日起五个工作日内转送复议机关（第二款）。
期限约束该机关（被申请人），仅当它是本平台单位时登记计时。"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from yifa.core import clocks
from yifa.core.audit import record_event
from yifa.core.errors import AccessDenied, InvalidInput, YifaError
from yifa.core.models import Unit
from yifa.core.notify import notify, unit_contacts
from yifa.lib.deadlines import zh_date

from . import rules as R
from .models import OrganSubmission
from .norms import in_unit


def submission_receive(
    *,
    by,
    unit,
    received_on: dt.date | None,
    applicant_name: str,
    act_title: str,
    summary: str = "",
    on: dt.date | None = None,
) -> OrganSubmission:
    on = on or timezone.localdate()
    if unit is None or not in_unit(by, unit):
        raise AccessDenied("只有作出行政处罚决定的机关本单位人员可以登记经本机关提交的复议申请")
    errors = {}
    if not received_on:
        errors["received_on"] = f"收到复议申请日期：须填写（{R.FORWARD_VIA_ORGAN.citation}：自收到之日起计算）"
    elif received_on > on:
        errors["received_on"] = "收到复议申请日期不能晚于登记当日"
    if not (applicant_name or "").strip():
        errors["applicant_name"] = "申请人：须填写"
    if not (act_title or "").strip():
        errors["act_title"] = "行政处罚决定：须填写（第三十二条：当场作出或依据电子技术监控设备记录作出的处罚）"
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        item = OrganSubmission.objects.create(
            unit=unit,
            received_on=received_on,
            applicant_name=applicant_name.strip(),
            act_title=act_title.strip(),
            summary=(summary or "").strip(),
        )
        clock = clocks.start_clock(subject=item, rule=R.FORWARD_VIA_ORGAN, start=received_on, unit=unit)
        record_event(
            actor=by,
            subject=item,
            action="reconsideration.organ_submission",
            action_label="登记经本机关提交的复议申请",
            unit=unit,
            data={"due": clock.due},
        )
    return item


def _open(item, by) -> OrganSubmission:
    item = OrganSubmission.objects.select_for_update(of=("self",)).select_related("unit").get(pk=item.pk)
    if not in_unit(by, item.unit):
        raise AccessDenied("只有收到申请的机关本单位人员可以办理")
    if item.forwarded_on or item.resolved_on:
        raise YifaError("该申请已经转送或处理完毕", field="state")
    return item


def _office() -> Unit | None:
    return Unit.objects.filter(is_legal_office=True).order_by("path").first()


def submission_forward(*, submission, by, on: dt.date | None = None) -> OrganSubmission:
    """认为需要维持处罚决定的，转送复议机关（第三十二条第二款）。"""
    on = on or timezone.localdate()
    with transaction.atomic():
        item = _open(submission, by)
        if on < item.received_on:
            raise InvalidInput({"on": f"转送日期不能早于收到申请日期{zh_date(item.received_on)}"})
        item.forwarded_on = on
        item.save()
        for clock in clocks.clocks_of(item, rule=R.FORWARD_VIA_ORGAN):
            clocks.stop_clock(clock, on=on)
        record_event(
            actor=by,
            subject=item,
            action="reconsideration.organ_forward",
            action_label="转送复议机关",
            unit=item.unit,
            data={"forwarded_on": on},
        )
        office = _office()
        if office:
            notify(
                users=unit_contacts(office),
                key=f"fuyi-organ-forward:{item.pk}",
                title=f"{item.unit}转送复议申请（{item.applicant_name}）",
                body=f"{item.act_title}；{item.unit}于{zh_date(item.received_on)}收到，{zh_date(on)}转送"
                f"（{R.FORWARD_VIA_ORGAN.citation}）。请登记复议申请。",
                link=item.get_absolute_url(),
            )
    return item


def submission_resolve(*, submission, by, resolution: str, on: dt.date | None = None) -> OrganSubmission:
    """不维持处罚决定（已撤销或变更）的，记录处理情况；转送义务只在认为需要维持时发生（第三十二条第二款）。"""
    on = on or timezone.localdate()
    with transaction.atomic():
        item = _open(submission, by)
        if not (resolution or "").strip():
            raise InvalidInput({"resolution": "处理情况：须写明撤销或变更处罚决定的情况（第三十二条第二款）"})
        item.resolved_on, item.resolution = on, resolution.strip()
        item.save()
        for clock in clocks.clocks_of(item, rule=R.FORWARD_VIA_ORGAN):
            clocks.stop_clock(clock, on=on)
        record_event(
            actor=by,
            subject=item,
            action="reconsideration.organ_resolve",
            action_label="不维持处罚决定，自行处理",
            unit=item.unit,
            reason=item.resolution,
        )
    return item
