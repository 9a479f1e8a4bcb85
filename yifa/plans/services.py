"""Annual plans and reports, work information and institutions: what the declarations in flows.py
cannot say (input checks, the record an act makes, settings), each through the kit's one write path."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError
from django.utils import timezone

from yifa.core.errors import AccessDenied, YifaError
from yifa.core.procedure import LEGAL_OFFICE, Checks, Who, add, change, create, fire
from yifa.core.uploads import store_upload

from . import prefill
from .flows import INFO, REPORT, UNIT_STAFF
from .models import (
    AnnualReport,
    InfoItem,
    Institution,
    InstitutionKind,
    InstitutionRecord,
    ReportDue,
    ReportKind,
)
from .queries import due_for


def _year(checks: Checks, value, field="year") -> int | None:
    try:
        year = int(value)
    except (TypeError, ValueError):
        checks.fail(field, f"年度：“{value}”不是年份")
        return None
    if not 2000 <= year <= 2100:
        checks.fail(field, f"年度：须在2000至2100之间，收到{year}")
    return year


# ---- annual plans and reports ------------------------------------------------------------


def report_due_set(*, by, year: int, kind: str, due: dt.date, note: str = "") -> ReportDue:
    """A year's own due date for a kind of report (legal office)."""
    c = Checks()
    year = _year(c, year)
    c.choice("kind", "报告类型", kind, ReportKind)
    if not isinstance(due, dt.date):
        c.fail("due", "届满日：须为日期")
    c.done()
    data = {"year": year, "kind": kind, "before": due_for(year, kind), "due": due, "note": note}
    act = {"by": by, "who": LEGAL_OFFICE, "action": "report_due.set", "label": "设置报送时限", "data": data}
    setting = ReportDue.objects.filter(year=year, kind=kind).first()
    if setting is None:
        return add(ReportDue(year=year, kind=kind, due=due, note=note), **act)
    return change(setting, apply={"due": due, "note": note}, **act)


def report_create(
    *, by, unit, year: int, kind: str, title: str, body: str = "", is_public: bool = False, files=()
) -> AnnualReport:
    """A unit's liaison or head drafts its plan or report."""
    if unit is None:
        raise AccessDenied("您未隶属任何单位，不能起草计划或报告")
    c = Checks()
    title = c.text("title", "标题", title, limit=200)
    c.choice("kind", "报告类型", kind, ReportKind)
    year = _year(c, year)
    c.done()
    body = body or prefill.drafted_body(unit=unit, year=year, kind=kind)
    draft = AnnualReport(
        unit=unit, year=year, kind=kind, title=title, body=body or "", is_public=is_public, drafted_by=by
    )
    try:
        return create(REPORT, "create", build=lambda: draft, by=by, files=files)
    except IntegrityError:  # drafted at the same moment by a colleague: the guard could not see it
        raise YifaError(f"{unit.name}{year}年已有{ReportKind(kind).label}，请在原稿上修改", field="kind") from None


def report_edit(
    *,
    by,
    report: AnnualReport,
    title: str,
    body: str = "",
    is_public: bool = False,
    files=(),
    expected_version: int | None = None,
) -> AnnualReport:
    """Revise a plan or report while it is with the unit (drafting, or returned)."""
    c = Checks()
    title = c.text("title", "标题", title, limit=200)
    c.done()
    return fire(
        REPORT,
        report,
        "edit",
        by=by,
        expected_version=expected_version,
        title=title,
        body=body or "",
        is_public=is_public,
        files=files,
    )


def report_approve(
    *, by, report: AnnualReport, expected_version: int | None = None, on: dt.date | None = None
) -> AnnualReport:
    return fire(REPORT, report, "approve", by=by, expected_version=expected_version, on=on)


def report_submit(
    *, by, report: AnnualReport, expected_version: int | None = None, on: dt.date | None = None
) -> AnnualReport:
    """Submit to the city government; the copy to the legal office (抄报) goes with it."""
    return fire(REPORT, report, "submit", by=by, expected_version=expected_version, on=on)


def report_return(
    *, by, report: AnnualReport, comment: str, expected_version: int | None = None, on: dt.date | None = None
) -> AnnualReport:
    return fire(REPORT, report, "return", by=by, reason=comment or "", expected_version=expected_version, on=on)


def report_accept(
    *, by, report: AnnualReport, expected_version: int | None = None, on: dt.date | None = None
) -> AnnualReport:
    return fire(REPORT, report, "accept", by=by, expected_version=expected_version, on=on)


# ---- work information (工作信息报送) ----------------------------------------------------------


def info_submit(*, by, title: str, body: str, on: dt.date | None = None) -> InfoItem:
    if by.unit_id is None:
        raise AccessDenied("您未隶属任何单位，不能报送工作信息")
    c = Checks()
    title = c.text("title", "标题", title, limit=200)
    body = c.text("body", "内容", body)
    c.done()
    item = InfoItem(unit=by.unit, title=title, body=body, submitted_by=by)
    return create(INFO, "submit", build=lambda: item, by=by, on=on)


def info_decide(*, by, item: InfoItem, adopt: bool, on: dt.date | None = None) -> InfoItem:
    return fire(INFO, item, "adopt" if adopt else "decline", by=by, on=on)


# ---- institutions the plan requires ----------------------------------------------------------


def institution_define(
    *,
    by,
    year: int,
    name: str,
    kind: str = InstitutionKind.OTHER,
    due: dt.date | None = None,
    basis: str = "",
    task=None,
) -> Institution:
    """List an institution every unit must have; its ``kind`` lets other modules' acts tick it."""
    c = Checks()
    year = _year(c, year)
    name = c.text("name", "制度名称", name, limit=200)
    c.choice("kind", "制度类别", kind, InstitutionKind)
    c.done()
    institution = Institution(year=year, name=name, kind=kind, due=due, basis=basis, task=task)
    data = {"year": year, "kind": kind, "due": due, "basis": basis}
    try:
        return add(institution, by=by, who=LEGAL_OFFICE, action="institution.define", label="列入应建制度", data=data)
    except IntegrityError:
        raise YifaError(f"制度名称：{year}年已列有“{name}”", field="name") from None


def institution_record(
    *,
    by,
    institution: Institution,
    unit,
    established_on: dt.date,
    document_title: str,
    file: tuple[str, bytes] | None = None,
    who: Who = UNIT_STAFF,
) -> InstitutionRecord:
    """A unit records that it has the institution, with its document and evidence file."""
    c = Checks()
    if not isinstance(established_on, dt.date):
        c.fail("established_on", "建立日期：须为日期")
    elif established_on > timezone.localdate():
        c.fail("established_on", "建立日期：不能晚于今天")
    if not (document_title or "").strip():
        c.fail("document_title", "制度文件：须填写文件名称及文号")
    c.done()
    fields = {"established_on": established_on, "document_title": document_title.strip()[:200], "recorded_by": by}

    def keep_evidence(record):
        record.evidence = store_upload(content=file[1], name=file[0], by=by, subject=record, purpose="evidence")

    def rewrite(record):
        for name, value in fields.items():
            setattr(record, name, value)
        if file:
            keep_evidence(record)

    def first_evidence(record):
        if file:
            keep_evidence(record)
            record.save(update_fields=["evidence"])

    act = {
        "by": by,
        "who": who,
        "action": "institution.record",
        "label": "登记制度建立情况",
        "unit": unit,
        "data": {
            "institution": institution.name,
            "established_on": established_on,
            "late": bool(institution.due and established_on > institution.due),
        },
    }
    record = InstitutionRecord.objects.filter(institution=institution, unit=unit).first()
    if record is None:
        return add(InstitutionRecord(institution=institution, unit=unit, **fields), after=first_evidence, **act)
    return change(record, apply=rewrite, **act)
