"""Quotas on online applications: beyond the day's and the applicant's quota an application waits for the
office instead of becoming a case with clocks; released, it becomes a case received on its original day."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from yifa.core.models import Deadline
from yifa.reconsideration import intake
from yifa.reconsideration.intake_models import IntakeState, OnlineIntake
from yifa.reconsideration.models import Case

from .test_portal_application import PDF, form, post

D = dt.date
IDS = ["110101199003071233", "110101199003071217", "11010119900307125X", "110101199003071276"]


def valid_id(n: int) -> str:
    """The n-th 18-digit ID number with a correct GB 11643 check digit (for distinct applicants)."""
    body = f"1101011990030{n:04d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights)) % 11]


@pytest.fixture
def fixed_day(monkeypatch):
    """Tuesday 2026-12-01 (no holiday near)."""
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: D(2026, 12, 1))
    return D(2026, 12, 1)


@pytest.fixture
def open_limits(settings):
    settings.PUBLIC_RATE_PER_ADDRESS = settings.PUBLIC_RATE_PER_SESSION = "1000/h"


def submit(cast, n: int, **overrides):
    """One applicant per address, as a botnet (or a busy day) would send them; no captcha is due."""
    client = Client(REMOTE_ADDR=f"10.9.{n // 250}.{n % 250 + 1}")
    data = form(cast, **{"applicant_id": valid_id(n), "act_date": "2026-11-10", "known_on": "2026-11-15", **overrides})
    return post(client, data, [("证据.pdf", PDF)])


def test_beyond_the_days_quota_applications_wait_without_clocks(cast, settings, fixed_day, open_limits):
    settings.APPLY_PER_DAY = 3
    for n in range(5):
        assert submit(cast, n).status_code == 302
    assert Case.objects.count() == 3
    held = OnlineIntake.objects.filter(state=IntakeState.HELD)
    assert held.count() == 2 and all(i.case_id is None for i in held)
    reviews = Deadline.objects.filter(rule_id__startswith="reconsideration.acceptance_review")
    assert sorted(reviews.values_list("subject_id", flat=True)) == sorted(str(c.pk) for c in Case.objects.all())


def test_the_applicant_sees_that_the_application_waits(cast, settings, fixed_day, open_limits):
    settings.APPLY_PER_DAY = 0
    client = Client()
    post(client, form(cast, act_date="2026-11-10", known_on="2026-11-15"))
    page = client.get("/reconsideration/apply/done/").content.decode()
    assert "当日网上申请超过限额" in page and "2026年12月1日" in page and not Case.objects.exists()


def test_one_applicant_beyond_its_quota_waits(cast, settings, fixed_day, open_limits):
    settings.APPLY_PER_APPLICANT_PER_DAY = 2
    for n in range(4):
        submit(cast, n, applicant_id=IDS[0])
    assert Case.objects.count() == 2
    assert (
        list(OnlineIntake.objects.filter(state=IntakeState.HELD).values_list("held_reason", flat=True))
        == ["同一申请人当日网上申请超过限额"] * 2
    )
    assert IDS[0] not in "".join(OnlineIntake.objects.values_list("applicant_key", flat=True))


def test_held_personal_data_is_encrypted_at_rest(cast, settings, fixed_day, open_limits):
    from django.db import connection

    settings.APPLY_PER_DAY = 0
    submit(cast, 7)
    with connection.cursor() as cursor:
        cursor.execute("select payload from reconsideration_onlineintake")
        stored = cursor.fetchone()[0]
    assert valid_id(7) not in stored and "13812345678" not in stored


def test_release_registers_the_case_received_on_the_original_day(cast, settings, fixed_day, open_limits, monkeypatch):
    """Held on Tuesday 2026-12-01, released on Thursday 2026-12-03: the review (第三十条第一款, five working
    days) still runs from 12-01 — Wed 2, Thu 3, Fri 4, Mon 7, Tue 8 → due 2026-12-08."""
    from yifa.reconsideration import periods

    settings.APPLY_PER_DAY = 0
    submit(cast, 1)
    held = OnlineIntake.objects.get()
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: D(2026, 12, 3))
    released = intake.intake_release(intake=held, by=cast["fuyi"], expected_version=held.version)
    case = released.case
    assert released.state == IntakeState.RELEASED and released.payload == ""
    assert case.received_on == D(2026, 12, 1) and case.channel == "online"
    assert periods.review_clock(case).due == D(2026, 12, 8)
    from yifa.core.uploads import attachments_of

    assert [a.name for a in attachments_of(case)] == ["证据.pdf"]


def test_release_and_discard_from_the_queue_page(cast, login, settings, fixed_day, open_limits):
    settings.APPLY_PER_DAY = 0
    submit(cast, 1)
    submit(cast, 2)
    first, second = OnlineIntake.objects.order_by("id")
    office = login(cast["fuyi"])
    page = office.get("/staff/reconsideration/held/").content.decode()
    assert "当日网上申请超过限额" in page and "放行" in page
    done = office.post(
        f"/staff/reconsideration/held/{first.pk}/act/release/", {"release-version": first.version}, follow=True
    )
    assert "已放行，登记为" in done.content.decode(), done.content.decode()[-3000:]
    office.post(
        f"/staff/reconsideration/held/{second.pk}/act/discard/",
        {"discard-version": second.version, "discard-reason": "重复提交"},
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.state == IntakeState.RELEASED and Case.objects.get().received_on == D(2026, 12, 1)
    assert second.state == IntakeState.DISCARDED and Case.objects.count() == 1


def test_only_the_reconsideration_staff_see_and_release_the_queue(cast, login, settings, fixed_day, open_limits):
    settings.APPLY_PER_DAY = 0
    submit(cast, 1)
    held = OnlineIntake.objects.get()
    outsider = login(cast["minzheng_liaison"])
    assert outsider.get("/staff/reconsideration/held/").status_code == 403
    response = outsider.post(f"/staff/reconsideration/held/{held.pk}/act/release/", {"release-version": held.version})
    assert response.status_code in (403, 404)
    held.refresh_from_db()
    assert held.state == IntakeState.HELD and not Case.objects.exists()
    assert Client().get("/staff/reconsideration/held/").status_code == 302


def test_the_queue_page_stays_flat(cast, login, settings, fixed_day, open_limits, django_assert_max_num_queries):
    settings.APPLY_PER_DAY = 0
    for n in range(12):
        submit(cast, n)
    office = login(cast["fuyi"])
    office.get("/staff/reconsideration/held/")
    with django_assert_max_num_queries(25):
        assert office.get("/staff/reconsideration/held/").status_code == 200


def test_beyond_the_held_cap_the_portal_says_come_back(cast, settings, fixed_day, open_limits):
    settings.APPLY_PER_DAY = 0
    settings.APPLY_HELD_PER_DAY = 2
    codes = [submit(cast, n).status_code for n in range(3)]
    assert codes == [302, 302, 429]
    assert OnlineIntake.objects.count() == 2
