"""The editable working-day calendar, loaded from its table into a ``WorkCalendar``."""
from __future__ import annotations

import datetime as dt
import threading

from yifa.lib.workdays import WorkCalendar

from .models import CalendarDay, CalendarYear, DayKind

_cache: dict[str, WorkCalendar] = {}
_lock = threading.Lock()


def current_calendar() -> WorkCalendar:
    cal = _cache.get("cal")
    if cal is None:
        with _lock:
            holidays, makeups = {}, {}
            for day, kind, name in CalendarDay.objects.values_list("date", "kind", "name"):
                (holidays if kind == DayKind.HOLIDAY else makeups)[day] = name
            years = frozenset(CalendarYear.objects.values_list("year", flat=True))
            cal = WorkCalendar(holidays, makeups, years)
            _cache["cal"] = cal
    return cal


def forget_calendar(**_ignored) -> None:
    _cache.pop("cal", None)


def next_year_missing(today: dt.date) -> bool:
    """From 1 November, next year's schedule should be entered."""
    return today.month >= 11 and not CalendarYear.objects.filter(year=today.year + 1).exists()


def add_workdays(day: dt.date, n: int) -> dt.date:
    cal = current_calendar()
    for _ in range(n):
        day = cal.next_workday(day)
    return day


def workdays_until(today: dt.date, due: dt.date) -> int:
    """Working days after ``today`` up to and including ``due`` (0 when due today or past)."""
    cal = current_calendar()
    count, day = 0, today
    while day < due:
        day += dt.timedelta(days=1)
        if cal.is_workday(day):
            count += 1
    return count
