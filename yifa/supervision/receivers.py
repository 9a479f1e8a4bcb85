"""Reactions to other modules' acts (core/bus.py)."""

from yifa.enforcement import interface as enforcement
from yifa.reconsideration import interface as reconsideration

from . import services


def file_major_decision(*, obj, on=None, **_):
    """A penalty decision was made (``penalty_case.decide``). ``obj`` is enforcement's case; this module
    reads it only through ``enforcement.interface.major_decision``: a major one must be filed."""
    facts = enforcement.major_decision(obj)
    if facts is not None:
        services.filing_open(facts=facts, on=on or facts["decided_on"])


def keep_correction(*, obj, by=None, on, **_):
    """A reconsideration decision was approved; ``obj`` is read only through
    ``reconsideration.interface.decision_outcome``: kept for the 纠错率 warning."""
    outcome = reconsideration.decision_outcome(obj, on)
    if outcome is not None:
        services.correction_keep(by=by, source=f"reconsideration:{obj.pk}", **outcome)


RECEIVERS = {
    "penalty_case.decide": file_major_decision,
    **{event: keep_correction for event in reconsideration.DECISION_EVENTS},
}
