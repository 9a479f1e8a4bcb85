"""Facts the assessment keeps when other modules act (core/bus.py). Each handler documents the attributes
of the other module's record it reads; nothing else of that module is imported."""

from __future__ import annotations

from dataclasses import fields

from yifa.core.clocks import clocks_of
from yifa.core.models import DeadlineStatus
from yifa.lib.law import get_rule

from . import services, system
from .indicators import FILING_RULE, NORMDOCS_FILED, RECONSIDERATION_UPHELD

# 行政复议法第六十三条至第六十七条: the decisions that change or negate the act under review (纠错).
CORRECTING = {"change", "revoke", "revoke_redo", "illegal", "perform", "void"}


def normdocs_filed(*, obj, by, on, **_):
    """A normative document was filed (``normdocs.file``). Reads ``pk``, ``unit``, ``filed_on``,
    ``get_absolute_url()`` and ``str()`` of the document, and its filing clock in core (just stopped:
    met or late)."""
    clock = clocks_of(obj, rule=get_rule(FILING_RULE), open_only=False).order_by("-id").first()
    late = clock is not None and clock.status == DeadlineStatus.LATE
    due = f"，届满日{clock.due:%Y-%m-%d}" if clock is not None and clock.due else ""
    services.fact_record(
        by=by,
        indicator=NORMDOCS_FILED,
        unit=obj.unit,
        source=f"normdocs:{obj.pk}",
        label=str(obj),
        link=obj.get_absolute_url(),
        good=not late,
        on=obj.filed_on or on,
        detail=f"{(obj.filed_on or on):%Y-%m-%d}报送备案{due}，{'逾期' if late else '按期'}",
    )


def reconsideration_decided(*, obj, by, on, **_):
    """A reconsideration decision was approved by the head or by collective discussion
    (``reconsideration.approve`` / ``approve_collective``, 第六十一条第一款). Reads ``pk``,
    ``respondent_unit``, ``decision_type``, ``get_decision_type_display()``, ``get_absolute_url()`` and
    ``str()`` of the case; a case whose respondent is not one of the city's units is not counted."""
    if obj.respondent_unit is None:
        return
    corrected = obj.decision_type in CORRECTING
    services.fact_record(
        by=by,
        indicator=RECONSIDERATION_UPHELD,
        unit=obj.respondent_unit,
        source=f"reconsideration:{obj.pk}",
        label=str(obj),
        link=obj.get_absolute_url(),
        good=not corrected,
        on=on,
        detail=f"复议决定：{obj.get_decision_type_display()}{'（纠错）' if corrected else ''}",
    )


def _facts_from(event: str):
    """The other modules' ``scores.FACTS`` handlers for ``event`` (see interface.py), as one receiver."""

    def receive(*, obj, by, on, **inputs):
        for handler in system.fact_events()[event]:
            fact = handler(obj=obj, by=by, on=on, **inputs)
            if fact is not None:
                services.fact_record(by=by, **{f.name: getattr(fact, f.name) for f in fields(fact)})

    return receive


RECEIVERS = {
    **{event: _facts_from(event) for event in system.fact_events()},
    "normdocs.file": normdocs_filed,
    "reconsideration.approve": reconsideration_decided,
    "reconsideration.approve_collective": reconsideration_decided,
}
