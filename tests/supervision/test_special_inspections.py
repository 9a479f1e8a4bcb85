"""专项检查 (山东省行政执法监督条例第二十一条): a plan with units, subject, the period inspected and the date to
finish by; a finding per unit; a problem sent as a rectification notice with its thirty days (第二十八条);
concluded once every unit has a finding; typical cases published on the portal."""

import pytest
from django.urls import reverse

from yifa.core.clocks import clocks_of
from yifa.core.errors import GateBlocked, InvalidInput
from yifa.core.procedure import fire
from yifa.supervision import rules, services
from yifa.supervision.flows import INSPECTION_FLOW, NOTICE_FLOW
from yifa.supervision.models import Finding, Inspection, Notice

from .conftest import D


@pytest.fixture
def plan(cast):
    return services.inspection_create(
        by=cast["legal_head"],
        name="2026年行政许可和执法专项检查",
        scope="both",
        subject="检查许可办理时限和执法人员持证情况",
        units=[cast["市场监管局"], cast["民政局"]],
        period_start=D(2026, 1, 1),
        period_end=D(2026, 6, 30),
        due_on=D(2026, 8, 31),
        on=D(2026, 7, 1),
    )


def test_a_plan_without_units_or_subject_is_refused_and_nothing_is_written(cast, login):
    response = login(cast["legal_head"]).post(
        reverse("supervision:inspections"),
        {"name": "专项检查", "scope": "both", "subject": "", "period_start": "2026-01-01", "period_end": "2026-06-30",
         "due_on": "2026-12-31"},
    )  # fmt: skip
    assert response.status_code == 200
    assert not Inspection.objects.exists()
    with pytest.raises(GateBlocked) as refused:
        services.inspection_create(
            by=cast["legal_head"], name="专项检查", scope="both", subject="持证情况", units=[],
            period_start=D(2026, 6, 30), period_end=D(2026, 1, 1), due_on=D(2026, 12, 31), on=D(2026, 7, 1),
        )  # fmt: skip
    assert "被检查单位：至少选择一个" in refused.value.unmet
    assert "检查事项期间：起始日不能晚于截止日" in refused.value.unmet
    with pytest.raises(InvalidInput) as late:
        services.inspection_create(
            by=cast["legal_head"], name="专项检查", scope="both", subject="持证情况", units=[cast["民政局"]],
            period_start=D(2026, 1, 1), period_end=D(2026, 6, 30), due_on=D(2026, 6, 30), on=D(2026, 7, 1),
        )  # fmt: skip
    assert late.value.errors == {"due_on": "检查完成期限：不能早于今天"}
    assert not Inspection.objects.exists()


def test_findings_per_unit_a_problem_becomes_a_rectification_notice_with_its_clock(cast, login, plan, travel):
    legal = cast["legal_head"]
    plan = fire(INSPECTION_FLOW, plan, "start", by=legal, on=D(2026, 7, 6))
    assert clocks_of(plan, rule=rules.SPECIAL_INSPECTION).get().due == D(2026, 8, 31)

    travel(D(2026, 7, 20))
    client = login(legal)
    url = reverse("supervision:inspection_act", args=[plan.pk, "record_finding"])
    refused = client.post(
        url, {"record_finding-version": plan.version, "record_finding-unit": cast["市场监管局"].pk,
              "record_finding-text": "两名执法人员证件过期仍在办案", "record_finding-problem": "on"},
    )  # fmt: skip
    assert refused.status_code == 400
    assert "整改意见：发现问题的须写明整改意见" in refused.content.decode()
    assert not Finding.objects.exists() and not Notice.objects.exists()

    done = client.post(
        url, {"record_finding-version": plan.version, "record_finding-unit": cast["市场监管局"].pk,
              "record_finding-text": "两名执法人员证件过期仍在办案", "record_finding-problem": "on",
              "record_finding-typical": "on", "record_finding-rectify": "立即调整承办人员，核查相关案件"},
    )  # fmt: skip
    assert done.status_code == 302
    notice = Notice.objects.get()
    assert (notice.unit, notice.source, notice.kind) == (cast["市场监管局"], "inspection", "correct")
    # 三十日自2026-07-20起算（山东省行政执法监督条例第二十八条）→ 2026年8月19日（星期三）
    assert clocks_of(notice).get().due == D(2026, 8, 19)
    todo = login(cast["shijian_liaison"]).get(reverse("core:todo")).content.decode()
    assert notice.number in todo

    plan.refresh_from_db()
    with pytest.raises(GateBlocked, match="尚未记录检查发现的单位：江临市民政局"):
        fire(INSPECTION_FLOW, plan, "conclude", by=legal, on=D(2026, 8, 3))
    plan = fire(
        INSPECTION_FLOW, plan, "record_finding", by=legal, on=D(2026, 7, 22), unit=cast["民政局"], text="未发现问题"
    )
    page = login(legal).get(plan.get_absolute_url()).content.decode()
    assert "两名执法人员证件过期仍在办案" in page and notice.number in page and "未发现问题" in page
    plan = fire(INSPECTION_FLOW, plan, "conclude", by=legal, on=D(2026, 8, 3), summary="共检查两个单位")
    assert clocks_of(plan, rule=rules.SPECIAL_INSPECTION, open_only=False).get().status == "met"

    fire(NOTICE_FLOW, notice, "report", by=cast["shijian_liaison"], on=D(2026, 8, 10), report="已调整承办人员")
    notice.refresh_from_db()
    assert notice.on_time is True

    plan = fire(INSPECTION_FLOW, plan, "publish", by=legal, on=D(2026, 8, 5), bulletin="某局执法人员证件过期仍办案")
    portal = login(cast["shijian_liaison"]).get(reverse("portal_supervision:bulletins")).content.decode()
    assert "某局执法人员证件过期仍办案" in portal


def test_a_finding_for_a_unit_outside_the_plan_is_refused(cast, plan):
    plan = fire(INSPECTION_FLOW, plan, "start", by=cast["legal_head"], on=D(2026, 7, 6))
    with pytest.raises(GateBlocked, match="须是本次专项检查方案中的单位"):
        fire(INSPECTION_FLOW, plan, "record_finding", by=cast["legal_head"], unit=cast["人社局"], text="未发现问题")
    assert not Finding.objects.exists()


@pytest.mark.parametrize("who", ["shijian_head", "minzheng_liaison", "mayor"])
def test_only_the_legal_office_sees_and_runs_special_inspections(cast, login, plan, who):
    client = login(cast[who])
    assert client.get(reverse("supervision:inspections")).status_code == 403
    assert client.get(plan.get_absolute_url()).status_code == 403
    response = client.post(reverse("supervision:inspection_act", args=[plan.pk, "start"]), {"start-version": 1})
    assert response.status_code == 403
    plan.refresh_from_db()
    assert plan.state == "planned"


def test_the_plan_list_and_page_stay_within_the_query_budget(cast, login, django_assert_max_num_queries):
    legal = cast["legal_head"]
    units = [cast[name] for name in ("市场监管局", "民政局", "人社局", "交通运输局")]
    for n in range(3):
        plan = services.inspection_create(
            by=legal, name=f"专项检查{n}", scope="enforcement", subject="持证情况", units=units,
            period_start=D(2026, 1, 1), period_end=D(2026, 6, 30), due_on=D(2026, 12, 31), on=D(2026, 7, 1),
        )  # fmt: skip
        plan = fire(INSPECTION_FLOW, plan, "start", by=legal, on=D(2026, 7, 2))
        for unit in units:
            plan = fire(
                INSPECTION_FLOW, plan, "record_finding", by=legal, on=D(2026, 7, 3), unit=unit, text="发现问题",
                problem=True, rectify="限期整改",
            )  # fmt: skip
    client = login(legal)
    client.get(reverse("supervision:inspections"))
    with django_assert_max_num_queries(20):
        assert client.get(reverse("supervision:inspections")).status_code == 200
    with django_assert_max_num_queries(20):
        page = client.get(plan.get_absolute_url())
    assert page.status_code == 200
    shown = page.content.decode()
    assert Notice.objects.count() == 12
    assert all(n.number in shown for n in Notice.objects.filter(link=plan.get_absolute_url()))
