"""Import a plan, correct the suggestions, assign, report progress, urge, close, export."""

import datetime as dt
from pathlib import Path

import pytest

from yifa.core.errors import AccessDenied, GateBlocked, YifaError
from yifa.core.models import Attachment, Event, Notification
from yifa.lib.office import docx_text, xlsx_rows
from yifa.plans import documents, supervision
from yifa.plans.models import AssignmentStatus, PlanState, PlanTask, TaskState, WorkPlan

from .plan_texts import CLEAN_NESTED

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_16a98f4a12487e66.txt"
D = dt.date
pytestmark = pytest.mark.django_db


def imported_seed(cast):
    return supervision.plan_import(by=cast["reviewer"], text=SEED.read_text(encoding="utf-8"), year=2022)


def units_of(task):
    return sorted(a.unit.short_name or a.unit.name for a in task.assignments.all())


def test_importing_the_seed_creates_a_draft_with_suggested_units_and_deadlines(cast):
    plan = imported_seed(cast)
    assert plan.state == PlanState.DRAFT and plan.year == 2022
    assert plan.sections.count() == 7
    numbered = plan.tasks.exclude(number="")
    assert numbered.count() == 19
    first = numbered.get(number="1")
    assert first.due == D(2022, 4, 30) and units_of(first) == ["司法局"]  # 法制机构; “5月1日前” ends the day before
    training = numbered.get(number="17")
    assert "司法局" in units_of(training) and "民政局" in units_of(training) and "青石镇" in units_of(training)
    annual = plan.tasks.get(number="", title__contains="第一季度拟定年度依法行政计划")
    assert annual.due == D(2022, 3, 31)
    assert Event.objects.filter(action="plan.import").count() == 1


def test_only_the_legal_office_imports_and_empty_text_is_refused(cast):
    with pytest.raises(AccessDenied):
        supervision.plan_import(by=cast["minzheng_liaison"], text=CLEAN_NESTED)
    with pytest.raises(YifaError) as error:
        supervision.plan_import(by=cast["reviewer"], text="   ")
    assert "计划原文" in error.value.message
    with pytest.raises(YifaError) as error:
        supervision.plan_import(by=cast["reviewer"], text="只有一句话，没有编号")
    assert "没有识别出任何编号任务" in error.value.message
    assert WorkPlan.objects.count() == 0


def test_named_departments_in_a_responsibility_list_are_matched_to_the_unit_tree(cast):
    plan = supervision.plan_import(by=cast["reviewer"], text=CLEAN_NESTED)
    enforcement = plan.tasks.get(title="全面推行行政执法三项制度")
    assert units_of(enforcement) == ["市场监管局", "生态环境局"]
    assert enforcement.due == D(2026, 6, 30)


def test_confirmation_lists_every_task_without_a_unit(cast):
    plan = imported_seed(cast)
    with pytest.raises(GateBlocked) as blocked:
        supervision.plan_confirm(by=cast["reviewer"], plan=plan)
    assert any("第2项" in u for u in blocked.value.unmet) and any("第19项" in u for u in blocked.value.unmet)
    plan.refresh_from_db()
    assert plan.state == PlanState.DRAFT


def confirmed_small_plan(cast):
    plan = supervision.plan_import(by=cast["reviewer"], text=CLEAN_NESTED)
    rows = []
    for task in plan.tasks.all():
        rows.append(
            {
                "task": task.pk,
                "title": task.title,
                "due": task.due or D(2026, 12, 31),
                "units": [a.unit for a in task.assignments.all()] or [cast["民政局"]],
                "version": task.version,
            }
        )
    first = plan.tasks.get(title="严格落实重大行政决策程序")
    rows[[r["task"] for r in rows].index(first.pk)].update(
        units=[cast["民政局"], cast["市场监管局"]], due=D(2026, 3, 31)
    )
    supervision.plan_correct(by=cast["reviewer"], plan=plan, rows=rows)
    supervision.plan_confirm(by=cast["reviewer"], plan=plan, on=D(2026, 2, 10))
    return plan, PlanTask.objects.get(pk=first.pk)


def test_corrections_then_confirmation_assign_tasks_and_notify_units(cast):
    plan, task = confirmed_small_plan(cast)
    plan.refresh_from_db()
    assert plan.state == PlanState.CONFIRMED and plan.confirmed_on == D(2026, 2, 10)
    assert units_of(task) == ["市场监管局", "民政局"]
    assert set(plan.tasks.values_list("state", flat=True)) == {TaskState.OPEN}
    assert Notification.objects.filter(user=cast["minzheng_liaison"], title__startswith="交办任务").exists()
    with pytest.raises(YifaError):
        supervision.plan_correct(by=cast["reviewer"], plan=plan, rows=[])


def test_progress_with_evidence_urging_and_closing(cast):
    plan, task = confirmed_small_plan(cast)
    minzheng = task.assignments.get(unit=cast["民政局"])
    shijian = task.assignments.get(unit=cast["市场监管局"])
    with pytest.raises(AccessDenied):
        supervision.progress_report(
            by=cast["shijian_liaison"], assignment=minzheng, status="done", percent=100, narrative="x"
        )
    with pytest.raises(YifaError) as error:
        supervision.progress_report(
            by=cast["minzheng_liaison"], assignment=minzheng, status="done", percent=150, narrative=""
        )
    assert "完成比例：须为0至100的整数" in error.value.message and "进展情况：必须填写" in error.value.message
    supervision.progress_report(
        by=cast["minzheng_liaison"],
        assignment=minzheng,
        status="done",
        percent=100,
        narrative="目录已经局务会审定并公布",
        on=D(2026, 3, 20),
        files=[("目录.txt", "重大行政决策事项目录".encode())],
    )
    minzheng.refresh_from_db()
    assert (minzheng.status, minzheng.percent) == (AssignmentStatus.DONE, 100)
    assert Attachment.objects.filter(purpose="evidence", name="目录.txt").exists()

    # Not overdue yet: urging is refused with the reason.
    with pytest.raises(GateBlocked) as blocked:
        supervision.task_urge(by=cast["reviewer"], assignment=shijian, on=D(2026, 3, 31))
    assert "尚未到完成时限" in blocked.value.unmet[0]
    with pytest.raises(AccessDenied):
        supervision.task_urge(by=cast["minzheng_head"], assignment=shijian, on=D(2026, 4, 1))
    supervision.task_urge(by=cast["reviewer"], assignment=shijian, on=D(2026, 4, 1), note="请于4月10日前报送")
    assert Notification.objects.filter(user=cast["shijian_liaison"], title__startswith="催办").exists()
    assert supervision.urge_all_overdue(by=cast["reviewer"], plan=plan, on=D(2026, 4, 2)) == 1
    shijian.refresh_from_db()
    assert shijian.urge_count == 2 and shijian.last_urged_on == D(2026, 4, 2)

    with pytest.raises(GateBlocked) as blocked:
        supervision.task_close(by=cast["reviewer"], task=task, on=D(2026, 4, 3))
    assert blocked.value.unmet == ["江临市市场监管局尚未报告完成"]
    supervision.progress_report(
        by=cast["shijian_head"], assignment=shijian, status="done", percent=100, narrative="已完成", on=D(2026, 4, 8)
    )
    with pytest.raises(AccessDenied):
        supervision.task_close(by=cast["minzheng_head"], task=task)
    supervision.task_close(by=cast["reviewer"], task=task, on=D(2026, 4, 9))
    task.refresh_from_db()
    assert task.state == TaskState.CLOSED and task.closed_on == D(2026, 4, 9)
    with pytest.raises(YifaError):
        supervision.progress_report(
            by=cast["minzheng_liaison"], assignment=minzheng, status="done", percent=100, narrative="再报"
        )


def test_decomposition_table_exports_to_excel_and_word(cast):
    plan, task = confirmed_small_plan(cast)
    headers, rows = xlsx_rows(documents.decomposition_xlsx(plan))
    assert headers == ["序号", "工作内容", "责任单位", "完成时限", "进展"]
    first = next(r for r in rows if r[1] == "严格落实重大行政决策程序")
    assert first[2] == "江临市民政局、江临市市场监管局" and first[3] == "2026-03-31"
    assert "民政局未开始0%" in first[4]
    text = docx_text(documents.decomposition_docx(plan))
    assert "任务分解表" in text and "严格落实重大行政决策程序" in text
