"""Each staff page and action: who may see and do what."""

import datetime as dt

import pytest

from yifa.plans import services, supervision
from yifa.plans.models import AnnualReport, InfoItem, ReportState, WorkPlan

from .plan_texts import ARABIC_DOT

pytestmark = pytest.mark.django_db
PAGES = [
    "/staff/plans/reports/",
    "/staff/plans/",
    "/staff/plans/board/",
    "/staff/plans/info/",
    "/staff/plans/institutions/",
]


@pytest.mark.parametrize("url", PAGES)
def test_pages_need_login(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.parametrize("url", PAGES)
def test_pages_open_for_staff(cast, login, url):
    assert login(cast["minzheng_liaison"]).get(url).status_code == 200


def test_compliance_board_shows_a_unit_only_its_own_row_and_the_legal_office_all(cast, login):
    page = login(cast["minzheng_liaison"]).get("/staff/plans/reports/?year=2026").content.decode()
    assert "江临市民政局" in page and "江临市交通运输局" not in page
    page = login(cast["reviewer"]).get("/staff/plans/reports/?year=2026").content.decode()
    assert "江临市交通运输局" in page and "设置本年度时限" in page


def test_a_unit_drafts_in_the_browser_form_and_another_unit_cannot_open_it(cast, login):
    client = login(cast["minzheng_liaison"])
    response = client.post(
        "/staff/plans/reports/new/", {"kind": "plan", "year": 2026, "title": "民政局2026年计划", "body": "正文"}
    )
    report = AnnualReport.objects.get()
    assert response["Location"] == f"/staff/plans/reports/{report.pk}/"
    assert "民政局2026年计划" in client.get(response["Location"]).content.decode()
    assert login(cast["shijian_liaison"]).get(f"/staff/plans/reports/{report.pk}/").status_code == 403
    assert login(cast["reviewer"]).get(f"/staff/plans/reports/{report.pk}/").status_code == 200


def test_bad_form_input_is_shown_and_nothing_is_written(cast, login):
    client = login(cast["minzheng_liaison"])
    response = client.post("/staff/plans/reports/new/", {"kind": "plan", "year": 2026, "title": ""}, follow=True)
    assert "标题：" in response.content.decode()
    assert AnnualReport.objects.count() == 0


def test_report_actions_check_the_actor(cast, login, draft_plan):
    report = draft_plan()
    login(cast["minzheng_liaison"]).post(
        f"/staff/plans/reports/{report.pk}/approve/", {"approve-version": 1}, follow=True
    )
    report.refresh_from_db()
    assert report.state == ReportState.DRAFT
    response = login(cast["minzheng_head"]).post(f"/staff/plans/reports/{report.pk}/approve/", {"approve-version": 1})
    report.refresh_from_db()
    assert report.state == ReportState.APPROVED and response.status_code == 302
    assert login(cast["shijian_head"]).post(f"/staff/plans/reports/{report.pk}/submit/").status_code == 403


def test_only_the_legal_office_imports_plans_and_sets_due_dates(cast, login):
    login(cast["minzheng_head"]).post("/staff/plans/import/", {"text": ARABIC_DOT}, follow=True)
    assert WorkPlan.objects.count() == 0
    response = login(cast["reviewer"]).post("/staff/plans/import/", {"text": ARABIC_DOT})
    plan = WorkPlan.objects.get()
    assert response["Location"] == f"/staff/plans/{plan.pk}/"
    login(cast["minzheng_head"]).post("/staff/plans/reports/due/", {"year": 2026, "kind": "plan", "due": "2026-03-10"})
    from yifa.plans.models import ReportDue

    assert not ReportDue.objects.exists()


def test_plan_pages_and_exports_are_scoped_to_units_with_tasks(cast, login):
    plan = supervision.plan_import(by=cast["reviewer"], text=ARABIC_DOT)
    for task in plan.tasks.all():
        task.assignments.create(unit=cast["民政局"])
    supervision.plan_confirm(by=cast["reviewer"], plan=plan, on=dt.date(2025, 2, 1))
    assert login(cast["minzheng_liaison"]).get(f"/staff/plans/{plan.pk}/").status_code == 200
    assert login(cast["shijian_liaison"]).get(f"/staff/plans/{plan.pk}/").status_code == 403
    response = login(cast["minzheng_liaison"]).get(f"/staff/plans/{plan.pk}/export.xlsx")
    assert response["Content-Type"].endswith("spreadsheetml.sheet")
    assert login(cast["shijian_liaison"]).get(f"/staff/plans/{plan.pk}/export.docx").status_code == 403
    task = plan.tasks.first()
    assert login(cast["shijian_liaison"]).get(f"/staff/plans/tasks/{task.pk}/").status_code == 403
    assignment = task.assignments.get()
    login(cast["shijian_liaison"]).post(
        f"/staff/plans/assignments/{assignment.pk}/progress/",
        {"progress-version": 1, "progress-status": "done", "progress-percent": 100, "progress-narrative": "x"},
    )
    assignment.refresh_from_db()
    assert assignment.percent == 0
    login(cast["minzheng_liaison"]).post(f"/staff/plans/assignments/{assignment.pk}/urge/", {"urge-version": 1})
    assignment.refresh_from_db()
    assert assignment.urge_count == 0
    login(cast["minzheng_liaison"]).post(f"/staff/plans/tasks/{task.pk}/close/", {"close-version": task.version})
    task.refresh_from_db()
    assert task.state == "open"


def test_information_adoption_is_for_the_legal_office(cast, login):
    item = services.info_submit(by=cast["minzheng_liaison"], title="信息", body="内容")
    login(cast["minzheng_head"]).post(f"/staff/plans/info/{item.pk}/adopt/", {"adopt-version": "0"})
    assert InfoItem.objects.get().state == "submitted"
    login(cast["reviewer"]).post(f"/staff/plans/info/{item.pk}/adopt/", {"adopt-version": "0"})
    assert InfoItem.objects.get().state == "adopted"


def test_institution_pages_define_and_record(cast, login):
    login(cast["reviewer"]).post(
        "/staff/plans/institutions/new/", {"year": 2026, "name": "重大事项决策规则", "due": "2026-05-01"}
    )
    from yifa.plans.models import Institution, InstitutionRecord

    inst = Institution.objects.get()
    login(cast["minzheng_liaison"]).post(
        f"/staff/plans/institutions/{inst.pk}/record/",
        {"document_title": "民政〔2026〕1号", "established_on": "2026-04-01"},
    )
    assert InstitutionRecord.objects.get().unit == cast["民政局"]
    page = login(cast["reviewer"]).get("/staff/plans/institutions/?year=2026").content.decode()
    assert "民政〔2026〕1号" in page and "已建立" in page


def test_a_plan_uploaded_as_docx_is_split_and_a_bad_file_is_refused(cast, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from yifa.lib.office import docx_from_text

    docx = docx_from_text("民政局2025年依法行政工作计划", ARABIC_DOT.splitlines()[1:])
    client = login(cast["reviewer"])
    response = client.post("/staff/plans/import/", {"file": SimpleUploadedFile("计划.docx", docx), "year": 2025})
    plan = WorkPlan.objects.get()
    assert response["Location"] == f"/staff/plans/{plan.pk}/" and plan.tasks.count() == 5
    page = client.post(
        "/staff/plans/import/", {"file": SimpleUploadedFile("计划.txt", b"\xff\xfe\x00\x81" * 10)}, follow=True
    ).content.decode()
    assert "不是UTF-8或GB18030编码的文本" in page
    assert WorkPlan.objects.count() == 1


def test_a_task_that_requires_an_institution_is_put_on_the_checklist_from_its_page(cast, login):
    from pathlib import Path

    from yifa.plans.models import Institution

    seed = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_16a98f4a12487e66.txt"
    plan = supervision.plan_import(by=cast["reviewer"], text=seed.read_text(encoding="utf-8"), year=2022)
    task = plan.tasks.get(number="1")
    client = login(cast["reviewer"])
    assert "列入制度建设清单" in client.get(f"/staff/plans/tasks/{task.pk}/").content.decode()
    client.post(
        "/staff/plans/institutions/new/",
        {"year": 2022, "name": "重大事项决策规则", "due": "2022-05-01", "task": task.pk},
    )
    institution = Institution.objects.get()
    assert institution.task == task and institution.due == dt.date(2022, 5, 1)
