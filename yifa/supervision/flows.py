"""The supervision procedures, declared for the kit: review campaigns and files, rectification notices,
major-penalty filings, warnings and 问责 cases."""

from __future__ import annotations

from yifa.core.models import Role, Unit
from yifa.core.procedure import INPUT, LEGAL_OFFICE, NEW, ON, Clock, Flow, Message, Transition, Who, assign, in_unit_of

from . import guards, rules, writes
from .models import (
    AccState,
    CampaignState,
    ComplaintState,
    DisputeState,
    FileState,
    FilingState,
    InspectionState,
    NoticeKind,
    NoticeState,
    WarningState,
)

unit_staff = in_unit_of(Role.LIAISON, Role.HEAD, Role.ENFORCEMENT, label="本单位联络员、负责人或执法人员")


def _investigates(user, case) -> bool:
    return case is not None and case.pk is not None and case.investigators.filter(pk=user.pk).exists()


INVESTIGATOR = Who(_investigates, "指定的调查人员")


def legal_office_unit(*_):
    """问责 clocks and events stay in the legal office: the department must not learn of them there."""
    return Unit.objects.filter(is_legal_office=True).order_by("path").first()


CAMPAIGN_FLOW = Flow(
    name="review_campaign",
    states=CampaignState,
    clock_unit=lambda obj, rule: obj.unit,
    transitions=[
        Transition(
            "create",
            "创建评查活动",
            NEW,
            CampaignState.DRAFT,
            who=LEGAL_OFFICE,
            guards=(guards.campaign_valid,),
            after=writes.set_units,
        ),
        Transition(
            "draw",
            "随机抽取案卷",
            (CampaignState.DRAFT,),
            CampaignState.SCORING,
            who=LEGAL_OFFICE,
            guards=(guards.population_found,),
            apply=writes.record_seed,
            after=writes.draw_sample,
            event_data=lambda c, **_: {"seed": c.seed, "population": c.population, "sample": writes.sample_numbers(c)},
        ),
        Transition(
            "conclude",
            "完成评查",
            (CampaignState.SCORING,),
            CampaignState.CONCLUDED,
            who=LEGAL_OFFICE,
            guards=(guards.all_scored,),
            apply=assign(concluded_on=ON),
        ),
        Transition(
            "publish",
            "向社会通报评查结果",
            (CampaignState.CONCLUDED,),
            who=LEGAL_OFFICE,
            when=(lambda c: not c.published_on,),
            guards=(guards.bulletin_given,),
            apply=assign(bulletin=INPUT("bulletin"), published_on=ON),
        ),
    ],
)

FILE_FLOW = Flow(
    name="review_file",
    states=FileState,
    transitions=[
        Transition(
            "score",
            "逐项评分",
            (FileState.PENDING, FileState.SCORED),
            FileState.SCORED,
            who=LEGAL_OFFICE,
            when=(lambda f: f.campaign.state == CampaignState.SCORING,),
            guards=(guards.scores_valid,),
            apply=writes.apply_scores,
            after=writes.save_scores,
            event_data=lambda f, **_: {"total": str(f.total), "vetoed": f.vetoed, "passed": f.passed},
        ),
    ],
)


def _unit_told(notice, **_):
    from yifa.core.notify import unit_contacts

    kind = NoticeKind(notice.kind).label
    yield Message(
        unit_contacts(notice.unit),
        f"supervision-notice:{notice.pk}",
        f"{kind}：{notice.subject}",
        f"{notice.number}。{notice.text}",
        notice.get_absolute_url(),
    )


def _investigators_told(case, *, investigators, **_):
    yield Message(
        list(investigators),
        f"supervision-accountability:{case.pk}",
        f"您被指定为问责案件调查人员：{case.number}",
        "请在问责案件页面查看并记录调查情况。",
        case.get_absolute_url(),
    )


def _correction_start(notice, *, on, **_):
    return on if notice.kind == NoticeKind.CORRECT else None


NOTICE_FLOW = Flow(
    name="supervision_notice",
    states=NoticeState,
    transitions=[
        Transition(
            "issue",
            "送达整改通知",
            NEW,
            NoticeState.ISSUED,
            who=LEGAL_OFFICE,
            guards=(guards.notice_text,),
            starts=(Clock(rules.SUPERVISION_OPINION, start=_correction_start),),
            notifies=_unit_told,
        ),
        Transition(
            "report",
            "报告整改情况",
            (NoticeState.ISSUED,),
            NoticeState.DONE,
            who=unit_staff,
            guards=(guards.report_given,),
            apply=writes.record_report,
            stops=(rules.SUPERVISION_OPINION,),
        ),
    ],
)

FILING_FLOW = Flow(
    name="major_penalty_filing",
    states=FilingState,
    transitions=[
        Transition(
            "open",
            "登记待备案的重大行政处罚决定",
            NEW,
            FilingState.AWAITING,
            by_system=True,
            starts=(Clock(rules.MAJOR_PENALTY_FILING, start=lambda f, **_: f.decided_on),),
        ),
        Transition(
            "file",
            "报送备案",
            (FilingState.AWAITING,),
            FilingState.FILED,
            who=unit_staff,
            apply=assign(filed_on=ON, filing_note=INPUT("note", "")),
            stops=(rules.MAJOR_PENALTY_FILING,),
        ),
        Transition(
            "review",
            "备案审查",
            (FilingState.FILED,),
            FilingState.REVIEWED,
            who=LEGAL_OFFICE,
            guards=(guards.filing_review_valid,),
            apply=assign(outcome=INPUT("outcome"), opinion=INPUT("opinion"), reviewed_on=ON),
            after=writes.notice_from_filing,
            event_data=lambda f, **_: {"outcome": f.outcome},
        ),
    ],
)


def _warning_told(alert, **_):
    from yifa.core.notify import legal_office_staff, unit_contacts

    people = {*unit_contacts(alert.unit), *legal_office_staff()}
    yield Message(
        people, f"supervision-warning:{alert.pk}:{alert.found_on}", f"执法预警：{alert.title}", alert.detail, alert.link
    )


ALERT_FLOW = Flow(
    name="enforcement_warning",
    states=WarningState,
    transitions=[
        Transition("raise", "发出执法预警", NEW, WarningState.OPEN, by_system=True, notifies=_warning_told),
        Transition(
            "reopen",
            "再次预警",
            (WarningState.CLEARED,),
            WarningState.OPEN,
            by_system=True,
            apply=assign(found_on=ON, cleared_on=None),
            notifies=_warning_told,
        ),
        Transition(
            "clear", "预警消除", (WarningState.OPEN,), WarningState.CLEARED, by_system=True, apply=assign(cleared_on=ON)
        ),
    ],
)


def _decision_due(case, **_):
    from yifa.core.calendar import current_calendar

    return rules.accountability_due(case.opened_on, current_calendar())


ACC_FLOW = Flow(
    name="accountability",
    states=AccState,
    clock_unit=legal_office_unit,
    event_unit=legal_office_unit,
    transitions=[
        Transition(
            "open",
            "问责立案",
            NEW,
            AccState.INVESTIGATING,
            who=LEGAL_OFFICE,
            guards=(guards.accountability_valid,),
            after=writes.set_investigators,
            notifies=_investigators_told,
            starts=(Clock(rules.ACCOUNTABILITY_DECISION, due=_decision_due),),
        ),
        Transition(
            "record_findings",
            "记录调查认定的事实",
            (AccState.INVESTIGATING,),
            who=LEGAL_OFFICE | INVESTIGATOR,
            guards=(guards.findings_given,),
            apply=assign(findings=INPUT("findings")),
        ),
        Transition(
            "decide",
            "作出处理决定",
            (AccState.INVESTIGATING,),
            AccState.DECIDED,
            who=LEGAL_OFFICE,
            guards=(guards.decision_valid,),
            apply=assign(
                sanction_law=INPUT("sanction_law"),
                sanction=INPUT("sanction"),
                decision_text=INPUT("decision_text"),
                decided_on=ON,
            ),
            stops=(rules.ACCOUNTABILITY_DECISION,),
            starts=(rules.APPEAL,),
            confirm="作出处理决定后不能修改，确定吗？",
        ),
        Transition(
            "appeal",
            "登记复核申请",
            (AccState.DECIDED,),
            AccState.APPEALED,
            who=LEGAL_OFFICE,
            when=(lambda a: not a.appeal_on,),
            guards=(guards.appeal_in_time,),
            apply=assign(appeal_on=ON),
            stops=(rules.APPEAL,),
            starts=(rules.APPEAL_DECISION,),
        ),
        Transition(
            "decide_appeal",
            "作出复核决定",
            (AccState.APPEALED,),
            AccState.CLOSED,
            who=LEGAL_OFFICE,
            guards=(guards.appeal_result_given,),
            apply=assign(appeal_result=INPUT("appeal_result")),
            stops=(rules.APPEAL_DECISION,),
        ),
        Transition(
            "close",
            "结案",
            (AccState.DECIDED,),
            AccState.CLOSED,
            who=LEGAL_OFFICE,
            guards=(guards.appeal_window_over,),
            stops=(rules.APPEAL,),
        ),
        Transition(
            "publish",
            "公开曝光",
            (AccState.DECIDED, AccState.APPEALED, AccState.CLOSED),
            who=LEGAL_OFFICE,
            when=(lambda a: not a.published_on and a.sanction != "none",),
            guards=(guards.publication_given,),
            apply=assign(published_on=ON, publication=INPUT("publication")),
        ),
    ],
)


def _complaint_told(complaint, **_):
    from yifa.core.notify import unit_contacts

    yield Message(
        unit_contacts(complaint.unit),
        f"supervision-complaint:{complaint.pk}",
        f"执法投诉：{complaint.number}",
        f"收到对本单位行政执法行为的投诉（{complaint.get_channel_display()}），请核查并按期答复。",
        complaint.get_absolute_url(),
    )


COMPLAINT_FLOW = Flow(
    name="enforcement_complaint",
    states=ComplaintState,
    transitions=[
        Transition(
            "receive",
            "登记执法投诉",
            NEW,
            ComplaintState.RECEIVED,
            who=unit_staff | LEGAL_OFFICE,
            public=True,
            guards=(guards.complaint_valid,),
            apply=writes.number_complaint,
            starts=(Clock(rules.COMPLAINT_REPLY, start=lambda c, **_: c.received_on),),
            notifies=_complaint_told,
        ),
        Transition(
            "link_case",
            "关联案件和执法人员",
            (ComplaintState.RECEIVED, ComplaintState.REPLIED),
            who=unit_staff | LEGAL_OFFICE,
            guards=(guards.case_found,),
            apply=writes.link_case,
            event_data=lambda c, **_: {"case": c.linked_case_number},
        ),
        Transition(
            "reply",
            "答复投诉人",
            (ComplaintState.RECEIVED,),
            ComplaintState.REPLIED,
            who=unit_staff | LEGAL_OFFICE,
            guards=(guards.reply_given,),
            apply=assign(reply=INPUT("reply"), replied_on=ON),
            stops=(rules.COMPLAINT_REPLY,),
        ),
        Transition(
            "escalate",
            "交办督办",
            (ComplaintState.RECEIVED, ComplaintState.REPLIED),
            who=LEGAL_OFFICE,
            when=(lambda c: c.escalated_on is None,),
            guards=(guards.escalation_valid,),
            apply=assign(escalated_on=ON, escalation_due=INPUT("due"), escalation_note=INPUT("note")),
            event_data=lambda c, **_: {"unit": c.unit.name, "due": c.escalation_due, "note": c.escalation_note},
        ),
    ],
)


def _settle(organ):
    def apply(dispute, *, decision, comply_by, on, **_):
        dispute.deciding_organ, dispute.decision = organ, decision.strip()
        dispute.decided_on, dispute.comply_by = on, comply_by

    return apply


_comply_clock = Clock(rules.DISPUTE, due=lambda d, **_: d.comply_by)

DISPUTE_FLOW = Flow(
    name="enforcement_dispute",
    states=DisputeState,
    transitions=[
        Transition(
            "submit",
            "提请协调执法争议",
            NEW,
            DisputeState.SUBMITTED,
            who=unit_staff,
            guards=(guards.dispute_valid,),
            after=writes.set_other_units,
        ),
        Transition(
            "coordinate",
            "作出协调意见",
            (DisputeState.SUBMITTED,),
            DisputeState.SETTLED,
            who=LEGAL_OFFICE,
            guards=(guards.settlement_valid,),
            apply=_settle("legal_office"),
            starts=(_comply_clock,),
        ),
        Transition(
            "refer",
            "协调不成，报请本级人民政府裁决",
            (DisputeState.SUBMITTED,),
            DisputeState.REFERRED,
            who=LEGAL_OFFICE,
            reason_required=True,
        ),
        Transition(
            "record_ruling",
            "登记政府裁决",
            (DisputeState.REFERRED,),
            DisputeState.SETTLED,
            who=LEGAL_OFFICE,
            guards=(guards.settlement_valid,),
            apply=_settle("government"),
            starts=(_comply_clock,),
        ),
        Transition(
            "comply",
            "报告执行情况",
            (DisputeState.SETTLED,),
            DisputeState.CLOSED,
            who=unit_staff | LEGAL_OFFICE,
            apply=assign(complied_on=ON),
            stops=(rules.DISPUTE,),
        ),
    ],
)


INSPECTION_FLOW = Flow(
    name="special_inspection",
    states=InspectionState,
    clock_unit=lambda obj, rule: obj.unit,
    transitions=[
        Transition(
            "create",
            "制定专项检查方案",
            NEW,
            InspectionState.PLANNED,
            who=LEGAL_OFFICE,
            guards=(guards.inspection_valid,),
            after=writes.set_units,
        ),
        Transition(
            "start",
            "开始检查",
            (InspectionState.PLANNED,),
            InspectionState.UNDERWAY,
            who=LEGAL_OFFICE,
            apply=assign(started_on=ON),
            starts=(Clock(rules.SPECIAL_INSPECTION, due=lambda i, **_: i.due_on),),
        ),
        Transition(
            "record_finding",
            "记录检查发现",
            (InspectionState.UNDERWAY,),
            who=LEGAL_OFFICE,
            guards=(guards.finding_valid,),
            after=writes.record_finding,
            event_data=lambda i, *, unit, problem=False, **_: {"unit": unit.name, "problem": bool(problem)},
        ),
        Transition(
            "conclude",
            "结束检查",
            (InspectionState.UNDERWAY,),
            InspectionState.CONCLUDED,
            who=LEGAL_OFFICE,
            guards=(guards.every_unit_found,),
            apply=assign(concluded_on=ON, summary=INPUT("summary", "")),
            stops=(rules.SPECIAL_INSPECTION,),
        ),
        Transition(
            "publish",
            "通报典型案件",
            (InspectionState.CONCLUDED,),
            who=LEGAL_OFFICE,
            when=(lambda i: not i.published_on,),
            guards=(guards.typical_bulletin_given,),
            apply=assign(bulletin=INPUT("bulletin"), published_on=ON),
        ),
    ],
)
