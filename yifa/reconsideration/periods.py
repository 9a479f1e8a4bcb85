"""Which rule governs a case's clock: by law version (the day the application was
received) and by procedure (simplified or normal)."""

from __future__ import annotations

import datetime as dt

from yifa.core import clocks
from yifa.core.calendar import current_calendar
from yifa.lib.deadlines import CALENDAR_DAYS, compute_due, zh_date

from . import rules as R
from .models import LIMITED_SUSPENSIONS


def _years_after(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 2月29日
        return day.replace(year=day.year + years, day=28)


def review_rule(case):
    return R.REVIEW.on(case.received_on)


def deemed_rule(case):
    return R.DEEMED.on(case.received_on)


def correction_rule(case):
    return R.CORRECTION.on(case.received_on)


def timed_correction_rule(case):
    """The correction period the platform counts: none in a 2017-law case, where the office sets the date."""
    rule = correction_rule(case)
    return rule if rule.is_period else None


def copy_rule(case):
    return R.COPY_SIMPLE if case.is_simplified else R.COPY.on(case.received_on)


def no_reply_rule(case):
    return R.NO_REPLY.on(case.received_on)


def reply_rule(case):
    return R.REPLY_SIMPLE if case.is_simplified else R.REPLY.on(case.received_on)


def decision_rule(case):
    return R.DECISION_SIMPLE if case.is_simplified else R.DECISION.on(case.received_on)


def suspension_limit_rule(case):
    """第四十一条第一款第五项：因第三十九条第一款第一、二、四项中止的，满六十日原因仍未消除的终止。"""
    return R.SUSPENSION_LIMIT if case.suspension_ground in LIMITED_SUSPENSIONS else None


def clock_unit(case, rule):
    """The unit a clock binds: the respondent answers (本市单位经平台计时), the office does the rest."""
    if rule in (*R.REPLY.rules, R.REPLY_SIMPLE):
        return case.respondent_unit or case.office
    return case.office


def acceptance_date(case, decided_on: dt.date) -> dt.date:
    """受理之日：2023年法为作出受理决定之日；2017年法第十七条第二款：除不予受理外，
    自法制工作机构收到申请之日起即为受理（补正的，自收到补正材料之日）。"""
    if case.law_year == 2023:
        return decided_on
    return case.correction_received_on or case.received_on


def correction_notice_due(case):
    return R.CORRECTION_NOTICE.on(case.received_on).due(case.received_on, current_calendar())


def review_clock(case):
    return clocks.open_clock(case, review_rule(case))


def decision_clock(case):
    return clocks.open_clock(case, decision_rule(case))


def reply_clock(case):
    return clocks.clocks_of(case, rule=reply_rule(case), open_only=False).order_by("-id").first()


def feedback_clock(letter):
    """第七十六条：意见书纠正情况报送期限。"""
    return clocks.clocks_of(letter, rule=R.OPINION_FEEDBACK, open_only=False).order_by("-id").first()


def suspension_limit_clock(case):
    return clocks.open_clock(case, R.SUSPENSION_LIMIT)


def correction_due(case) -> dt.date | None:
    clock = clocks.open_clock(case, correction_rule(case)) if correction_rule(case).is_period else None
    return clock.due if clock else case.correction_due_on


def reply_lapsed(case, on: dt.date, *, clocks_of_case=None) -> bool:
    """第七十条：被申请人未按期答复。``clocks_of_case``: the case's clocks when a page has them already."""
    if clocks_of_case is None:
        clock = reply_clock(case)
    else:
        rule = reply_rule(case)
        clock = max((c for c in clocks_of_case if c.rule_id == rule.id), key=lambda c: c.pk, default=None)
    return bool(clock and clock.due and not case.reply_on and on > clock.due)


def application_problems(case, *, delay_grounds: str | None = None, calendar=None) -> list[str]:
    """第二十条、第二十一条（2017年法第九条）：申请期限，逾期须有记录在案的正当理由
    （``delay_grounds``：受理时一并记录的理由）。"""
    if delay_grounds is None:
        delay_grounds = case.delay_grounds
    problems = []
    kind = "real_estate" if case.real_estate else "other"
    years = R.ABSOLUTE_LIMIT_YEARS[kind]
    calendar = calendar or current_calendar()
    absolute = years_due(case.act_date, years, calendar)
    if case.law_year == 2023 and case.received_on > absolute:  # 2017年法无此规定
        problems.append(
            f"自行政行为作出之日起已超过{years}年（{zh_date(absolute)}届满），不予受理（{R.ABSOLUTE_LIMIT.citation}）"
        )
    due = application_due(case, calendar)
    if case.received_on > due and not delay_grounds.strip():
        problems.append(
            f"申请超过法定申请期限（届满日{zh_date(due)}，{R.APPLICATION.on(case.known_on).citation}），"
            f"如因不可抗力或其他正当理由耽误，请先记录理由（{R.APPLICATION_DELAY.on(case.known_on).citation}）"
        )
    return problems


def application_due(case, calendar=None) -> dt.date:
    rule = R.APPLICATION.on(case.known_on)
    calendar = calendar or current_calendar()
    if not (case.not_informed and case.law_year == 2023):  # 2017年法无第二十条第三款之规定
        return rule.due(case.known_on, calendar).due
    cap = not_informed_cap(case.known_on, calendar)
    if not case.rights_known_on:
        return cap
    start = max(case.known_on, case.rights_known_on)
    return min(rule.due(start, calendar).due, cap)


def years_due(start: dt.date, years: int, calendar=None) -> dt.date:
    """A period of ``years``: its last day is the corresponding day of the final year (民法典第二百零二条),
    moved off a rest day (第二百零三条) by the deadline engine."""
    days = (_years_after(start, years) - start).days
    return compute_due(start, days, CALENDAR_DAYS, calendar or current_calendar()).due


def not_informed_cap(known_on: dt.date, calendar=None) -> dt.date:
    """第二十条第三款：自知道行政行为内容之日起最长不得超过一年。"""
    return years_due(known_on, R.NOT_INFORMED_YEARS, calendar)
