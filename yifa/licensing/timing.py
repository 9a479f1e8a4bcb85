"""Time taken on a decided application: the working days from acceptance (受理) to the decision, net of the
periods 许可法第四十五条 keeps out of the count (听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审), read off
the application's own decision clocks (their start, restart, recorded pauses and closing day)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from yifa.lib.deadlines import Pause, counted_days
from yifa.lib.workdays import WorkCalendar

from . import rules

DECISION_RULE_IDS = (rules.DECISION.id, rules.JOINT_DECISION.id, rules.PRELIMINARY_REVIEW.id)
CLOCK_FIELDS = ("start", "restart", "pauses", "paused_since", "closed_on")


def clocks_days(clocks: Iterable[dict], on: dt.date, calendar: WorkCalendar) -> int:
    """The working days counted on an application's decision clocks (the lower organ's review, 第四十三条,
    then the decision, 第四十二条), each up to its closing day or ``on``; ``clocks`` are rows of CLOCK_FIELDS."""
    total = 0
    for clock in clocks:
        end = clock["closed_on"] or on
        pauses = [Pause(dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for a, b in clock["pauses"]]
        if clock["paused_since"] and clock["paused_since"] <= end:
            pauses.append(Pause(clock["paused_since"], end))
        total += counted_days(clock["restart"] or clock["start"], end, calendar, pauses)
    return total


def working_days_taken(app, on: dt.date) -> int | None:
    """The figure stored with a decision made on ``on``: 0 when decided the day of acceptance (告知承诺当场决定,
    第三十四条第二款); None when the application has no decision clock to read it from."""
    from yifa.core import clocks
    from yifa.core.calendar import current_calendar
    from yifa.core.models import DeadlineStatus

    if app.accepted_on is None:
        return None
    if app.accepted_on == on:
        return 0
    found = list(
        clocks.clocks_of(app, open_only=False)
        .filter(rule_id__in=DECISION_RULE_IDS)
        .exclude(status=DeadlineStatus.CANCELLED)
        .values(*CLOCK_FIELDS)
    )
    return clocks_days(found, on, current_calendar()) if found else None
