"""The certificate and penalty-case procedures, declared for the kit: who, gates (guards.py), fields, clocks."""

from __future__ import annotations

from decimal import Decimal

from yifa.core.models import Role
from yifa.core.procedure import INPUT, LEGAL_OFFICE, NEW, ON, Clock, Extend, Flow, Transition, Who, assign, in_unit_of

from . import guards, rules, writes
from .models import CaseState as S
from .models import CertificateStatus as C
from .models import heaviest

case_staff = in_unit_of(Role.ENFORCEMENT, Role.HEAD, Role.LIAISON, label="本机关执法人员或负责人")
case_head = in_unit_of(Role.HEAD, label="本机关负责人")


def _reviews(user, case) -> bool:
    from .queries import reviewer_record

    return reviewer_record(user, case.unit) is not None


reviewer = Who(_reviews, "本机关法制审核人员")

CERTIFICATE_FLOW = Flow(
    name="certificate",
    states=C,
    clock_unit=lambda cert, rule: cert.officer.body.unit,
    transitions=[
        Transition("issue", "核发执法证", NEW, C.VALID, who=LEGAL_OFFICE, guards=(guards.dates_in_order,)),
        Transition(
            "renew",
            "换发（延续）执法证",
            (C.VALID,),
            who=LEGAL_OFFICE,
            guards=(guards.renewable,),
            apply=assign(valid_until=INPUT("valid_until")),
            event_data=lambda c, **_: {"valid_until": c.valid_until.isoformat()},
        ),
        Transition(
            "annual_review",
            "执法证年审",
            (C.VALID,),
            who=LEGAL_OFFICE,
            guards=(guards.review_opinion_given,),
            apply=writes.review_result,
            after=writes.add_review,
            event_data=lambda c, *, passed=False, **_: {"passed": bool(passed)},
        ),
        Transition("suspend", "暂扣执法证", (C.VALID,), C.SUSPENDED, who=LEGAL_OFFICE, reason_required=True),
        Transition("reinstate", "发还执法证", (C.SUSPENDED,), C.VALID, who=LEGAL_OFFICE, reason_required=True),
        Transition("revoke", "吊销执法证", (C.VALID, C.SUSPENDED), C.REVOKED, who=LEGAL_OFFICE, reason_required=True),
    ],
)

OPEN = (S.FILED, S.NOTIFIED, S.HEARING, S.REVIEW, S.READY)
DECIDED = (S.DECIDED, S.SERVED, S.CLOSED)


def _propose(case, *, penalty_kinds, fine=None, benchmark=None, outside_reason="", on, **_):
    case.penalty_kinds = list(penalty_kinds)
    case.heaviest_kind = heaviest(penalty_kinds)
    case.fine = Decimal(str(fine)) if fine not in (None, "") else None
    case.benchmark = benchmark
    case.outside_reason = (outside_reason or "").strip()
    case.noticed_on = on


def _hearing_clock_start(case, *, on, **_):
    return on if guards.hearing_right(case) else None


def _decide(case, *, decision_number, outside_reason="", on, **_):
    case.decision_number = decision_number.strip()
    if (outside_reason or "").strip():
        case.outside_reason = outside_reason.strip()
    case.decided_on = on


def _published_start(case, *, on, **_):
    return on if case.social_impact else None


def _market_start(case, *, on, **_):
    return on if case.body.market_regulation else None


def _withdrawal_start(case, *, on, **_):
    return on if case.published_on and not case.withdrawn_on else None


def _payment_start(case, *, on, **_):
    return on if case.fine and "fine" in case.penalty_kinds else None


CASE_FLOW = Flow(
    name="penalty_case",
    states=S,
    event_unit=lambda case: case.unit,
    transitions=[
        Transition(
            "file",
            "立案",
            NEW,
            S.FILED,
            who=case_staff,
            guards=(guards.within_limitation, guards.officers_given),
            after=writes.assign_officers,
            starts=(rules.DECISION,),
        ),
        Transition(
            "assign_officers",
            "调整承办执法人员",
            OPEN,
            who=case_staff,
            guards=(guards.officers_given,),
            after=writes.assign_officers,
        ),
        Transition(
            "notify",
            "告知拟作出的处罚（陈述申辩、听证权利）",
            (S.FILED,),
            S.NOTIFIED,
            who=case_staff,
            guards=(guards.penalty_proposed, guards.officers_on_case),
            apply=_propose,
            starts=(Clock(rules.HEARING_REQUEST, start=_hearing_clock_start),),
        ),
        Transition(
            "request_hearing",
            "登记当事人听证申请",
            (S.NOTIFIED,),
            S.HEARING,
            who=case_staff,
            guards=(guards.hearing_requested_in_time,),
            apply=assign(hearing_requested_on=ON),
            stops=(rules.HEARING_REQUEST,),
        ),
        Transition(
            "schedule_hearing",
            "通知听证时间地点",
            (S.HEARING,),
            who=case_staff,
            when=(lambda c: not c.hearing_notice_on,),
            guards=(guards.hearing_notice_lead,),
            apply=assign(hearing_notice_on=ON, hearing_on=INPUT("hearing_on")),
        ),
        Transition(
            "hold_hearing",
            "举行听证并提交法制审核",
            (S.HEARING,),
            S.REVIEW,
            who=case_staff,
            when=(lambda c: bool(c.hearing_notice_on),),
            guards=(guards.hearing_day_reached,),
            starts=(rules.LEGAL_REVIEW,),
        ),
        Transition(
            "submit_review",
            "提交法制审核",
            (S.NOTIFIED,),
            S.REVIEW,
            who=case_staff,
            when=(guards.is_major,),
            guards=(guards.hearing_window_closed,),
            cancels=(rules.HEARING_REQUEST,),
            starts=(rules.LEGAL_REVIEW,),
        ),
        Transition(
            "review_pass",
            "法制审核通过",
            (S.REVIEW,),
            S.READY,
            who=reviewer,
            guards=(guards.reviewer_qualified,),
            apply=assign(reviewed_on=ON, review_passed=True, review_opinion=INPUT("opinion")),
            stops=(rules.LEGAL_REVIEW,),
        ),
        Transition(
            "review_fail",
            "法制审核不通过（退回补充调查）",
            (S.REVIEW,),
            S.FILED,
            who=reviewer,
            guards=(guards.reviewer_qualified,),
            apply=assign(reviewed_on=ON, review_passed=False, review_opinion=INPUT("opinion")),
            stops=(rules.LEGAL_REVIEW,),
        ),
        Transition(
            "extend",
            "延长办案期限",
            OPEN,
            who=case_head,
            reason_required=True,
            extends=(Extend(rules.DECISION),),
            event_data=lambda c, *, days, **_: {"days": days},
        ),
        Transition(
            "decide",
            "作出行政处罚决定",
            (S.NOTIFIED, S.READY),
            S.DECIDED,
            who=case_head,
            guards=(
                guards.decision_number_given,
                guards.hearing_window_closed,
                guards.review_done,
                guards.within_benchmark,
                guards.officers_on_case,
            ),
            apply=_decide,
            stops=(rules.DECISION,),
            cancels=(rules.HEARING_REQUEST,),
            starts=(
                rules.SERVICE,
                Clock(rules.PUBLICATION, start=_published_start),
                Clock(rules.MARKET_PUBLICATION, start=_market_start),
            ),
            confirm="作出决定后不能修改，确定吗？",
        ),
        Transition(
            "serve",
            "送达决定书",
            (S.DECIDED,),
            S.SERVED,
            who=case_staff,
            apply=assign(served_on=ON),
            stops=(rules.SERVICE,),
            starts=(Clock(rules.FINE_PAYMENT, start=_payment_start),),
        ),
        Transition(
            "pay",
            "登记罚款已缴纳",
            (S.SERVED,),
            who=case_staff,
            when=(lambda c: c.owes_fine,),
            apply=assign(paid_on=ON),
            stops=(rules.FINE_PAYMENT,),
            event_data=lambda c, *, on, **_: {"late_fine": str(c.late_fine_on(on))},
        ),
        Transition(
            "late_fine",
            "告知加处罚款（每日按罚款数额3%，不超过罚款数额）",
            (S.SERVED,),
            who=case_staff,
            when=(lambda c: c.owes_fine and not c.late_fine_from,),
            guards=(guards.payment_period_lapsed,),
            apply=guards.set_late_fine_from,
            stops=(rules.FINE_PAYMENT,),
        ),
        Transition(
            "publish",
            "公开处罚决定",
            DECIDED,
            who=case_staff,
            when=(lambda c: c.social_impact and not c.published_on,),
            apply=assign(published_on=ON),
            stops=(rules.PUBLICATION,),
        ),
        Transition(
            "credit_publicity",
            "登记信用信息公示系统公示",
            DECIDED,
            who=case_staff,
            when=(lambda c: c.body.market_regulation,),
            stops=(rules.MARKET_PUBLICATION,),
        ),
        Transition(
            "annul",
            "登记决定被变更、撤销或确认违法、无效",
            DECIDED,
            S.ANNULLED,
            who=case_head,
            reason_required=True,
            guards=(guards.annulment_given,),
            apply=assign(annulment=INPUT("annulment"), annulled_on=ON),
            cancels=(rules.SERVICE, rules.PUBLICATION),
            starts=(Clock(rules.WITHDRAWAL, start=_withdrawal_start),),
        ),
        Transition(
            "withdraw",
            "撤回公开的决定信息并说明理由",
            (S.ANNULLED,),
            who=case_staff,
            when=(lambda c: c.is_public,),
            reason_required=True,  # the reason is published with the withdrawal
            apply=assign(withdrawn_on=ON, withdrawal_reason=INPUT("reason")),
            stops=(rules.WITHDRAWAL,),
        ),
        Transition(
            "close",
            "结案",
            (S.SERVED,),
            S.CLOSED,
            who=case_staff,
            guards=(guards.records_complete, guards.fine_settled),
            apply=assign(closed_on=ON),
            cancels=(rules.FINE_PAYMENT,),
        ),
        Transition(
            "hand_over",
            "移送有管辖权的行政机关",
            OPEN,
            S.HANDED,
            who=case_head,
            reason_required=True,
            guards=(guards.recipient_given,),
            apply=assign(handed_to=INPUT("recipient"), handed_on=ON),
            after=writes.upload_into("hand_over_letter", "letter", "case:hand_over"),
            cancels=(rules.DECISION, rules.HEARING_REQUEST, rules.LEGAL_REVIEW),
            event_data=lambda c, **_: {"recipient": c.handed_to},
        ),
        Transition(
            "drop",
            "撤销立案",
            OPEN,
            S.DROPPED,
            who=case_head,
            reason_required=True,
            cancels=(rules.DECISION, rules.HEARING_REQUEST, rules.LEGAL_REVIEW),
        ),
        Transition(
            "add_record",
            "添加全过程记录",
            (*OPEN, *DECIDED, S.ANNULLED),
            who=case_staff,
            guards=(guards.record_content,),
            after=writes.add_record,
            event_data=lambda c, *, stage, kind, title, **_: {"stage": stage, "kind": kind, "title": title},
        ),
    ],
)
