"""经作出处罚决定的机关提交的复议申请：五个工作日内转送（行政复议法（2023）第三十二条第二款）.

2025年国庆、中秋：10月1日至8日放假，9月28日（星期日）上班。"""

import datetime as dt

import pytest
from django.urls import reverse

from yifa.core import clocks
from yifa.core.audit import timeline
from yifa.core.errors import AccessDenied, InvalidInput
from yifa.reconsideration import rules as R
from yifa.reconsideration import submissions
from yifa.reconsideration.models import OrganSubmission

D = dt.date
pytestmark = pytest.mark.django_db


RECEIVED_ON = D(2025, 9, 26)


def _receive(cast, received_on=RECEIVED_ON):
    return submissions.submission_receive(
        by=cast["shijian_officer"],
        unit=cast.units["市场监管局"],
        received_on=received_on,
        applicant_name="李四",
        act_title="江市监当罚〔2025〕88号当场处罚决定",
        on=received_on,
    )


def test_penalty_organ_must_forward_within_five_working_days_across_national_day(cast):
    item = _receive(cast)
    clock = clocks.open_clock(item, R.FORWARD_VIA_ORGAN)
    # 9/28 (Sunday, 调休上班) = 1, 9/29 = 2, 9/30 = 3, 10/1–10/8 放假, 10/9 = 4, 10/10 = 5
    assert clock.due == D(2025, 10, 10)
    assert clock.unit == cast.units["市场监管局"]


def test_forwarding_stops_the_clock_and_is_audited(cast):
    item = _receive(cast)
    item = submissions.submission_forward(submission=item, by=cast["shijian_liaison"], on=D(2025, 10, 9))
    assert item.forwarded_on == D(2025, 10, 9)
    assert clocks.open_clock(item, R.FORWARD_VIA_ORGAN) is None
    assert [e.action for e in timeline(item)] == [
        "reconsideration_submission.receive",
        "reconsideration_submission.forward",
    ]


def test_organ_that_revokes_the_penalty_records_it_instead(cast):
    item = _receive(cast)
    with pytest.raises(InvalidInput):
        submissions.submission_resolve(submission=item, by=cast["shijian_liaison"], resolution=" ", on=D(2025, 9, 29))
    item = submissions.submission_resolve(
        submission=item, by=cast["shijian_liaison"], resolution="已撤销该处罚决定", on=D(2025, 9, 29)
    )
    assert clocks.open_clock(item, R.FORWARD_VIA_ORGAN) is None


def test_another_unit_cannot_register_or_forward(cast):
    with pytest.raises(AccessDenied):
        submissions.submission_receive(
            by=cast["minzheng_liaison"],
            unit=cast.units["市场监管局"],
            received_on=D(2025, 9, 26),
            applicant_name="李四",
            act_title="x",
            on=D(2025, 9, 26),
        )
    item = _receive(cast)
    with pytest.raises(AccessDenied):
        submissions.submission_forward(submission=item, by=cast["minzheng_liaison"], on=D(2025, 9, 29))


def test_missing_fields_are_named_and_nothing_is_written(cast):
    with pytest.raises(InvalidInput) as err:
        submissions.submission_receive(
            by=cast["shijian_officer"],
            unit=cast.units["市场监管局"],
            received_on=None,
            applicant_name="",
            act_title="",
            on=D(2025, 9, 26),
        )
    assert {"received_on", "applicant_name", "act_title"} <= set(err.value.errors)
    assert not OrganSubmission.objects.exists()


def test_submissions_page_needs_login(client):
    response = client.get(reverse("reconsideration:submissions"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_penalty_organ_registers_and_forwards_on_its_page_and_others_do_not_see_it(cast, login):
    client = login(cast["shijian_liaison"])
    client.post(
        reverse("reconsideration:submissions"),
        {
            "step": "receive",
            "received_on": "2025-09-26",
            "applicant_name": "李四",
            "act_title": "江市监当罚〔2025〕88号当场处罚决定",
        },
    )
    item = OrganSubmission.objects.get()
    page = client.get(reverse("reconsideration:submissions")).content.decode()
    assert "2025-10-10" in page and "转送复议机关" in page
    other = login(cast["minzheng_liaison"])
    assert "88号" not in other.get(reverse("reconsideration:submissions")).content.decode()
    forward = reverse("reconsideration:submission_act", args=[item.pk, "forward"])
    other.post(forward, {"forward-version": item.version})
    item.refresh_from_db()
    assert item.forwarded_on is None
    login(cast["shijian_liaison"]).post(forward, {"forward-version": item.version})
    item.refresh_from_db()
    assert item.forwarded_on is not None
    assert "88号" in login(cast["fuyi"]).get(reverse("reconsideration:submissions")).content.decode()
