"""What the declarations cannot say: records made by a creating act (a campaign, a notice, a filing, a 问责
case, a warning) with their computed defaults; inputs checked before anything is written."""

from __future__ import annotations

import datetime as dt
import secrets

from django.utils import timezone

from yifa.core.procedure import Checks, add, change, create, fire

from .flows import (
    ACC_FLOW,
    ALERT_FLOW,
    CAMPAIGN_FLOW,
    COMPLAINT_FLOW,
    DISPUTE_FLOW,
    FILING_FLOW,
    INSPECTION_FLOW,
    NOTICE_FLOW,
)
from .models import (
    Accountability,
    AccSource,
    Alert,
    Campaign,
    Channel,
    Complaint,
    CorrectionFact,
    Dispute,
    FileKind,
    Filing,
    Inspection,
    InspectionScope,
    Notice,
    NoticeKind,
    NoticeSource,
    Rubric,
    RubricItem,
)
from .rubrics import load as load_rubrics


def campaign_create(*, by, name, units, period_start, period_end, sample_size, kind=FileKind.PENALTY, on=None):
    checks = Checks()
    checks.choice("kind", "案卷类别", kind, FileKind)
    checks.date("period_start", "案卷决定日起", period_start)
    checks.date("period_end", "案卷决定日止", period_end)
    checks.done()
    load_rubrics(Rubric, RubricItem)
    units = list(units)
    return create(
        CAMPAIGN_FLOW,
        "create",
        build=lambda: Campaign(
            name=(name or "").strip()[:100],
            kind=kind,
            unit=by.unit,
            period_start=period_start,
            period_end=period_end,
            sample_size=sample_size or 0,
        ),
        by=by,
        on=on,
        units=units,
    )


def campaign_draw(*, by, campaign, seed=None, expected_version=None, on=None):
    return fire(CAMPAIGN_FLOW, campaign, "draw", by=by, seed=seed, expected_version=expected_version, on=on)


def next_number(model, prefix: str, year: int) -> str:
    count = model.objects.filter(number__startswith=f"{prefix}〔{year}〕").count()
    return f"{prefix}〔{year}〕{count + 1}号"


def notice_issue(*, by, unit, kind, source, subject, text, link="", on=None) -> Notice:
    checks = Checks()
    checks.choice("kind", "类别", kind, NoticeKind)
    checks.choice("source", "来源", source, NoticeSource)
    subject = checks.text("subject", "事项", subject, limit=200)
    checks.done()
    on = on or timezone.localdate()
    return create(
        NOTICE_FLOW,
        "issue",
        build=lambda: Notice(
            unit=unit,
            number=next_number(Notice, "江法监", on.year),
            kind=kind,
            source=source,
            subject=subject,
            link=link,
            text=(text or "").strip(),
            issued_on=on,
        ),
        by=by,
        on=on,
    )


def filing_open(*, facts: dict, on: dt.date) -> Filing | None:
    """A major decision was made (enforcement's ``penalty_case.decide``): its filing clock starts."""
    if Filing.objects.filter(case_id=facts["case_id"]).exists():
        return None
    return create(
        FILING_FLOW,
        "open",
        build=lambda: Filing(
            unit_id=facts["unit_id"],
            case_id=facts["case_id"],
            case_number=facts["number"],
            decision_number=facts["decision_number"],
            party_name=facts["party_name"][:100],
            penalty=facts["penalty"][:60],
            fine=facts["fine"],
            decided_on=facts["decided_on"] or on,
        ),
        by=None,
        on=on,
    )


def accountability_open(
    *, by, unit, person_name, person_post, source, allegation, investigators, source_link="", on=None
) -> Accountability:
    checks = Checks()
    person_name = checks.text("person_name", "被问责人", person_name, limit=50)
    person_post = checks.text("person_post", "职务（岗位）", person_post, limit=100)
    checks.choice("source", "线索来源", source, AccSource)
    allegation = checks.text("allegation", "问题线索", allegation)
    checks.done()
    on = on or timezone.localdate()
    return create(
        ACC_FLOW,
        "open",
        build=lambda: Accountability(
            number=next_number(Accountability, "江法问责", on.year),
            unit=unit,
            person_name=person_name,
            person_post=person_post,
            source=source,
            source_link=(source_link or "").strip()[:300],
            allegation=allegation,
            opened_on=on,
        ),
        by=by,
        on=on,
        investigators=list(investigators),
    )


def alert_seen(*, kind, key, unit_id, title, detail, link, on) -> Alert | None:
    """Raise the warning ``key`` if new, raise it again if it had cleared; None if already open."""
    found = Alert.objects.filter(key=key).first()
    if found is None:
        return create(
            ALERT_FLOW,
            "raise",
            build=lambda: Alert(
                kind=kind, key=key, unit_id=unit_id, title=title[:200], detail=detail, link=link, found_on=on
            ),
            by=None,
            on=on,
        )
    if found.state == "cleared":
        return fire(ALERT_FLOW, found, "reopen", by=None, on=on)
    return None


def alert_clear(alert, *, on) -> Alert:
    return fire(ALERT_FLOW, alert, "clear", by=None, on=on)


def complaint_escalate(
    complaint: Complaint, *, by, due, note, expected_version: int | None = None, on: dt.date | None = None
) -> Complaint:
    """督办: the legal office hands the complaint to the complained-of unit as a task with a due date. The
    event ``enforcement_complaint.escalate`` carries the unit, due date, title and link; the plans module
    files it on its supervision board (plans/receivers.py), where the unit reports and is urged."""
    on = on or timezone.localdate()
    return fire(  # the transition's guard (guards.escalation_valid) judges the due date and the note
        COMPLAINT_FLOW,
        complaint,
        "escalate",
        by=by,
        on=on,
        expected_version=expected_version,
        due=due,
        note=note,
        unit=complaint.unit,
        title=f"执法投诉督办：{complaint.number}（{complaint.unit.name}）",
        link=complaint.get_absolute_url(),
        source=escalation_source(complaint),
    )


def escalation_source(complaint: Complaint) -> str:
    """The key the plans module files the escalated complaint's task under."""
    return f"enforcement_complaint:{complaint.pk}"


def complaint_receive(
    *,
    by,
    unit,
    channel,
    complainant_name,
    content,
    complainant_phone="",
    case_number="",
    officer_name="",
    received_on=None,
) -> Complaint:
    checks = Checks()
    checks.choice("channel", "来源", channel, Channel)
    complainant_name = checks.text("complainant_name", "投诉人", complainant_name, limit=50)
    content = checks.text("content", "投诉内容", content)
    checks.text("case_number", "案号或事项", case_number, required=False, limit=100)
    checks.text("officer_name", "执法人员", officer_name, required=False, limit=100)
    if unit is None:
        checks.fail("unit", "被投诉单位：必须选择")
    checks.done()
    received_on = received_on or timezone.localdate()
    return create(
        COMPLAINT_FLOW,
        "receive",
        build=lambda: Complaint(
            channel=channel,
            unit=unit,
            complainant_name=complainant_name,
            complainant_phone=(complainant_phone or "").strip(),
            case_number=(case_number or "").strip(),
            officer_name=(officer_name or "").strip(),
            content=content,
            received_on=received_on,
        ),
        by=by,
        on=received_on,
    )


def dispute_submit(*, by, unit, other_units, matter, on=None) -> Dispute:
    on = on or timezone.localdate()
    return create(
        DISPUTE_FLOW,
        "submit",
        build=lambda: Dispute(
            number=f"ZY{on:%Y%m%d}{secrets.token_hex(2).upper()}",
            unit=unit,
            matter=(matter or "").strip(),
            submitted_on=on,
        ),
        by=by,
        on=on,
        other_units=list(other_units),
    )


def inspection_create(*, by, name, scope, subject, units, period_start, period_end, due_on, on=None) -> Inspection:
    """专项检查方案 (山东条例第二十一条): units, subject, the period inspected and the date to finish by."""
    checks = Checks()
    name = checks.text("name", "名称", name, limit=100)
    checks.choice("scope", "检查范围", scope, InspectionScope)
    subject = checks.text("subject", "检查内容", subject)
    checks.date("period_start", "检查事项期间起", period_start)
    checks.date("period_end", "检查事项期间止", period_end)
    checks.date("due_on", "检查完成期限", due_on)
    on = on or timezone.localdate()
    if due_on is not None and due_on < on:
        checks.fail("due_on", "检查完成期限：不能早于今天")
    checks.done()
    return create(
        INSPECTION_FLOW,
        "create",
        build=lambda: Inspection(
            number=next_number(Inspection, "江法专检", on.year),
            name=name,
            scope=scope,
            subject=subject,
            unit=by.unit,
            period_start=period_start,
            period_end=period_end,
            due_on=due_on,
        ),
        by=by,
        on=on,
        units=list(units),
    )


def correction_keep(*, by, source, unit_id, corrected, label, link, decided_on) -> CorrectionFact:
    """Keep a reconsideration decision's outcome for the 纠错率 warning (one row per case; a later approval
    of the same case replaces it)."""
    values = {"unit_id": unit_id, "corrected": corrected, "label": label, "link": link, "decided_on": decided_on}
    current = CorrectionFact.objects.filter(source=source).first()
    if current is None:
        return add(
            CorrectionFact(source=source, **values),
            by=by,
            who=None,
            action="supervision.correction_fact",
            label="记录复议决定结果",
            data={"source": source, "corrected": corrected},
        )
    return change(
        current, by=by, who=None, action="supervision.correction_fact", label="更新复议决定结果", apply=values
    )
