"""Writes on imported work plans: import, correct, confirm and assign, report progress, urge, close."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from yifa.core import clocks
from yifa.core.access import require_legal_office
from yifa.core.audit import record_event
from yifa.core.concurrency import save_versioned
from yifa.core.errors import GateBlocked, InvalidInput, YifaError
from yifa.core.flows import fire
from yifa.core.models import Unit, UnitKind
from yifa.core.notify import notify, unit_contacts
from yifa.core.uploads import store_upload

from . import rules
from .access import require_unit_staff
from .flows import TASK
from .models import Assignment, AssignmentStatus, PlanSection, PlanState, PlanTask, ProgressReport, TaskState, WorkPlan
from .parsing import parse_plan
from .queries import overdue_q, reporting_units

MAX_PLAN_CHARS = 200_000
LEGAL_OFFICE_NAMES = {"法制机构", "市政府法制办", "政府法制办", "法制办", "司法局"}
ALL_UNITS = {"各乡镇各部门", "各乡镇、各部门", "乡镇政府、各部门", "各乡镇部门", "各级行政机关"}
DEPARTMENTS = {"各部门", "政府各部门", "有关行政执法部门"}


def resolve_units(names) -> list[Unit]:
    """The unit tree's units for the names a plan uses (法制机构, 各乡镇各部门, 市民政局 …)."""
    units: list[Unit] = []
    active = Unit.objects.filter(active=True)
    for name in names:
        if name in LEGAL_OFFICE_NAMES:
            found = [u for u in active.filter(is_legal_office=True).order_by("path")[:1]]
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


def plan_import(*, by, text: str, year: int | None = None, title: str = "") -> WorkPlan:
    """Parse a pasted or uploaded plan into a draft: sections, tasks and suggested units and dates."""
    require_legal_office(by)
    errors = {}
    if not (text or "").strip():
        errors["text"] = "计划原文：请粘贴正文或上传.docx/.txt文件"
    elif len(text) > MAX_PLAN_CHARS:
        errors["text"] = f"计划原文：超过{MAX_PLAN_CHARS}字的上限"
    if year is not None and not 2000 <= year <= 2100:
        errors["year"] = f"年度：须在2000至2100之间，收到{year}"
    if errors:
        raise InvalidInput(errors)
    names = [n for pair in Unit.objects.values_list("name", "short_name") for n in pair if n]
    parsed = parse_plan(text, year=year, unit_names=names)
    if not parsed.tasks and not parsed.preamble_tasks:
        raise InvalidInput({"text": "计划原文：没有识别出任何编号任务（一、/（一）/1./1、/（1）/①）"})
    with transaction.atomic():
        plan = WorkPlan.objects.create(
            title=(title or parsed.title)[:200],
            year=parsed.year,
            source_text=text,
            preamble=parsed.preamble,
            unit=by.unit,
            created_by=by,
        )
        order = 0
        for task in parsed.preamble_tasks:
            order += 1
            _create_task(plan, None, task, order)
        for i, section in enumerate(parsed.sections):
            row = PlanSection.objects.create(plan=plan, number=section.number, title=section.title[:200], order=i)
            for task in section.tasks:
                order += 1
                _create_task(plan, row, task, order)
        record_event(
            actor=by,
            subject=plan,
            action="plan.import",
            action_label="导入工作计划",
            to_state=plan.state,
            data={
                "year": plan.year,
                "sections": len(parsed.sections),
                "tasks": len(parsed.tasks),
                "preamble_tasks": len(parsed.preamble_tasks),
            },
        )
    return plan


def _create_task(plan, section, parsed, order) -> PlanTask:
    task = PlanTask.objects.create(
        plan=plan,
        section=section,
        order=order,
        number=parsed.number,
        title=parsed.title[:300],
        text=parsed.text,
        deadline_text=parsed.deadline_text[:60],
        due=parsed.due,
        suggested_units=parsed.units,
    )
    Assignment.objects.bulk_create([Assignment(task=task, unit=u) for u in resolve_units(parsed.units)])
    return task


def plan_correct(*, by, plan: WorkPlan, rows: list[dict]) -> WorkPlan:
    """Staff's corrections to the suggestions, all rows at once: title, units, due, or drop.
    ``rows``: [{"task": id, "title": str, "due": date|None, "units": [Unit], "drop": bool, "version": int}]."""
    require_legal_office(by)
    if plan.state != PlanState.DRAFT:
        raise YifaError("计划已确认分解，不能再修改建议", field="state")
    tasks = {t.pk: t for t in plan.tasks.all()}
    errors = {}
    for row in rows:
        task = tasks.get(row["task"])
        if task is None:
            raise InvalidInput({"task": f"任务：本计划中没有编号为{row['task']}的任务"})
        if not row.get("drop") and not (row.get("title") or "").strip():
            errors[f"title_{task.pk}"] = f"{task.label}的工作内容：必须填写"
    if errors:
        raise InvalidInput(errors)
    changed, dropped = [], []
    with transaction.atomic():
        for row in rows:
            task = tasks[row["task"]]
            if row.get("drop"):
                dropped.append(task.title)
                task.delete()
                continue
            units = list(row.get("units") or [])
            before = (task.title, task.due, sorted(task.assignments.values_list("unit_id", flat=True)))
            task.title, task.due = row["title"].strip()[:300], row.get("due")
            after = (task.title, task.due, sorted(u.pk for u in units))
            if before == after:
                continue
            save_versioned(task, expected_version=row.get("version"), fields=["title", "due"])
            task.assignments.exclude(unit__in=units).delete()
            have = set(task.assignments.values_list("unit_id", flat=True))
            Assignment.objects.bulk_create([Assignment(task=task, unit=u) for u in units if u.pk not in have])
            changed.append(task.pk)
        record_event(
            actor=by,
            subject=plan,
            action="plan.correct",
            action_label="核对修改分解建议",
            data={"changed": changed, "dropped": dropped},
        )
    return plan


def plan_confirm(*, by, plan: WorkPlan, on: dt.date | None = None) -> WorkPlan:
    """Confirm the decomposition: tasks go to their units, who are notified."""
    require_legal_office(by)
    on = on or timezone.localdate()
    with transaction.atomic():
        plan = WorkPlan.objects.select_for_update().get(pk=plan.pk)
        if plan.state != PlanState.DRAFT:
            raise GateBlocked("确认分解", ["计划已确认分解"])
        tasks = list(plan.tasks.prefetch_related("assignments"))
        unmet = [f"{t.label}“{t.title[:20]}”尚未指定责任单位" for t in tasks if not t.assignments.all()]
        if unmet:
            raise GateBlocked("确认分解", unmet)
        plan.state, plan.confirmed_on = PlanState.CONFIRMED, on
        plan.save(update_fields=["state", "confirmed_on"])
        plan.tasks.update(state=TaskState.OPEN)
        units = Unit.objects.filter(plan_assignments__task__plan=plan).distinct()
        record_event(
            actor=by,
            subject=plan,
            action="plan.confirm",
            action_label="确认分解并交办",
            from_state=PlanState.DRAFT,
            to_state=plan.state,
            data={"tasks": len(tasks), "units": [u.name for u in units]},
        )
        for task in tasks:
            for assignment in task.assignments.all():
                if task.due:
                    clocks.start_fixed_clock(
                        subject=assignment,
                        rule=rules.TASK_DUE,
                        due=task.due,
                        unit=assignment.unit,
                        start=on,
                        title=f"{task.label}完成时限",
                        link=plan.get_absolute_url(),
                    )
        for unit in units:
            count = Assignment.objects.filter(task__plan=plan, unit=unit).count()
            notify(
                users=unit_contacts(unit),
                key=f"plan-assigned:{plan.pk}:{unit.pk}",
                title=f"交办任务：{plan.title}",
                body=f"{unit.name}承担{count}项任务，请按时限推进并报告进展。",
                link=plan.get_absolute_url(),
            )
    return plan


def progress_report(
    *,
    by,
    assignment: Assignment,
    status: str,
    percent,
    narrative: str,
    files=(),
    on: dt.date | None = None,
    expected_version: int | None = None,
) -> ProgressReport:
    """A responsible unit reports progress with evidence files."""
    require_unit_staff(by, assignment.unit)
    errors = {}
    if status not in AssignmentStatus.values:
        errors["status"] = "进展：须为" + "、".join(AssignmentStatus.labels) + "之一"
    try:
        percent = int(percent)
        if not 0 <= percent <= 100:
            raise ValueError
    except (TypeError, ValueError):
        errors["percent"] = f"完成比例：须为0至100的整数，收到“{percent}”"
    if not (narrative or "").strip():
        errors["narrative"] = "进展情况：必须填写"
    if not errors and status == AssignmentStatus.DONE and percent != 100:
        errors["percent"] = "完成比例：报告已完成时须为100"
    if errors:
        raise InvalidInput(errors)
    on = on or timezone.localdate()
    with transaction.atomic():
        assignment = Assignment.objects.select_for_update().select_related("task", "unit").get(pk=assignment.pk)
        if assignment.task.state != TaskState.OPEN:
            raise YifaError(
                f"任务“{assignment.task.title}”当前为“{assignment.task.get_state_display()}”，不能报告进展",
                field="status",
            )
        before = assignment.status
        report = ProgressReport.objects.create(
            assignment=assignment,
            status=status,
            percent=percent,
            narrative=narrative.strip(),
            reported_by=by,
            reported_on=on,
        )
        files = [(name, content) for name, content in files or ()]
        stored = [store_upload(content=c, name=n, by=by, subject=report, purpose="evidence") for n, c in files]
        assignment.status, assignment.percent, assignment.last_reported_on = status, percent, on
        save_versioned(assignment, expected_version=expected_version, fields=["status", "percent", "last_reported_on"])
        record_event(
            actor=by,
            subject=assignment,
            action="plan_task.progress",
            action_label="报告进展",
            from_state=before,
            to_state=status,
            unit=assignment.unit,
            data={"percent": percent, "files": [a.name for a in stored]},
        )
    return report


def task_urge(*, by, assignment: Assignment, note: str = "", on: dt.date | None = None) -> Assignment:
    """催办: a notice to the unit's liaison and head for an overdue task."""
    require_legal_office(by)
    on = on or timezone.localdate()
    with transaction.atomic():
        assignment = Assignment.objects.select_for_update().select_related("task", "unit").get(pk=assignment.pk)
        if not assignment.overdue(on):
            task = assignment.task
            why = "尚未到完成时限" if task.due and on <= task.due else "未逾期或已完成"
            raise GateBlocked("催办", [f"{task.label}“{task.title[:20]}”{why}（完成时限{task.due or '未定'}）"])
        assignment.urge_count += 1
        assignment.last_urged_on = on
        assignment.save(update_fields=["urge_count", "last_urged_on"])
        record_event(
            actor=by,
            subject=assignment,
            action="plan_task.urge",
            action_label="催办",
            reason=note,
            unit=assignment.unit,
            data={"due": assignment.task.due, "times": assignment.urge_count},
        )
        notify(
            users=unit_contacts(assignment.unit),
            key=f"urge:{assignment.pk}:{assignment.urge_count}",
            title=f"催办：{assignment.task.title[:40]}",
            body=(f"该任务完成时限为{assignment.task.due:%Y年%m月%d日}，已逾期，请抓紧办理并报告进展。{note}").strip(),
            link=assignment.get_absolute_url(),
        )
    return assignment


def urge_all_overdue(*, by, plan: WorkPlan, on: dt.date | None = None) -> int:
    on = on or timezone.localdate()
    overdue = list(Assignment.objects.filter(overdue_q(on), task__plan=plan).select_related("task", "unit"))
    for assignment in overdue:
        task_urge(by=by, assignment=assignment, on=on)
    return len(overdue)


def task_close(*, by, task: PlanTask, expected_version: int | None = None, on: dt.date | None = None) -> PlanTask:
    on = on or timezone.localdate()

    def stamp(obj):
        obj.closed_on = on

    with transaction.atomic():
        task = fire(TASK, task, "close", by=by, expected_version=expected_version, on=on, before_save=stamp)
        for assignment in task.assignments.all():
            for deadline in clocks.clocks_of(assignment, rule=rules.TASK_DUE):
                clocks.stop_clock(deadline, on=on)
    return task
