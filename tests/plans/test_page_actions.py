"""Each page offers exactly the acts its user may do on its record now, and a refused act is explained
beside the field it concerns, with nothing written."""

import datetime as dt
import re

import pytest

from yifa.core.models import Event
from yifa.plans import services, supervision
from yifa.plans.models import AnnualReport, InfoItem, PlanState, PlanTask, ReportState

from .plan_texts import ARABIC_DOT

D = dt.date
pytestmark = pytest.mark.django_db


def offered(page: str) -> list[str]:
    """The acts a page's forms post to (/staff/plans/…/<pk>/<act>/)."""
    return re.findall(r'action="/staff/plans/[^"]*/\d+/(\w+)/"', page)


def test_the_report_page_offers_each_person_only_their_next_step(cast, login, draft_plan):
    report = draft_plan()
    url = f"/staff/plans/reports/{report.pk}/"
    assert offered(login(cast["minzheng_liaison"]).get(url).content.decode()) == ["edit"]
    assert offered(login(cast["minzheng_head"]).get(url).content.decode()) == ["edit", "approve"]
    assert offered(login(cast["reviewer"]).get(url).content.decode()) == []
    services.report_approve(by=cast["minzheng_head"], report=report)
    services.report_submit(by=cast["minzheng_liaison"], report=report)
    assert offered(login(cast["minzheng_head"]).get(url).content.decode()) == []
    assert offered(login(cast["reviewer"]).get(url).content.decode()) == ["return", "accept"]


def test_a_return_without_a_comment_is_refused_beside_the_field(cast, login, draft_plan):
    report = draft_plan()
    services.report_approve(by=cast["minzheng_head"], report=report)
    services.report_submit(by=cast["minzheng_liaison"], report=report)
    client = login(cast["reviewer"])
    url = f"/staff/plans/reports/{report.pk}/return/"
    refused = client.post(url, {"return-version": 3, "return-reason": ""}, HTTP_HX_REQUEST="true").content.decode()
    assert 'id="action-return"' in refused and "这个字段是必填项" in refused
    assert AnnualReport.objects.get().state == ReportState.SUBMITTED
    done = client.post(url, {"return-version": 3, "return-reason": "缺少执法监督安排"}, HTTP_HX_REQUEST="true")
    assert done.status_code == 204 and done["HX-Redirect"] == f"/staff/plans/reports/{report.pk}/"
    assert AnnualReport.objects.get().return_comment == "缺少执法监督安排"


def test_an_edit_from_a_stale_page_is_refused_and_overwrites_nothing(cast, login, draft_plan):
    report = draft_plan()
    services.report_edit(by=cast["minzheng_head"], report=report, title="负责人改过的标题", body="甲")
    response = login(cast["minzheng_liaison"]).post(
        f"/staff/plans/reports/{report.pk}/edit/",
        {"edit-version": 1, "edit-title": "联络员的旧稿", "edit-body": "乙"},
    )
    assert response.status_code == 400 and "您打开的是第1版，当前为第2版" in response.content.decode()
    assert AnnualReport.objects.get().title == "负责人改过的标题"


def test_an_edit_with_attachments_keeps_them_on_the_report(cast, login, draft_plan):
    from django.core.files.uploadedfile import SimpleUploadedFile

    report = draft_plan()
    page = (
        login(cast["minzheng_liaison"])
        .post(
            f"/staff/plans/reports/{report.pk}/edit/",
            {
                "edit-version": 1,
                "edit-title": "民政局2026年计划（修改稿）",
                "edit-body": "正文",
                "edit-files": [
                    SimpleUploadedFile("附表一.txt", "附表".encode()),
                    SimpleUploadedFile("附表二.txt", b"x"),
                ],
            },
            follow=True,
        )
        .content.decode()
    )
    assert "已保存修改" in page and "附表一.txt" in page and "附表二.txt" in page
    assert Event.objects.filter(action="annual_report.edit").get().data["files"] == ["附表一.txt", "附表二.txt"]


def draft_plan_with_units(cast):
    plan = supervision.plan_import(by=cast["reviewer"], text=ARABIC_DOT)
    for task in plan.tasks.all():
        task.assignments.all().delete()
        task.assignments.create(unit=cast["民政局"])
    return plan


def test_a_bad_correction_is_shown_beside_its_row_and_nothing_is_saved(cast, login):
    plan = draft_plan_with_units(cast)
    first, second = plan.tasks.order_by("order")[:2]
    client = login(cast["reviewer"])
    page = client.get(f"/staff/plans/{plan.pk}/").content.decode()
    assert f'name="correct-t{first.pk}_title"' in page and "确认分解并交办" in page
    data = {"correct-version": 1}
    for task in plan.tasks.all():
        data[f"correct-t{task.pk}_title"] = task.title
        data[f"correct-t{task.pk}_units"] = [cast["民政局"].pk]
    data[f"correct-t{first.pk}_title"] = " "
    data[f"correct-t{second.pk}_due"] = "2026-13-40"
    response = client.post(f"/staff/plans/{plan.pk}/correct/", data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "输入一个有效的日期" in page
    data[f"correct-t{second.pk}_due"] = "2026-06-30"
    data["correct-confirm"] = "1"
    page = client.post(f"/staff/plans/{plan.pk}/correct/", data).content.decode()
    assert f"{first.label}的工作内容：必须填写" in page
    plan.refresh_from_db()
    assert plan.state == PlanState.DRAFT and PlanTask.objects.get(pk=second.pk).due != D(2026, 6, 30)


def test_saving_and_confirming_from_the_table_assigns_every_task(cast, login):
    plan = draft_plan_with_units(cast)
    data = {"correct-version": 1, "correct-confirm": "1"}
    for task in plan.tasks.all():
        data[f"correct-t{task.pk}_title"] = task.title
        data[f"correct-t{task.pk}_units"] = [cast["民政局"].pk, cast["青石镇"].pk]
        data[f"correct-t{task.pk}_due"] = "2026-12-31"
    page = login(cast["reviewer"]).post(f"/staff/plans/{plan.pk}/correct/", data, follow=True).content.decode()
    assert "已确认分解，任务已交办各责任单位" in page
    plan.refresh_from_db()
    assert plan.state == PlanState.CONFIRMED
    assert set(plan.tasks.values_list("assignments__unit__short_name", flat=True)) == {"民政局", "青石镇"}
    events = Event.objects.filter(action__in=["plan.correct", "plan.confirm", "plan_task.assign"])
    assert sorted(events.values_list("action", flat=True)) == sorted(
        ["plan.correct", "plan.confirm"] + ["plan_task.assign"] * plan.tasks.count()
    )


def test_each_units_share_on_the_task_page_has_its_own_form(cast, login):
    plan = draft_plan_with_units(cast)
    task = plan.tasks.order_by("order").first()
    mine = task.assignments.get()
    theirs = task.assignments.create(unit=cast["市场监管局"])
    supervision.plan_confirm(by=cast["reviewer"], plan=plan, on=D(2025, 2, 1))
    page = login(cast["minzheng_liaison"]).get(f"/staff/plans/tasks/{task.pk}/").content.decode()
    assert f"/assignments/{mine.pk}/progress/" in page and f"/assignments/{theirs.pk}/progress/" not in page
    page = login(cast["reviewer"]).get(f"/staff/plans/tasks/{task.pk}/").content.decode()
    ids = re.findall(r'id="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert f'id="action-urge-{mine.pk}"' in page and f'id="action-urge-{theirs.pk}"' in page
    assert "/close/" in page and "/progress/" not in page


def test_urging_is_offered_only_once_a_share_is_overdue(cast, login):
    plan = draft_plan_with_units(cast)
    task = plan.tasks.order_by("order").first()
    PlanTask.objects.filter(plan=plan).update(due=dt.date.today() + dt.timedelta(days=30))
    supervision.plan_confirm(by=cast["reviewer"], plan=plan)
    page = login(cast["reviewer"]).get(f"/staff/plans/tasks/{task.pk}/").content.decode()
    assert "催办说明" not in page


def test_the_legal_office_decides_information_from_the_list(cast, login):
    first = services.info_submit(by=cast["minzheng_liaison"], title="民政局会前学法", body="学习民法典")
    second = services.info_submit(by=cast["town1_liaison"], title="青石镇法治讲座", body="讲座一场")
    assert offered(login(cast["minzheng_liaison"]).get("/staff/plans/info/").content.decode()) == []
    client = login(cast["reviewer"])
    assert sorted(offered(client.get("/staff/plans/info/").content.decode())) == [
        "adopt",
        "adopt",
        "decline",
        "decline",
    ]
    page = client.post(f"/staff/plans/info/{first.pk}/decline/", {"decline-version": 0}, follow=True).content.decode()
    assert "已决定不采用该条工作信息" in page
    assert (
        InfoItem.objects.get(pk=first.pk).state == "declined"
        and InfoItem.objects.get(pk=second.pk).state == "submitted"
    )
    assert re.findall(r'action="/staff/plans/info/(\d+)/', client.get("/staff/plans/info/").content.decode()) == [
        str(second.pk),
        str(second.pk),
    ]


def test_lists_with_actions_on_every_row_stay_flat_as_they_grow(cast, login):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(cast["reviewer"])

    def queries_for(url):
        client.get(url)  # the session and the user's caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    services.info_submit(by=cast["minzheng_liaison"], title="信息一", body="内容")
    plan = draft_plan_with_units(cast)
    supervision.plan_confirm(by=cast["reviewer"], plan=plan, on=D(2025, 2, 1))
    task = plan.tasks.order_by("order").first()
    few = queries_for("/staff/plans/info/"), queries_for(f"/staff/plans/tasks/{task.pk}/")
    for i in range(6):
        services.info_submit(by=cast["town1_liaison"], title=f"青石镇信息{i}", body="内容")
    for name in ("市场监管局", "交通运输局", "青石镇"):
        task.assignments.create(unit=cast[name])
    assert (queries_for("/staff/plans/info/"), queries_for(f"/staff/plans/tasks/{task.pk}/")) == few


def test_the_information_list_pages_fifty_at_a_time_newest_first(cast, login):
    liaison = cast["minzheng_liaison"]
    for n in range(51):
        services.info_submit(by=liaison, title=f"第{n:02d}条工作信息", body="内容")
    client = login(cast["reviewer"])
    first = client.get("/staff/plans/info/").content.decode()
    assert len(re.findall(r"第\d\d条工作信息", first)) == 50 and "第00条工作信息" not in first
    assert "下一页" in first
    second = client.get("/staff/plans/info/?page=2").content.decode()
    assert re.findall(r"第\d\d条工作信息", second) == ["第00条工作信息"] and "上一页" in second
