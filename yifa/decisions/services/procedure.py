"""The main line: start, draft, legality review, collective discussion, publication, archive. Each service
checks its input (every bad field at once) and builds the rows; the flow's transition does the rest."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from yifa.core.models import Unit
from yifa.core.procedure import Checks, create, fire

from .. import rules
from ..flows import DECISION_FLOW
from ..models import CatalogueItem, Category, Decision, LegalityReview, Meeting, MeetingKind, Opinion, Outcome

FLAGS = ("public_interest", "technical", "risky", "hearing_required", "affects_market")


def decision_start(
    *,
    by,
    title: str,
    decision_body_unit: Unit,
    lead: Unit,
    category: str = "",
    catalogue_item: CatalogueItem | None = None,
    ad_hoc_reason: str = "",
    public_interest: bool = False,
    technical: bool = False,
    risky: bool = False,
    hearing_required: bool = False,
    hearing_basis: str = "",
    affects_market: bool = False,
    on: dt.date | None = None,
) -> Decision:
    """决策机关决定启动并明确承办单位 (第十一条). From the catalogue, or ad hoc with a reason."""
    on = on or timezone.localdate()
    c = Checks()
    if catalogue_item is not None:
        title = title or catalogue_item.title
        category = catalogue_item.category
        flags = {f: getattr(catalogue_item, f) for f in FLAGS}
        hearing_basis = catalogue_item.hearing_basis
        ad_hoc_reason = ""
    else:
        ad_hoc_reason = c.text("ad_hoc_reason", "目录外启动理由（未列入决策事项目录的须说明理由）", ad_hoc_reason)
        flags = dict(
            public_interest=public_interest,
            technical=technical,
            risky=risky,
            hearing_required=hearing_required,
            affects_market=affects_market,
        )
    title = c.text("title", "决策事项", title, limit=200)
    c.choice("category", f"类别（{rules.CATEGORIES.citation}）", category, Category)
    hearing_basis = (hearing_basis or "").strip()
    if flags["hearing_required"] and not hearing_basis:
        c.fail("hearing_basis", f"听证依据：依法应当听证的须写明法律、法规、规章依据（{rules.HEARING.citation}）")
    if decision_body_unit is None:
        c.fail("decision_body_unit", "决策机关：必须选择")
    if lead is None:
        c.fail("lead", f"承办单位：必须选择（{rules.START.citation}）")
    c.done()
    return create(
        DECISION_FLOW,
        "start",
        build=lambda: Decision(
            title=title,
            decision_body=decision_body_unit,
            lead_unit=lead,
            catalogue_item=catalogue_item,
            ad_hoc_reason=ad_hoc_reason,
            category=category,
            hearing_basis=hearing_basis,
            started_on=on,
            created_by=by,
            **flags,
        ),
        by=by,
        on=on,
        reason=ad_hoc_reason,
    )


DRAFT_FIELDS = {
    "research": "调查研究情况",
    "options": "备选方案",
    "cost_benefit": "成本效益分析",
    "legal_basis": "法律、法规、规章等依据",
    "draft_text": "决策草案",
    "draft_explanation": "草案说明",
    "fair_competition": "公平竞争审查情况",
}


def decision_draft(*, by, decision: Decision, expected_version: int | None = None, **fields) -> Decision:
    """起草 (第十二条). The draft text is frozen while it is out for public comment."""
    c = Checks()
    changes = {}
    for name, value in fields.items():
        if name not in DRAFT_FIELDS:
            c.fail(name, f"未知字段：{name}")
            continue
        changes[name] = c.text(name, DRAFT_FIELDS[name], value, required=False, limit=50000)
    c.done()
    return fire(DECISION_FLOW, decision, "draft", by=by, expected_version=expected_version, changes=changes)


def review_submit(
    *,
    by,
    decision: Decision,
    planned_meeting_on: dt.date | None,
    procedure_note: str,
    short_reason: str = "",
    expected_version: int | None = None,
    on: dt.date | None = None,
) -> Decision:
    """送请合法性审查 (第二十五条、第二十六条): every missing step and material is listed at once."""
    on = on or timezone.localdate()
    c = Checks()
    c.date("planned_meeting_on", "拟提交讨论日期", planned_meeting_on)
    procedure_note = c.text("procedure_note", "履行决策法定程序的说明", procedure_note, required=False, limit=50000)
    short_reason = c.text(
        "short_reason", f"审查时间不足{rules.LEGALITY_REVIEW_TIME.days}个工作日的理由", short_reason, required=False
    )
    c.done()
    review = LegalityReview(
        decision=decision,
        submitted_on=on,
        submitted_by=by,
        planned_meeting_on=planned_meeting_on,
        procedure_note=procedure_note,
        short_reason=short_reason,
    )
    return fire(
        DECISION_FLOW,
        decision,
        "submit_review",
        by=by,
        on=on,
        review=review,
        expected_version=expected_version,
        reason=short_reason,
    )


def review_opinion(
    *,
    by,
    decision: Decision,
    opinion: str,
    text: str,
    expected_version: int | None = None,
    on: dt.date | None = None,
) -> Decision:
    """合法性审查意见 (第二十七条、第二十八条): lawful, revise, unlawful, or (exploratory reform) the legal
    risk stated; each is its own transition."""
    c = Checks()
    c.choice("opinion", "审查意见", opinion, Opinion)
    text = c.text("text", "审查意见书", text)
    c.done()
    return fire(
        DECISION_FLOW, decision, f"review_{opinion}", by=by, on=on, reason=text, expected_version=expected_version
    )


def decision_discuss(
    *,
    by,
    decision: Decision,
    kind: str,
    held_on: dt.date | None,
    attendees: str,
    legal_head_attended: bool,
    opinions: list[dict],
    head_name: str,
    head_spoke_last: bool,
    head_conclusion: str,
    outcome: str,
    majority_differs_reason: str = "",
    expected_version: int | None = None,
) -> Decision:
    """集体讨论决定 (第三十条): the meeting record and the head's decision, adopted or returned."""
    c = Checks()
    c.choice("kind", "会议", kind, MeetingKind)
    c.choice("outcome", "结果", outcome, Outcome)
    c.date("held_on", "会议日期", held_on)
    head_name = c.text("head_name", "行政首长", head_name, limit=50)
    clean = []
    for i, o in enumerate(opinions or [], start=1):
        speaker, said = (o.get("speaker") or "").strip(), (o.get("opinion") or "").strip()
        if not speaker or not said:
            c.fail("opinions", f"发言意见：第{i}条须写明发言人和意见")
        if o.get("stance") not in ("agree", "disagree", "other"):
            c.fail("opinions", f"发言意见：第{i}条须标明同意、不同意或其他")
        clean.append({"speaker": speaker, "opinion": said, "stance": o.get("stance")})
    c.done()
    meeting = Meeting(
        decision=decision,
        kind=kind,
        held_on=held_on,
        attendees=(attendees or "").strip(),
        legal_head_attended=bool(legal_head_attended),
        opinions=clean,
        head_name=head_name,
        head_spoke_last=bool(head_spoke_last),
        head_conclusion=(head_conclusion or "").strip(),
        majority_differs_reason=(majority_differs_reason or "").strip(),
        outcome=outcome,
        recorded_by=by,
    )
    return fire(
        DECISION_FLOW,
        decision,
        "decide" if outcome == Outcome.ADOPT else "return_to_drafting",
        by=by,
        on=held_on,
        meeting=meeting,
        expected_version=expected_version,
        reason=meeting.head_conclusion,
    )


def decision_publish(
    *,
    by,
    decision: Decision,
    decision_no: str,
    decision_text: str,
    executing_unit: Unit | None,
    party_reported_on: dt.date | None,
    feedback_every_days: int = 90,
    expected_version: int | None = None,
    on: dt.date | None = None,
) -> Decision:
    """出台前向同级党委请示报告 (第三十一条), 公布 (第三十二条), and name the executing unit (第三十四条)."""
    c = Checks()
    decision_no = c.text("decision_no", "文号", decision_no, required=False, limit=80)
    decision_text = c.text("decision_text", "决策内容", decision_text, required=False, limit=50000)
    if not (7 <= int(feedback_every_days or 0) <= 366):
        c.fail("feedback_every_days", "执行情况报告周期：须为7至366日")
    c.done()
    return fire(
        DECISION_FLOW,
        decision,
        "publish",
        by=by,
        on=on,
        expected_version=expected_version,
        decision_no=decision_no,
        decision_text=decision_text,
        executing_unit=executing_unit,
        party_reported_on=party_reported_on,
        feedback_every_days=int(feedback_every_days),
    )


def decision_archive(
    *, by, decision: Decision, expected_version: int | None = None, on: dt.date | None = None
) -> Decision:
    """归档 (第三十三条): the record closes its file; the package stays downloadable."""
    return fire(DECISION_FLOW, decision, "archive", by=by, on=on, expected_version=expected_version)


def decision_terminate(
    *, by, decision: Decision, reason: str, expected_version: int | None = None, on: dt.date | None = None
) -> Decision:
    return fire(DECISION_FLOW, decision, "terminate", by=by, reason=reason, on=on, expected_version=expected_version)
