"""Chinese working-day calendar: weekends, statutory holidays and 调休 make-up days.

Pure Python; the database-backed calendar in ``yifa.core.calendar`` builds one
of these from its editable table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from lunardate import LunarDate

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


# 全国年节及纪念日放假办法第二条, as revised on 2024-11-10 (in force from 2025-01-01: 春节 from 除夕,
# 劳动节 two days) and as it stood from 2014 (2013 revision).
REVISION_2024_FROM = 2025


@lru_cache(maxsize=64)
def statutory_days_off(year: int) -> dict[dt.date, str]:
    """The days off that 全国年节及纪念日放假办法第二条 itself fixes for ``year``, before any State Council
    notice moves them or adds 调休: 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节. Lunar dates are
    converted with the lunar calendar; 清明 is the solar term."""
    new_year = LunarDate(year, 1, 1).to_solar_date()
    spring = [new_year + dt.timedelta(days=n) for n in range(3)]
    may_day = [dt.date(year, 5, 1)]
    if year >= REVISION_2024_FROM:
        spring.insert(0, new_year - dt.timedelta(days=1))  # 农历除夕
        may_day.append(dt.date(year, 5, 2))
    days = {dt.date(year, 1, 1): "元旦"}
    days.update(dict.fromkeys(spring, "春节"))
    days[_qingming(year)] = "清明节"
    days.update(dict.fromkeys(may_day, "劳动节"))
    days[LunarDate(year, 5, 5).to_solar_date()] = "端午节"
    days[LunarDate(year, 8, 15).to_solar_date()] = "中秋节"
    days.update(dict.fromkeys((dt.date(year, 10, d) for d in (1, 2, 3)), "国庆节"))
    return days


def _qingming(year: int) -> dt.date:
    import chinese_calendar

    return next(day for day, name in chinese_calendar.get_solar_terms(dt.date(year, 4, 3), dt.date(year, 4, 6)) if name)


@dataclass(frozen=True)
class WorkCalendar:
    holidays: dict[dt.date, str] = field(default_factory=dict)
    makeup_days: dict[dt.date, str] = field(default_factory=dict)
    published_years: frozenset[int] = frozenset()
    # In a year whose schedule has not been published, the days fixed by 放假办法第二条 are still off.
    statutory_fallback: bool = True

    def holiday_name(self, day: dt.date) -> str | None:
        """The holiday ``day`` falls in, or None when it is not a holiday."""
        if day in self.holidays:
            return self.holidays[day]
        if self.statutory_fallback and not self.is_published(day.year) and day not in self.makeup_days:
            return statutory_days_off(day.year).get(day)
        return None

    def is_workday(self, day: dt.date) -> bool:
        if day in self.makeup_days:
            return True
        if self.holiday_name(day) is not None:
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


WEEKENDS_ONLY = WorkCalendar(statutory_fallback=False)
