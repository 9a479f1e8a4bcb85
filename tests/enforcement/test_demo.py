"""The demo city gives the market bureau's officer real work: cases in every state, an expiring certificate."""

from django.urls import reverse
from django.utils import timezone

from yifa.enforcement import demo
from yifa.enforcement.models import Case, CaseState, Certificate


def test_demo_has_cases_in_each_state_and_an_expiring_certificate(cast, login):
    demo.load(cast)
    states = set(Case.objects.values_list("state", flat=True))
    expected = {
        CaseState.FILED,
        CaseState.NOTIFIED,
        CaseState.HEARING,
        CaseState.REVIEW,
        CaseState.DECIDED,
        CaseState.SERVED,
        CaseState.CLOSED,
        CaseState.ANNULLED,
    }
    assert expected <= states
    expiring = Certificate.objects.get(officer__name="赵将到期")
    assert 0 < (expiring.valid_until - timezone.localdate()).days <= 30
    page = login(cast["shijian_officer"]).get(reverse("enforcement:index")).content.decode()
    assert page.count("江市监处罚") >= 8


def test_todo_shows_the_review_waiting_and_the_expiring_certificate(cast, login):
    demo.load(cast)
    page = login(cast["reviewer"]).get(reverse("core:todo")).content.decode()
    assert "待法制审核" in page and "赵将到期的执法证" in page
    assert "待法制审核" not in login(cast["minzheng_liaison"]).get(reverse("core:todo")).content.decode()


def test_demo_officer_has_work_in_coercion_inspection_transfer_and_the_catalogue(cast, login):
    demo.load(cast)
    officer = login(cast["shijian_officer"])
    assert "扣押财物" in officer.get(reverse("enforcement:coercion_list")).content.decode()
    assert "已催告" in officer.get(reverse("enforcement:coercion_list")).content.decode()
    inspections = officer.get(reverse("enforcement:inspection_list")).content.decode()
    assert "检查中" in inspections and "已办结" in inspections
    assert "已报告待审批" in officer.get(reverse("enforcement:transfer_list")).content.decode()
    powers = officer.get(reverse("enforcement:powers")).content.decode()
    assert "执法稽查局局长" in powers and "综合行政执法办公室主任" in powers
    menu = officer.get(reverse("enforcement:index")).content.decode()
    for label in ("行政强制案件", "行政检查", "移送涉嫌犯罪", "执法事项清单"):
        assert label in menu


# dates set for the future: a validity, a deadline, a planned act
PLANNED = {"valid_until", "comply_by", "substitute_on", "hearing_on"}


def _dated_after(model, today):
    fields = [
        f.name for f in model._meta.get_fields() if f.get_internal_type() == "DateField" and f.name not in PLANNED
    ]
    return [
        (model.__name__, name, day)
        for row in model.objects.values(*fields)
        for name, day in row.items()
        if day and day > today
    ]


def test_demo_and_seed_date_nothing_after_today(cast):
    from yifa.enforcement import models
    from yifa.enforcement.seed import seed

    demo.load(cast)
    seed(scale=400, progress=lambda *_: None)
    today = timezone.localdate()
    dated = [models.Case, models.CoercionCase, models.InspectionCase, models.Transfer, models.Certificate]
    dated += [models.CertificateReview, models.Appraisal, models.Benchmark]
    assert [found for model in dated for found in _dated_after(model, today)] == []
