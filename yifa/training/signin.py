"""扫码签到: the course's organiser opens a sign-in window; the QR on the course page carries a random code;
a logged-in officer who scans it inside the window is recorded once and credited the course's hours."""

from __future__ import annotations

import datetime as dt
import secrets

import segno
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from yifa.core.errors import YifaError
from yifa.core.procedure import MEMBER, Checks, add, change

from . import rules
from .models import Attendance, Course


def window_checks(checks: Checks, held_on: dt.date, opens, closes) -> None:
    """The window must be given whole, end after it starts, last at most a day and include the course day."""
    if opens is None or closes is None:
        checks.fail("signin_closes" if opens else "signin_opens", "签到时间：须同时填写开始和截止时间")
        return
    if closes <= opens:
        checks.fail("signin_closes", "签到截止时间：须晚于开始时间")
    elif closes - opens > rules.SIGNIN_WINDOW_LONGEST:
        checks.fail("signin_closes", "签到截止时间：签到时间不能超过24小时")
    local = timezone.localtime
    if held_on and not local(opens).date() <= held_on <= local(closes).date():
        checks.fail("signin_opens", f"签到开始时间：签到时间须包含培训日期{held_on:%Y-%m-%d}")


def new_code() -> str:
    return secrets.token_urlsafe(16)


def window_open(*, by, course: Course, opens, closes, version: int | None = None) -> Course:
    """Open (or move) the sign-in window; the QR code stays the same once made."""
    from .services import UNIT_STAFF

    checks = Checks()
    window_checks(checks, course.held_on, opens, closes)
    checks.done()
    return change(
        course,
        by=by,
        who=UNIT_STAFF,
        action="training.signin_window",
        label="设置扫码签到",
        apply={"signin_code": course.signin_code or new_code(), "signin_opens": opens, "signin_closes": closes},
        expected_version=version,
        unit=course.unit,
    )


def course_for_code(code: str) -> Course | None:
    return Course.objects.select_related("unit").filter(signin_code=code).first() if code else None


def sign_in(*, by, course: Course, at: dt.datetime | None = None) -> Attendance:
    """The officer signs himself in; a second scan is refused with the time of the first."""
    at = at or timezone.now()
    if by is None or not getattr(by, "unit_id", None):
        raise YifaError("签到：须以隶属某一单位的工作人员账号登录")
    if not course.signin_open_at(at):
        raise YifaError(f"签到：不在签到时间内（{window_text(course)}）")
    before = Attendance.objects.filter(course=course, person=by).first()
    if before is not None:
        raise YifaError(f"签到：您已于{_when(before.signed_in_at)}签到，不能重复签到")
    row = Attendance(course=course, person=by, year=course.held_on.year, hours=course.hours, signed_in_at=at)
    try:
        return add(
            row,
            by=by,
            who=MEMBER,
            action="training.signin",
            label="扫码签到",
            subject=course,
            unit=course.unit,
            data={"person": by.pk, "hours": str(course.hours)},
        )
    except IntegrityError:  # two scans at the same moment: the first one counts
        raise YifaError("签到：您已签到，不能重复签到") from None


def _when(moment) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}" if moment else "此前（由登记人录入）"


def window_text(course: Course) -> str:
    if not course.signin_opens:
        return "尚未开放扫码签到"
    return f"{_when(course.signin_opens)}至{_when(course.signin_closes)}"


def qr_svg(request, course: Course) -> str:
    """The QR for the course's sign-in page, drawn here with segno (as the enforcement certificate QR)."""
    url = request.build_absolute_uri(reverse("training:signin", args=[course.signin_code]))
    return segno.make(url, error="m").svg_inline(scale=6, border=2, dark="#111827")
