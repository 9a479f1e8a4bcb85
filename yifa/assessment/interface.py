"""How another module feeds the assessment, without importing anything of it but this file.

A module declares its indicators in ``yifa/<module>/scores.py`` (found by ``core.registry``):

- ``INDICATORS = [Indicator(code, name, level, points, basis, measure, tally, rows)]``: computed from the
  module's own data. ``tally(year, as_of)`` returns ``{unit id: Tally(good, total)}`` (e.g. a case-file
  review: points earned of points possible, summed over the unit's reviewed files); the indicator's
  points are its weight times good/total; a unit not in the dict gets ``absent`` (default: full points).
  ``rows(unit_id, year, as_of)`` returns the records behind it, each
  ``{"label", "link", "good", "on", "detail"}``, shown on the unit's score page with their links.
- ``FACTS = {"<flow>.<transition>": handler}``: the records the module's acts leave, kept by the
  assessment. ``handler(obj=, by=, on=, **inputs)`` returns ``FactIn`` (or None when the act does not
  count); one fact is kept per ``(indicator, source)``, a later act on the same record replaces it. The
  indicator is then declared with ``tally=fact_tally(code), rows=fact_rows(code)``.

Codes are unique across modules (checked at start-up). The legal office may change each indicator's
level and points, or leave it out of a year's assessment, on the indicator page; the computation stays
the module's."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .indicators import Indicator, Tally, fact_rows, fact_tally

__all__ = ["FactIn", "Indicator", "Tally", "fact_rows", "fact_tally"]


@dataclass(frozen=True)
class FactIn:
    """One record behind a fact-based indicator. ``unit`` is a ``core.Unit``; ``source`` names the record
    uniquely (``"<module>:<pk>"``); ``link`` opens it; ``good`` is whether it counts for the unit."""

    indicator: str
    unit: object
    source: str
    label: str
    link: str
    good: bool
    on: dt.date
    detail: str = ""
