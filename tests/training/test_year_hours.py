"""Each person's hours of the year are kept beside the attendance (``YearHours``), so the hours page and the
assessment's count of people who met the requirement no longer sum the whole year's attendance. Every way an
attendance is written or removed keeps the kept sum equal to the attendance itself."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from yifa.training import interface, queries, services, signin, year_hours
from yifa.training.models import Attendance, YearHours

from .conftest import course

D = dt.date


def hours_listed(person, year):
    return next(p.hours for p in queries.people_hours(None, year=year) if p.pk == person.pk)


def test_listed_hours_follow_registration_signin_and_deletion(cast):
    officer, head = cast["shijian_officer"], cast["shijian_head"]
    first = course(cast, "shijian_liaison", [officer, head], on=D(2025, 3, 2), hours=Decimal("16"))
    course(cast, "shijian_liaison", [officer], on=D(2025, 11, 20), hours=Decimal("6.5"))
    course(cast, "shijian_liaison", [officer], on=D(2026, 1, 8), hours=Decimal("40"))
    assert hours_listed(officer, 2025) == Decimal("22.5") and hours_listed(head, 2025) == 16

    now = timezone.now()
    by_qr = services.course_record(
        by=cast["shijian_liaison"],
        unit=cast["shijian_liaison"].unit,
        topic="行政许可法专题",
        held_on=timezone.localdate(),
        hours=Decimal("3"),
        signin_opens=now - dt.timedelta(hours=1),
        signin_closes=now + dt.timedelta(hours=1),
    )
    signin.sign_in(by=head, course=by_qr)
    assert hours_listed(head, timezone.localdate().year) == 3

    first.delete()  # its attendance goes with it
    assert hours_listed(officer, 2025) == Decimal("6.5") and hours_listed(head, 2025) == 0
    Attendance.objects.filter(person=officer, year=2026).delete()
    assert hours_listed(officer, 2026) == 0
    assert year_hours.differences() == []


def test_people_who_met_the_requirement_are_counted_from_the_kept_sums(cast):
    officer = cast["shijian_officer"]  # an enforcement officer: 80 hours a year unless set otherwise
    course(cast, "shijian_liaison", [officer], on=D(2025, 3, 2), hours=Decimal("40"))
    unit = officer.unit_id
    met_before = interface.hours_met_by_unit(2025)[unit][0]
    course(cast, "shijian_liaison", [officer], on=D(2025, 4, 2), hours=Decimal("40"))
    assert interface.hours_met_by_unit(2025)[unit][0] == met_before + 1


def test_hours_page_shows_the_kept_sum(cast, login):
    officer = cast["shijian_officer"]
    course(cast, "shijian_liaison", [officer], on=D(2025, 3, 2), hours=Decimal("12.5"))
    page = login(cast["shijian_liaison"]).get(reverse("training:hours") + "?year=2025").content.decode()
    assert "12.5" in page


def test_tallies_check_names_a_wrong_sum_and_rebuild_repairs_it(cast, capsys):
    officer = cast["shijian_officer"]
    course(cast, "shijian_liaison", [officer], on=D(2025, 3, 2), hours=Decimal("8"))
    YearHours.objects.filter(person=officer, year=2025).update(hours=Decimal("30"))
    with pytest.raises(CommandError, match="汇总计数与记录不符：1处"):
        call_command("tallies", "check")
    assert f"参训学时：人员{officer.pk}，2025年，合计30，应为8" in capsys.readouterr().err
    call_command("tallies", "rebuild")
    assert year_hours.differences() == [] and hours_listed(officer, 2025) == 8
