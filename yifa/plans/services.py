"""Writes on annual plans and reports, work information and institutions: keyword-only, one
transaction, a permission check, one audit event each."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone

from yifa.core.access import require_legal_office
from yifa.core.audit import record_event
from yifa.core.concurrency import save_versioned
from yifa.core.errors import AccessDenied, InvalidInput, YifaError
from yifa.core.flows import fire
from yifa.core.notify import legal_office_staff, notify, unit_contacts
from yifa.core.uploads import store_upload

from .access import require_unit_staff
from .flows import REPORT
from .models import (
    AnnualReport,
    InfoItem,
    InfoState,
    Institution,
    InstitutionRecord,
    ReportDue,
    ReportKind,
    ReportState,
)
from .queries import due_for


def _year(value, field="year") -> int:
    try:
        year = int(value)
    except (TypeError, ValueError):
        raise InvalidInput({field: f"年度：“{value}”不是年份"}) from None
    if not 2000 <= year <= 2100:
        raise InvalidInput({field: f"年度：须在2000至2100之间，收到{year}"})
    return year


def _attach(files, *, by, subject, purpose: str) -> list:
    return [
        store_upload(content=content, name=name, by=by, subject=subject, purpose=purpose)
        for name, content in files or ()
    ]


# ---- annual plans and reports ------------------------------------------------------------


def report_due_set(*, by, year: int, kind: str, due: dt.date, note: str = "") -> ReportDue:
    """A year's own due date for a kind of report (legal office)."""
    require_legal_office(by)
    year = _year(year)
    if kind not in ReportKind.values:
        raise InvalidInput({"kind": "报告类型：须为" + "、".join(ReportKind.labels) + "之一"})
    if not isinstance(due, dt.date):
        raise InvalidInput({"due": "届满日：须为日期"})
    with transaction.atomic():
        before = due_for(year, kind)
        setting, _ = ReportDue.objects.update_or_create(year=year, kind=kind, defaults={"due": due, "note": note})
        record_event(
            actor=by,
            subject=setting,
            action="report_due.set",
            action_label="设置报送时限",
            data={"year": year, "kind": kind, "before": before, "due": due, "note": note},
        )
    return setting


def report_save(
    *,
    by,
    unit,
    year: int,
    kind: str,
    title: str,
    body: str,
    is_public: bool = False,
    files=(),
    report: AnnualReport | None = None,
    expected_version: int | None = None,
) -> AnnualReport:
    """Draft or revise a unit's plan or report (its liaison or head), while it is with the unit."""
    unit = report.unit if report else unit
    require_unit_staff(by, unit)
    errors = {}
    if not (title or "").strip():
        errors["title"] = "标题：必须填写"
    if kind not in ReportKind.values:
        errors["kind"] = "报告类型：须为" + "、".join(ReportKind.labels) + "之一"
    if report is not None:
        year = report.year
    else:
        try:
            year = _year(year)
        except InvalidInput as exc:
            errors.update(exc.errors)
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        if report is None:
            try:
                with transaction.atomic():
                    report = AnnualReport.objects.create(
                        unit=unit,
                        year=year,
                        kind=kind,
                        title=title.strip(),
                        body=body or "",
                        is_public=is_public,
                        drafted_by=by,
                    )
            except IntegrityError:
                raise YifaError(
                    f"{unit.name}{year}年已有{ReportKind(kind).label}，请在原稿上修改", field="kind"
                ) from None
            action, label = "annual_report.create", "起草"
        else:
            report = AnnualReport.objects.select_for_update().get(pk=report.pk)
            if report.state not in (ReportState.DRAFT, ReportState.RETURNED):
                raise YifaError(f"“{report}”当前为“{report.get_state_display()}”，不能修改", field="state")
            report.title, report.body, report.is_public = title.strip(), body or "", is_public
            save_versioned(report, expected_version=expected_version, fields=["title", "body", "is_public"])
            action, label = "annual_report.edit", "修改"
        attached = _attach(files, by=by, subject=report, purpose="report")
        record_event(
            actor=by,
            subject=report,
            action=action,
            action_label=label,
            unit=report.unit,
            to_state=report.state,
            data={"files": [a.name for a in attached]},
        )
    return report


def report_approve(
    *, by, report: AnnualReport, expected_version: int | None = None, on: dt.date | None = None
) -> AnnualReport:
    return fire(REPORT, report, "approve", by=by, expected_version=expected_version, on=on)


def report_submit(
    *, by, report: AnnualReport, expected_version: int | None = None, on: dt.date | None = None
) -> AnnualReport:
    """Submit to the city government; the copy to the legal office (抄报) goes with it."""
    on = on or timezone.localdate()
    due = due_for(report.year, report.kind)

    def stamp(obj):
        obj.first_submitted_on = obj.first_submitted_on or on

    with transaction.atomic():
        report = fire(
            REPORT,
            report,
            "submit",
            by=by,
            expected_version=expected_version,
            on=on,
            before_save=stamp,
            data={"copied_to": "法制机构", "due": due, "late": on > due},
        )
        notify(
            users=legal_office_staff(),
            key=f"report-copy:{report.pk}:{report.version}",
            title=f"抄报：{report}",
            body=f"{report.unit.name}于{on:%Y年%m月%d日}报送{report.title}。",
            link=report.get_absolute_url(),
        )
    return report


def report_return(
    *, by, report: AnnualReport, comment: str, expected_version: int | None = None, on: dt.date | None = None
) -> AnnualReport:
    def keep(obj):
        obj.return_comment = comment.strip()

    with transaction.atomic():
        report = fire(
            REPORT,
            report,
            "return",
            by=by,
            reason=comment or "",
            expected_version=expected_version,
            on=on,
            before_save=keep,
        )
        notify(
            users=unit_contacts(report.unit),
            key=f"report-return:{report.pk}:{report.version}",
            title=f"退回修改：{report}",
            body=comment,
            link=report.get_absolute_url(),
        )
    return report


def report_accept(
    *, by, report: AnnualReport, expected_version: int | None = None, on: dt.date | None = None
) -> AnnualReport:
    """Accepted; a report marked public is published on the portal the same day."""
    on = on or timezone.localdate()

    def stamp(obj):
        obj.accepted_on = on
        obj.published_on = on if obj.is_public else None

    return fire(
        REPORT,
        report,
        "accept",
        by=by,
        expected_version=expected_version,
        on=on,
        before_save=stamp,
        data={"published": report.is_public},
    )


# ---- work information (工作信息报送) ----------------------------------------------------------


def info_submit(*, by, title: str, body: str, on: dt.date | None = None) -> InfoItem:
    if by.unit_id is None:
        raise AccessDenied("您未隶属任何单位，不能报送工作信息")
    require_unit_staff(by, by.unit)
    errors = {}
    if not (title or "").strip():
        errors["title"] = "标题：必须填写"
    if not (body or "").strip():
        errors["body"] = "内容：必须填写"
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        item = InfoItem.objects.create(
            unit=by.unit,
            title=title.strip(),
            body=body.strip(),
            submitted_by=by,
            submitted_on=on or timezone.localdate(),
        )
        record_event(actor=by, subject=item, action="info.submit", action_label="报送工作信息", to_state=item.state)
    return item


def info_decide(*, by, item: InfoItem, adopt: bool, on: dt.date | None = None) -> InfoItem:
    require_legal_office(by)
    with transaction.atomic():
        item = InfoItem.objects.select_for_update().get(pk=item.pk)
        if item.state != InfoState.SUBMITTED:
            raise YifaError(f"“{item}”的处理结果为“{item.get_state_display()}”，不能再次处理", field="state")
        before = item.state
        item.state = InfoState.ADOPTED if adopt else InfoState.DECLINED
        item.decided_on = on or timezone.localdate()
        item.save(update_fields=["state", "decided_on"])
        record_event(
            actor=by,
            subject=item,
            action="info.decide",
            action_label="采用" if adopt else "不采用",
            from_state=before,
            to_state=item.state,
            unit=item.unit,
        )
    return item


# ---- institutions the plan requires ----------------------------------------------------------


def institution_define(
    *, by, year: int, name: str, due: dt.date | None = None, basis: str = "", task=None
) -> Institution:
    require_legal_office(by)
    year = _year(year)
    if not (name or "").strip():
        raise InvalidInput({"name": "制度名称：必须填写"})
    try:
        with transaction.atomic():
            institution = Institution.objects.create(year=year, name=name.strip(), due=due, basis=basis, task=task)
            record_event(
                actor=by,
                subject=institution,
                action="institution.define",
                action_label="列入应建制度",
                data={"year": year, "due": due, "basis": basis},
            )
    except IntegrityError:
        raise YifaError(f"制度名称：{year}年已列有“{name}”", field="name") from None
    return institution


def institution_record(
    *,
    by,
    institution: Institution,
    unit,
    established_on: dt.date,
    document_title: str,
    file: tuple[str, bytes] | None = None,
) -> InstitutionRecord:
    """A unit records that it has the institution, with its document and evidence file."""
    require_unit_staff(by, unit)
    errors = {}
    if not isinstance(established_on, dt.date):
        errors["established_on"] = "建立日期：须为日期"
    elif established_on > timezone.localdate():
        errors["established_on"] = "建立日期：不能晚于今天"
    if not (document_title or "").strip():
        errors["document_title"] = "制度文件：须填写文件名称及文号"
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        record, created = InstitutionRecord.objects.update_or_create(
            institution=institution,
            unit=unit,
            defaults={"established_on": established_on, "document_title": document_title.strip(), "recorded_by": by},
        )
        if file:
            record.evidence = store_upload(content=file[1], name=file[0], by=by, subject=record, purpose="evidence")
            record.save(update_fields=["evidence"])
        record_event(
            actor=by,
            subject=record,
            action="institution.record",
            action_label="登记制度建立情况",
            unit=unit,
            data={
                "institution": institution.name,
                "established_on": established_on,
                "late": bool(institution.due and established_on > institution.due),
            },
        )
    return record
