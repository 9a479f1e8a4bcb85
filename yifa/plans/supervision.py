"""Imported work plans: import, correct, confirm and assign, report progress, urge, close. The acts are
declared in flows.py; here only the input checks and the plan's parsing."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction

from yifa.core.errors import InvalidInput
from yifa.core.procedure import Checks, create, fire

from .flows import ASSIGNMENT, PLAN, TASK
from .models import Assignment, AssignmentStatus, PlanTask, ProgressReport, WorkPlan
from .parsing import parse_plan
from .queries import unit_names

MAX_PLAN_CHARS = 200_000


def plan_import(*, by, text: str, year: int | None = None, title: str = "") -> WorkPlan:
    """Parse a pasted or uploaded plan into a draft: sections, tasks and suggested units and dates."""
    c = Checks()
    if not (text or "").strip():
        c.fail("text", "计划原文：请粘贴正文或上传.docx/.txt文件")
    elif len(text) > MAX_PLAN_CHARS:
        c.fail("text", f"计划原文：超过{MAX_PLAN_CHARS}字的上限")
    if year is not None and not 2000 <= year <= 2100:
        c.fail("year", f"年度：须在2000至2100之间，收到{year}")
    c.done()
    parsed = parse_plan(text, year=year, unit_names=unit_names())
    if not parsed.tasks and not parsed.preamble_tasks:
        raise InvalidInput({"text": "计划原文：没有识别出任何编号任务（一、/（一）/1./1、/（1）/①）"})
    draft = WorkPlan(
        title=(title or parsed.title)[:200],
        year=parsed.year,
        source_text=text,
        preamble=parsed.preamble,
        unit=by.unit,
        created_by=by,
    )
    counts = {
        "year": parsed.year,
        "sections": len(parsed.sections),
        "tasks": len(parsed.tasks),
        "preamble_tasks": len(parsed.preamble_tasks),
    }
    return create(PLAN, "import", build=lambda: draft, by=by, data=counts, parsed=parsed)


def plan_correct(*, by, plan: WorkPlan, rows: list[dict], expected_version: int | None = None) -> WorkPlan:
    """Staff's corrections to the suggestions, all rows at once: title, units, due, or drop.
    ``rows``: [{"task": id, "title": str, "due": date|None, "units": [Unit], "drop": bool, "version": int}]."""
    tasks = {t.pk: t for t in plan.tasks.all()}
    c = Checks()
    for row in rows:
        task = tasks.get(row["task"])
        if task is None:
            raise InvalidInput({"task": f"任务：本计划中没有编号为{row['task']}的任务"})
        if not row.get("drop") and not (row.get("title") or "").strip():
            c.fail(f"t{task.pk}_title", f"{task.label}的工作内容：必须填写")
    c.done()
    return fire(PLAN, plan, "correct", by=by, expected_version=expected_version, rows=rows)


def plan_confirm(*, by, plan: WorkPlan, on: dt.date | None = None) -> WorkPlan:
    """Confirm the decomposition: each task goes to its units, who are notified."""
    return fire(PLAN, plan, "confirm", by=by, on=on)


def plan_correct_and_confirm(plan: WorkPlan, *, by, rows, confirm=False, expected_version=None) -> WorkPlan:
    """The decomposition table's two buttons: save the corrections, and confirm them if asked."""
    plan = plan_correct(by=by, plan=plan, rows=rows, expected_version=expected_version)
    return plan_confirm(by=by, plan=plan) if confirm else plan


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
    c = Checks()
    c.choice("status", "进展", status, AssignmentStatus)
    try:
        percent = int(percent)
        if not 0 <= percent <= 100:
            raise ValueError
    except (TypeError, ValueError):
        c.fail("percent", f"完成比例：须为0至100的整数，收到“{percent}”")
    narrative = c.text("narrative", "进展情况", narrative)
    if not c.errors and status == AssignmentStatus.DONE and percent != 100:
        c.fail("percent", "完成比例：报告已完成时须为100")
    c.done()
    return fire(
        ASSIGNMENT,
        assignment,
        "progress",
        by=by,
        on=on,
        expected_version=expected_version,
        status=status,
        percent=percent,
        narrative=narrative,
        files=list(files or ()),
    ).new_report


def task_urge(*, by, assignment: Assignment, note: str = "", on: dt.date | None = None) -> Assignment:
    """催办: a notice to the unit's liaison and head for an overdue task."""
    return fire(ASSIGNMENT, assignment, "urge", by=by, reason=note or "", on=on)


def urge_all_overdue(*, by, plan: WorkPlan, on: dt.date | None = None) -> int:
    return fire(PLAN, plan, "urge_overdue", by=by, on=on).urged


def task_close(*, by, task: PlanTask, expected_version: int | None = None, on: dt.date | None = None) -> PlanTask:
    return fire(TASK, task, "close", by=by, expected_version=expected_version, on=on)


# ---- tasks other modules hand over (执法投诉督办) -------------------------------------------------

REGISTER_TITLE = "执法投诉督办"
REGISTER = "complaints"


def _register(year: int) -> WorkPlan | None:
    return WorkPlan.objects.filter(register=REGISTER, year=year).first()


def register_for(*, by, year: int) -> WorkPlan:
    """The year's register of escalated complaints, opened on first use. The table holds one a year
    (plan_register_once_a_year): when two first escalations race, the later insert fails and reads the other's."""
    plan = _register(year)
    if plan is not None:
        return plan
    draft = WorkPlan(
        title=f"{year}年{REGISTER_TITLE}",
        year=year,
        register=REGISTER,
        source_text="",
        preamble="法制机构对执法投诉交办被投诉单位督办的事项。",
        unit=by.unit,
        created_by=by,
    )
    try:
        with transaction.atomic():
            return create(PLAN, "open_register", build=lambda: draft, by=by)
    except IntegrityError:
        return WorkPlan.objects.get(register=REGISTER, year=year)


def handed_task_file(*, by, unit, due: dt.date, title: str, note: str, link: str, source: str, on: dt.date) -> PlanTask:
    """File a task another module hands to ``unit`` (督办) in the year's register and open it: it runs
    on the unit's to-do and the task board with its due-date clock, progress reports and urging."""
    plan = register_for(by=by, year=on.year)
    number = plan.tasks.count() + 1
    draft = PlanTask(
        plan=plan,
        order=number,
        number=str(number),
        title=title[:300],
        text=note,
        due=due,
        source=source,
        source_link=link,
    )
    task = create(TASK, "file", build=lambda: draft, by=by, on=on, unit=unit)
    return fire(TASK, task, "assign", by=by, on=on)
