"""Reads for the boards, the portal and the API."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, Q

from yifa.core.access import scope, visible_unit_ids
from yifa.core.models import Unit, UnitKind

from . import rules
from .models import (
    AnnualReport,
    Assignment,
    AssignmentStatus,
    InfoItem,
    InfoState,
    Institution,
    InstitutionRecord,
    PlanTask,
    ReportDue,
    ReportKind,
    ReportState,
    TaskState,
    WorkPlan,
    publication_due,
)

REPORTING_KINDS = (UnitKind.DEPARTMENT, UnitKind.TOWNSHIP)


def due_for(year: int, kind: str) -> dt.date:
    setting = ReportDue.objects.filter(year=year, kind=kind).values_list("due", flat=True).first()
    return setting or ReportKind(kind).default_due(year)


def dues_for(years) -> dict[tuple[int, str], dt.date]:
    """Every kind's due date for ``years`` in one query: {(year, kind): due}."""
    years = list(years)
    set_dues = {(y, k): d for y, k, d in ReportDue.objects.filter(year__in=years).values_list("year", "kind", "due")}
    return {(y, k): set_dues.get((y, k)) or ReportKind(k).default_due(y) for y in years for k in ReportKind.values}


def reporting_units(user=None):
    """Every township and department reports (the seed: 各乡镇各部门…要有专人负责)."""
    qs = Unit.objects.filter(kind__in=REPORTING_KINDS, active=True).order_by("path")
    if user is not None:
        ids = visible_unit_ids(user)
        qs = qs if ids is None else qs.filter(pk__in=ids)
    return qs


# The names a plan uses for groups of units (the seed: 法制机构, 各乡镇各部门 …).
LEGAL_OFFICE_NAMES = {"法制机构", "市政府法制办", "政府法制办", "法制办", "司法局"}
ALL_UNITS = {"各乡镇各部门", "各乡镇、各部门", "乡镇政府、各部门", "各乡镇部门", "各级行政机关"}
DEPARTMENTS = {"各部门", "政府各部门", "有关行政执法部门"}


def active_units():
    return Unit.objects.filter(active=True).order_by("path")


def unit_names() -> list[str]:
    """Every unit's name and short name, for the importer to recognise in a plan's text."""
    return [n for pair in Unit.objects.values_list("name", "short_name") for n in pair if n]


def resolve_units(names) -> list[Unit]:
    """The unit tree's units for the names a plan uses (法制机构, 各乡镇各部门, 市民政局 …)."""
    units: list[Unit] = []
    active = Unit.objects.filter(active=True)
    for name in names:
        if name in LEGAL_OFFICE_NAMES:
            found = [u for u in [active.legal_office()] if u]
        elif name in ALL_UNITS:
            found = list(reporting_units())
        elif name in DEPARTMENTS:
            found = list(active.filter(kind=UnitKind.DEPARTMENT).order_by("path"))
        elif name == "各乡镇":
            found = list(active.filter(kind=UnitKind.TOWNSHIP).order_by("path"))
        elif name == "市政府":
            found = list(active.filter(kind=UnitKind.GOVERNMENT, parent__isnull=True)[:1])
        else:
            bare = name[1:] if name.startswith("市") else name
            found = (
                list(active.filter(name=name))
                or list(active.filter(short_name__in=[name, bare]))
                or list(active.filter(name__endswith=name))[:1]
            )
        units.extend(u for u in found if u not in units)
    return units


@dataclass
class Compliance:
    unit: Unit
    kind: str
    due: dt.date
    report: AnnualReport | None
    status: str  # on_time / late / missing / pending
    label: str
    rag: str


def compliance_of(report: AnnualReport | None, due: dt.date, today: dt.date) -> tuple[str, str, str]:
    submitted = report.first_submitted_on if report else None
    if submitted:
        return ("on_time", "按时报送", "green") if submitted <= due else ("late", "逾期报送", "amber")
    if today > due:
        return "missing", "逾期未报", "red"
    return "pending", "未到期", "grey"


def compliance_board(*, year: int, today: dt.date, user=None, kinds=None) -> list[Compliance]:
    kinds = kinds or ReportKind.values
    units = list(reporting_units(user))
    reports = {(r.unit_id, r.kind): r for r in AnnualReport.objects.filter(year=year, unit__in=units)}
    rows = []
    dues = dues_for([year])
    for kind in kinds:
        due = dues[(year, kind)]
        for unit in units:
            report = reports.get((unit.pk, kind))
            status, label, rag = compliance_of(report, due, today)
            rows.append(Compliance(unit, kind, due, report, status, label, rag))
    return rows


def compliance_matrix(rows: list[Compliance]) -> list[tuple[Unit, list[Compliance]]]:
    """Units down, report kinds across."""
    by_unit: dict[int, tuple[Unit, list[Compliance]]] = {}
    for row in rows:
        by_unit.setdefault(row.unit.pk, (row.unit, []))[1].append(row)
    return list(by_unit.values())


def published_reports(limit: int | None = None):
    qs = (
        AnnualReport.objects.filter(state=ReportState.ACCEPTED, is_public=True, published_on__isnull=False)
        .select_related("unit")
        .order_by("-published_on", "-id")
    )
    return qs[:limit] if limit else qs


def published_report(pk) -> AnnualReport | None:
    return published_reports().filter(pk=pk).first()


def publication_of(report: AnnualReport) -> dict | None:
    """For a 法治政府建设年度报告: the day it must be public by, and whether it was late."""
    if report.kind != ReportKind.RULE_OF_LAW:
        return None
    due = publication_due(report.year)
    return {
        "due": due,
        "rule": rules.RULE_OF_LAW_PUBLICATION,
        "late": bool(report.published_on and report.published_on > due),
    }


# ---- plans and supervision -------------------------------------------------------------------


def plans_for(user):
    return scope(WorkPlan.objects.all(), user, "unit", "tasks__assignments__unit").order_by("-year", "-id")


def plan_rows(plan: WorkPlan):
    """The decomposition table: 序号, 工作内容, 责任单位, 完成时限, 进展."""
    tasks = (
        PlanTask.objects.filter(plan=plan)
        .select_related("section")
        .prefetch_related("assignments__unit")
        .order_by("order")
    )
    return list(tasks)


def shares_with_reports(task: PlanTask) -> list[Assignment]:
    """Each unit's share of a task with its progress reports (the task page)."""
    return list(task.assignments.select_related("unit").prefetch_related("reports"))


def progress_text(task: PlanTask) -> str:
    if task.state == TaskState.CLOSED:
        return f"已办结（{task.closed_on:%Y-%m-%d}）"
    parts = [f"{a.unit.short_name or a.unit.name}{a.get_status_display()}{a.percent}%" for a in task.assignments.all()]
    return "；".join(parts) or task.get_state_display()


def overdue_q(today: dt.date) -> Q:
    """An open task past its due date that this unit has not reported done (Assignment.overdue in SQL)."""
    return Q(task__state=TaskState.OPEN, task__due__lt=today) & ~Q(status=AssignmentStatus.DONE)


def assignments_for(user, *, plan: WorkPlan | int | None = None, unit_id: int | None = None, overdue_on=None):
    qs = scope(Assignment.objects.select_related("task", "task__plan", "unit"), user, "unit")
    qs = qs.filter(task__state__in=[TaskState.OPEN, TaskState.CLOSED])
    if plan is not None:
        qs = qs.filter(task__plan=plan)
    if unit_id:
        qs = qs.filter(unit_id=unit_id)
    if overdue_on is not None:
        qs = qs.filter(overdue_q(overdue_on))
    return qs.order_by("task__plan", "task__order", "unit__path")


def unit_board(user, *, plan: WorkPlan | None, today: dt.date):
    """Per unit: tasks assigned, done, overdue."""
    qs = assignments_for(user, plan=plan)
    return (
        qs.values("unit__id", "unit__name")
        .annotate(
            total=Count("id"),
            done=Count("id", filter=Q(status=AssignmentStatus.DONE)),
            overdue=Count("id", filter=overdue_q(today)),
        )
        .order_by("unit__name")
    )


# ---- work information and institutions --------------------------------------------------------


def info_items_for(user, *, state: str | None = None):
    qs = scope(InfoItem.objects.select_related("unit"), user)
    return qs.filter(state=state) if state else qs


def info_counts(*, year: int, user=None):
    """Submitted and adopted items per unit, for the annual assessment (a unit sees its own row)."""
    items = InfoItem.objects.filter(submitted_on__year=year)
    if user is not None:
        items = scope(items, user)
    # grouped on the covering index alone; the units' names are read after, for the few rows (a join per item
    # cost 150 ms for a year of 47,000 items)
    rows = list(
        items.values("unit_id")
        .annotate(submitted=Count("unit_id"), adopted=Count("unit_id", filter=Q(state=InfoState.ADOPTED)))
        .order_by()
    )
    names = dict(Unit.objects.filter(pk__in=[r["unit_id"] for r in rows]).values_list("pk", "name"))
    for r in rows:
        r["unit__id"], r["unit__name"] = r["unit_id"], names[r["unit_id"]]
    return sorted(rows, key=lambda r: (-r["adopted"], r["unit__name"]))


def institution_board(*, year: int, user=None, today: dt.date):
    """Units × institutions: which unit lacks which."""
    institutions = list(Institution.objects.filter(year=year).order_by(F("due").asc(nulls_last=True), "id"))
    units = list(reporting_units(user))
    records = {
        (r.institution_id, r.unit_id): r
        for r in InstitutionRecord.objects.filter(institution__in=institutions, unit__in=units)
    }
    rows = []
    for unit in units:
        cells = []
        for inst in institutions:
            record = records.get((inst.pk, unit.pk))
            if record:
                late = bool(inst.due and record.established_on > inst.due)
                cells.append(
                    {"record": record, "rag": "amber" if late else "green", "label": "逾期建立" if late else "已建立"}
                )
            else:
                overdue = bool(inst.due and today > inst.due)
                cells.append(
                    {"record": None, "rag": "red" if overdue else "grey", "label": "缺失" if overdue else "未建立"}
                )
        rows.append({"unit": unit, "cells": cells, "missing": sum(1 for c in cells if c["record"] is None)})
    return institutions, rows


def institutions_to_record(*, unit: Unit, kind: str, since_year: int):
    """Institutions of ``kind`` listed for ``since_year`` or later that ``unit`` has not recorded yet."""
    return (
        Institution.objects.filter(kind=kind, year__gte=since_year).exclude(records__unit=unit).order_by("year", "id")
    )
