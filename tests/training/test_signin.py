"""扫码签到: the organiser opens a window and shows the QR; an officer scans it, signs in once, and the
course's hours count for him; outside the window, or a second time, nothing is written."""

import datetime as dt
from decimal import Decimal

import pytest
import segno
from django.urls import reverse
from django.utils import timezone

from yifa.core.errors import YifaError
from yifa.training import queries, services, signin
from yifa.training.models import Attendance, Course

HOUR = dt.timedelta(hours=1)


def qr_course(cast, *, opens=None, closes=None, held_on=None):
    now = timezone.now()
    by = cast["shijian_liaison"]
    return services.course_record(
        by=by,
        unit=by.unit,
        topic="行政处罚法专题培训",
        held_on=held_on or timezone.localdate(),
        hours=Decimal("3"),
        signin_opens=opens or now - HOUR,
        signin_closes=closes or now + HOUR,
    )


def test_course_page_shows_the_qr_that_opens_the_signin_page(cast, login):
    course = qr_course(cast)
    page = login(cast["shijian_liaison"]).get(course.get_absolute_url()).content.decode()
    url = "http://testserver" + reverse("training:signin", args=[course.signin_code])
    assert segno.make(url, error="m").svg_inline(scale=6, border=2, dark="#111827") in page
    assert "正在签到" in page


def test_officer_signs_in_once_and_is_credited_the_hours(cast, login):
    course = qr_course(cast)
    officer = cast["minzheng_head"]  # another unit's officer attending the course
    client = login(officer)
    url = reverse("training:signin", args=[course.signin_code])
    assert "确认签到" in client.get(url).content.decode()
    page = client.post(url, follow=True).content.decode()
    assert "签到成功，计入3学时" in page and "您已签到" in page
    assert queries.hours_of(officer.pk, course.held_on.year) == Decimal(3)

    again = client.post(url, follow=True).content.decode()
    assert "不能重复签到" in again
    assert Attendance.objects.filter(course=course, person=officer).count() == 1
    assert queries.hours_of(officer.pk, course.held_on.year) == Decimal(3)
    listing = login(cast["shijian_liaison"]).get(course.get_absolute_url()).content.decode()
    assert "民政局长" in listing and "扫码" in listing


def test_signing_in_outside_the_window_is_refused_and_nothing_is_written(cast, login):
    yesterday = timezone.now() - dt.timedelta(days=1)
    course = qr_course(cast, opens=yesterday - HOUR, closes=yesterday + HOUR, held_on=timezone.localdate(yesterday))
    client = login(cast["shijian_officer"])
    url = reverse("training:signin", args=[course.signin_code])
    assert "不在签到时间内" in client.get(url).content.decode()
    assert "不在签到时间内" in client.post(url, follow=True).content.decode()
    assert not Attendance.objects.filter(course=course).exists()


def test_the_signin_page_asks_for_a_login_first(cast, client):
    course = qr_course(cast)
    url = reverse("training:signin", args=[course.signin_code])
    response = client.get(url)
    assert response.status_code == 302 and "/login/" in response["Location"] and "next=" in response["Location"]
    assert client.post(url).status_code == 302
    assert not Attendance.objects.exists()


def test_an_unknown_code_is_not_found(cast, login):
    response = login(cast["shijian_officer"]).get(reverse("training:signin", args=["no-such-code"]))
    assert response.status_code == 404 and "没有该培训的签到码" in response.content.decode()


def test_a_window_ending_before_it_starts_is_refused_naming_the_field(cast):
    now = timezone.now()
    with pytest.raises(YifaError) as refused:
        qr_course(cast, opens=now, closes=now - HOUR)
    assert "签到截止时间：须晚于开始时间" in str(refused.value.errors)
    with pytest.raises(YifaError) as refused:
        qr_course(cast, opens=now - 30 * HOUR, closes=now)
    assert "不能超过24小时" in str(refused.value.errors)


def test_organiser_opens_the_window_from_the_course_page(cast, login):
    by = cast["shijian_liaison"]
    course = services.course_record(
        by=by,
        unit=by.unit,
        topic="行政许可法培训",
        held_on=dt.date(2026, 5, 12),
        hours=Decimal("2"),
        attendees=[cast["shijian_officer"]],
    )
    client = login(by)
    response = client.post(
        reverse("training:signin_window", args=[course.pk]),
        {"signin_opens": "2026-05-12T08:30", "signin_closes": "2026-05-12T12:00", "version": course.version},
        follow=True,
    )
    assert "已设置扫码签到时间" in response.content.decode()
    course.refresh_from_db()
    assert course.signin_code and signin.window_text(course) == "2026-05-12 08:30至2026-05-12 12:00"
    bad = client.post(
        reverse("training:signin_window", args=[course.pk]),
        {"signin_opens": "2026-05-14T08:30", "signin_closes": "2026-05-14T12:00", "version": course.version},
        follow=True,
    ).content.decode()
    assert "签到时间须包含培训日期2026-05-12" in bad
    course.refresh_from_db()
    assert signin.window_text(course) == "2026-05-12 08:30至2026-05-12 12:00"


def test_another_unit_cannot_open_the_window(cast, login):
    course = qr_course(cast)
    response = login(cast["minzheng_liaison"]).post(
        reverse("training:signin_window", args=[course.pk]),
        {"signin_opens": "2026-05-12T08:30", "signin_closes": "2026-05-12T12:00", "version": course.version},
    )
    assert response.status_code == 403


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_signing_in_on_a_phone_screen(cast, browser_login):
    course = qr_course(cast)
    page = browser_login(cast["shijian_officer"])
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(reverse("training:signin", args=[course.signin_code]))
    button = page.locator("#signin-button")
    assert button.bounding_box()["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    button.click()
    page.wait_for_selector("#signed")
    assert "计入3学时" in page.inner_text("#signed")
    assert Attendance.objects.filter(course=course, person=cast["shijian_officer"]).count() == 1


def test_api_records_a_course_for_qr_signin_without_attendees(cast, login):
    client = login(cast["shijian_liaison"])
    body = {
        "topic": "执法文书制作",
        "held_on": "2026-06-10",
        "hours": "4",
        "signin_opens": "2026-06-10T08:30:00+08:00",
        "signin_closes": "2026-06-10T12:00:00+08:00",
    }
    response = client.post("/api/training/courses", body, content_type="application/json")
    assert response.status_code == 201
    course = Course.objects.get(pk=response.json()["id"])
    assert course.signin_code and signin.window_text(course) == "2026-06-10 08:30至2026-06-10 12:00"
    neither = {k: v for k, v in body.items() if not k.startswith("signin")}
    refused = client.post("/api/training/courses", neither, content_type="application/json")
    assert refused.status_code == 400 and refused.json()["field"] == "attendees"
    assert Course.objects.count() == 1
