"""Every state change of a reconsideration case: one transaction, one audit event."""

from __future__ import annotations

import datetime as dt
import re
import secrets

from django.db import transaction
from django.utils import timezone

from yifa.core import clocks
from yifa.core.access import require_legal_office
from yifa.core.audit import record_event
from yifa.core.concurrency import claim_version
from yifa.core.errors import AccessDenied, InvalidInput, YifaError
from yifa.core.flows import fire
from yifa.core.models import DeadlineStatus, Unit
from yifa.core.notify import notify, unit_contacts
from yifa.core.services import PHONE, valid_id_number
from yifa.core.uploads import store_upload
from yifa.lib.deadlines import WORKDAYS, compute_due, zh_date

from . import periods
from . import rules as R
from .flows import FLOW, handler, respondent
from .models import LIMITED_SUSPENSIONS, ActType, Case, CaseState, Channel, Party, PartyKind, PartyRole, Procedure
from .numbering import next_number

LOOKUP_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
# 统一社会信用代码 (GB 32100-2015) for legal persons and organisations; people are checked by the core.
CREDIT_CODE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")


def _today(on):
    return on or timezone.localdate()


def _office() -> Unit:
    office = Unit.objects.filter(is_legal_office=True).order_by("path").first()
    if office is None:
        raise YifaError("尚未设置法制机构（行政复议机构），无法登记复议申请", field="office")
    return office


def _validate_parties(parties: list[dict], errors: dict) -> None:
    applicants = [p for p in parties if p.get("role", PartyRole.APPLICANT) == PartyRole.APPLICANT]
    if not any((p.get("name") or "").strip() for p in applicants):
        errors["applicant"] = "申请人：须填写姓名或名称（第三十条第一款第一项：有明确的申请人）"
    for i, p in enumerate(parties):
        idn = (p.get("id_number") or "").strip()
        person = p.get("kind", PartyKind.PERSON) == PartyKind.PERSON
        if idn and person and not valid_id_number(idn):
            errors[f"parties.{i}.id_number"] = f"{p.get('name') or '当事人'}的身份证号码：须为18位且校验码正确"
        elif idn and not person and not CREDIT_CODE.match(idn.upper()):
            errors[f"parties.{i}.id_number"] = f"{p.get('name') or '当事人'}的统一社会信用代码：须为18位代码"
        phone = (p.get("phone") or "").strip()
        if phone and not PHONE.match(phone):
            errors[f"parties.{i}.phone"] = f"{p.get('name') or '当事人'}的联系电话格式不正确"


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
    """Register an application (online, by post, at the counter) and start the acceptance review."""
    errors: dict[str, str] = {}
    if channel not in Channel.values:
        errors["channel"] = "申请方式：须为网上、邮寄、当面或口头"
    if channel != Channel.ONLINE and not (by and (by.is_superuser or handler(by, None))):
        raise AccessDenied("只有复议工作人员可以登记邮寄、当面或口头申请")
    _validate_parties(parties, errors)
    if not respondent_unit and not respondent_name.strip():
        errors["respondent"] = "被申请人：须选择单位或填写外部机关名称（第三十条第一款第一项）"
    if not act_title.strip():
        errors["act_title"] = "被申请复议的行政行为：须填写"
    if act_type not in ActType.values:
        errors["act_type"] = "行政行为类型：请选择"
    if not act_date:
        errors["act_date"] = "行政行为作出日期：须填写（第二十一条据此计算最长申请期限）"
    if not known_on:
        errors["known_on"] = "知道行政行为之日：须填写（第二十条据此计算申请期限）"
    if act_date and known_on and known_on < act_date:
        errors["known_on"] = "知道行政行为之日不能早于行政行为作出日期"
    for name, day in (("act_date", act_date), ("known_on", known_on)):
        if day and day > received_on:
            errors[name] = "日期不能晚于收到申请之日"
    if not requests.strip():
        errors["requests"] = "行政复议请求：须填写（第三十条第一款第三项）"
    if not facts_reasons.strip():
        errors["facts_reasons"] = "事实和理由：须填写（第三十条第一款第三项）"
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        case = Case.objects.create(
            number=next_number(received_on.year),
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
        Party.objects.bulk_create(
            [
                Party(
                    case=case,
                    role=p.get("role", PartyRole.APPLICANT),
                    kind=p.get("kind", PartyKind.PERSON),
                    name=p["name"].strip(),
                    id_number=(p.get("id_number") or "").strip(),
                    phone=(p.get("phone") or "").strip(),
                    address=(p.get("address") or "").strip(),
                )
                for p in parties
                if (p.get("name") or "").strip()
            ]
        )
        for name, content in files:
            store_upload(content=content, name=name, by=by, subject=case, purpose="application")
        clocks.start_clock(subject=case, rule=periods.review_rule(case), start=received_on, unit=case.office)
        record_event(
            actor=by,
            subject=case,
            action="reconsideration.receive",
            action_label="收到申请",
            to_state=case.state,
            unit=case.office,
            data={"channel": channel, "files": len(files), "law": case.law_year},
        )
    return case


def _lookup_code() -> str:
    while True:
        code = "".join(secrets.choice(LOOKUP_ALPHABET) for _ in range(8))
        if not Case.objects.filter(lookup_code=code).exists():
            return code


def _set(**fields):
    def apply(case):
        for name, value in fields.items():
            setattr(case, name, value)

    return apply


def case_request_correction(
    *, case, by, items: str, on=None, served_on=None, correction_due_on=None, expected_version=None
) -> Case:
    """第三十一条第二款：补正期限自申请人收到补正通知之日起计算。送达日未知（邮寄）时不计时，
    待登记送达日后起算（case_serve_correction）。"""
    on = _today(on)
    rule = periods.correction_rule(case)
    if not rule.is_period and not correction_due_on:
        raise InvalidInput(
            {"correction_due_on": f"补正期限：2017年法案件须由复议机构确定合理的补正期限（{rule.citation}）"}
        )
    if served_on and served_on < on:
        raise InvalidInput({"served_on": f"申请人收到补正通知日期不能早于通知发出日期{zh_date(on)}（{rule.citation}）"})
    with transaction.atomic():
        case = fire(
            FLOW,
            case,
            "request_correction",
            by=by,
            on=on,
            today=on,
            items=items,
            expected_version=expected_version,
            data={"items": items, "served_on": served_on},
            before_save=_set(
                correction_items=items.strip(),
                correction_sent_on=on,
                correction_served_on=served_on,
                correction_due_on=correction_due_on,
                correction_received_on=None,
            ),
        )
        clocks.pause_clock(periods.review_clock(case), on=on)
        if rule.is_period and served_on:
            clocks.start_clock(subject=case, rule=rule, start=served_on, unit=case.office)
    return case


def case_serve_correction(*, case, by, served_on: dt.date, on=None, expected_version=None) -> Case:
    """登记申请人收到补正通知之日（送达日）；第三十一条第二款的补正期限自该日起算。"""
    on = _today(on)
    rule = periods.correction_rule(case)
    with transaction.atomic():
        case = fire(
            FLOW,
            case,
            "serve_correction",
            by=by,
            on=on,
            today=on,
            served_on=served_on,
            expected_version=expected_version,
            data={"served_on": served_on},
            before_save=_set(correction_served_on=served_on),
        )
        if rule.is_period:
            clocks.start_clock(subject=case, rule=rule, start=served_on, unit=case.office)
    return case


def case_extend_correction(*, case, by, days: int, reason: str, on=None, expected_version=None) -> Case:
    """第三十一条第二款：有正当理由不能按期补正的，可以延长合理的补正期限（须记录理由；本市累计上限见规则）。"""
    on = _today(on)
    valid = isinstance(days, int) and days >= 1
    fields = {
        "correction_extension_days": case.correction_extension_days + (days if valid else 0),
        "correction_extension_reason": (reason or "").strip(),
    }
    if valid and case.correction_due_on:  # 2017年法案件：复议机构确定的期限顺延若干工作日
        fields["correction_due_on"] = compute_due(case.correction_due_on, days, WORKDAYS, _calendar()).due
    with transaction.atomic():
        case = fire(
            FLOW,
            case,
            "extend_correction",
            by=by,
            on=on,
            today=on,
            days=days,
            reason=reason,
            expected_version=expected_version,
            data={"days": days},
            before_save=_set(**fields),
        )
        rule = periods.correction_rule(case)
        if rule.is_period:
            clock = clocks.open_clock(case, rule)
            if clock is None:
                raise YifaError("补正期限未在计时，不能延长", field="days")
            clocks.extend_clock(clock, days=days, max_times=None)
    return case


def case_receive_correction(*, case, by, on=None, files=(), expected_version=None) -> Case:
    """第三十一条第三款：收到补正材料后依照第三十条重新审查，审查期限重新计算。"""
    on = _today(on)
    with transaction.atomic():
        case = fire(
            FLOW,
            case,
            "receive_correction",
            by=by,
            on=on,
            expected_version=expected_version,
            before_save=_set(correction_received_on=on),
        )
        for name, content in files:
            store_upload(content=content, name=name, by=by, subject=case, purpose="correction")
        for clock in clocks.clocks_of(case, rule=periods.correction_rule(case)):
            clocks.stop_clock(clock, on=on)
        review = clocks.open_clock(case, periods.review_rule(case))
        if review is None:
            raise YifaError("受理审查期限未在计时，不能重新起算（第三十一条第三款）", field="state")
        clocks.restart_clock(review, on=on)
    return case


def case_abandon(*, case, by, on=None, expected_version=None) -> Case:
    on = _today(on)
    with transaction.atomic():
        case = fire(
            FLOW,
            case,
            "abandon",
            by=by,
            on=on,
            today=on,
            expected_version=expected_version,
            before_save=_set(closed_on=on),
        )
        _close_clocks(case, on, cancelled=True)
    return case


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
    on = _today(on)
    fields = {
        "procedure": procedure,
        "simplified_basis": simplified_basis if procedure == Procedure.SIMPLIFIED else "",
        "handler": handler_user or case.handler,
    }
    findings = {
        name: value
        for name, value in (("is_major", is_major), ("is_technical", is_technical), ("delay_grounds", delay_grounds))
        if value is not None
    }
    review = periods.review_clock(case)
    if review and review.due and on > review.due:
        # 第三十条第三款: the case was accepted by law when the review lapsed; only who may
        # accept may record it, and the handler chosen here still applies.
        if not FLOW.may(by, case, "accept"):
            raise AccessDenied("您无权受理（需复议工作人员）")
        return case_deem_accepted(case=case, today=on, handler_user=handler_user)
    with transaction.atomic():
        # The review's findings are part of this acceptance (and its one event); the guards read them.
        Case.objects.filter(pk=case.pk).update(**findings)
        case = fire(
            FLOW,
            case,
            "accept",
            by=by,
            on=on,
            procedure=procedure,
            simplified_basis=simplified_basis,
            expected_version=expected_version,
            data={"procedure": procedure, **findings},
            before_save=_set(accepted_on=periods.acceptance_date(case, on), **fields),
        )
        clocks.stop_clock(review, on=on)
        _start_hearing_clocks(case, case.accepted_on)
    return case


def _start_hearing_clocks(case, accepted_on):
    clocks.start_clock(subject=case, rule=periods.copy_rule(case), start=accepted_on, unit=case.office)
    clocks.start_clock(
        subject=case, rule=periods.decision_rule(case), start=accepted_on, unit=case.office, assignee=case.handler
    )


def case_deem_accepted(*, case, today: dt.date, handler_user=None) -> Case:
    """第三十条第三款：审查期限届满未决定不予受理的，届满之日起视为受理
    （2017年法第十七条第二款：自收到之日起即为受理）。"""
    review = periods.review_clock(case)
    if review is None or review.due is None:
        raise YifaError("受理审查期限未在计时，不能视为受理", field="state")
    accepted_on = review.due if case.law_year == 2023 else (review.restart or case.received_on)
    with transaction.atomic():
        case = fire(
            FLOW,
            case,
            "deemed_accept",
            by=None,
            on=today,
            reason=f"受理审查期限于{zh_date(review.due)}届满（{periods.deemed_rule(case).citation}）",
            data={"accepted_on": accepted_on},
            before_save=_set(accepted_on=accepted_on, deemed_accepted=True, handler=handler_user or case.handler),
        )
        clocks.stop_clock(review, on=today)
        _start_hearing_clocks(case, accepted_on)
    return case


def case_not_accept(*, case, by, reason: str, on=None, expected_version=None) -> Case:
    on = _today(on)
    with transaction.atomic():
        case = fire(
            FLOW,
            case,
            "not_accept",
            by=by,
            on=on,
            today=on,
            reason=reason,
            expected_version=expected_version,
            before_save=_set(not_accepted_reason=reason.strip(), closed_on=on),
        )
        _close_clocks(case, on)
    return case


def case_send_copy(*, case, by, on=None, served_on=None, expected_version=None) -> Case:
    """第四十八条/第五十四条：答复期限自被申请人收到副本之日起。本市单位经本平台送达，当日收到；
    外部机关（线下送达）自登记的送达日起算，未登记前不计时。"""
    on = _today(on)
    if not handler(by, case):
        raise AccessDenied("只有复议工作人员可以发送申请书副本")
    if served_on and served_on < on:
        raise InvalidInput({"served_on": f"被申请人收到副本日期不能早于发送日期{zh_date(on)}"})
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        if case.state not in (CaseState.ACCEPTED, CaseState.SUSPENDED) or case.copy_sent_on:
            raise YifaError("只有已受理且尚未发送副本的案件可以发送副本", field="state")
        claim_version(case, expected_version)
        case.copy_sent_on = on
        case.copy_served_on = on if case.respondent_unit_id else served_on
        case.save()
        for clock in clocks.clocks_of(case, rule=periods.copy_rule(case)):
            clocks.stop_clock(clock, on=on)
        clock = _start_reply_clock(case) if case.copy_served_on else None
        record_event(
            actor=by,
            subject=case,
            action="reconsideration.send_copy",
            action_label="发送申请书副本",
            from_state=case.state,
            to_state=case.state,
            data={"served_on": case.copy_served_on, "reply_due": clock.due if clock else None},
        )
        if case.respondent_unit:
            notify(
                users=unit_contacts(case.respondent_unit),
                key=f"fuyi-copy:{case.pk}",
                title=f"请于{zh_date(clock.due)}前对行政复议申请{case.number}提出书面答复",
                body=f"{clock.explanation}。逾期不答复的，视为该行政行为没有证据、依据（{R.NO_REPLY.citation}）。",
                link=_respondent_link(case),
            )
    return case


def _start_reply_clock(case):
    return clocks.start_clock(
        subject=case,
        rule=periods.reply_rule(case),
        start=case.copy_served_on,
        unit=case.respondent_unit or case.office,
        link=_respondent_link(case),
    )


def case_serve_copy(*, case, by, served_on: dt.date, on=None, expected_version=None) -> Case:
    """登记外部机关收到申请书副本之日（送达日）；答复期限自该日起算（第四十八条、第五十四条）。"""
    on = _today(on)
    if not handler(by, case):
        raise AccessDenied("只有复议工作人员可以登记副本送达日")
    rule = periods.reply_rule(case)
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        if not case.copy_sent_on or case.copy_served_on or not case.is_open:
            raise YifaError("只有已发送副本、尚未登记送达日的在办案件可以登记送达日", field="state")
        errors = {}
        if not served_on:
            errors["served_on"] = f"被申请人收到副本日期：须填写（{rule.citation}：自收到申请书副本之日起）"
        elif served_on < case.copy_sent_on:
            errors["served_on"] = f"被申请人收到副本日期不能早于发送日期{zh_date(case.copy_sent_on)}"
        elif served_on > on:
            errors["served_on"] = "被申请人收到副本日期不能晚于登记当日"
        if errors:
            raise InvalidInput(errors)
        claim_version(case, expected_version)
        case.copy_served_on = served_on
        case.save()
        clock = _start_reply_clock(case)
        record_event(
            actor=by,
            subject=case,
            action="reconsideration.serve_copy",
            action_label="登记副本送达日",
            from_state=case.state,
            to_state=case.state,
            data={"served_on": served_on, "reply_due": clock.due},
        )
    return case


def _respondent_link(case):
    from django.urls import reverse

    return reverse("reconsideration:reply", args=[case.pk])


def case_reply(*, case, by, text: str, on=None, files=(), expected_version=None) -> Case:
    on = _today(on)
    outside = case.respondent_unit_id is None and handler(by, case)  # 外部机关的书面答复由复议工作人员录入
    if not (respondent(by, case) or outside):
        raise AccessDenied("只有被申请人单位的人员可以提交答复")
    if not text.strip():
        raise InvalidInput({"text": "书面答复：须填写（第四十八条）"})
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        if not case.copy_sent_on or case.reply_on or not case.is_open:
            raise YifaError("本案尚未发送副本、已答复或已结案，不能提交答复", field="state")
        claim_version(case, expected_version)
        case.reply_on, case.reply_text = on, text.strip()
        case.save()
        for name, content in files:
            store_upload(content=content, name=name, by=by, subject=case, purpose="reply")
        for clock in clocks.clocks_of(case, rule=periods.reply_rule(case)):
            clocks.stop_clock(clock, on=on)
        record_event(
            actor=by,
            subject=case,
            action="reconsideration.reply",
            action_label="被申请人答复",
            from_state=case.state,
            to_state=case.state,
            data={"files": len(files)},
        )
    return case


def case_to_normal(*, case, by, reason: str, on=None, expected_version=None) -> Case:
    """第五十五条：转为普通程序，期限按普通程序自受理之日起计算。"""
    on = _today(on)
    simple = {
        R.COPY_SIMPLE.id: periods.copy_rule,
        R.REPLY_SIMPLE.id: periods.reply_rule,
        R.DECISION_SIMPLE.id: periods.decision_rule,
    }
    with transaction.atomic():
        case = fire(
            FLOW,
            case,
            "to_normal",
            by=by,
            on=on,
            reason=reason,
            expected_version=expected_version,
            before_save=_set(procedure=Procedure.NORMAL, simplified_basis=""),
        )
        for clock in clocks.clocks_of(case).filter(rule_id__in=simple):
            rule = simple[clock.rule_id](case)
            new = clocks.start_clock(
                subject=case, rule=rule, start=clock.start, unit=clock.unit, assignee=clock.assignee, link=clock.link
            )
            for first, last in clock.pauses:
                clocks.add_pause(new, first=dt.date.fromisoformat(first), last=dt.date.fromisoformat(last))
            if clock.status == DeadlineStatus.PAUSED:
                clocks.pause_clock(new, on=clock.paused_since)
            clocks.stop_clock(clock, on=on, cancelled=True)
    return case


def case_extend(*, case, by, days: int, reason: str, on=None, expected_version=None) -> Case:
    """第六十二条第一款：经复议机构负责人批准可以适当延长，并书面告知当事人（每次出具延期审理通知书）；
    可分次延长，累计最多不得超过三十日。"""
    on = _today(on)
    with transaction.atomic():
        case = fire(
            FLOW,
            case,
            "extend",
            by=by,
            on=on,
            reason=reason,
            expected_version=expected_version,
            data={"days": days, "total": case.extension_days + (days or 0)},
            before_save=_set(
                extension_days=case.extension_days + (days or 0),
                extension_last_days=days or 0,
                extension_reason=reason.strip(),
            ),
        )
        clock = periods.decision_clock(case)
        if clock is None:
            raise YifaError("审理期限未在计时，不能延长", field="days")
        clocks.extend_clock(clock, days=days, max_times=None)
    return case


def case_suspend(
    *, case, by, ground: str, reason: str = "", on=None, expected_version=None, details: dict | None = None
) -> Case:
    """第三十九条：中止期间审理期限停止计算。"""
    on = _today(on)
    with transaction.atomic():
        case = fire(
            FLOW,
            case,
            "suspend",
            by=by,
            on=on,
            ground=ground,
            reason=reason,
            expected_version=expected_version,
            data={"ground": ground, **(details or {})},
            before_save=_set(suspended_on=on, suspension_ground=ground),
        )
        clock = periods.decision_clock(case)
        if clock and clock.status == DeadlineStatus.RUNNING:
            clocks.pause_clock(clock, on=on)
        if ground in LIMITED_SUSPENSIONS:
            clocks.start_clock(subject=case, rule=R.SUSPENSION_LIMIT, start=on, unit=case.office)
    return case


def case_resume(*, case, by, reason: str = "", on=None, expected_version=None, details: dict | None = None) -> Case:
    on = _today(on)
    with transaction.atomic():
        case = fire(
            FLOW,
            case,
            "resume",
            by=by,
            on=on,
            reason=reason,
            expected_version=expected_version,
            data=details or {},
            before_save=_set(suspended_on=None, suspension_ground=""),
        )
        clock = periods.decision_clock(case)
        if clock and clock.status == DeadlineStatus.PAUSED:
            clocks.resume_clock(clock, on=on)
        for limit in clocks.clocks_of(case, rule=R.SUSPENSION_LIMIT):
            clocks.stop_clock(limit, on=on, cancelled=True)
    return case


def case_terminate(*, case, by, ground: str, reason: str = "", on=None, expected_version=None) -> Case:
    on = _today(on)
    with transaction.atomic():
        case = fire(
            FLOW,
            case,
            "terminate",
            by=by,
            on=on,
            today=on,
            ground=ground,
            reason=reason,
            expected_version=expected_version,
            data={"ground": ground},
            before_save=_set(termination_ground=ground, closed_on=on),
        )
        _close_clocks(case, on)
    return case


def case_mediate(*, case, by, mediation_text: str, on=None, expected_version=None) -> Case:
    on = _today(on)
    with transaction.atomic():
        case = fire(
            FLOW,
            case,
            "mediate",
            by=by,
            on=on,
            mediation_text=mediation_text,
            expected_version=expected_version,
            before_save=_set(mediation_text=mediation_text.strip(), closed_on=on),
        )
        _close_clocks(case, on)
    return case


def case_propose(
    *, case, by, decision_type: str, decision_text: str, compensation: str = "", on=None, expected_version=None
) -> Case:
    on = _today(on)
    return fire(
        FLOW,
        case,
        "propose",
        by=by,
        on=on,
        today=on,
        decision_type=decision_type,
        decision_text=decision_text,
        expected_version=expected_version,
        data={"decision_type": decision_type},
        before_save=_set(
            decision_type=decision_type, decision_text=decision_text.strip(), compensation=compensation.strip()
        ),
    )


def case_return(*, case, by, reason: str, on=None, expected_version=None) -> Case:
    return fire(FLOW, case, "return_draft", by=by, on=_today(on), reason=reason, expected_version=expected_version)


def case_approve(*, case, by, approval_mode: str, on=None, expected_version=None) -> Case:
    """第六十一条：负责人同意或集体讨论通过后，以复议机关名义作出决定。"""
    on = _today(on)
    with transaction.atomic():
        case = fire(
            FLOW,
            case,
            "approve",
            by=by,
            on=on,
            today=on,
            approval_mode=approval_mode,
            expected_version=expected_version,
            data={"approval_mode": approval_mode},
            before_save=_set(approval_mode=approval_mode, approved_by=by, closed_on=on),
        )
        _close_clocks(case, on)
    return case


def _close_clocks(case, on, cancelled=False):
    for clock in clocks.clocks_of(case):
        decision = clock.rule_id == periods.decision_rule(case).id
        clocks.stop_clock(clock, on=on, cancelled=cancelled or not decision)
    for review in case.norm_reviews.filter(concluded_on__isnull=True):
        for clock in clocks.clocks_of(review):
            clocks.stop_clock(clock, on=on, cancelled=True)


def case_justify_overdue(*, case, by, reason: str, expected_version=None) -> Case:
    if not handler(by, case):
        raise AccessDenied("只有复议工作人员可以记录超审限理由")
    if not reason.strip():
        raise InvalidInput({"reason": "超审限理由：须填写"})
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        claim_version(case, expected_version)
        case.overdue_justification = reason.strip()
        case.save()
        record_event(
            actor=by,
            subject=case,
            action="reconsideration.justify_overdue",
            action_label="记录超审限理由",
            from_state=case.state,
            to_state=case.state,
            reason=reason,
        )
    return case


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
) -> Case:
    """第四十九条听取意见；第五十条、第五十一条听证：五日前书面通知，并由听证人员主持。"""
    from .models import Hearing, HearingKind

    if not handler(by, case):
        raise AccessDenied("只有复议工作人员可以记录听取意见或听证")
    errors = {}
    if kind not in HearingKind.values:
        errors["kind"] = "方式：请选择"
    if kind == HearingKind.FORMAL:
        if not notified_on:
            errors["notified_on"] = f"听证通知日期：须填写（{R.HEARING_NOTICE.citation}）"
        else:
            due = R.HEARING_NOTICE.due(notified_on, _calendar())
            if held_on <= due.due:
                errors["held_on"] = (
                    f"听证日期须在通知后满{R.HEARING_NOTICE.days}{R.HEARING_NOTICE.unit.label}"
                    f"（{R.HEARING_NOTICE.citation}）：{due.sentence}，最早可于其后一日举行"
                )
        if not panel.strip():
            errors["panel"] = "主持人、听证员：须填写（第五十条第三款：一名主持人、两名以上听证员和一名记录员）"
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        if case.state not in (CaseState.ACCEPTED, CaseState.SUSPENDED):
            raise YifaError("只有审理中的案件可以记录听取意见或听证", field="state")
        hearing = Hearing.objects.create(
            case=case,
            kind=kind,
            notified_on=notified_on,
            held_on=held_on,
            place=place,
            panel=panel,
            matters=matters,
            record=record,
        )
        record_event(
            actor=by,
            subject=case,
            action=f"reconsideration.hearing.{kind}",
            action_label=hearing.get_kind_display(),
            from_state=case.state,
            to_state=case.state,
            data={"held_on": held_on, "hearing": hearing.pk},
        )
    return case


def _calendar():
    from yifa.core.calendar import current_calendar

    return current_calendar()


PERSONAL = [re.compile(r"\d{17}[\dXx]"), re.compile(r"1[3-9]\d{9}"), re.compile(r"\d{3,4}-\d{7,8}")]


def public_text_of(case) -> str:
    """第七十九条：公开文本去除自然人姓名、身份证号、电话、住址。"""
    from .documents import decision_body

    text = decision_body(case)
    for party in case.parties.all():
        if party.kind == PartyKind.PERSON and party.name:
            text = text.replace(party.name, party.name[0] + "某")
        for secret in (party.id_number, party.phone, party.address):
            if secret:
                text = text.replace(secret, "")
    for pattern in PERSONAL:
        text = pattern.sub("（已隐去）", text)
    return text


def case_publish(*, case, by, on=None, expected_version=None) -> Case:
    require_legal_office(by)
    on = _today(on)
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        if case.state != CaseState.DECIDED:
            raise YifaError(f"只有已作出决定的案件可以公开（{R.PUBLICATION.citation}）", field="state")
        claim_version(case, expected_version)
        case.public_text, case.published_on = public_text_of(case), on
        case.save()
        record_event(
            actor=by,
            subject=case,
            action="reconsideration.publish",
            action_label="公开决定书",
            from_state=case.state,
            to_state=case.state,
        )
    return case
