"""Law as code: statutes, and the periods and gates declared against their articles.

Each rule is declared once, in the ``rules.py`` of the app that enforces it, and
registers itself here; flows, reminders, pages and ``yifa rules`` all read it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .deadlines import DayUnit, DueDate, Pause, compute_due
from .workdays import WorkCalendar

REGISTRY: dict[str, Rule] = {}


@dataclass(frozen=True)
class Law:
    name: str
    version: dt.date
    effective: dt.date

    @property
    def citation(self) -> str:
        return f"《{self.name}》（{self.version.year}年）"


@dataclass(frozen=True)
class Rule:
    """A statutory period (``days`` set) or a gate (``days`` None), citing its article."""

    id: str
    title: str
    law: Law
    article: str
    days: int | None = None
    unit: DayUnit | None = None
    extension_days: int | None = None
    note: str = ""
    minimum: bool = False
    family: str = field(default="", compare=False)

    def __post_init__(self):
        if self.id in REGISTRY and REGISTRY[self.id] != self:
            raise ValueError(f"rule {self.id} declared twice")
        if (self.days is None) != (self.unit is None):
            raise ValueError(f"rule {self.id}: days and unit go together")
        REGISTRY[self.id] = self

    @property
    def is_period(self) -> bool:
        return self.days is not None

    @property
    def citation(self) -> str:
        return f"{self.law.citation}{self.article}"

    @property
    def describe(self) -> str:
        if not self.is_period:
            return self.title
        text = f"{self.title}：{'不少于' if self.minimum else ''}{self.days}{self.unit.label}"
        if self.extension_days:
            text += f"，可延长不超过{self.extension_days}{self.unit.label}"
        return text

    def due(
        self, start: dt.date, calendar: WorkCalendar, *, pauses=(), extension: int = 0, restart: dt.date | None = None
    ) -> DueDate:
        if not self.is_period:
            raise ValueError(f"{self.id} is a gate, not a period")
        if extension and extension > (self.extension_days or 0):
            raise ValueError(
                f"延长{extension}{self.unit.label}超过{self.citation}允许的{self.extension_days or 0}{self.unit.label}"
            )
        result = compute_due(start, self.days, self.unit, calendar, pauses=pauses, extension=extension, restart=restart)
        return DueDate(result.due, [*result.explanation, f"依据{self.citation}"], result.unpublished_years)

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "law": self.law.name,
            "law_version": self.law.version.isoformat(),
            "effective": self.law.effective.isoformat(),
            "article": self.article,
            "days": self.days,
            "unit": self.unit.value if self.unit else None,
            "extension_days": self.extension_days,
            "minimum": self.minimum,
            "note": self.note,
        }


class Versions:
    """The same rule across revisions of a law: a case follows the version in
    force on the day its clock started."""

    def __init__(self, *rules: Rule):
        self.rules = sorted(rules, key=lambda r: r.law.effective)

    def on(self, day: dt.date) -> Rule:
        in_force = [r for r in self.rules if r.law.effective <= day]
        return in_force[-1] if in_force else self.rules[0]


def all_rules() -> list[Rule]:
    return sorted(REGISTRY.values(), key=lambda r: r.id)


def get_rule(rule_id: str) -> Rule:
    try:
        return REGISTRY[rule_id]
    except KeyError:
        raise KeyError(f"未登记的规则：{rule_id}") from None


__all__ = ["Law", "Rule", "Versions", "Pause", "all_rules", "get_rule", "REGISTRY"]
