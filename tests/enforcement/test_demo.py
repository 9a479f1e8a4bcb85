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
