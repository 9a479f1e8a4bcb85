"""The one deadline engine: a due date from (start, days, unit, calendar, pauses,
extension, restart), with a Chinese explanation of every step.

Counting rules:
- 民法典第二百零一条：按日计算期间的，开始的当日不计入，自下一日开始计算。
- 民事诉讼法第八十五条 / 民法典第二百零三条：期间的最后一日是法定休假日的，
  以法定休假日结束的次日为期间的最后一日 (calendar-day periods only).
- Working-day periods (e.g. 行政复议法第八十八条) count only working days:
  weekends and holidays are skipped, 调休上班日 count.
- Pause ranges (中止、补正、听证、鉴定 …) are inclusive and their days do not count.
- Month periods (e.g. 行政诉讼法第四十六条“六个月”): 民法典第二百零二条 — the corresponding day of the last
  month is the last day, or that month's last day when it has none; a last day that is a rest day moves on
  as for calendar days (民法典第二百零三条). They take no pauses or working days.
"""

from __future__ import annotations

import calendar as month_lengths
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from .workdays import WorkCalendar

# The longest statutory period yifa counts is 行政复议法第二十一条's twenty years.
MAX_PERIOD_DAYS = 20 * 366
# A period and its pauses together may span at most this many days.
MAX_SPAN_DAYS = 2 * MAX_PERIOD_DAYS


class DayUnit(str, Enum):
    WORKDAY = "workday"
    CALENDAR = "calendar"
    MONTH = "month"

    @property
    def label(self) -> str:
        return {DayUnit.WORKDAY: "个工作日", DayUnit.CALENDAR: "日", DayUnit.MONTH: "个月"}[self]


WORKDAYS = DayUnit.WORKDAY
CALENDAR_DAYS = DayUnit.CALENDAR
MONTHS = DayUnit.MONTH


def add_months(day: dt.date, months: int) -> dt.date:
    """民法典第二百零二条: the corresponding day ``months`` on, or that month's last day if it has none."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, month_lengths.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Pause:
    start: dt.date
    end: dt.date

    def __post_init__(self):
        if self.end < self.start:
            raise ValueError(f"中止区间的结束日 {self.end} 早于开始日 {self.start}")

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


AMBER_WITHIN_DAYS = 3


def rag(due: dt.date | None, today: dt.date, amber_within: int = AMBER_WITHIN_DAYS) -> str:
    """The boards' colour: red once past due, amber within ``amber_within`` days, else green."""
    if due is None:
        return ""
    if today > due:
        return "red"
    return "amber" if (due - today).days <= amber_within else "green"


@dataclass(frozen=True)
class DueDate:
    due: dt.date
    explanation: list[str] = field(default_factory=list)
    unpublished_years: tuple[int, ...] = ()

    @property
    def sentence(self) -> str:
        return "，".join(self.explanation)

    def status_on(self, today: dt.date, amber_within: int = AMBER_WITHIN_DAYS) -> str:
        return rag(self.due, today, amber_within)


def earliest_after_notice(notice_on: dt.date, days: int, unit: DayUnit, calendar: WorkCalendar) -> dt.date:
    """“于举行……X日前通知”: the earliest day the event may be held after notice on ``notice_on``. One reading
    for every such clause in yifa: the notice day is not counted (民法典第二百零一条) and the event day is the
    X-th day (or working day) after it; it is not moved off rest days, since it bounds an event, not an act."""
    if unit is DayUnit.CALENDAR:
        return notice_on + dt.timedelta(days=days)
    day, counted = notice_on, 0
    while counted < days:
        day += dt.timedelta(days=1)
        if calendar.is_workday(day):
            counted += 1
    return day


def latest_notice_before(event_on: dt.date, days: int, unit: DayUnit, calendar: WorkCalendar) -> dt.date:
    """The last day a notice may go out for an event on ``event_on`` (the inverse of earliest_after_notice)."""
    if unit is DayUnit.CALENDAR:
        return event_on - dt.timedelta(days=days)
    day, counted = event_on, 0
    while counted < days:
        if calendar.is_workday(day):
            counted += 1
        day -= dt.timedelta(days=1)
    return day


def last_day_before(day: dt.date) -> dt.date:
    """“X月Y日前”“X月Y日之前”: the named day itself is excluded, so the last day allowed is the day
    before it (“5月1日前” is 30 April; “3月1日之前” is the last day of February)."""
    return day - dt.timedelta(days=1)


def zh_date(day: dt.date, with_year: bool = True) -> str:
    if with_year:
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.month}月{day.day}日"


def _runs(days: list[dt.date]) -> list[tuple[dt.date, dt.date]]:
    runs: list[tuple[dt.date, dt.date]] = []
    for day in sorted(days):
        if runs and (day - runs[-1][1]).days == 1:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def _span(first: dt.date, last: dt.date) -> str:
    if first == last:
        return zh_date(first, with_year=False)
    if first.month == last.month:
        return f"{first.month}月{first.day}日至{last.day}日"
    return f"{zh_date(first, False)}至{zh_date(last, False)}"


def compute_due(
    start: dt.date,
    days: int,
    unit: DayUnit,
    calendar: WorkCalendar,
    *,
    pauses: Iterable[Pause] = (),
    extension: int = 0,
    restart: dt.date | None = None,
) -> DueDate:
    """Due date of a period of ``days`` (+ ``extension``) ``unit`` starting the day after ``start``.

    ``restart`` replaces the start when the law makes the period run anew
    (e.g. 行政复议法第三十一条: 补正材料收到之日起重新计算).
    """
    if days <= 0:
        raise ValueError("期限天数必须为正整数")
    if extension < 0:
        raise ValueError("延长天数不能为负数")
    if days + extension > MAX_PERIOD_DAYS:
        raise ValueError(f"期限不能超过{MAX_PERIOD_DAYS}日")
    unit = DayUnit(unit)
    pauses = sorted(pauses, key=lambda p: p.start)
    lines: list[str] = []
    origin = start
    if restart is not None:
        if restart < start:
            raise ValueError("重新起算日不能早于原起算日")
        lines.append(f"原自{zh_date(start)}起算，于{zh_date(restart)}重新起算")
        start = restart
    if unit is DayUnit.MONTH:
        if pauses:
            raise ValueError("按月计算的期间不扣除中止期间")
        return _months_due(start, days, extension, calendar, lines, origin)

    total = days + extension
    counted = 0
    day = start
    skipped_holidays: list[dt.date] = []
    counted_makeups: list[dt.date] = []
    paused_days: list[dt.date] = []
    next_pause = 0
    while counted < total:
        day += dt.timedelta(days=1)
        if (day - start).days > MAX_SPAN_DAYS:
            raise ValueError(f"期限连同中止期间不能超过{MAX_SPAN_DAYS}日")
        while next_pause < len(pauses) and pauses[next_pause].end < day:
            next_pause += 1
        if next_pause < len(pauses) and day in pauses[next_pause]:
            paused_days.append(day)
            continue
        if unit is DayUnit.WORKDAY and not calendar.is_workday(day):
            if calendar.holiday_name(day) is not None:
                skipped_holidays.append(day)
            continue
        if unit is DayUnit.WORKDAY and day in calendar.makeup_days:
            counted_makeups.append(day)
        counted += 1
    last_counted = day

    head = f"自{zh_date(start)}起算{days}{unit.label}（当日不计入）"
    if extension:
        head += f"，延长{extension}{unit.label}，共{total}{unit.label}"
    lines.append(head)
    if paused_days:
        spans = "、".join(_span(a, b) for a, b in _runs(paused_days))
        lines.append(f"扣除中止期间{spans}共{len(paused_days)}日")
    if skipped_holidays:
        names = _holiday_names(skipped_holidays, calendar)
        spans = "、".join(_span(a, b) for a, b in _runs(skipped_holidays))
        lines.append(f"跳过{names}假期（{spans}）")
    if counted_makeups:
        lines.append("计入" + "、".join(zh_date(d, False) for d in counted_makeups) + "调休上班日")

    due = last_counted
    if unit is DayUnit.CALENDAR:
        due = _off_rest_day(last_counted, calendar, lines, "民事诉讼法第八十五条")
    lines.append(f"届满日为{zh_date(due)}")
    return DueDate(due, lines, _unpublished(origin, due, calendar, lines))


def _off_rest_day(last: dt.date, calendar: WorkCalendar, lines: list[str], basis: str) -> dt.date:
    if not calendar.is_rest_day(last):
        return last
    lines.append(f"期间最后一日{zh_date(last, False)}为休息日，顺延至休息日后第一个工作日（{basis}）")
    return calendar.next_workday(last)


def _months_due(start, months, extension, calendar, lines, origin) -> DueDate:
    total = months + extension
    last = add_months(start, total)
    head = f"自{zh_date(start)}起算{months}个月（当日不计入）"
    if extension:
        head += f"，延长{extension}个月，共{total}个月"
    lines.append(head)
    if last.day == start.day:
        lines.append(f"到期月的对应日{zh_date(last, False)}为期间的最后一日（民法典第二百零二条）")
    else:
        lines.append(f"到期月没有对应日，月末日{zh_date(last, False)}为期间的最后一日（民法典第二百零二条）")
    due = _off_rest_day(last, calendar, lines, "民法典第二百零三条")
    lines.append(f"届满日为{zh_date(due)}")
    return DueDate(due, lines, _unpublished(origin, due, calendar, lines))


def _unpublished(origin, due, calendar, lines) -> tuple[int, ...]:
    years = range(origin.year, due.year + 1)
    unpublished = tuple(y for y in years if not calendar.is_published(y))
    entered = {d.year for d in (*calendar.holidays, *calendar.makeup_days)} if unpublished else set()
    missing = [y for y in unpublished if y not in entered]
    partial = [y for y in unpublished if y in entered]
    if missing:
        lines.append(
            "、".join(f"{y}年" for y in missing)
            + "放假安排尚未录入，按周末和《全国年节及纪念日放假办法》第二条规定的节日计算，"
            "调休上班日尚不可知，录入后自动重算"
        )
    if partial:
        lines.append(
            "、".join(f"{y}年" for y in partial)
            + "放假安排尚未确认录入完毕，暂按已录入的日子、周末和《全国年节及纪念日放假办法》第二条规定的节日计算，"
            "确认后自动重算"
        )
    return unpublished


def counted_days(begin: dt.date, end: dt.date, calendar: WorkCalendar, pauses: Iterable[Pause] = ()) -> int:
    """The working days a clock started on ``begin`` has counted by the end of ``end``, by the deadline engine's
    rules (compute_due): the first day is not counted (民法典第二百零一条), weekends and
    holidays are skipped, 调休上班日 count, and the days of a pause do not count."""
    pauses = list(pauses)
    counted, day = 0, begin
    while day < end:
        day += dt.timedelta(days=1)
        if not any(day in pause for pause in pauses) and calendar.is_workday(day):
            counted += 1
    return counted


def _holiday_names(days: list[dt.date], calendar: WorkCalendar) -> str:
    names: list[str] = []
    for day in days:
        name = calendar.holiday_name(day) or ""
        if name and name not in names:
            names.append(name)
    return "、".join(names) or "法定节假日"
