"""What other modules may read of reconsideration: plain values, never this module's models.

Supervision listens to ``DECISION_EVENTS`` (the head's or the collective discussion's approval of a decision,
第六十一条第一款) and reads the decision with ``decision_outcome(obj)`` for its 纠错率 warning."""

from __future__ import annotations

import datetime as dt

from .models import CORRECTING

__all__ = ["DECISION_EVENTS", "decision_outcome"]

DECISION_EVENTS = ("reconsideration.approve", "reconsideration.approve_collective")


def decision_outcome(case, on: dt.date) -> dict | None:
    """The respondent unit and whether the decision corrected its act (纠错: 第六十三条至第六十七条); None when
    the respondent is not one of the city's units."""
    if case.respondent_unit_id is None:
        return None
    return {
        "unit_id": case.respondent_unit_id,
        "corrected": case.decision_type in CORRECTING,
        "label": str(case)[:200],
        "link": case.get_absolute_url(),
        "decided_on": on,
    }
