"""The item list, applications and certificates, declared for the procedure kit: who acts, the gates
(guards.py), the fields each act writes and the statutory clocks it runs."""

from __future__ import annotations

import datetime as dt
import secrets

from yifa.core.models import Role
from yifa.core.notify import unit_contacts
from yifa.core.procedure import (
    INPUT,
    LEGAL_OFFICE,
    NEW,
    ON,
    Clock,
    Extend,
    Flow,
    Message,
    Transition,
    Who,
    assign,
    fire,
    in_unit_of,
)
from yifa.lib.deadlines import zh_date

from . import guards, rules, timing
from .models import AppState as S
from .models import Certificate, CertState, CheckState, Handling, ItemState

organ_staff = in_unit_of(label="实施机关工作人员")
organ_head = in_unit_of(Role.HEAD, label="本行政机关负责人")
list_keeper = Who((in_unit_of(Role.LIAISON, Role.HEAD) | LEGAL_OFFICE).check, "实施机关联络员、负责人或法制机构")


ITEMS = Flow(
    name="licensing_item",
    states=ItemState,
    event_unit=lambda item: item.unit,
    transitions=[
        Transition("import", "导入清单事项", NEW, ItemState.DRAFT, who=list_keeper),
        Transition(
            "publish",
            "公布事项和办事指南",
            (ItemState.DRAFT, ItemState.WITHDRAWN),
            ItemState.PUBLISHED,
            who=list_keeper,
            guards=(guards.item_publishable,),
            apply=assign(published_on=ON),
        ),
        Transition(
            "withdraw",
            "停止实施",
            (ItemState.PUBLISHED,),
            ItemState.WITHDRAWN,
            who=list_keeper,
            by_system=True,  # the sweep stops an item on the day its cancellation takes effect (reform.py)
            reason_required=True,
        ),
        Transition(
            "set_promise",
            "设定告知承诺方式",
            (ItemState.DRAFT, ItemState.PUBLISHED, ItemState.WITHDRAWN),
            who=list_keeper,
            guards=(guards.promise_text_given,),
            apply=assign(promise_allowed=INPUT("allowed", False), promise_text=INPUT("text", "")),
        ),
    ],
)


def decision_rule(app):
    """The period running on an accepted application: the lower organ's review (第四十三条) until it reports,
    then the decision (第四十二条)."""
    if app.item.handling == Handling.PRELIMINARY and not app.preliminary_reported_on:
        return rules.PRELIMINARY_REVIEW
    return guards.statutory_rule(app.item.handling)


def _numbered(app, **_):
    app.number = f"{app.received_on.year}许{app.pk:06d}"
    type(app).objects.filter(pk=app.pk).update(number=app.number)


def _received(app, **_):
    app.lookup_code = secrets.token_hex(4)


def _accepted(app, *, on, **_):
    """受理之日, or the day of receipt when the five days for a 补正 notice lapsed without one (第三十二条)."""
    lapsed = app.correction_notice_on is None and on > guards.correction_due(app)
    app.deemed_accepted = lapsed
    app.accepted_on = app.received_on if lapsed else on
    app.voucher_number = f"{app.number}-受"


def _granted_on_promise(app, *, on, decision_number="", **_):
    """当场: accepted and decided the same day, no decision clock (许可法第三十四条第二款)."""
    app.accepted_on = app.decided_on = on
    app.voucher_number = f"{app.number}-受"
    app.decision_number = (decision_number or "").strip()
    app.working_days_taken = 0


def _days_taken(app, context):
    """办理用时, stored with the decision for the statistics (timing.py)."""
    return timing.working_days_taken(app, context["on"])


def term_end(first_day: dt.date, years: int) -> dt.date:
    """The last day of a term of ``years`` starting on ``first_day``."""
    try:
        return first_day.replace(year=first_day.year + years) - dt.timedelta(days=1)
    except ValueError:  # starting on 29 February
        return first_day.replace(month=2, day=28, year=first_day.year + years)


def _issue(app, *, number, on, **_):
    valid_until = term_end(on, app.item.validity_years) if app.item.validity_years else None
    Certificate.objects.create(
        number=number.strip(),
        application=app,
        item=app.item,
        unit=app.unit,
        holder_name=app.applicant_name,
        issued_on=on,
        valid_until=valid_until,
    )


def _certificate(app):
    return [app.certificate] if app.certificate.valid_until else []


def _renewal_due(cert, **_):
    return rules.last_renewal_day(cert.valid_until) if cert.valid_until else None


def _tell_organ(title):
    def messages(app, **_):
        return [
            Message(
                unit_contacts(app.unit),
                f"licensing:{app.pk}:{title}",
                f"{app.number}：{title}",
                link=app.get_absolute_url(),
            )
        ]

    return messages


decided = (S.ACCEPTED,)

APPLICATIONS = Flow(
    name="licensing_application",
    states=S,
    event_unit=lambda app: app.unit,
    transitions=[
        Transition(
            "receive",
            "收到许可申请",
            NEW,
            S.RECEIVED,
            who=organ_staff,
            public=True,
            guards=(guards.item_open,),
            apply=_received,
            after=_numbered,
            starts=(Clock(rules.CORRECTION_NOTICE, start=lambda app, **_: app.received_on),),
            notifies=_tell_organ("收到新的许可申请"),
        ),
        Transition(
            "request_correction",
            "一次告知补正",
            (S.RECEIVED,),
            S.CORRECTION,
            who=organ_staff,
            guards=(guards.correction_once, guards.correction_in_time, guards.correction_listed),
            apply=assign(correction_notice_on=ON, correction_items=INPUT("items")),
            stops=(rules.CORRECTION_NOTICE,),
        ),
        Transition(
            "receive_correction",
            "收到全部补正材料",
            (S.CORRECTION,),
            S.RECEIVED,
            who=organ_staff,
            apply=assign(correction_received_on=ON),
        ),
        Transition(
            "accept",
            "受理并出具受理凭证",
            (S.RECEIVED,),
            S.ACCEPTED,
            who=organ_staff,
            guards=(guards.item_open,),
            apply=_accepted,
            stops=(rules.CORRECTION_NOTICE,),
            starts=(Clock(decision_rule, start=lambda app, **_: app.accepted_on),),
        ),
        Transition(
            "deem_accept",
            "逾期未告知补正，视为受理",
            (S.RECEIVED,),
            S.ACCEPTED,
            by_system=True,
            when=(lambda app: app.correction_notice_on is None,),
            apply=_accepted,
            stops=(rules.CORRECTION_NOTICE,),
            starts=(Clock(decision_rule, start=lambda app, **_: app.accepted_on),),
            notifies=_tell_organ("逾期未告知补正，已视为受理"),
        ),
        Transition(
            "not_accept",
            "不予受理",
            (S.RECEIVED,),
            S.NOT_ACCEPTED,
            who=organ_staff,
            reason_required=True,
            apply=assign(outcome_reason=lambda app, c: c["reason"], decided_on=ON),
            stops=(rules.CORRECTION_NOTICE,),
        ),
        Transition(
            "report_preliminary",
            "报送初步审查意见和全部申请材料",
            decided,
            who=organ_staff,
            when=(lambda app: app.item.handling == Handling.PRELIMINARY and not app.preliminary_reported_on,),
            guards=(guards.not_paused,),
            apply=assign(preliminary_reported_on=ON),
            stops=(rules.PRELIMINARY_REVIEW,),
            starts=(Clock(rules.DECISION, start=lambda app, **_: app.preliminary_reported_on),),
        ),
        Transition(
            "extend",
            "经负责人批准延长决定期限",
            decided,
            who=organ_head,
            reason_required=True,
            guards=(guards.extension_approved_by,),
            when=(lambda app: not app.extension_reason,),
            apply=assign(extension_reason=lambda app, c: c["reason"]),
            extends=(Extend(decision_rule),),
        ),
        Transition(
            "exclude",
            "开始不计入期限的程序",
            decided,
            who=organ_staff,
            when=(lambda app: not app.excluded_kind,),
            guards=(guards.exclusion_noticed,),
            apply=assign(excluded_kind=INPUT("kind"), excluded_notice=INPUT("notice")),
            pauses=(decision_rule,),
        ),
        Transition(
            "end_exclusion",
            "结束不计入期限的程序，恢复计时",
            decided,
            who=organ_staff,
            when=(lambda app: bool(app.excluded_kind) and app.excluded_kind != "hearing",),
            apply=assign(excluded_kind=""),
            resumes=(decision_rule,),
        ),
        Transition(
            "tell_hearing_rights",
            "告知听证权利",
            decided,
            who=organ_staff,
            when=(lambda app: app.hearing_rights_on is None,),
            apply=assign(hearing_rights_on=ON),
            starts=(rules.HEARING_REQUEST,),
        ),
        Transition(
            "request_hearing",
            "登记听证申请",
            decided,
            who=organ_staff,
            when=(lambda app: app.hearing_rights_on is not None and app.hearing_requested_on is None,),
            guards=(guards.hearing_request_in_time,),
            apply=assign(hearing_requested_on=ON, excluded_kind="hearing"),
            stops=(rules.HEARING_REQUEST,),
            starts=(rules.HEARING_ORGANISE,),
            pauses=(decision_rule,),
        ),
        Transition(
            "hold_hearing",
            "记录听证并恢复计时",
            decided,
            who=organ_staff,
            when=(lambda app: app.hearing_requested_on is not None and app.hearing_held_on is None,),
            guards=(guards.hearing_notice_in_time,),
            apply=assign(hearing_notice_on=INPUT("notice_on"), hearing_held_on=INPUT("held_on"), excluded_kind=""),
            stops=(rules.HEARING_ORGANISE,),
            resumes=(decision_rule,),
        ),
        Transition(
            "grant",
            "作出准予行政许可决定",
            decided,
            S.GRANTED,
            who=organ_staff,
            guards=(guards.preliminary_reported, guards.not_paused, guards.no_hearing_pending),
            apply=assign(decided_on=ON, decision_number=INPUT("decision_number"), working_days_taken=_days_taken),
            stops=(decision_rule, rules.HEARING_REQUEST),
            starts=(rules.CERTIFICATE,),
            confirm="作出准予许可决定后须在十个工作日内发证，确定吗？",
        ),
        Transition(
            "refuse",
            "作出不予行政许可决定",
            decided,
            S.REFUSED,
            who=organ_staff,
            guards=(guards.preliminary_reported, guards.not_paused, guards.no_hearing_pending),
            reason_required=True,
            apply=assign(
                decided_on=ON,
                decision_number=INPUT("decision_number"),
                outcome_reason=lambda app, c: c["reason"],
                working_days_taken=_days_taken,
            ),
            stops=(decision_rule, rules.HEARING_REQUEST),
        ),
        Transition(
            "grant_on_promise",
            "依告知承诺当场作出准予许可决定",
            (S.RECEIVED,),
            S.GRANTED,
            who=organ_staff,
            when=(lambda app: app.by_promise,),
            guards=(guards.item_open, guards.promise_still_allowed),
            apply=_granted_on_promise,
            stops=(rules.CORRECTION_NOTICE,),
            starts=(rules.CERTIFICATE,),
            confirm="依申请人的告知承诺当场作出准予许可决定，确定吗？",
        ),
        Transition(
            "revoke_grant",
            "撤销准予许可决定",
            (S.GRANTED,),
            S.REVOKED,
            who=organ_staff,
            reason_required=True,
            cancels=(rules.CERTIFICATE,),
        ),
        Transition(
            "issue",
            "颁发、送达许可证件",
            (S.GRANTED,),
            S.ISSUED,
            who=organ_staff,
            guards=(guards.valid_certificate_dates,),
            apply=_issue,
            stops=(rules.CERTIFICATE,),
            starts=(Clock(rules.RENEWAL_DUE, due=_renewal_due, each=_certificate),),
        ),
    ],
)


def _deemed_renewal(cert, **_):
    """第五十条第二款: renewed for the item's term, counted from the day after the old one ended."""
    cert.valid_until = term_end(cert.valid_until + dt.timedelta(days=1), cert.item.validity_years)
    cert.reminded_on = cert.renewal_applied_on = None


def _remind_holder(cert, *, on, **_):
    return [
        Message(
            unit_contacts(cert.unit),
            f"licensing:renewal:{cert.pk}:{cert.valid_until}",
            f"{cert.number}将于{zh_date(cert.valid_until)}到期",
            f"被许可人须于{zh_date(rules.last_renewal_day(cert.valid_until))}前申请延续（{rules.RENEWAL_APPLICATION.citation}）",
            cert.get_absolute_url(),
        )
    ]


CERTIFICATES = Flow(
    name="licensing_certificate",
    states=CertState,
    event_unit=lambda cert: cert.unit,
    transitions=[
        Transition(
            "remind",
            "发出延续提醒",
            (CertState.VALID,),
            by_system=True,
            who=organ_staff,
            when=(lambda cert: cert.valid_until is not None and cert.reminded_on is None,),
            apply=assign(reminded_on=ON),
            notifies=_remind_holder,
        ),
        Transition(
            "apply_renewal",
            "登记延续申请",
            (CertState.VALID,),
            CertState.RENEWAL,
            who=organ_staff,
            when=(lambda cert: cert.valid_until is not None,),
            apply=assign(renewal_applied_on=ON),
            stops=(rules.RENEWAL_DUE,),
            starts=(Clock(rules.RENEWAL_DECISION, due=lambda cert, **_: cert.valid_until),),
        ),
        Transition(
            "renew",
            "准予延续",
            (CertState.RENEWAL,),
            CertState.VALID,
            who=organ_staff,
            apply=assign(valid_until=INPUT("valid_until"), reminded_on=None, renewal_applied_on=None),
            stops=(rules.RENEWAL_DECISION,),
            starts=(Clock(rules.RENEWAL_DUE, due=_renewal_due),),
        ),
        Transition(
            "refuse_renewal",
            "不予延续",
            (CertState.RENEWAL,),
            CertState.VALID,
            who=organ_staff,
            reason_required=True,
            stops=(rules.RENEWAL_DECISION,),
            confirm="不予延续的，许可至有效期届满终止，确定吗？",
        ),
        Transition(
            "deem_renew",
            "逾期未作延续决定，视为准予延续",
            (CertState.RENEWAL,),
            CertState.VALID,
            by_system=True,
            guards=(guards.renewal_deemed,),
            apply=_deemed_renewal,
            stops=(rules.RENEWAL_DECISION,),
            starts=(Clock(rules.RENEWAL_DUE, due=_renewal_due),),
            notifies=lambda cert, **_: [
                Message(
                    unit_contacts(cert.unit),
                    f"licensing:deemed:{cert.pk}:{cert.valid_until}",
                    f"{cert.number}逾期未作延续决定，已视为准予延续至{zh_date(cert.valid_until)}",
                    rules.RENEWAL_DECISION.citation,
                    cert.get_absolute_url(),
                )
            ],
        ),
        Transition(
            "revoke",
            "撤销行政许可",
            (CertState.VALID, CertState.RENEWAL),
            CertState.REVOKED,
            who=organ_staff,
            reason_required=True,
            apply=assign(ground=INPUT("ground"), revoked_on=ON),
            cancels=(rules.RENEWAL_DUE,),
            confirm="撤销后不能恢复，确定吗？",
        ),
        Transition(
            "deregister",
            "办理注销手续",
            (CertState.VALID, CertState.RENEWAL, CertState.REVOKED),
            CertState.DEREGISTERED,
            who=organ_staff,
            reason_required=True,
            apply=assign(ground=INPUT("ground")),
            cancels=(rules.RENEWAL_DUE,),
        ),
    ],
)


FALSE_PROMISE_GROUND = "第六十九条第二款 被许可人以欺骗、贿赂等不正当手段取得许可（含告知承诺不实）"


def _revoke_on_false_promise(check, *, by, on, reason, **_):
    """The licence obtained by a false promise is revoked in the same act: the certificate if issued,
    else the decision to grant."""
    app = check.application
    cert = Certificate.objects.filter(application=app, state__in=[CertState.VALID, CertState.RENEWAL]).first()
    if cert is not None:
        fire(CERTIFICATES, cert, "revoke", by=by, on=on, reason=reason, ground=FALSE_PROMISE_GROUND)
    elif app.state == S.GRANTED:
        fire(APPLICATIONS, app, "revoke_grant", by=by, on=on, reason=f"{FALSE_PROMISE_GROUND}：{reason}")


PROMISE_CHECKS = Flow(
    name="licensing_promise_check",
    states=CheckState,
    event_unit=lambda check: check.unit,
    transitions=[
        Transition("draw", "抽取为告知承诺核查对象", NEW, CheckState.PENDING, who=organ_staff),
        Transition(
            "find_kept",
            "核查：承诺属实",
            (CheckState.PENDING,),
            CheckState.KEPT,
            who=organ_staff,
            guards=(guards.findings_given,),
            apply=assign(checked_on=ON, findings=INPUT("findings")),
        ),
        Transition(
            "find_false",
            "核查：承诺不实，撤销许可并记入信用记录",
            (CheckState.PENDING,),
            CheckState.FALSE,
            who=organ_staff,
            reason_required=True,
            guards=(guards.findings_given,),
            apply=assign(checked_on=ON, findings=INPUT("findings")),
            after=_revoke_on_false_promise,
            event_data=lambda check, **_: {
                "credit_record": True,
                "item": check.application.item.name,
                "decision_number": check.application.decision_number,
            },
            confirm="认定承诺不实将撤销该许可并记入申请人信用记录，确定吗？",
        ),
    ],
)
