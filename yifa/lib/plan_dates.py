"""Deadline phrases of Chinese work plans, resolved in the plan's year.

One reading of “前”: a task due “5月1日前”, “3月1日之前” or “4月1日以前” must be done before that day
begins, so the last day allowed is the day before (30 April, the last day of February, 31 March).
“X月底前”, “年底前”, “上半年”, “第三季度” end on the last day of that month, half or quarter.
“长期坚持”, “持续推进”, “常态化” name no date. The report defaults (plans/rules.py) read “之前” the same
way (yifa.lib.deadlines.last_day_before on main; ``day_before`` here is that one rule for the importer).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .deadlines import last_day_before

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUM = "一二三四五六七八九十"
BEFORE = r"(?:前|之前|以前)"


def cn_to_int(text: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20 (up to 九十九); digits as they are."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (CN_DIGITS.get(ones, 0) if ones else 0)
    return CN_DIGITS.get(text, 0)


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


QUARTER_END = {1: 3, 2: 6, 3: 9, 4: 12}
M = rf"(\d{{1,2}}|[{CN_NUM}]{{1,3}})"
Y = r"(?:(\d{4})\s*年)?"
NOT_A_COUNT = r"(?<![\d一二三四五六七八九十两几多])"


def _year(m, group: int, year: int) -> int:
    return int(m.group(group)) if m.group(group) else year


def _on_day(m, year):
    day = dt.date(_year(m, 1, year), cn_to_int(m.group(2)), int(m.group(3)))
    return last_day_before(day) if m.group(4) else day


PATTERNS: list[tuple[re.Pattern, object]] = [
    # 2024年5月1日前 / 年5月1日前 / 5月1日之前 / 6月30日
    (re.compile(rf"(?:(\d{{4}})\s*)?年?{M}月(\d{{1,2}})[日号]({BEFORE})?"), _on_day),
    # 6月底前 / 2024年2月底 / 10月份 / 三月末
    (
        re.compile(rf"{Y}{M}月(?:底|末|份|中旬|下旬)(?:{BEFORE})?"),
        lambda m, y: month_end(_year(m, 1, y), cn_to_int(m.group(2))),
    ),
    (re.compile(rf"{Y}{M}月上旬(?:{BEFORE})?"), lambda m, y: dt.date(_year(m, 1, y), cn_to_int(m.group(2)), 10)),
    # 第三季度 / 二季度末 / 每年第一季度
    (
        re.compile(r"(?:(\d{4})\s*年)?(?:每年|本年度?)?第?([一二三四1-4])季度(?:末|底)?(?:" + BEFORE + r")?"),
        lambda m, y: month_end(_year(m, 1, y), QUARTER_END[cn_to_int(m.group(2))]),
    ),
    (re.compile(rf"{Y}上半年(?:底|末)?(?:{BEFORE})?"), lambda m, y: dt.date(_year(m, 1, y), 6, 30)),
    # 年底前 / 2012年底前 / 全年 / 年内 — but not “5年内”, which is no date
    (
        re.compile(
            rf"(?:(\d{{4}})\s*年?|{NOT_A_COUNT})(?:下半年|年底(?:{BEFORE})?|年末(?:{BEFORE})?|年内|全年|年度内)"
        ),
        lambda m, y: dt.date(_year(m, 1, y), 12, 31),
    ),
]
# Phrases that set no date; a dated phrase elsewhere in the task wins over them.
NO_DATE = re.compile(r"长期坚持|长期执行|长期推进|持续推进|持续开展|常态化推进|常态化开展|常态化|长期")


@dataclass
class Deadline:
    text: str
    due: dt.date | None
    at: int


def find_deadline(text: str, year: int) -> Deadline | None:
    """The first deadline phrase in ``text``, resolved in ``year`` when the year is missing."""
    found: list[Deadline] = []
    for pattern, resolve in PATTERNS:
        for m in pattern.finditer(text or ""):
            try:
                due = resolve(m, year)
            except (ValueError, KeyError):
                continue
            found.append(Deadline(m.group(0), due, m.start()))
            break
    if found:
        return min(found, key=lambda d: (d.at, -len(d.text)))
    m = NO_DATE.search(text or "")
    return Deadline(m.group(), None, m.start()) if m else None
