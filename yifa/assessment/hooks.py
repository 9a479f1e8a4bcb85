"""Answers other modules ask by name (core.registry): nothing of this module's models leaves it.

``annual_report_draft(unit=, year=, kind=)``: the plans module asks for the first text of a new report; for
the 法治政府建设年度报告 (``kind == "rule_of_law"``) this module drafts its five parts with the figures of
``unit`` and the units under it filled in (督察工作规定第二十五条), and nothing for the other kinds."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from .drafting import rule_of_law

RULE_OF_LAW_REPORT = "rule_of_law"  # plans.ReportKind.RULE_OF_LAW's value


def annual_report_draft(*, unit, year: int, kind: str, on: dt.date | None = None) -> str | None:
    if kind != RULE_OF_LAW_REPORT or unit is None:
        return None
    as_of = min(on or timezone.localdate(), dt.date(year, 12, 31))
    return rule_of_law(unit, year, as_of)[1]
