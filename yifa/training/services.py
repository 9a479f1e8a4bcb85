"""Writes, all through the kit's ``add``/``change``: a course with its attendance, a study session with its
attendees, a year's hours requirement. Each input is checked first; nothing is half-written."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from yifa.core.access import visible_unit_ids
from yifa.core.models import Role, User
from yifa.core.procedure import LEGAL_OFFICE, Checks, add, change, in_unit_of

from . import rules, signin
from .models import Attendance, Course, CourseKind, HoursRequirement, OfficerKind, StudyKind, StudySession

UNIT_STAFF = in_unit_of(Role.LIAISON, Role.HEAD, label="本单位联络员或负责人") | LEGAL_OFFICE
MAX_COURSE_HOURS = Decimal(200)
MAX_YEAR_HOURS = Decimal(500)


def _people_seen_by(by, people, checks: Checks, field: str, label: str, *, unit=None) -> list[User]:
    people = list(people or [])
    seen = visible_unit_ids(by)
    outside = [
        p
        for p in people
        if (unit is not None and not unit.contains(p.unit)) or (seen is not None and p.unit_id not in seen)
    ]
    if outside:
        names = "、".join(p.display_name for p in outside)
        checks.fail(field, f"{label}：{names}不是{'本单位' if unit is not None else '您可管理范围内'}的人员")
    return people


def _hours(checks: Checks, field: str, label: str, value, limit: Decimal) -> Decimal | None:
    if value is None:
        checks.fail(field, f"{label}：必须填写")
    elif not Decimal(0) < Decimal(value) <= limit:
        checks.fail(field, f"{label}：须大于0且不超过{limit}")
    return value


def course_record(
    *,
    by,
    unit,
    topic: str,
    held_on: dt.date,
    hours,
    kind: str = CourseKind.ORGANISED,
    teacher: str = "",
    materials: str = "",
    exam: bool = False,
    attendees=(),
    signin_opens=None,
    signin_closes=None,
) -> Course:
    """A course with the people the recorder lists, or a sign-in window for them to scan in (or both)."""
    checks = Checks()
    if unit is None:
        checks.fail("unit", "组织单位：登记人须属于某一单位")
    topic = checks.text("topic", "培训主题", topic, limit=200)
    checks.choice("kind", "培训方式", kind, CourseKind)
    checks.date("held_on", "培训日期", held_on)
    _hours(checks, "hours", "学时", hours, MAX_COURSE_HOURS)
    people = _people_seen_by(by, attendees, checks, "attendees", "参训人员")
    by_qr = signin_opens is not None or signin_closes is not None
    if by_qr:
        signin.window_checks(checks, held_on, signin_opens, signin_closes)
    elif not people:
        checks.fail("attendees", "参训人员：至少选择一人，或设置扫码签到时间")
    checks.done()
    course = Course(
        unit=unit,
        kind=kind,
        topic=topic,
        teacher=(teacher or "").strip(),
        materials=(materials or "").strip(),
        held_on=held_on,
        hours=hours,
        exam=exam,
        recorded_by=by,
        signin_code=signin.new_code() if by_qr else None,
        signin_opens=signin_opens,
        signin_closes=signin_closes,
    )

    def attend(c: Course):
        Attendance.objects.bulk_create(
            [Attendance(course=c, person=p, year=c.held_on.year, hours=c.hours) for p in people]
        )

    return add(
        course,
        by=by,
        who=UNIT_STAFF,
        action="training.course",
        label="登记培训",
        after=attend,
        unit=unit,
        data={
            "topic": topic,
            "held_on": held_on,
            "hours": str(hours),
            "attendees": [p.pk for p in people],
            "signin": signin.window_text(course) if by_qr else "",
        },
    )


def study_record(
    *,
    by,
    unit,
    kind: str,
    held_on: dt.date,
    law_studied: str,
    speaker: str,
    attendees=(),
    meeting: str = "",
    meeting_link: str = "",
) -> StudySession:
    checks = Checks()
    if unit is None:
        checks.fail("unit", "单位：登记人须属于某一单位")
    checks.choice("kind", "学法形式", kind, StudyKind)
    checks.date("held_on", "学法日期", held_on)
    law_studied = checks.text("law_studied", "学习的法律法规", law_studied, limit=200)
    speaker = checks.text("speaker", "主讲人", speaker, limit=100)
    meeting = checks.text("meeting", "会议", meeting, required=kind == StudyKind.PRE_MEETING, limit=200)
    if meeting_link and not meeting_link.startswith("/staff/"):
        checks.fail("meeting_link", "会议记录链接：须为本平台的会议记录页面（/staff/开头）")
    people = _people_seen_by(by, attendees, checks, "attendees", "参加人员", unit=unit) if unit else []
    if not people:
        checks.fail("attendees", "参加人员：至少选择一人")
    checks.done()
    session = StudySession(
        unit=unit,
        kind=kind,
        held_on=held_on,
        law_studied=law_studied,
        speaker=speaker,
        meeting=meeting,
        meeting_link=meeting_link or "",
        recorded_by=by,
    )
    return add(
        session,
        by=by,
        who=UNIT_STAFF,
        action="training.study",
        label="登记领导干部学法",
        after=lambda s: s.attendees.set(people),
        unit=unit,
        data={"kind": kind, "held_on": held_on, "law": law_studied, "basis": rules.LEADERSHIP_STUDY.citation},
    )


def requirement_set(*, by, year: int, kind: str, hours, basis: str, version: int | None = None) -> HoursRequirement:
    """A new year's figure, or a change to it: the change names the version read (none: the one loaded now)."""
    checks = Checks()
    checks.choice("kind", "人员类别", kind, OfficerKind)
    _hours(checks, "hours", "年度学时要求", hours, MAX_YEAR_HOURS)
    basis = checks.text("basis", "依据", basis, limit=200)
    checks.done()
    current = HoursRequirement.objects.filter(year=year, kind=kind).first()
    if current is None:
        return add(
            HoursRequirement(year=year, kind=kind, hours=hours, basis=basis),
            by=by,
            who=LEGAL_OFFICE,
            action="training.requirement",
            label="设置年度学时要求",
            data={"year": year, "kind": kind, "hours": str(hours), "basis": basis},
        )
    return change(
        current,
        by=by,
        who=LEGAL_OFFICE,
        action="training.requirement",
        label="设置年度学时要求",
        apply={"hours": hours, "basis": basis},
        expected_version=version,
    )
