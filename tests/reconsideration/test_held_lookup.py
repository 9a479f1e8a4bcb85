"""A held (over-quota) application has its own receipt number and lookup code: the public lookup says it
waits in the queue, then follows the case once staff release it, or says it was not registered and why."""

import datetime as dt
import re

import pytest
from django.test import Client

from yifa.reconsideration import intake
from yifa.reconsideration.intake_models import OnlineIntake

from .test_online_quotas import fixed_day, open_limits, submit  # noqa: F401 - fixtures

STATUS = "/reconsideration/status/"
pytestmark = pytest.mark.usefixtures("fixed_day", "open_limits")  # Tuesday 2026-12-01; no rate limits


def applied_page(cast, settings):
    settings.APPLY_PER_DAY = 0
    client = Client(REMOTE_ADDR="10.77.0.1")
    from .test_portal_application import PDF, form, post

    post(client, form(cast, act_date="2026-11-10", known_on="2026-11-15"), [("证据.pdf", PDF)])
    return client.get("/reconsideration/apply/done/").content.decode(), OnlineIntake.objects.get()


def look_up(number, code):
    """Each lookup from a new address: a second post from one address would have to answer a captcha."""
    look_up.count = getattr(look_up, "count", 0) + 1
    client = Client(REMOTE_ADDR=f"10.88.0.{look_up.count % 250 + 1}")
    return client.post(STATUS, {"number": number, "code": code}).content.decode()


def test_the_held_page_gives_a_receipt_number_and_a_lookup_code(cast, settings):
    page, held = applied_page(cast, settings)
    assert held.lookup_code and len(held.lookup_code) == 8
    assert held.receipt_number in page and held.lookup_code in page
    assert re.fullmatch(r"网申20261201-\d+", held.receipt_number)


def test_the_lookup_shows_a_held_application_as_waiting(cast, settings):
    _, held = applied_page(cast, settings)
    page = look_up(held.receipt_number, held.lookup_code.lower())
    assert "待受理（排队中）" in page and "2026年12月1日" in page, page[-2000:]
    assert "当日网上申请超过限额" in page
    # the number may be typed without its prefix or with spaces; a wrong code reveals nothing
    assert "待受理（排队中）" in look_up(" ".join(held.receipt_number.removeprefix("网申")), held.lookup_code)
    refused = look_up(held.receipt_number, "ABCDEFGH")
    assert "案号或查询码不正确" in refused and "排队中" not in refused


def test_once_released_the_same_code_follows_the_case(cast, settings):
    _, held = applied_page(cast, settings)
    released = intake.intake_release(intake=held, by=cast["fuyi"], expected_version=held.version)
    page = look_up(held.receipt_number, held.lookup_code)
    assert released.case.number in page and "受理审查中" in page and "排队中" not in page
    assert released.case.lookup_code in page  # the case's own code, for later lookups


def test_a_discarded_application_says_it_was_not_registered_and_why(cast, settings):
    _, held = applied_page(cast, settings)
    intake.intake_discard(intake=held, by=cast["fuyi"], reason="同一申请重复提交", expected_version=held.version)
    page = look_up(held.receipt_number, held.lookup_code)
    assert "未予登记" in page and "同一申请重复提交" in page


def test_an_admitted_application_has_no_second_code(cast, settings):
    settings.APPLY_PER_DAY = 5
    submit(cast, 1)
    admitted = OnlineIntake.objects.get()
    assert admitted.case_id and admitted.lookup_code == ""
    assert dt.date(2026, 12, 1) == admitted.received_on


def api_status(number, code):
    look_up.count = getattr(look_up, "count", 0) + 1
    client = Client(REMOTE_ADDR=f"10.89.0.{look_up.count % 250 + 1}")
    return client.get("/api/reconsideration/status", {"number": number, "code": code})


def test_the_status_api_answers_for_a_held_application_like_the_portal(cast, settings):
    _, held = applied_page(cast, settings)
    response = api_status(held.receipt_number, held.lookup_code.lower())
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["state_label"] == "待受理（排队中）" and body["receipt_number"] == held.receipt_number
    assert body["received_on"] == "2026-12-01" and body["decision_due"] is None
    assert "当日网上申请超过限额" in body["reason"]
    assert api_status(held.receipt_number, "ABCDEFGH").status_code == 404


def test_the_status_api_follows_a_released_application_to_its_case(cast, settings):
    _, held = applied_page(cast, settings)
    released = intake.intake_release(intake=held, by=cast["fuyi"], expected_version=held.version)
    body = api_status(held.receipt_number, held.lookup_code).json()
    assert body["number"] == released.case.number and body["state_label"] == "受理审查中"
    assert body["receipt_number"] == held.receipt_number


def test_the_status_api_says_a_discarded_application_was_not_registered_and_why(cast, settings):
    _, held = applied_page(cast, settings)
    intake.intake_discard(intake=held, by=cast["fuyi"], reason="同一申请重复提交", expected_version=held.version)
    body = api_status(held.receipt_number, held.lookup_code).json()
    assert body["state_label"] == "未予登记" and body["reason"] == "同一申请重复提交"
