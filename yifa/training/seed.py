"""``yifa seed``: courses with attendance and study sessions in bulk, for the list pages at scale."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from yifa.core.bulk import insert_objects
from yifa.core.models import Unit, User

from . import year_hours
from .models import Attendance, Course, StudyKind, StudySession
from .queries import STUDY_UNIT_KINDS

BATCH = 2000
TOPICS = ["行政处罚法", "行政许可法", "行政复议法", "政府信息公开条例", "重大行政决策程序暂行条例", "行政强制法"]


def seed(*, scale: int, progress) -> dict:
    rng = random.Random(2026)
    year = dt.date.today().year
    units = list(Unit.objects.filter(kind__in=STUDY_UNIT_KINDS).values_list("pk", flat=True))
    people = list(User.objects.filter(unit__isnull=False).values_list("pk", flat=True)[: max(scale, 50)])
    if not units or not people:
        return {"courses": 0, "attendance": 0, "studies": 0}
    n_courses = max(scale // 20, 5)
    courses = insert_objects(
        [
            Course(
                unit_id=rng.choice(units),
                topic=f"{rng.choice(TOPICS)}培训（样本{i}）",
                held_on=dt.date(year - rng.randint(0, 1), rng.randint(1, 12), rng.randint(1, 28)),
                hours=Decimal(rng.choice([2, 4, 8, 16])),
            )
            for i in range(n_courses)
        ],
    )
    progress(f"培训{len(courses)}次")
    rows = []
    for course in courses:
        for person in rng.sample(people, min(len(people), 20)):
            rows.append(Attendance(course=course, person_id=person, year=course.held_on.year, hours=course.hours))
    insert_objects(rows)
    year_hours.rebuild()
    progress(f"参训记录{len(rows)}条")
    sessions = insert_objects(
        [
            StudySession(
                unit_id=rng.choice(units),
                kind=rng.choice(StudyKind.values),
                held_on=dt.date(year - rng.randint(0, 1), rng.randint(1, 12), rng.randint(1, 28)),
                law_studied=rng.choice(TOPICS),
                speaker="主讲人（样本）",
            )
            for _ in range(max(scale // 50, 5))
        ],
    )
    return {"courses": len(courses), "attendance": len(rows), "studies": len(sessions)}
