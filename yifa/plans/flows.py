"""The procedures of this module: annual reports, imported work plans, their tasks and each unit's
share, and work information. Every act that writes is declared here; services.py and supervision.py
only validate input and call ``fire``/``create``."""

from django.utils import timezone

from yifa.core.concurrency import save_versioned
from yifa.core.models import Role, Unit
from yifa.core.notify import legal_office_staff, unit_contacts
from yifa.core.procedure import (
    INPUT,
    LEGAL_OFFICE,
    NEW,
    ON,
    Clock,
    Flow,
    Message,
    Transition,
    assign,
    fire,
    in_unit_of,
)
from yifa.core.uploads import store_upload

from . import rules
from .models import (
    AnnualReport,
    Assignment,
    AssignmentStatus,
    InfoState,
    PlanSection,
    PlanState,
    PlanTask,
    ProgressReport,
    ReportState,
    TaskState,
)
from .queries import due_for, overdue_q, resolve_units

UNIT_STAFF = in_unit_of(Role.LIAISON, Role.HEAD, label="本单位联络员或负责人")  # 专人负责
UNIT_HEAD = in_unit_of(Role.HEAD, label="本单位负责人")
UNIT_MEMBER = in_unit_of(label="本单位人员")


def attach(files, *, by, subject, purpose: str) -> None:
    for name, content in files or ():
        store_upload(content=content, name=name, by=by, subject=subject, purpose=purpose)


# ---- annual plans and reports ---------------------------------------------------------------


def has_content(report, **_):
    return None if (report.body or "").strip() else "正文：尚未填写报告内容"


def not_yet_drafted(report, **_):
    same = AnnualReport.objects.filter(unit=report.unit, year=report.year, kind=report.kind)
    if same.exists():
        return f"{report.unit.name}{report.year}年已有{report.get_kind_display()}，请在原稿上修改"
    return None


def stamp_first_submission(report, *, on, **_):
    report.first_submitted_on = report.first_submitted_on or on


def stamp_acceptance(report, *, on, **_):
    """Accepted; a report its unit marked public is published on the portal the same day."""
    report.accepted_on = on
    report.published_on = on if report.is_public else None


def copy_to_legal_office(report, *, on, **_):
    """抄报: the year-end summary and the plan go to the legal office with the submission."""
    return [
        Message(
            legal_office_staff(),
            f"report-copy:{report.pk}:{report.version}",
            f"抄报：{report}",
            f"{report.unit.name}于{on:%Y年%m月%d日}报送{report.title}。",
            report.get_absolute_url(),
        )
    ]


def tell_unit_of_return(report, *, reason, **_):
    return [
        Message(
            unit_contacts(report.unit),
            f"report-return:{report.pk}:{report.version}",
            f"退回修改：{report}",
            reason,
            report.get_absolute_url(),
        )
    ]


def submission_data(report, *, on, **_):
    due = due_for(report.year, report.kind)
    return {"copied_to": "法制机构", "due": due, "late": on > due}


def files_data(report, *, files=(), **_):
    return {"files": [name for name, _ in files or ()]}


def attach_files(report, *, by, files=(), **_):
    attach(files, by=by, subject=report, purpose="report")


R = ReportState
WITH_UNIT = (R.DRAFT, R.RETURNED)

REPORT = Flow(
    "annual_report",
    ReportState,
    [
        Transition(
            "create",
            "起草",
            NEW,
            R.DRAFT,
            who=UNIT_STAFF,
            guards=(not_yet_drafted,),
            after=attach_files,
            event_data=files_data,
        ),
        Transition(
            "edit",
            "修改",
            WITH_UNIT,
            who=UNIT_STAFF,
            apply=assign(
                title=INPUT("title"), body=INPUT("body", "", strip=False), is_public=INPUT("is_public", False)
            ),
            after=attach_files,
            event_data=files_data,
        ),
        Transition("approve", "单位负责人审核同意", WITH_UNIT, R.APPROVED, who=UNIT_HEAD, guards=(has_content,)),
        Transition(
            "submit",
            "报送",
            (R.APPROVED,),
            R.SUBMITTED,
            who=UNIT_STAFF,
            apply=stamp_first_submission,
            notifies=copy_to_legal_office,
            event_data=submission_data,
        ),
        Transition(
            "return",
            "退回修改",
            (R.SUBMITTED,),
            R.RETURNED,
            who=LEGAL_OFFICE,
            reason_required=True,
            apply=assign(return_comment=INPUT("reason", "")),
            notifies=tell_unit_of_return,
        ),
        Transition(
            "accept",
            "接收",
            (R.SUBMITTED,),
            R.ACCEPTED,
            who=LEGAL_OFFICE,
            apply=stamp_acceptance,
            event_data=lambda report, **_: {"published": report.is_public},
        ),
    ],
    event_unit=lambda report: report.unit,
)


# ---- each unit's share of a task ----------------------------------------------------------------


def task_is_open(assignment, **_):
    task = assignment.task
    if task.state != TaskState.OPEN:
        return f"任务“{task.title}”当前为“{task.get_state_display()}”，不能报告进展"
    return None


def overdue_on(assignment, *, on, **_):
    if assignment.overdue(on):
        return None
    task = assignment.task
    why = "尚未到完成时限" if task.due and on <= task.due else "未逾期或已完成"
    return f"{task.label}“{task.title[:20]}”{why}（完成时限{task.due or '未定'}）"


def record_progress(assignment, *, by, on, status, percent, narrative, files=(), **_):
    report = ProgressReport.objects.create(
        assignment=assignment, status=status, percent=percent, narrative=narrative, reported_by=by, reported_on=on
    )
    attach(files, by=by, subject=report, purpose="evidence")
    assignment.new_report = report


def count_urge(assignment, *, on, **_):
    assignment.urge_count += 1
    assignment.last_urged_on = on


def urge_message(assignment, *, reason="", **_):
    task = assignment.task
    return [
        Message(
            unit_contacts(assignment.unit),
            f"urge:{assignment.pk}:{assignment.urge_count}",
            f"催办：{task.title[:40]}",
            f"该任务完成时限为{task.due:%Y年%m月%d日}，已逾期，请抓紧办理并报告进展。{reason}".strip(),
            assignment.get_absolute_url(),
        )
    ]


A = AssignmentStatus

ASSIGNMENT = Flow(
    "plan_assignment",
    AssignmentStatus,
    [
        Transition(
            "progress",
            "报告进展",
            (A.NOT_STARTED, A.IN_PROGRESS, A.DONE),
            who=UNIT_STAFF,
            when=(lambda a: a.task.state == TaskState.OPEN,),
            guards=(task_is_open,),
            apply=assign(status=INPUT("status"), percent=INPUT("percent"), last_reported_on=ON),
            after=record_progress,
            event_data=lambda a, *, percent, files=(), **_: {"percent": percent, **files_data(a, files=files)},
        ),
        Transition(
            "urge",
            "催办",
            (A.NOT_STARTED, A.IN_PROGRESS),
            who=LEGAL_OFFICE,
            # The page offers it once the date has passed; the guard checks the day of the act.
            when=(lambda a: a.overdue(timezone.localdate()),),
            guards=(overdue_on,),
            apply=count_urge,
            notifies=urge_message,
            event_data=lambda a, **_: {"due": a.task.due, "times": a.urge_count},
        ),
    ],
    state_field="status",
    event_unit=lambda assignment: assignment.unit,
)


# ---- tasks of a confirmed plan ----------------------------------------------------------------


def every_unit_done(task, **_):
    shares = list(task.assignments.select_related("unit"))
    if not shares:
        return "责任单位：尚未分配"
    return [f"{a.unit.name}尚未报告完成" for a in shares if a.status != AssignmentStatus.DONE]


def shares_of(task):
    return task.assignments.select_related("unit")


# Each responsible unit's share runs to the task's date, on that unit's deadline list.
TASK_DUE = Clock(
    rules.TASK_DUE,
    each=shares_of,
    due=lambda assignment, **_: assignment.task.due,
    title=lambda assignment: f"{assignment.task.label}完成时限",
)


def add_share(task, *, unit, **_):
    Assignment.objects.create(task=task, unit=unit)


def tell_unit_of_handed_task(task, *, unit, **_):
    return [
        Message(
            unit_contacts(unit),
            f"task-handed:{task.pk}",
            f"督办：{task.title[:40]}",
            f"完成时限{task.due:%Y年%m月%d日}，请按时办理并在任务页报告进展。",
            task.get_absolute_url(),
        )
    ]


TASK = Flow(
    "plan_task",
    TaskState,
    [
        # A task another module hands over (an escalated complaint), filed for one unit; ``assign`` opens it.
        Transition(
            "file",
            "登记督办事项",
            NEW,
            TaskState.DRAFT,
            who=LEGAL_OFFICE,
            after=add_share,
            notifies=tell_unit_of_handed_task,
            event_data=lambda task, *, unit, **_: {"unit": unit.name, "due": task.due, "source": task.source},
        ),
        Transition("assign", "交办", (TaskState.DRAFT,), TaskState.OPEN, who=LEGAL_OFFICE, starts=(TASK_DUE,)),
        Transition(
            "close",
            "确认办结",
            (TaskState.OPEN,),
            TaskState.CLOSED,
            who=LEGAL_OFFICE,
            guards=(every_unit_done,),
            apply=assign(closed_on=ON),
            stops=(TASK_DUE,),
        ),
    ],
)


# ---- imported work plans ------------------------------------------------------------------------


def every_task_has_a_unit(plan, **_):
    tasks = plan.tasks.prefetch_related("assignments")
    return [f"{t.label}“{t.title[:20]}”尚未指定责任单位" for t in tasks if not t.assignments.all()]


def assign_tasks(plan, *, by, on, **_):
    for task in plan.tasks.all():
        fire(TASK, task, "assign", by=by, on=on)


def units_of(plan):
    return Unit.objects.filter(plan_assignments__task__plan=plan).distinct().order_by("path")


def tell_units_of_their_tasks(plan, **_):
    for unit in units_of(plan):
        count = Assignment.objects.filter(task__plan=plan, unit=unit).count()
        yield Message(
            unit_contacts(unit),
            f"plan-assigned:{plan.pk}:{unit.pk}",
            f"交办任务：{plan.title}",
            f"{unit.name}承担{count}项任务，请按时限推进并报告进展。",
            plan.get_absolute_url(),
        )


def urge_every_overdue(plan, *, by, on, **_):
    overdue = list(Assignment.objects.filter(overdue_q(on), task__plan=plan).select_related("task", "unit"))
    for assignment in overdue:
        fire(ASSIGNMENT, assignment, "urge", by=by, on=on)
    plan.urged = len(overdue)


def build_tasks(plan, *, parsed, **_):
    """The draft's sections and tasks, each with the units the plan's text names for it: bulk inserts, and
    the units of each distinct set of names looked up once (not one query per task)."""
    sections = PlanSection.objects.bulk_create(
        [PlanSection(plan=plan, number=s.number, title=s.title[:200], order=i) for i, s in enumerate(parsed.sections)]
    )
    found = [(None, t) for t in parsed.preamble_tasks]
    found += [(row, t) for row, section in zip(sections, parsed.sections) for t in section.tasks]
    tasks = PlanTask.objects.bulk_create(
        [
            PlanTask(
                plan=plan,
                section=section,
                order=order,
                number=task.number,
                title=task.title[:300],
                text=task.text,
                deadline_text=task.deadline_text[:60],
                due=task.due,
                suggested_units=task.units,
            )
            for order, (section, task) in enumerate(found, start=1)
        ],
        batch_size=1000,
    )
    units: dict[tuple, list] = {}
    for _, task in found:
        key = tuple(task.units)
        if key not in units:
            units[key] = resolve_units(task.units)
    Assignment.objects.bulk_create(
        [Assignment(task=row, unit=u) for row, (_, task) in zip(tasks, found) for u in units[tuple(task.units)]],
        batch_size=1000,
    )


def apply_corrections(plan, *, rows, **_):
    """Staff's corrections, all rows at once: title, due and units of each task, or drop it; a row that
    names the version it read is refused if the task changed meanwhile."""
    tasks = {t.pk: t for t in plan.tasks.all()}
    changed, dropped = [], []
    for row in rows:
        task = tasks[row["task"]]
        if row.get("drop"):
            dropped.append(task.title)
            task.delete()
            continue
        units = list(row.get("units") or [])
        before = (task.title, task.due, sorted(task.assignments.values_list("unit_id", flat=True)))
        task.title, task.due = row["title"].strip()[:300], row.get("due")
        if before == (task.title, task.due, sorted(u.pk for u in units)):
            continue
        save_versioned(task, expected_version=row.get("version"), fields=["title", "due"])
        task.assignments.exclude(unit__in=units).delete()
        have = set(task.assignments.values_list("unit_id", flat=True))
        Assignment.objects.bulk_create([Assignment(task=task, unit=u) for u in units if u.pk not in have])
        changed.append(task.pk)
    plan.correction = {"changed": changed, "dropped": dropped}


P = PlanState

PLAN = Flow(
    "plan",
    PlanState,
    [
        Transition("import", "导入工作计划", NEW, P.DRAFT, who=LEGAL_OFFICE, after=build_tasks),
        # A standing register of handed-over tasks (执法投诉督办), confirmed as it opens: nothing to decompose.
        Transition("open_register", "建立督办台账", NEW, P.CONFIRMED, who=LEGAL_OFFICE, apply=assign(confirmed_on=ON)),
        Transition(
            "correct",
            "核对修改分解建议",
            (P.DRAFT,),
            who=LEGAL_OFFICE,
            after=apply_corrections,
            event_data=lambda plan, **_: plan.correction,
        ),
        Transition(
            "confirm",
            "确认分解并交办",
            (P.DRAFT,),
            P.CONFIRMED,
            who=LEGAL_OFFICE,
            guards=(every_task_has_a_unit,),
            apply=assign(confirmed_on=ON),
            after=assign_tasks,
            notifies=tell_units_of_their_tasks,
            event_data=lambda plan, **_: {
                "tasks": plan.tasks.count(),
                "units": [u.name for u in units_of(plan)],
            },
        ),
        Transition(
            "urge_overdue",
            "对全部逾期事项催办",
            (P.CONFIRMED,),
            who=LEGAL_OFFICE,
            after=urge_every_overdue,
            event_data=lambda plan, **_: {"urged": plan.urged},
        ),
    ],
)


# ---- work information (工作信息报送) ------------------------------------------------------------


def not_decided_before(item, **_):
    if item.decided_on:
        return f"“{item}”已于{item.decided_on:%Y年%m月%d日}处理，不能再次处理"
    return None


INFO = Flow(
    "info",
    InfoState,
    [
        Transition("submit", "报送工作信息", NEW, InfoState.SUBMITTED, who=UNIT_STAFF, apply=assign(submitted_on=ON)),
        Transition(
            "adopt",
            "采用",
            (InfoState.SUBMITTED,),
            InfoState.ADOPTED,
            who=LEGAL_OFFICE,
            guards=(not_decided_before,),
            apply=assign(decided_on=ON),
        ),
        Transition(
            "decline",
            "不采用",
            (InfoState.SUBMITTED,),
            InfoState.DECLINED,
            who=LEGAL_OFFICE,
            guards=(not_decided_before,),
            apply=assign(decided_on=ON),
        ),
    ],
    event_unit=lambda item: item.unit,
)
