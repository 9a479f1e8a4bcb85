import datetime as dt

from django.utils import timezone

from yifa.core.registry import refusals
from yifa.training import demo, queries, seed
from yifa.training.models import Attendance, Course, StudySession


def test_demo_leaves_the_officer_short_of_hours_and_a_unit_short_of_study(cast):
    demo.load(cast)
    today = timezone.localdate()
    assert refusals("renewal_refusals", officer=cast["shijian_officer"], on=dt.date(today.year, 12, 1))
    counts = {u.name: u.sessions for u in queries.study_counts(cast["mayor"], year=today.year)}
    if today >= dt.date(today.year, 6, 12):
        assert counts["江临市民政局"] == 1 and counts["江临市市场监管局"] == 2


def test_seed_adds_courses_attendance_and_studies(cast):
    counts = seed.seed(scale=200, progress=lambda *_: None)
    assert counts["courses"] == Course.objects.count() == 10
    assert Attendance.objects.count() == counts["attendance"] > 0
    assert StudySession.objects.count() == counts["studies"] == 5
