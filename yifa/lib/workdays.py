"""Chinese working-day calendar: weekends, statutory holidays and 调休 make-up days.

Pure Python; the database-backed calendar in ``yifa.core.calendar`` builds one
of these from its editable table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

HOLIDAY_NAMES_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}


@dataclass(frozen=True)
class WorkCalendar:
    holidays: dict[dt.date, str] = field(default_factory=dict)
    makeup_days: dict[dt.date, str] = field(default_factory=dict)
    published_years: frozenset[int] = frozenset()

    def is_workday(self, day: dt.date) -> bool:
        if day in self.makeup_days:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def is_rest_day(self, day: dt.date) -> bool:
        return not self.is_workday(day)

    def is_published(self, year: int) -> bool:
        return year in self.published_years

    def next_workday(self, day: dt.date) -> dt.date:
        """The first working day strictly after ``day``."""
        day += dt.timedelta(days=1)
        while not self.is_workday(day):
            day += dt.timedelta(days=1)
        return day


def calendar_from_package(first_year: int = 2004, last_year: int | None = None) -> WorkCalendar:
    """The State Council schedules as shipped by the ``chinesecalendar`` package."""
    import chinese_calendar

    last_year = last_year or max(chinese_calendar.holidays).year
    holidays, makeups = {}, {}
    for day, name in chinese_calendar.holidays.items():
        if first_year <= day.year <= last_year:
            holidays[day] = HOLIDAY_NAMES_ZH.get(name, name or "法定节假日")
    for day, name in chinese_calendar.workdays.items():
        if first_year <= day.year <= last_year and day.weekday() >= 5:
            makeups[day] = HOLIDAY_NAMES_ZH.get(name, name)
    return WorkCalendar(holidays, makeups, frozenset(range(first_year, last_year + 1)))


WEEKENDS_ONLY = WorkCalendar()
