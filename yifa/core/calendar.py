"""The editable working-day calendar, loaded from its table into a ``WorkCalendar``.

Every process keeps one parsed copy, checked against a one-query stamp of the
table on each use: an edit made in another worker (or rolled back) is seen at
once, so no process ever computes a deadline on a stale calendar.
"""

from __future__ import annotations

import datetime as dt
import threading

from django.db import connection

from yifa.lib.workdays import WorkCalendar

from .models import CalendarDay, CalendarYear, DayKind

_cache: dict[str, tuple] = {}
_lock = threading.Lock()


def _stamp() -> tuple:
    days, years = CalendarDay._meta.db_table, CalendarYear._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT COUNT(*) FROM {days}), (SELECT MAX(id) FROM {days}),"
            f" (SELECT MAX(changed_at) FROM {days}), (SELECT COUNT(*) FROM {years}),"
            f" (SELECT SUM(year) FROM {years}), (SELECT MAX(id) FROM {years})"
        )
        return tuple(str(v) for v in cursor.fetchone())


def current_calendar() -> WorkCalendar:
    stamp = _stamp()
    cached = _cache.get("cal")
    if cached is not None and cached[0] == stamp:
        return cached[1]
    with _lock:
        holidays, makeups = {}, {}
        for day, kind, name in CalendarDay.objects.values_list("date", "kind", "name"):
            (holidays if kind == DayKind.HOLIDAY else makeups)[day] = name
        years = frozenset(CalendarYear.objects.values_list("year", flat=True))
        cal = WorkCalendar(holidays, makeups, years)
        _cache["cal"] = (stamp, cal)
    return cal


def forget_calendar(**_ignored) -> None:
    _cache.pop("cal", None)


def next_year_missing(today: dt.date) -> bool:
    """From 1 November, next year's schedule should be entered."""
    return today.month >= 11 and not CalendarYear.objects.filter(year=today.year + 1).exists()


def workdays_until(today: dt.date, due: dt.date, calendar: WorkCalendar | None = None) -> int:
    """Working days after ``today`` up to and including ``due`` (0 when due today or past)."""
    cal = calendar or current_calendar()
    count, day = 0, today
    while day < due:
        day += dt.timedelta(days=1)
        if cal.is_workday(day):
            count += 1
    return count
