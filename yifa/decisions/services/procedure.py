"""The main line: start, draft, legality review, collective discussion, publication, archive."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from yifa.core.concurrency import save_versioned
from yifa.core.errors import YifaError
from yifa.core.flows import fire
from yifa.core.models import Unit
from yifa.lib.deadlines import zh_date

from .. import rules
from ..flows import DECISION_FLOW, decision_body, lead_unit
from ..models import (
    CatalogueItem,
    Category,
    Decision,
    LegalityReview,
    Meeting,
    MeetingKind,
    Opinion,
    Outcome,
)
from ..models import (
    DecisionState as S,
)
from .common import Checks, event, require, require_decision_body, require_lead_unit, state_must_be

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
    else:
        c.text("ad_hoc_reason", "目录外启动理由（未列入决策事项目录的须说明理由）", ad_hoc_reason)
        flags = dict(
            public_interest=public_interest,
            technical=technical,
            risky=risky,
            hearing_required=hearing_required,
            affects_market=affects_market,
        )
    title = c.text("title", "决策事项", title, limit=200)
    c.choice("category", "类别（第三条第一款）", category, Category)
    if flags["hearing_required"] and not (hearing_basis or "").strip():
        c.fail("hearing_basis", "听证依据：依法应当听证的须写明法律、法规、规章依据（第十六条第一款）")
    if decision_body_unit is None:
        c.fail("decision_body", "决策机关：必须选择")
    if lead is None:
        c.fail("lead_unit", "承办单位：必须选择（第十一条）")
    c.done()
    probe = Decision(decision_body=decision_body_unit, lead_unit=lead)
    require(lambda u, d: decision_body(u, d) or lead_unit(u, d), by, probe, "启动决策程序")
    with transaction.atomic():
        decision = Decision.objects.create(
            title=title,
            decision_body=decision_body_unit,
            lead_unit=lead,
            catalogue_item=catalogue_item,
            ad_hoc_reason=(ad_hoc_reason or "").strip() if catalogue_item is None else "",
            category=category,
            hearing_basis=(hearing_basis or "").strip(),
            started_on=on,
            created_by=by,
            **flags,
        )
        event(
            by=by,
            decision=decision,
            action="start",
            label="启动决策程序",
            reason=decision.ad_hoc_reason,
            data={
                "lead_unit": lead.name,
                "decision_body": decision_body_unit.name,
                "catalogue_item": catalogue_item.pk if catalogue_item else None,
            },
        )
    return decision


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
    require_lead_unit(by, decision, "修改决策草案")
    state_must_be(decision, (S.DRAFTING,), "修改决策草案")
    c = Checks()
    values = {}
    for name, value in fields.items():
        if name not in DRAFT_FIELDS:
            raise YifaError(f"未知字段：{name}", field=name)
        values[name] = c.text(name, DRAFT_FIELDS[name], value, required=False, limit=50000)
    today = timezone.localdate()
    if "draft_text" in values and values["draft_text"] != decision.draft_text and decision.comment_open_on(today):
        c.fail(
            "draft_text",
            f"决策草案：正在公开征求意见（至{zh_date(decision.comment_closes)}），期间不得修改已公布的草案（第十五条）",
        )
    c.done()
    with transaction.atomic():
        for name, value in values.items():
            setattr(decision, name, value)
        save_versioned(decision, expected_version=expected_version, fields=list(values))
        event(by=by, decision=decision, action="draft", label="修改决策草案", data={"fields": sorted(values)})
    return decision


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
    c.done()
    with transaction.atomic():
        review = LegalityReview.objects.create(
            decision=decision,
            submitted_on=on,
            submitted_by=by,
            planned_meeting_on=planned_meeting_on,
            procedure_note=(procedure_note or "").strip(),
            short_reason=(short_reason or "").strip(),
        )
        decision = fire(
            DECISION_FLOW,
            decision,
            "submit_review",
            by=by,
            on=on,
            today=on,
            review=review,
            expected_version=expected_version,
            reason=review.short_reason,
            data={"review": review.pk, "planned_meeting_on": planned_meeting_on},
        )
    return decision


def review_opinion(*, by, decision: Decision, opinion: str, text: str, on: dt.date | None = None) -> Decision:
    """合法性审查意见 (第二十七条、第二十八条): lawful, revise, or unlawful."""
    on = on or timezone.localdate()
    c = Checks()
    c.choice("opinion", "审查意见", opinion, Opinion)
    text = c.text("opinion_text", "审查意见书", text)
    c.done()
    with transaction.atomic():
        review = decision.reviews.select_for_update().order_by("-id").first()
        if review is None or review.opinion:
            raise YifaError("没有待审查的送审记录", field="opinion")
        LegalityReview.objects.filter(pk=review.pk).update(
            opinion=opinion, opinion_text=text, reviewed_on=on, reviewer=by
        )
        decision = fire(
            DECISION_FLOW,
            decision,
            f"review_{opinion}",
            by=by,
            on=on,
            reason=text,
            data={"review": review.pk, "opinion": opinion},
        )
    return decision


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
    """集体讨论决定 (第三十条): the meeting record and the head's decision."""
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
    with transaction.atomic():
        meeting = Meeting.objects.create(
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
        name = "decide" if outcome == Outcome.ADOPT else "return_to_drafting"
        decision = fire(
            DECISION_FLOW,
            decision,
            name,
            by=by,
            on=held_on,
            meeting=meeting,
            expected_version=expected_version,
            reason=meeting.head_conclusion,
            data={"meeting": meeting.pk, "kind": kind, "dissents": len(meeting.dissents)},
        )
        if outcome == Outcome.ADOPT:
            Decision.objects.filter(pk=decision.pk).update(decided_on=held_on)
            decision.decided_on = held_on
    return decision


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
    on = on or timezone.localdate()
    c = Checks()
    decision_no = c.text("decision_no", "文号", decision_no, required=False, limit=80)
    if not (7 <= int(feedback_every_days or 0) <= 366):
        c.fail("feedback_every_days", "执行情况报告周期：须为7至366日")
    c.done()
    with transaction.atomic():
        Decision.objects.filter(pk=decision.pk).update(
            decision_no=decision_no,
            decision_text=(decision_text or "").strip(),
            executing_unit=executing_unit,
            party_reported_on=party_reported_on,
            feedback_every_days=feedback_every_days,
            published_on=on,
        )
        decision = fire(
            DECISION_FLOW,
            decision,
            "publish",
            by=by,
            on=on,
            expected_version=expected_version,
            data={"decision_no": decision_no, "executing_unit": getattr(executing_unit, "name", None)},
        )
    return decision


def decision_archive(*, by, decision: Decision, on: dt.date | None = None) -> Decision:
    """归档 (第三十三条): the record closes its file; the package stays downloadable."""
    on = on or timezone.localdate()
    require_decision_body(by, decision, "归档")
    if decision.state not in (S.PUBLISHED, S.SUSPENDED, S.STOPPED, S.ADJUSTED, S.TERMINATED):
        raise YifaError(f"决策尚未公布或终止，不能归档（{rules.ARCHIVE.citation}）", field="state")
    if decision.archived_on:
        raise YifaError(f"已于{zh_date(decision.archived_on)}归档", field="archived_on")
    with transaction.atomic():
        Decision.objects.filter(pk=decision.pk).update(archived_on=on)
        decision.archived_on = on
        event(by=by, decision=decision, action="archive", label="归档", data={"on": on})
    return decision


def decision_terminate(*, by, decision: Decision, reason: str, on: dt.date | None = None) -> Decision:
    return fire(DECISION_FLOW, decision, "terminate", by=by, reason=reason, on=on)
