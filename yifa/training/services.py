"""Writes, all through the kit's ``add``/``change``: a course with its attendance, a study session with its
attendees, a year's hours requirement. Each input is checked first; nothing is half-written."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from yifa.core.access import visible_unit_ids
from yifa.core.models import Role, User
from yifa.core.procedure import LEGAL_OFFICE, Checks, add, change, create, in_unit_of

from . import flows, rules, signin, year_hours
from .models import (
    Attendance,
    Course,
    CourseKind,
    Exam,
    HoursRequirement,
    MeetingRecord,
    OfficerKind,
    StudyKind,
    StudySession,
    TrainingOutline,
)

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
        year_hours.recount((p.pk, c.held_on.year) for p in people)

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


# ---- the year's outline and the units' plans (flows.py) -----------------------------------------------


def outline_draft(*, by, year: int, title: str, body: str, plans_due: dt.date | None = None) -> TrainingOutline:
    """The legal office's draft of the year's outline, with a pending plan for every department and township;
    the plans are due at the end of the first quarter unless another day is given."""

    def build():
        return TrainingOutline(
            year=year,
            title=(title or "").strip(),
            body=(body or "").strip(),
            plans_due=plans_due or rules.plans_due_default(year),
            recorded_by=by,
        )

    return create(flows.OUTLINE, "draft", build=build, by=by, data={"year": year})


# ---- exams ------------------------------------------------------------------------------------------------


def exam_record(
    *,
    by,
    course: Course,
    subject: str,
    held_on: dt.date,
    full_mark: int,
    pass_mark: int,
    scores: dict[int, int | None],
    version: int | None = None,
) -> Exam:
    """A course's exam and each attendee's score (None: absent); recording it again changes it (with the
    version read). Only the course's attendees can have a score; no score above the full mark."""
    checks = Checks()
    subject = checks.text("subject", "考试科目", subject, limit=200)
    checks.date("held_on", "考试日期", held_on)
    if held_on and held_on < course.held_on:
        checks.fail("held_on", f"考试日期：不能早于培训日期{course.held_on:%Y-%m-%d}")
    if not full_mark or full_mark < 1:
        checks.fail("full_mark", "满分：须大于0")
    elif pass_mark is None or not 0 <= pass_mark <= full_mark:
        checks.fail("pass_mark", f"合格分数：须在0至满分{full_mark}之间")
    attendees = set(course.attendance.values_list("person_id", flat=True))
    for person_id, score in scores.items():
        if person_id not in attendees:
            checks.fail(f"score_{person_id}", "成绩：只能为本次培训的参训人员录入")
        elif score is not None and full_mark and not 0 <= score <= full_mark:
            checks.fail(f"score_{person_id}", f"成绩：须在0至满分{full_mark}之间")
    checks.done()
    fields = {"subject": subject, "held_on": held_on, "full_mark": full_mark, "pass_mark": pass_mark}
    data = {"scores": {str(k): v for k, v in scores.items()}, "course": course.pk}

    def set_scores(exam):
        rows = list(Attendance.objects.filter(course=course, person_id__in=list(scores)))
        for row in rows:
            row.score = scores[row.person_id]
        Attendance.objects.bulk_update(rows, ["score"])

    current = Exam.objects.filter(course=course).first()
    if current is None:
        return add(
            Exam(course=course, recorded_by=by, **fields),
            by=by,
            who=UNIT_STAFF,
            action="training.exam",
            label="录入考试成绩",
            after=set_scores,
            subject=course,
            unit=course.unit,
            data=data,
        )

    def apply(exam):
        for name, value in fields.items():
            setattr(exam, name, value)
        set_scores(exam)

    return change(
        current,
        by=by,
        who=UNIT_STAFF,
        action="training.exam",
        label="修改考试成绩",
        apply=apply,
        expected_version=version,
        subject=course,
        unit=course.unit,
        data=data,
    )


# ---- meetings other modules recorded, and a 会前学法 attached to one --------------------------------------


def meeting_known(*, by, source: str, unit, kind: str, held_on: dt.date, subject: str, link: str) -> MeetingRecord:
    """Keep (or refresh) a meeting another module's event carried, so a study session can name it."""
    current = MeetingRecord.objects.filter(source=source).first()
    fields = {"unit": unit, "kind": kind[:50], "held_on": held_on, "subject": subject[:200], "link": link[:300]}
    if current is None:
        return add(
            MeetingRecord(source=source, **fields),
            by=by,
            who=None,
            action="training.meeting",
            label="登记会议（来自重大行政决策）",
            unit=unit,
            data={"source": source, "held_on": held_on},
        )
    return change(
        current, by=by, who=None, action="training.meeting", label="更新会议（来自重大行政决策）", apply=fields
    )


def study_attach_meeting(*, by, study: StudySession, meeting_record: MeetingRecord, version: int | None):
    """A 会前学法 session attached to the meeting it preceded: the same unit's meeting, held on or after the
    study (会前: before the meeting), the session being a 会前学法 (the arrangement, 六、第18项)."""
    checks = Checks()
    if study.kind != StudyKind.PRE_MEETING:
        checks.fail("meeting_record", f"所附会议：只有会前学法可附于会议（{rules.PRE_MEETING_STUDY.citation}）")
    if meeting_record.unit_id != study.unit_id:
        checks.fail("meeting_record", "所附会议：须为本单位的会议")
    if meeting_record.held_on < study.held_on:
        checks.fail(
            "meeting_record",
            f"所附会议：会议于{meeting_record.held_on:%Y-%m-%d}召开，早于学法日期{study.held_on:%Y-%m-%d}，不是会前学法",
        )
    checks.done()
    return change(
        study,
        by=by,
        who=UNIT_STAFF,
        action="training.study_meeting",
        label="附于会议",
        apply={
            "meeting_record": meeting_record,
            "meeting": str(meeting_record)[:200],
            "meeting_link": meeting_record.link,
        },
        expected_version=version,
        data={"meeting": meeting_record.source, "basis": rules.PRE_MEETING_STUDY.citation},
    )
