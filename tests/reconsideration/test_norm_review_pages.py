"""附带审查 on the case page and the drafting / forwarded organ's to-do page."""

import datetime as dt

import pytest
from django.urls import reverse

from yifa.reconsideration.models import CaseState, NormReview

D = dt.date
pytestmark = pytest.mark.django_db


def _open_on_page(cast, login, accepted):
    case = accepted(D(2025, 9, 1), D(2025, 9, 3))
    client = login(cast["fuyi"])
    page = client.get(reverse("reconsideration:case", args=[case.pk])).content.decode()
    assert "登记附带审查（中止审理）" in page
    client.post(
        reverse("reconsideration:act", args=[case.pk, "norm_review"]),
        {
            "norm_review-source": "request",
            "norm_review-document": "《江临市道路运输管理办法》第十二条",
            "norm_review-started_on": "2025-09-05",
            "norm_review-competent": "yes",
            "norm_review-drafter_unit": cast.units["交通运输局"].pk,
            "norm_review-on": "2025-09-26",
            "norm_review-version": case.version,
        },
    )
    return case, client


def test_staff_register_an_incidental_review_from_the_case_page_and_the_case_is_suspended(cast, login, accepted):
    case, client = _open_on_page(cast, login, accepted)
    case.refresh_from_db()
    assert case.state == CaseState.SUSPENDED
    page = client.get(reverse("reconsideration:case", args=[case.pk])).content.decode()
    assert "附带审查" in page and "2025-10-09" in page and "2025-09-30" in page and "书面通知制定机关" in page


def test_drafting_organ_answers_from_its_norm_inbox(cast, login, accepted):
    case, client = _open_on_page(cast, login, accepted)
    review = NormReview.objects.get(case=case)
    client.post(
        reverse("reconsideration:norm_act", args=[review.pk, "notify_drafter"]),
        {"notify_drafter-on": "2025-09-30", "notify_drafter-version": review.version},
    )
    drafter = login(cast["jiaotong_liaison"])
    page = drafter.get(reverse("reconsideration:norm_inbox")).content.decode()
    assert "道路运输管理办法" in page and "2025-10-21" in page
    review.refresh_from_db()
    drafter.post(
        reverse("reconsideration:norm_act", args=[review.pk, "drafter_reply"]),
        {
            "drafter_reply-text": "相关条款合法",
            "drafter_reply-on": "2025-10-15",
            "drafter_reply-version": review.version,
        },
    )
    review.refresh_from_db()
    assert review.drafter_reply == "相关条款合法"


def test_norm_inbox_needs_login(client):
    response = client.get(reverse("reconsideration:norm_inbox"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_unrelated_unit_cannot_see_or_act_on_a_review(cast, login, accepted):
    case, client = _open_on_page(cast, login, accepted)
    review = NormReview.objects.get(case=case)
    other = login(cast["huanjing_liaison"])
    assert "道路运输管理办法" not in other.get(reverse("reconsideration:norm_inbox")).content.decode()
    response = other.post(
        reverse("reconsideration:norm_act", args=[review.pk, "notify_drafter"]),
        {"notify_drafter-on": "2025-09-30", "notify_drafter-version": review.version},
    )
    assert response.status_code in (403, 404)
    review.refresh_from_db()
    assert review.drafter_notified_on is None


def test_respondent_sees_the_review_but_cannot_notify_the_drafter(cast, login, accepted):
    case, _ = _open_on_page(cast, login, accepted)
    review = NormReview.objects.get(case=case)
    respondent = login(cast["minzheng_liaison"])
    page = respondent.get(reverse("reconsideration:case", args=[case.pk])).content.decode()
    assert "道路运输管理办法" in page and "书面通知制定机关</summary>" not in page
    respondent.post(
        reverse("reconsideration:norm_act", args=[review.pk, "notify_drafter"]),
        {"notify_drafter-on": "2025-09-30", "notify_drafter-version": review.version},
    )
    review.refresh_from_db()
    assert review.drafter_notified_on is None
