"""The acts on a case, as the pages, the API, the demo and the daily sweep call them. Each one runs its
declared transition (``flows.FLOW``) through the kit; what is here is only what a declaration cannot say:
the shape of the input (every bad field at once, nothing written), the receipt number and lookup code of a new
case, and acceptance turning into deemed acceptance once the review period has lapsed."""

from __future__ import annotations

import datetime as dt
import re
import secrets

from django.utils import timezone

from yifa.core.calendar import current_calendar
from yifa.core.errors import AccessDenied, YifaError
from yifa.core.models import Unit
from yifa.core.procedure import Checks, create, fire
from yifa.core.services import PHONE, valid_id_number
from yifa.lib.deadlines import earliest_after_notice, zh_date

from . import periods
from . import rules as R
from .flows import FLOW
from .models import ActType, ApprovalMode, Case, Channel, HearingKind, NumberKind, PartyKind, PartyRole, Procedure
from .numbering import next_number

LOOKUP_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
# 统一社会信用代码 (GB 32100-2015) for legal persons and organisations; people are checked by the core.
CREDIT_CODE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")


def _office() -> Unit:
    office = Unit.objects.legal_office()
    if office is None:
        raise YifaError("尚未设置法制机构（行政复议机构），无法登记复议申请", field="office")
    return office


def _check_parties(parties: list[dict], checks: Checks) -> None:
    applicants = [p for p in parties if p.get("role", PartyRole.APPLICANT) == PartyRole.APPLICANT]
    if not any((p.get("name") or "").strip() for p in applicants):
        checks.fail("applicant", "申请人：须填写姓名或名称（第三十条第一款第一项：有明确的申请人）")
    _check_numbers(parties, checks)


def _check_numbers(parties: list[dict], checks: Checks, prefix: str = "parties.{i}.") -> None:
    for i, p in enumerate(parties):
        at, who = prefix.format(i=i), p.get("name") or "当事人"
        idn = (p.get("id_number") or "").strip()
        person = p.get("kind", PartyKind.PERSON) == PartyKind.PERSON
        if idn and person and not valid_id_number(idn):
            checks.fail(at + "id_number", f"{who}的身份证号码：须为18位且校验码正确")
        elif idn and not person and not CREDIT_CODE.match(idn.upper()):
            checks.fail(at + "id_number", f"{who}的统一社会信用代码：须为18位代码")
        phone = (p.get("phone") or "").strip()
        if phone and not PHONE.match(phone):
            checks.fail(at + "phone", f"{who}的联系电话格式不正确")


def case_receive(
    *,
    by,
    channel: str,
    received_on: dt.date,
    parties: list[dict],
    respondent_unit=None,
    respondent_name: str = "",
    act_title: str,
    act_type: str,
    act_date: dt.date | None,
    known_on: dt.date | None,
    requests: str,
    facts_reasons: str,
    files=(),
    **details,
) -> Case:
    """Register an application (online by the public, ``by=PUBLIC``; by post, at the counter or orally by
    staff) and start the acceptance review."""
    checks = Checks()
    if channel not in Channel.values:
        checks.fail("channel", "申请方式：须为网上、邮寄、当面或口头")
    _check_parties(parties, checks)
    if not respondent_unit and not respondent_name.strip():
        checks.fail("respondent", "被申请人：须选择单位或填写外部机关名称（第三十条第一款第一项）")
    if not act_title.strip():
        checks.fail("act_title", "被申请复议的行政行为：须填写")
    if act_type not in ActType.values:
        checks.fail("act_type", "行政行为类型：请选择")
    if not act_date:
        checks.fail("act_date", f"行政行为作出日期：须填写（{R.ABSOLUTE_LIMIT.citation}据此计算最长申请期限）")
    if not known_on:
        checks.fail("known_on", f"知道行政行为之日：须填写（{R.APPLICATION.on(received_on).citation}据此计算申请期限）")
    if act_date and known_on and known_on < act_date:
        checks.fail("known_on", "知道行政行为之日不能早于行政行为作出日期")
    for name, day in (("act_date", act_date), ("known_on", known_on)):
        if day and day > received_on:
            checks.errors[name] = "日期不能晚于收到申请之日"
    if not requests.strip():
        checks.fail("requests", "行政复议请求：须填写（第三十条第一款第三项）")
    if not facts_reasons.strip():
        checks.fail("facts_reasons", "事实和理由：须填写（第三十条第一款第三项）")
    checks.done()

    def build() -> Case:
        return Case(
            receipt_number=next_number(received_on.year, NumberKind.RECEIPT),
            lookup_code=_lookup_code(),
            channel=channel,
            received_on=received_on,
            office=_office(),
            respondent_unit=respondent_unit,
            respondent_name=respondent_name.strip() or respondent_unit.name,
            act_title=act_title.strip(),
            act_type=act_type,
            act_date=act_date,
            known_on=known_on,
            requests=requests.strip(),
            facts_reasons=facts_reasons.strip(),
            **details,
        )

    return create(FLOW, "receive", build=build, by=by, parties=parties, files=files)


def _lookup_code() -> str:
    while True:
        code = "".join(secrets.choice(LOOKUP_ALPHABET) for _ in range(8))
        if not Case.objects.filter(lookup_code=code).exists():
            return code


def case_request_correction(
    *, case, by, items: str, on=None, served_on=None, correction_due_on=None, expected_version=None
) -> Case:
    """第三十一条第二款：补正期限自申请人收到补正通知之日起计算。送达日未知（邮寄）时不计时，
    待登记送达日后起算（case_serve_correction）。"""
    on = on or timezone.localdate()
    rule = periods.correction_rule(case)
    checks = Checks()
    if not rule.is_period and not correction_due_on:
        checks.fail("correction_due_on", f"补正期限：2017年法案件须由复议机构确定合理的补正期限（{rule.citation}）")
    if served_on and served_on < on:
        checks.fail("served_on", f"申请人收到补正通知日期不能早于通知发出日期{zh_date(on)}（{rule.citation}）")
    checks.done()
    return fire(
        FLOW,
        case,
        "request_correction",
        by=by,
        on=on,
        items=items,
        served_on=served_on,
        correction_due_on=correction_due_on,
        expected_version=expected_version,
    )


def case_serve_correction(*, case, by, served_on: dt.date, on=None, expected_version=None) -> Case:
    """登记申请人收到补正通知之日（送达日）；第三十一条第二款的补正期限自该日起算。"""
    return fire(FLOW, case, "serve_correction", by=by, on=on, served_on=served_on, expected_version=expected_version)


def case_extend_correction(*, case, by, days: int, reason: str, on=None, expected_version=None) -> Case:
    """第三十一条第二款：有正当理由不能按期补正的，可以延长合理的补正期限（须记录理由；本市累计上限见规则）。"""
    return fire(
        FLOW, case, "extend_correction", by=by, on=on, days=days, reason=reason, expected_version=expected_version
    )


def case_receive_correction(*, case, by, on=None, files=(), expected_version=None) -> Case:
    """第三十一条第三款：收到补正材料后依照第三十条重新审查，审查期限重新计算。"""
    return fire(FLOW, case, "receive_correction", by=by, on=on, files=files, expected_version=expected_version)


def case_abandon(*, case, by, on=None, expected_version=None) -> Case:
    return fire(FLOW, case, "abandon", by=by, on=on, expected_version=expected_version)


def case_accept(
    *,
    case,
    by,
    on=None,
    procedure=Procedure.NORMAL,
    simplified_basis: str = "",
    handler_user=None,
    is_major=None,
    is_technical=None,
    delay_grounds=None,
    expected_version=None,
) -> Case:
    """受理；审查期限已届满的，依法已视为受理（第三十条第三款），只记录之，所选承办人仍然有效。"""
    on = on or timezone.localdate()
    review = periods.review_clock(case)
    if review and review.due and on > review.due:
        if not FLOW.may(by, case, "accept"):
            raise AccessDenied(f"您无权受理（需{FLOW.transition('accept').who.label}）")
        return case_deem_accepted(case=case, on=on, handler_user=handler_user)
    return fire(
        FLOW,
        case,
        "accept",
        by=by,
        on=on,
        procedure=procedure,
        simplified_basis=simplified_basis,
        handler_user=handler_user,
        is_major=is_major,
        is_technical=is_technical,
        delay_grounds=delay_grounds,
        expected_version=expected_version,
    )


def case_deem_accepted(*, case, on: dt.date, handler_user=None) -> Case:
    """第三十条第三款：审查期限届满未决定不予受理的，届满之日起视为受理
    （2017年法第十七条第二款：自收到之日起即为受理）。"""
    review = periods.review_clock(case)
    if review is None or review.due is None:
        raise YifaError("受理审查期限未在计时，不能视为受理", field="state")
    return fire(
        FLOW,
        case,
        "deemed_accept",
        by=None,
        on=on,
        reason=f"受理审查期限于{zh_date(review.due)}届满（{periods.deemed_rule(case).citation}）",
        handler_user=handler_user,
    )


def case_not_accept(*, case, by, reason: str, competent_organ: str = "", on=None, expected_version=None) -> Case:
    """第三十条第二款：说明理由；不属于本机关管辖的，告知有管辖权的行政复议机关。"""
    return fire(
        FLOW,
        case,
        "not_accept",
        by=by,
        on=on,
        reason=reason,
        competent_organ=(competent_organ or "").strip(),
        expected_version=expected_version,
    )


def case_send_copy(*, case, by, on=None, served_on=None, expected_version=None) -> Case:
    """第四十八条/第五十四条：答复期限自被申请人收到副本之日起。本市单位经本平台送达，当日收到；
    外部机关（线下送达）自登记的送达日起算，未登记前不计时。"""
    on = on or timezone.localdate()
    checks = Checks()
    if served_on and served_on < on:
        checks.fail("served_on", f"被申请人收到副本日期不能早于发送日期{zh_date(on)}")
    checks.done()
    return fire(FLOW, case, "send_copy", by=by, on=on, served_on=served_on, expected_version=expected_version)


def case_serve_copy(*, case, by, served_on: dt.date, on=None, expected_version=None) -> Case:
    """登记外部机关收到申请书副本之日（送达日）；答复期限自该日起算（第四十八条、第五十四条）。"""
    on = on or timezone.localdate()
    rule = periods.reply_rule(case)
    checks = Checks()
    if not served_on:
        checks.fail("served_on", f"被申请人收到副本日期：须填写（{rule.citation}：自收到申请书副本之日起）")
    elif case.copy_sent_on and served_on < case.copy_sent_on:
        checks.fail("served_on", f"被申请人收到副本日期不能早于发送日期{zh_date(case.copy_sent_on)}")
    elif served_on > on:
        checks.fail("served_on", "被申请人收到副本日期不能晚于登记当日")
    checks.done()
    return fire(FLOW, case, "serve_copy", by=by, on=on, served_on=served_on, expected_version=expected_version)


def case_reply(*, case, by, text: str, on=None, files=(), expected_version=None) -> Case:
    checks = Checks()
    if not (text or "").strip():
        checks.fail("text", f"书面答复：须填写（{periods.reply_rule(case).citation}）")
    checks.done()
    return fire(FLOW, case, "reply", by=by, on=on, text=text, files=files, expected_version=expected_version)


def case_to_normal(*, case, by, reason: str, on=None, expected_version=None) -> Case:
    """第五十五条：转为普通程序，期限按普通程序自受理之日起计算。"""
    return fire(FLOW, case, "to_normal", by=by, on=on, reason=reason, expected_version=expected_version)


def case_extend(*, case, by, days: int, reason: str, on=None, expected_version=None) -> Case:
    """第六十二条第一款：经复议机构负责人批准可以适当延长，并书面告知当事人（每次出具延期审理通知书）；
    可分次延长，累计最多不得超过三十日。"""
    return fire(FLOW, case, "extend", by=by, on=on, days=days, reason=reason, expected_version=expected_version)


def case_suspend(
    *, case, by, ground: str, reason: str = "", on=None, expected_version=None, details: dict | None = None
) -> Case:
    """第三十九条：中止期间审理期限停止计算。"""
    return fire(
        FLOW,
        case,
        "suspend",
        by=by,
        on=on,
        ground=ground,
        reason=reason,
        data=details,
        expected_version=expected_version,
    )


def case_resume(*, case, by, reason: str = "", on=None, expected_version=None, details: dict | None = None) -> Case:
    return fire(FLOW, case, "resume", by=by, on=on, reason=reason, data=details, expected_version=expected_version)


def case_terminate(*, case, by, ground: str, reason: str = "", on=None, expected_version=None) -> Case:
    return fire(FLOW, case, "terminate", by=by, on=on, ground=ground, reason=reason, expected_version=expected_version)


def case_mediate(*, case, by, mediation_text: str, on=None, expected_version=None) -> Case:
    return fire(FLOW, case, "mediate", by=by, on=on, mediation_text=mediation_text, expected_version=expected_version)


def case_propose(
    *,
    case,
    by,
    decision_type: str,
    decision_text: str,
    findings: str = "",
    compensation: str = "",
    on=None,
    expected_version=None,
) -> Case:
    return fire(
        FLOW,
        case,
        "propose",
        by=by,
        on=on,
        decision_type=decision_type,
        decision_text=decision_text,
        findings=findings,
        compensation=compensation,
        expected_version=expected_version,
    )


def case_return(*, case, by, reason: str, on=None, expected_version=None) -> Case:
    return fire(FLOW, case, "return_draft", by=by, on=on, reason=reason, expected_version=expected_version)


def case_approve(
    *,
    case,
    by,
    approval_mode: str = ApprovalMode.HEAD,
    meeting: str = "",
    meeting_on: dt.date | None = None,
    meeting_record: str = "",
    on=None,
    expected_version=None,
) -> Case:
    """第六十一条第一款：复议机关负责人同意，或者集体讨论通过（须有会议记录）后，以复议机关名义作出决定。"""
    if approval_mode == ApprovalMode.COLLECTIVE:
        return fire(
            FLOW,
            case,
            "approve_collective",
            by=by,
            on=on,
            meeting=(meeting or "").strip(),
            meeting_on=meeting_on,
            meeting_record=(meeting_record or "").strip(),
            expected_version=expected_version,
        )
    return fire(FLOW, case, "approve", by=by, on=on, expected_version=expected_version)


def case_justify_overdue(*, case, by, reason: str, expected_version=None) -> Case:
    checks = Checks()
    if not (reason or "").strip():
        checks.fail("reason", "超审限理由：须填写")
    checks.done()
    return fire(FLOW, case, "justify_overdue", by=by, reason=reason, expected_version=expected_version)


def case_add_third_party(
    *,
    case,
    by,
    name: str,
    kind: str = PartyKind.PERSON,
    joined: str = "notified",
    id_number: str = "",
    phone: str = "",
    address: str = "",
    on=None,
    expected_version=None,
) -> Case:
    """第十六条第一款：同被申请的行政行为或者案件处理结果有利害关系的，申请参加或者由复议机构通知其作为第三人
    参加；受理后追加，并制作第三人参加行政复议通知书。"""
    checks = Checks()
    if not (name or "").strip():
        checks.fail("name", f"第三人姓名或名称：须填写（{R.THIRD_PARTY.citation}）")
    if kind not in PartyKind.values:
        checks.fail("kind", "第三人类型：须为自然人、法人或其他组织")
    if joined not in JOINED:
        checks.fail("joined", f"参加方式：须为申请参加或通知参加（{R.THIRD_PARTY.citation}）")
    party = {"role": PartyRole.THIRD_PARTY, "kind": kind, "name": name, "id_number": id_number, "phone": phone}
    _check_numbers([party], checks, prefix="")
    checks.done()
    return fire(
        FLOW,
        case,
        "add_third_party",
        by=by,
        on=on,
        party_name=name,
        kind=kind,
        joined=joined,
        id_number=(id_number or "").strip().upper(),
        phone=(phone or "").strip(),
        address=address,
        expected_version=expected_version,
    )


JOINED = {"applied": "申请参加", "notified": "通知参加"}


def case_record_hearing(
    *,
    case,
    by,
    kind: str,
    held_on: dt.date,
    notified_on=None,
    place: str = "",
    panel: str = "",
    matters: str = "",
    record: str = "",
    on=None,
    expected_version=None,
) -> Case:
    """第四十九条听取意见；第五十条、第五十一条听证：五日前书面通知，并由听证人员主持。"""
    checks = Checks()
    if kind not in HearingKind.values:
        checks.fail("kind", "方式：请选择")
    if not held_on:
        checks.fail("held_on", "举行日期：须填写")
    if kind == HearingKind.FORMAL:
        rule = R.HEARING_NOTICE
        if not notified_on:
            checks.fail("notified_on", f"听证通知日期：须填写（{rule.citation}）")
        elif held_on:
            earliest = earliest_after_notice(notified_on, rule.days, rule.unit, current_calendar())
            if held_on < earliest:
                checks.fail(
                    "held_on",
                    f"听证日期：应于举行听证的{rule.days}日前书面通知当事人（{rule.citation}），"
                    f"{zh_date(notified_on)}通知的，最早可于{zh_date(earliest)}举行",
                )
        if not panel.strip():
            checks.fail("panel", "主持人、听证员：须填写（第五十条第三款：一名主持人、两名以上听证员和一名记录员）")
    checks.done()
    return fire(
        FLOW,
        case,
        "record_hearing",
        by=by,
        on=on,
        kind=kind,
        held_on=held_on,
        notified_on=notified_on,
        place=place,
        panel=panel,
        matters=matters,
        record=record,
        expected_version=expected_version,
    )


def case_stay(*, case, by, ground: str, on=None, expected_version=None) -> Case:
    """第四十二条：行政复议期间不停止执行，法定情形之一的停止执行。"""
    return fire(FLOW, case, "stay", by=by, on=on, ground=ground, expected_version=expected_version)


def case_order_performance(*, case, by, matters: str, due_on: dt.date, on=None, expected_version=None) -> Case:
    """第七十七条第二款：被申请人不履行或者无正当理由拖延履行的，责令其限期履行。"""
    return fire(
        FLOW,
        case,
        "order_performance",
        by=by,
        on=on,
        matters=(matters or "").strip(),
        due_on=due_on,
        expected_version=expected_version,
    )


def case_exclude_time(*, case, by, kind: str, first: dt.date, last: dt.date, on=None, expected_version=None) -> Case:
    """实施条例第三十四条第三款（现场勘验）、第三十七条（鉴定）：所用时间不计入审理期限。"""
    return fire(
        FLOW, case, "exclude_time", by=by, on=on, kind=kind, first=first, last=last, expected_version=expected_version
    )


def case_publish(*, case, by, on=None, expected_version=None) -> Case:
    return fire(FLOW, case, "publish", by=by, on=on, expected_version=expected_version)
