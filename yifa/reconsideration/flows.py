"""The reconsideration procedure: every act on a case, the acts that keep its state included — who may
do it, when the page offers it, the conditions the law sets (``gates``), the fields it writes and the
statutory clocks it runs. Each clock follows the rule that governs the case: the law version in force
when the application arrived, and the procedure (``periods``).

The sub-records with procedures of their own — incidental review of norms, opinion letters, submissions
through the penalty organ — have their flows beside their services (``norms``, ``opinions``,
``submissions``)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from yifa.core import clocks
from yifa.core.calendar import current_calendar
from yifa.core.models import DeadlineStatus
from yifa.core.notify import unit_contacts
from yifa.core.procedure import INPUT, LEGAL_OFFICE, NEW, ON, Clock, Extend, Flow, Message, Transition, Who, assign
from yifa.core.uploads import store_upload
from yifa.lib.deadlines import WORKDAYS, compute_due, zh_date

from . import gates, periods, routing
from . import rules as R
from .documents import public_text_of
from .models import (
    OPEN_STATES,
    ApprovalMode,
    Case,
    Hearing,
    HearingKind,
    NumberKind,
    Party,
    PartyKind,
    PartyRole,
    Procedure,
)
from .models import CaseState as S
from .numbering import next_number
from .who import COLLECTIVE_RECORDER, EXTENDER, INTAKE, OFFICE_HEAD, ORGAN_HEAD, REPLIER, STAFF

HEARING = (S.ACCEPTED, S.SUSPENDED)  # 审理中，中止期间亦可听取意见、发送副本
SYSTEM = Who(lambda user, case: False, "系统（审查期限届满）")


def case_of(record) -> Case:
    """The case a sub-record belongs to. Opening one is an act offered on the case's page, so its
    ``when`` sees the case there and the new sub-record when it runs."""
    return record if isinstance(record, Case) else record.case


def respondent_link(case) -> str:
    return reverse("reconsideration:reply", args=[case.pk])


def _served_on(case, *, served_on=None, **_):
    return served_on


def _accepted_on(case, **_):
    return case.accepted_on


# 受理之日起：发送副本（第四十八条、第五十四条）和作出决定（第六十二条）的期限。
HEARING_CLOCKS = (
    Clock(periods.copy_rule, start=_accepted_on),
    Clock(periods.decision_rule, start=_accepted_on, assignee=lambda case: case.handler),
)
# 答复期限自被申请人收到副本之日起；外部机关的送达日登记前不计时。其提醒打开案件页，被申请人在那里答复。
REPLY_CLOCK = Clock(periods.reply_rule, start=lambda case, **_: case.copy_served_on)


def _open_reviews(case):
    return case.norm_reviews.filter(concluded_on__isnull=True)


# Closing a case: the decision period is met or late; every other period of the case, and of the incidental
# reviews still open, stops counting.
CLOSING = dict(
    stops=(periods.decision_rule,),
    cancels=(
        periods.review_rule,
        periods.timed_correction_rule,
        periods.copy_rule,
        periods.reply_rule,
        R.SUSPENSION_LIMIT,
        *(
            Clock(rule, each=_open_reviews)
            for rule in (
                R.NORM_REQUEST_HANDLE,
                R.NORM_REQUEST_FORWARD,
                R.NORM_OWN_HANDLE,
                R.NORM_OWN_FORWARD,
                R.DRAFTER_NOTICE,
                R.DRAFTER_REPLY,
                R.FORWARDED_REPLY,
            )
        ),
    ),
)


def _store_files(purpose: str):
    def after(case, *, by, files=(), **_):
        for name, content in files:
            store_upload(content=content, name=name, by=by, subject=case, purpose=purpose)

    return after


def _add_parties_and_files(case, *, by, parties, files=(), **_):
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
    _store_files("application")(case, by=by, files=files)


def _extend_correction(case, *, days, reason, **_):
    case.correction_extension_days += days
    case.correction_extension_reason = reason.strip()
    if case.correction_due_on:  # 2017年法案件：复议机构确定的补正期限顺延若干工作日
        case.correction_due_on = compute_due(case.correction_due_on, days, WORKDAYS, current_calendar()).due


FINDINGS = ("is_major", "is_technical", "delay_grounds")


def _give_case_number(case) -> None:
    """案号 on acceptance: an application refused or abandoned never consumes one. A case numbered before
    this rule (on receipt) keeps the number its documents carry."""
    if not case.case_number:
        case.case_number = next_number(case.accepted_on.year, NumberKind.CASE)


def _accept(case, *, on, procedure=Procedure.NORMAL, simplified_basis="", handler_user=None, **inputs):
    case.accepted_on = periods.acceptance_date(case, on)
    _give_case_number(case)
    case.procedure = procedure
    case.simplified_basis = simplified_basis if procedure == Procedure.SIMPLIFIED else ""
    case.handler = handler_user or case.handler
    for name in FINDINGS:  # the review's findings, recorded with the acceptance
        if inputs.get(name) is not None:
            setattr(case, name, inputs[name])


def _accept_data(case, *, procedure=Procedure.NORMAL, **inputs):
    return {
        "number": case.case_number,
        "procedure": procedure,
        **{n: inputs[n] for n in FINDINGS if inputs.get(n) is not None},
    }


def _deem_accepted(case, *, handler_user=None, **_):
    """第三十条第三款：届满之日起视为受理；2017年法第十七条第二款：自收到（补正材料）之日起即为受理。"""
    review = periods.review_clock(case)
    case.accepted_on = review.due if case.law_year == 2023 else (review.restart or case.received_on)
    case.deemed_accepted = True
    case.handler = handler_user or case.handler
    _give_case_number(case)


def _not_accept(case, *, on, reason="", competent_organ="", **_):
    """The decision not to accept carries its own 文号 (its series is configured like the case numbers)."""
    case.not_accepted_reason = (reason or "").strip()
    case.competent_organ = (competent_organ or "").strip()
    case.closed_on = on
    if not case.not_accepted_number:
        case.not_accepted_number = next_number(on.year, NumberKind.NOT_ACCEPTED)


def _send_copy(case, *, on, served_on=None, **_):
    """本市单位经本平台送达，当日收到；外部机关自登记的送达日起算。"""
    case.copy_sent_on = on
    case.copy_served_on = on if case.respondent_unit_id else served_on


def _reply_due(case) -> dt.date | None:
    clock = periods.reply_clock(case) if case.copy_served_on else None
    return clock.due if clock else None


def _copy_data(case, **_):
    return {"served_on": case.copy_served_on, "reply_due": _reply_due(case)}


def _ask_for_reply(case, **_):
    if not case.respondent_unit_id:
        return []
    clock, consequence = periods.reply_clock(case), periods.no_reply_rule(case)
    return [
        Message(
            users=unit_contacts(case.respondent_unit),
            key=f"fuyi-copy:{case.pk}",
            title=f"请于{zh_date(clock.due)}前对行政复议申请{case.number}提出书面答复",
            body=f"{clock.explanation}。{consequence.title}（{consequence.citation}）。",
            link=respondent_link(case),
        )
    ]


def _carry_clocks_to_normal(case, *, on, **_):
    """第五十五条：转为普通程序的，期限按普通程序自原起算日计算；已中止的期间仍不计入。"""
    simplified = {
        R.COPY_SIMPLE.id: periods.copy_rule,
        R.REPLY_SIMPLE.id: periods.reply_rule,
        R.DECISION_SIMPLE.id: periods.decision_rule,
    }
    for clock in clocks.clocks_of(case).filter(rule_id__in=simplified):
        new = clocks.start_clock(
            subject=case,
            rule=simplified[clock.rule_id](case),
            start=clock.start,
            unit=clock.unit,
            assignee=clock.assignee,
            link=clock.link,
        )
        for first, last in clock.pauses:
            clocks.add_pause(new, first=dt.date.fromisoformat(first), last=dt.date.fromisoformat(last))
        if clock.status == DeadlineStatus.PAUSED:
            clocks.pause_clock(new, on=clock.paused_since)
        clocks.stop_clock(clock, on=on, cancelled=True)


def _extend(case, *, days=None, reason="", **_):
    case.extension_days += days or 0
    case.extension_last_days = days or 0
    case.extension_reason = reason.strip()


def _add_hearing(case, *, kind, held_on, notified_on=None, place="", panel="", matters="", record="", **_):
    Hearing.objects.create(
        case=case,
        kind=kind,
        notified_on=notified_on,
        held_on=held_on,
        place=place,
        panel=panel,
        matters=matters,
        record=record,
    )


def _add_third_party(case, *, party_name, kind=PartyKind.PERSON, id_number="", phone="", address="", **_):
    Party.objects.create(
        case=case,
        role=PartyRole.THIRD_PARTY,
        kind=kind,
        name=party_name.strip(),
        id_number=(id_number or "").strip(),
        phone=(phone or "").strip(),
        address=(address or "").strip(),
    )


def _third_party_data(case, *, kind=PartyKind.PERSON, joined="", **_):
    """The party's row, never its personal data (the audit log keeps no names of people)."""
    party = case.parties.filter(role=PartyRole.THIRD_PARTY).order_by("-id").first()
    return {"party": party.pk if party else None, "kind": kind, "joined": joined}


def _hearing_data(case, *, kind, held_on, **_):
    return {
        "kind": kind,
        "held_on": held_on,
        "hearing": case.hearings.order_by("-id").values_list("pk", flat=True).first(),
    }


EXCLUDED = {"inspection": R.INSPECTION_TIME, "appraisal": R.APPRAISAL_TIME}


def _exclude_time(case, *, first, last, **_):
    clock = periods.decision_clock(case)
    if clock is not None:
        clocks.add_pause(clock, first=first, last=last)


FLOW = Flow(
    name="reconsideration",
    states=S,
    clock_unit=periods.clock_unit,
    transitions=[
        Transition(
            "receive",
            "收到申请",
            NEW,
            S.REVIEW,
            who=INTAKE,
            public=True,
            guards=(gates.intake_by_staff,),
            notifies=routing.online_application,
            starts=(Clock(periods.review_rule, start=lambda case, **_: case.received_on),),
            after=_add_parties_and_files,
            event_data=lambda case, *, files=(), **_: {
                "channel": case.channel,
                "files": len(files),
                "law": case.law_year,
            },
        ),
        # 第三十一条第二款：补正期限自申请人收到补正通知之日起计算；送达日未知（邮寄）的，登记后起算。
        Transition(
            "request_correction",
            "通知补正",
            (S.REVIEW,),
            S.CORRECTION,
            who=STAFF,
            guards=(gates.correction_in_time, gates.correction_items_given),
            apply=assign(
                correction_items=INPUT("items"),
                correction_sent_on=ON,
                correction_served_on=INPUT("served_on"),
                correction_due_on=INPUT("correction_due_on"),
                correction_received_on=None,
            ),
            pauses=(periods.review_rule,),
            starts=(Clock(periods.timed_correction_rule, start=_served_on),),
            event_data=lambda case, *, items="", served_on=None, **_: {"items": items, "served_on": served_on},
        ),
        Transition(
            "serve_correction",
            "登记补正通知送达日",
            (S.CORRECTION,),
            who=STAFF,
            when=(lambda case: not case.correction_served_on,),
            guards=(gates.correction_service_recordable,),
            apply=assign(correction_served_on=INPUT("served_on")),
            starts=(Clock(periods.timed_correction_rule, start=_served_on),),
            event_data=lambda case, *, served_on=None, **_: {"served_on": served_on},
        ),
        Transition(
            "extend_correction",
            "延长补正期限",
            (S.CORRECTION,),
            who=STAFF,
            when=(lambda case: bool(case.correction_served_on),),
            guards=(gates.correction_extendable,),
            reason_required=True,
            apply=_extend_correction,
            extends=(Extend(periods.timed_correction_rule, max_times=None),),
            event_data=lambda case, *, days=None, **_: {"days": days},
        ),
        # 第三十一条第三款：收到补正材料后依照第三十条重新审查，审查期限重新计算。
        Transition(
            "receive_correction",
            "收到补正材料",
            (S.CORRECTION,),
            S.REVIEW,
            who=STAFF,
            apply=assign(correction_received_on=ON),
            stops=(periods.timed_correction_rule,),
            restarts=(periods.review_rule,),
            after=_store_files("correction"),
        ),
        Transition(
            "abandon",
            "逾期未补正，视为放弃",
            (S.CORRECTION,),
            S.ABANDONED,
            who=STAFF,
            guards=(gates.correction_lapsed,),
            apply=assign(closed_on=ON),
            **CLOSING,
        ),
        Transition(
            "accept",
            "受理",
            (S.REVIEW,),
            S.ACCEPTED,
            who=STAFF,
            guards=(gates.application_admissible, gates.simplified_allowed),
            apply=_accept,
            stops=(periods.review_rule,),
            starts=HEARING_CLOCKS,
            event_data=_accept_data,
        ),
        Transition(
            "deemed_accept",
            "视为受理",
            (S.REVIEW,),
            S.ACCEPTED,
            who=SYSTEM,
            by_system=True,
            guards=(gates.review_lapsed,),
            apply=_deem_accepted,
            stops=(periods.review_rule,),
            starts=HEARING_CLOCKS,
            event_data=lambda case, **_: {"accepted_on": case.accepted_on, "number": case.case_number},
        ),
        Transition(
            "not_accept",
            "不予受理",
            (S.REVIEW,),
            S.NOT_ACCEPTED,
            who=STAFF,
            guards=(gates.within_review,),
            reason_required=True,
            apply=_not_accept,
            event_data=lambda case, **_: {"number": case.not_accepted_number},
            **CLOSING,
        ),
        Transition(
            "send_copy",
            "发送申请书副本",
            HEARING,
            who=STAFF,
            when=(lambda case: not case.copy_sent_on,),
            apply=_send_copy,
            stops=(periods.copy_rule,),
            starts=(REPLY_CLOCK,),
            notifies=_ask_for_reply,
            event_data=_copy_data,
        ),
        Transition(
            "serve_copy",
            "登记副本送达日",
            OPEN_STATES,
            who=STAFF,
            when=(lambda case: bool(case.copy_sent_on) and not case.copy_served_on,),
            apply=assign(copy_served_on=INPUT("served_on")),
            starts=(REPLY_CLOCK,),
            event_data=_copy_data,
        ),
        Transition(
            "reply",
            "被申请人答复",
            OPEN_STATES,
            who=REPLIER,
            when=(lambda case: bool(case.copy_sent_on) and not case.reply_on,),
            apply=assign(reply_on=ON, reply_text=INPUT("text")),
            notifies=routing.reply_received,
            stops=(periods.reply_rule,),
            after=_store_files("reply"),
            event_data=lambda case, *, files=(), **_: {"files": len(files)},
        ),
        Transition(
            "to_normal",
            "转为普通程序",
            (S.ACCEPTED,),
            who=OFFICE_HEAD,
            guards=(gates.is_simplified,),
            reason_required=True,
            apply=assign(procedure=Procedure.NORMAL, simplified_basis=""),
            after=_carry_clocks_to_normal,
        ),
        # 第六十二条第一款：可分次延长，每次经复议机构负责人批准（2017年法第三十一条第一款：复议机关负责人），
        # 累计不超过三十日（期限本身核对总数）。
        Transition(
            "extend",
            "延长审理期限",
            (S.ACCEPTED,),
            who=EXTENDER,
            guards=(gates.is_normal, gates.extension_approver),
            reason_required=True,
            apply=_extend,
            extends=(Extend(periods.decision_rule, max_times=None),),
            event_data=lambda case, *, days=None, **_: {"days": days, "total": case.extension_days},
        ),
        # 第三十九条：中止期间审理期限停止计算；第一、二、四项中止的，另计六十日（第四十一条第一款第五项）。
        Transition(
            "suspend",
            "中止审理",
            (S.ACCEPTED,),
            S.SUSPENDED,
            who=STAFF,
            guards=(gates.suspension_ground_given,),
            apply=assign(suspended_on=ON, suspension_ground=INPUT("ground")),
            pauses=(periods.decision_rule,),
            starts=(periods.suspension_limit_rule,),
            event_data=lambda case, *, ground="", **_: {"ground": ground},
        ),
        Transition(
            "resume",
            "恢复审理",
            (S.SUSPENDED,),
            S.ACCEPTED,
            who=STAFF,
            guards=(gates.norm_reviews_done,),
            apply=assign(suspended_on=None, suspension_ground=""),
            resumes=(periods.decision_rule,),
            cancels=(R.SUSPENSION_LIMIT,),
        ),
        Transition(
            "terminate",
            "终止行政复议",
            HEARING,
            S.TERMINATED,
            who=STAFF,
            guards=(gates.termination_ground_allowed,),
            apply=assign(termination_ground=INPUT("ground"), closed_on=ON),
            event_data=lambda case, *, ground="", **_: {"ground": ground},
            **CLOSING,
        ),
        Transition(
            "mediate",
            "调解结案",
            HEARING,
            S.MEDIATED,
            who=STAFF,
            guards=(gates.mediation_given,),
            apply=assign(mediation_text=INPUT("mediation_text"), closed_on=ON),
            **CLOSING,
        ),
        # 第十六条：利害关系人申请参加或者由复议机构通知其作为第三人参加（制作第三人参加行政复议通知书）。
        Transition(
            "add_third_party",
            "追加第三人",
            HEARING,
            who=STAFF,
            after=_add_third_party,
            event_data=_third_party_data,
        ),
        Transition(
            "record_hearing",
            "记录听取意见、听证或调查",
            HEARING,
            who=STAFF,
            after=_add_hearing,
            event_data=_hearing_data,
            event_label=lambda case, *, kind, **_: HearingKind(kind).label,
        ),
        # 第四十二条：行政复议期间不停止执行，法定情形停止执行（制作停止执行通知书）。
        Transition(
            "stay",
            "决定停止执行",
            HEARING,
            who=STAFF,
            when=(lambda case: not case.stayed_on,),
            guards=(gates.stay_ground_given,),
            apply=assign(stayed_on=ON, stay_ground=INPUT("ground")),
            event_data=lambda case, **_: {"ground": case.stay_ground},
        ),
        # 第七十七条第二款：被申请人不履行或者无正当理由拖延履行决定书、调解书的，责令限期履行。
        Transition(
            "order_performance",
            "责令限期履行",
            (S.DECIDED, S.MEDIATED),
            who=STAFF,
            guards=(gates.performance_order_given,),
            apply=assign(enforce_on=ON, enforce_due_on=INPUT("due_on"), enforce_matters=INPUT("matters")),
            event_data=lambda case, **_: {"due_on": case.enforce_due_on},
        ),
        # 实施条例第三十四条第三款、第三十七条：勘验、鉴定所用时间不计入审理期限（登记起止日，审理期限扣除）。
        Transition(
            "exclude_time",
            "登记现场勘验或鉴定所用时间",
            HEARING,
            who=STAFF,
            guards=(gates.excluded_time_valid,),
            after=_exclude_time,
            event_data=lambda case, *, kind, first, last, **_: {"kind": kind, "first": first, "last": last},
            event_label=lambda case, *, kind, **_: EXCLUDED[kind].title,
        ),
        Transition(
            "justify_overdue",
            "记录超审限理由",
            (*HEARING, S.APPROVAL),
            who=STAFF,
            apply=assign(overdue_justification=INPUT("reason")),
        ),
        Transition(
            "propose",
            "提交决定审批",
            (S.ACCEPTED,),
            S.APPROVAL,
            who=STAFF,
            guards=(gates.ready_to_decide, gates.decision_given),
            apply=assign(
                decision_type=INPUT("decision_type"),
                decision_text=INPUT("decision_text"),
                findings=INPUT("findings", ""),
                compensation=INPUT("compensation", ""),
            ),
            event_data=lambda case, **_: {"decision_type": case.decision_type},
            notifies=routing.approval_requested,
        ),
        Transition("return_draft", "退回修改", (S.APPROVAL,), S.ACCEPTED, who=ORGAN_HEAD, reason_required=True),
        # 第六十一条第一款：复议机关负责人同意或者集体讨论通过后，以复议机关的名义作出决定。
        Transition(
            "approve",
            "复议机关负责人同意，作出决定",
            (S.APPROVAL,),
            S.DECIDED,
            who=ORGAN_HEAD,
            guards=(gates.overdue_justified,),
            apply=assign(
                approval_mode=ApprovalMode.HEAD, approved_by=lambda case, context: context["by"], closed_on=ON
            ),
            event_data=lambda case, **_: {"approval_mode": case.approval_mode},
            confirm="批准后即以复议机关名义作出行政复议决定，不能撤回，确定吗？",
            **CLOSING,
        ),
        Transition(
            "approve_collective",
            "集体讨论通过，作出决定",
            (S.APPROVAL,),
            S.DECIDED,
            who=COLLECTIVE_RECORDER,
            guards=(gates.meeting_recorded, gates.overdue_justified),
            apply=assign(
                approval_mode=ApprovalMode.COLLECTIVE,
                collective_meeting=INPUT("meeting"),
                collective_on=INPUT("meeting_on"),
                collective_record=INPUT("meeting_record"),
                closed_on=ON,
            ),
            event_data=lambda case, **_: {
                "approval_mode": case.approval_mode,
                "meeting": case.collective_meeting,
                "meeting_on": case.collective_on,
            },
            confirm="作出行政复议决定后不能撤回，确定吗？",
            **CLOSING,
        ),
        # 第七十九条：公开文本去除自然人姓名、身份证号、电话、住址。
        Transition(
            "publish",
            "公开决定书",
            (S.DECIDED,),
            who=LEGAL_OFFICE,
            when=(lambda case: not case.published_on,),
            apply=assign(public_text=lambda case, context: public_text_of(case), published_on=ON),
        ),
    ],
)

# The sub-records' procedures register with the kit beside the case's (their acts are on its timeline).
from . import norms, opinions, submissions  # noqa: E402, F401
