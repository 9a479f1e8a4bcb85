"""经作出处罚决定的机关提交的复议申请（行政复议法（2023）第三十二条）.

当场作出或依据电子技术监控设备记录作出的行政处罚，申请人可以通过作出处罚决定的机关提交复议申请；
该机关认为需要维持处罚决定的，应当自收到申请之日起五个工作日内转送复议机关（第二款）。
期限约束该机关（被申请人），仅当它是本平台单位时登记计时。"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from yifa.core import clocks
from yifa.core.models import Unit
from yifa.core.notify import unit_contacts
from yifa.core.procedure import INPUT, NEW, ON, Checks, Clock, Flow, Message, Transition, assign, create, fire
from yifa.lib.deadlines import zh_date

from . import rules as R
from .models import OrganSubmission, SubmissionState
from .who import PENALTY_ORGAN


def _not_before_receipt(item, *, on, **_):
    if on < item.received_on:
        return f"转送日期不能早于收到申请日期{zh_date(item.received_on)}"
    return None


def _tell_the_office(item, *, on, **_):
    office = Unit.objects.legal_office()
    if office is None:
        return []
    return [
        Message(
            users=unit_contacts(office),
            key=f"fuyi-organ-forward:{item.pk}",
            title=f"{item.unit}转送复议申请（{item.applicant_name}）",
            body=f"{item.act_title}；{item.unit}于{zh_date(item.received_on)}收到，{zh_date(on)}转送"
            f"（{R.FORWARD_VIA_ORGAN.citation}）。请登记复议申请。",
            link=item.get_absolute_url(),
        )
    ]


SUBMISSION_FLOW = Flow(
    name="reconsideration_submission",
    states=SubmissionState,
    clock_unit=lambda item, rule: item.unit,
    event_unit=lambda item: item.unit,
    transitions=[
        Transition(
            "receive",
            "登记经本机关提交的复议申请",
            NEW,
            SubmissionState.RECEIVED,
            who=PENALTY_ORGAN,
            starts=(Clock(R.FORWARD_VIA_ORGAN, start=lambda item, **_: item.received_on),),
            event_data=lambda item, **_: {"due": clocks.open_clock(item, R.FORWARD_VIA_ORGAN).due},
        ),
        # 认为需要维持处罚决定的，转送复议机关（第三十二条第二款）。
        Transition(
            "forward",
            "转送复议机关",
            (SubmissionState.RECEIVED,),
            SubmissionState.FORWARDED,
            who=PENALTY_ORGAN,
            guards=(_not_before_receipt,),
            apply=assign(forwarded_on=ON),
            stops=(R.FORWARD_VIA_ORGAN,),
            notifies=_tell_the_office,
            event_data=lambda item, **_: {"forwarded_on": item.forwarded_on},
        ),
        # 不维持处罚决定（已撤销或变更）的，转送义务不发生，记录处理情况。
        Transition(
            "resolve",
            "不维持处罚决定，自行处理",
            (SubmissionState.RECEIVED,),
            SubmissionState.RESOLVED,
            who=PENALTY_ORGAN,
            reason_required=True,
            apply=assign(resolved_on=ON, resolution=INPUT("reason")),
            stops=(R.FORWARD_VIA_ORGAN,),
        ),
    ],
)


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
    checks = Checks()
    if not received_on:
        checks.fail("received_on", f"收到复议申请日期：须填写（{R.FORWARD_VIA_ORGAN.citation}：自收到之日起计算）")
    elif received_on > on:
        checks.fail("received_on", "收到复议申请日期不能晚于登记当日")
    if not (applicant_name or "").strip():
        checks.fail("applicant_name", "申请人：须填写")
    if not (act_title or "").strip():
        checks.fail("act_title", "行政处罚决定：须填写（第三十二条：当场作出或依据电子技术监控设备记录作出的处罚）")
    checks.done()
    return create(
        SUBMISSION_FLOW,
        "receive",
        build=lambda: OrganSubmission(
            unit=unit,
            received_on=received_on,
            applicant_name=applicant_name.strip(),
            act_title=act_title.strip(),
            summary=(summary or "").strip(),
        ),
        by=by,
        on=on,
    )


def submission_forward(*, submission, by, on: dt.date | None = None, expected_version=None) -> OrganSubmission:
    return fire(SUBMISSION_FLOW, submission, "forward", by=by, on=on, expected_version=expected_version)


def submission_resolve(
    *, submission, by, resolution: str, on: dt.date | None = None, expected_version=None
) -> OrganSubmission:
    """不维持处罚决定（已撤销或变更）的，记录处理情况；转送义务只在认为需要维持时发生（第三十二条第二款）。"""
    checks = Checks()
    if not (resolution or "").strip():
        checks.fail("resolution", f"处理情况：须写明撤销或变更处罚决定的情况（{R.FORWARD_VIA_ORGAN.citation}）")
    checks.done()
    return fire(
        SUBMISSION_FLOW, submission, "resolve", by=by, on=on, reason=resolution, expected_version=expected_version
    )
