"""Each person's hours per year (``YearHours``) kept in step with the attendance: a written or deleted
attendance (one by one, or a course deleted with its attendance) is counted again by the receivers in
``apps.py``; rows written in bulk (a course's attendee list, ``yifa seed``) call ``recount`` themselves.
A recount sums the attendance of the people and years named, from the (person, year, hours) index, and
writes their totals by one upsert, so it costs what was written, not the year's attendance."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Sum

from .models import Attendance, YearHours
from .queries import hours_text


def recount(pairs: Iterable[tuple[int, int]]) -> None:
    """Sum again the hours of each (person id, year) in ``pairs``."""
    by_year: dict[int, set[int]] = defaultdict(set)
    for person_id, year in pairs:
        by_year[year].add(person_id)
    for year, people in by_year.items():
        sums = _sums(Attendance.objects.filter(year=year, person_id__in=people))
        YearHours.objects.filter(year=year, person_id__in=people - {p for p, _ in sums}).delete()
        _write(sums)


def _sums(attendance) -> dict[tuple[int, int], object]:
    """{(person id, year): hours} of ``attendance``."""
    rows = attendance.values_list("person_id", "year").annotate(total=Sum("hours"))
    return {(p, y): total for p, y, total in rows.values_list("person_id", "year", "total").order_by()}


def _write(sums: dict) -> None:
    YearHours.objects.bulk_create(
        [YearHours(person_id=p, year=y, hours=h) for (p, y), h in sums.items()],
        update_conflicts=True,
        unique_fields=["person", "year"],
        update_fields=["hours"],
        batch_size=2000,
    )


def rebuild() -> int:
    """Every person's hours of every year summed afresh (after rows were written around ``recount``)."""
    found = _sums(Attendance.objects.all())
    YearHours.objects.all().delete()
    _write(found)
    return len(found)


def differences() -> list[str]:
    kept = {(p, y): h for p, y, h in YearHours.objects.values_list("person_id", "year", "hours")}
    found = _sums(Attendance.objects.all())
    return [
        f"参训学时：人员{p}，{y}年，合计{hours_text(kept.get((p, y), 0))}，应为{hours_text(found.get((p, y), 0))}"
        for p, y in sorted(kept.keys() | found.keys())
        if kept.get((p, y), 0) != found.get((p, y), 0)
    ]


def attendance_written(sender, instance: Attendance, **_) -> None:
    recount([(instance.person_id, instance.year)])
