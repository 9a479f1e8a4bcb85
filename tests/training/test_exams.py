"""Exams where a unit holds them: subject, date, pass mark and each attendee's score, shown on the person's
training record."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from yifa.core.errors import AccessDenied, Conflict, InvalidInput
from yifa.training import services
from yifa.training.models import Attendance, Exam

D = dt.date


@pytest.fixture
def examined(cast):
    people = [cast["shijian_officer"], cast["shijian_head"]]
    return services.course_record(
        by=cast["shijian_liaison"],
        unit=cast["市场监管局"],
        topic="行政处罚法专题培训",
        held_on=D(2025, 6, 10),
        hours=Decimal(8),
        exam=True,
        attendees=people,
    )


def test_scores_are_recorded_per_attendee_and_shown_on_the_persons_record(cast, login, examined):
    officer, head = cast["shijian_officer"], cast["shijian_head"]
    services.exam_record(
        by=cast["shijian_liaison"],
        course=examined,
        subject="行政处罚法",
        held_on=D(2025, 6, 10),
        full_mark=100,
        pass_mark=60,
        scores={officer.pk: 86, head.pk: 52},
    )
    assert Attendance.objects.get(course=examined, person=officer).score == 86
    record = login(cast["shijian_head"]).get(reverse("training:person", args=[officer.pk]) + "?year=2025")
    text = record.content.decode()
    assert "行政处罚法（2025-06-10，60/100分合格）" in text and "86（合格）" in text
    theirs = login(cast["shijian_head"]).get(reverse("training:person", args=[head.pk]) + "?year=2025").content.decode()
    assert "52（不合格）" in theirs
    course_page = login(cast["shijian_liaison"]).get(examined.get_absolute_url()).content.decode()
    assert "86（合格）" in course_page and "52（不合格）" in course_page


def test_an_absent_attendee_is_shown_absent_and_a_correction_needs_the_version_read(cast, login, examined):
    officer, head = cast["shijian_officer"], cast["shijian_head"]
    args = dict(
        by=cast["shijian_liaison"], course=examined, subject="行政处罚法", held_on=D(2025, 6, 10), full_mark=100
    )
    first = services.exam_record(**args, pass_mark=60, scores={officer.pk: 70, head.pk: None})
    services.exam_record(**args, pass_mark=75, scores={officer.pk: 70, head.pk: None}, version=first.version)
    with pytest.raises(Conflict):
        services.exam_record(**args, pass_mark=50, scores={officer.pk: 99, head.pk: None}, version=first.version)
    assert Exam.objects.get().pass_mark == 75
    assert Attendance.objects.get(course=examined, person=officer).score == 70
    text = login(cast["shijian_head"]).get(reverse("training:person", args=[head.pk]) + "?year=2025").content.decode()
    assert "缺考" in text
    officer_text = login(cast["shijian_head"]).get(reverse("training:person", args=[officer.pk]) + "?year=2025")
    assert "70（不合格）" in officer_text.content.decode()


def test_bad_scores_are_refused_with_the_field_named_and_nothing_written(cast, examined):
    with pytest.raises(InvalidInput) as exc:
        services.exam_record(
            by=cast["shijian_liaison"],
            course=examined,
            subject="",
            held_on=D(2025, 6, 9),
            full_mark=100,
            pass_mark=60,
            scores={cast["shijian_officer"].pk: 120, cast["minzheng_head"].pk: 80},
        )
    errors = exc.value.errors
    assert errors["subject"] == "考试科目：必须填写"
    assert errors["held_on"] == "考试日期：不能早于培训日期2025-06-10"
    assert errors[f"score_{cast['shijian_officer'].pk}"] == "成绩：须在0至满分100之间"
    assert errors[f"score_{cast['minzheng_head'].pk}"] == "成绩：只能为本次培训的参训人员录入"
    assert not Exam.objects.exists()
    assert not Attendance.objects.filter(score__isnull=False).exists()


def test_another_unit_cannot_record_the_exam_nor_see_the_record(cast, login, examined):
    with pytest.raises(AccessDenied):
        services.exam_record(
            by=cast["minzheng_liaison"],
            course=examined,
            subject="x",
            held_on=D(2025, 6, 10),
            full_mark=100,
            pass_mark=60,
            scores={},
        )
    client = login(cast["minzheng_head"])
    assert client.get(reverse("training:person", args=[cast["shijian_officer"].pk])).status_code == 403


def test_the_course_page_form_records_the_scores(cast, login, examined):
    officer, head = cast["shijian_officer"], cast["shijian_head"]
    client = login(cast["shijian_liaison"])
    page = client.get(examined.get_absolute_url()).content.decode()
    assert "录入考试成绩" in page and f'name="score_{officer.pk}"' in page
    data = {"subject": "行政处罚法", "held_on": "2025-06-10", "full_mark": 100, "pass_mark": 60}
    bad = client.post(reverse("training:exam", args=[examined.pk]), {**data, f"score_{officer.pk}": 101})
    assert bad.status_code == 400 and "成绩：须在0至满分100之间" in bad.content.decode()
    assert not Exam.objects.exists()
    done = client.post(
        reverse("training:exam", args=[examined.pk]), {**data, f"score_{officer.pk}": 90, f"score_{head.pk}": ""}
    )
    assert done.status_code == 302
    assert Attendance.objects.get(course=examined, person=officer).score == 90
    assert Attendance.objects.get(course=examined, person=head).score is None
