"""Reactions to other modules' acts (core/bus.py)."""

from yifa.enforcement import interface as enforcement

from . import services


def file_major_decision(*, obj, on=None, **_):
    """A penalty decision was made (``penalty_case.decide``). ``obj`` is enforcement's case; this module
    reads it only through ``enforcement.interface.major_decision``: a major one must be filed."""
    facts = enforcement.major_decision(obj)
    if facts is not None:
        services.filing_open(facts=facts, on=on or facts["decided_on"])


RECEIVERS = {"penalty_case.decide": file_major_decision}
