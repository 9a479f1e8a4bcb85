"""In the browser: paste a plan, correct the suggestions, confirm and assign, report progress, urge,
close and export the decomposition table."""

import io

import pytest
from openpyxl import load_workbook

from yifa.core.models import Notification
from yifa.plans.models import Assignment, PlanTask, TaskState, WorkPlan

PLAN = """江临市2026年依法行政工作要点

一、完善决策机制
1.建立重大事项决策规则，5月1日前完成。（责任单位：市民政局）
2.开展规范性文件清理。
"""


def logout(page):
    page.click("button:has-text('退出')")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_import_correct_assign_report_urge_close_and_export_in_the_browser(cast, browser_login):
    page = browser_login(cast["reviewer"])
    page.goto("/staff/plans/")
    page.fill("#id_text", PLAN)
    page.fill("#id_year", "2026")
    page.click("button:has-text('拆分')")
    page.wait_for_selector("#decomposition")
    assert "已拆分为1个部分、2项任务" in page.content()

    plan = WorkPlan.objects.get()
    rules, cleanup = PlanTask.objects.filter(plan=plan).order_by("order")
    assert page.input_value(f"#id_correct-t{rules.pk}_due") == "2026-04-30"  # “5月1日前” ends the day before
    assert page.locator(f"#id_correct-t{rules.pk}_units option:checked").inner_text() == "江临市民政局"
    # Correct: the second task gets a unit and a deadline, and a clearer title.
    page.fill(f"#id_correct-t{cleanup.pk}_title", "开展规范性文件全面清理")
    page.select_option(f"#id_correct-t{cleanup.pk}_units", [str(cast["交通运输局"].pk)])
    page.fill(f"#id_correct-t{cleanup.pk}_due", "2026-12-31")
    page.click("button:has-text('确认分解并交办')")
    page.wait_for_selector("text=已确认分解，任务已交办各责任单位")
    cleanup.refresh_from_db()
    assert cleanup.title == "开展规范性文件全面清理" and cleanup.state == TaskState.OPEN
    assert list(cleanup.assignments.values_list("unit__short_name", flat=True)) == ["交通运输局"]

    # 1 May has passed: the legal office urges 民政局.
    page.click("text=建立重大事项决策规则，5月1日前完成")
    page.click("summary:has-text('催办')")
    page.fill("[name=urge-reason]", "请本周内报送")
    page.click("button:has-text('催办')")
    page.wait_for_selector("text=已向江临市民政局发出催办通知")
    assert Notification.objects.filter(user=cast["minzheng_liaison"], title__startswith="催办").exists()
    task_url = page.url
    logout(page)

    page = browser_login(cast["minzheng_liaison"])
    page.goto(task_url)
    assignment = Assignment.objects.get(task=rules)
    page.click("summary:has-text('报告进展')")
    page.select_option(f"#id_progress-status-{assignment.pk}", "done")
    page.fill(f"#id_progress-percent-{assignment.pk}", "100")
    page.fill(f"#id_progress-narrative-{assignment.pk}", "《民政局重大事项决策规则》已经局务会审议通过")
    page.set_input_files(
        f"#id_progress-files-{assignment.pk}",
        files=[{"name": "决策规则.txt", "mimeType": "text/plain", "buffer": "重大事项决策规则全文".encode()}],
    )
    page.click("button:has-text('报告进展')")
    page.wait_for_selector("text=已报告进展")
    assert "决策规则.txt" in page.content()
    logout(page)

    page = browser_login(cast["reviewer"])
    page.goto(task_url)
    page.click("summary:has-text('确认办结')")
    page.click("button:has-text('确认办结')")
    page.wait_for_selector("text=任务已确认办结")
    rules.refresh_from_db()
    assert rules.state == TaskState.CLOSED

    page.goto(f"/staff/plans/{plan.pk}/")
    with page.expect_download() as download:
        page.click("text=导出Excel")
    path = download.value.path()
    with open(path, "rb") as exported:
        sheet = load_workbook(io.BytesIO(exported.read())).active
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    assert rows[0] == ["序号", "工作内容", "责任单位", "完成时限", "进展"]
    assert rows[1][1] == "建立重大事项决策规则，5月1日前完成" and rows[1][4].startswith("已办结")
    assert rows[2][1:4] == ["开展规范性文件全面清理", "江临市交通运输局", "2026-12-31"]
