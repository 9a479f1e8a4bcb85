"""The principal leader's duties as first responsible person: a configurable list (provinces publish
their own; the legal office keeps it) and, per unit and year, each duty's state with what was done.
Writes through the kit's ``add``/``change``; reads in a fixed number of queries."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from yifa.core.models import Role
from yifa.core.procedure import LEGAL_OFFICE, Checks, add, change, in_unit_of
from yifa.core.procedure.forms import MAX_TEXT

from . import rules
from .models import Duty, DutyRecord, DutyState

UNIT_LEADERS = in_unit_of(Role.HEAD, Role.LEADER, Role.LIAISON, label="本单位主要负责人或联络员")


def in_force(year: int):
    return Duty.objects.filter(Q(until_year__isnull=True) | Q(until_year__gte=year), from_year__lte=year)


def duty_add(*, by, title: str, basis: str, from_year: int, sort: int = 0) -> Duty:
    checks = Checks()
    title = checks.text("title", "职责", title, limit=300)
    basis = checks.text("basis", "依据", basis, limit=200)
    if not isinstance(from_year, int) or not 2000 <= from_year <= 2100:
        checks.fail("from_year", "起始年度：须为2000至2100之间的年份")
    checks.done()
    return add(
        Duty(title=title, basis=basis, from_year=from_year, sort=sort or 0),
        by=by,
        who=LEGAL_OFFICE,
        action="assessment.duty",
        label="增加第一责任人职责",
        data={"title": title, "basis": basis, "from_year": from_year},
    )


def duty_retire(*, by, duty: Duty, last_year: int, version: int | None) -> Duty:
    """The duty no longer applies after ``last_year`` (the years before keep it and their records)."""
    checks = Checks()
    if not isinstance(last_year, int) or last_year < duty.from_year - 1:
        checks.fail("until_year", f"截止年度：不能早于起始年度{duty.from_year}的前一年")
    checks.done()
    return change(
        duty,
        by=by,
        who=LEGAL_OFFICE,
        action="assessment.duty",
        label="停用第一责任人职责",
        apply={"until_year": last_year},
        expected_version=version,
    )


def duty_record(
    *, by, unit, year: int, duty: Duty, state: str, note: str, version: int | None = None, on: dt.date | None = None
) -> DutyRecord:
    """The unit's state of ``duty`` in ``year``: the first time it is recorded, or a change naming the
    version read."""
    on = on or timezone.localdate()
    checks = Checks()
    checks.choice("state", "履行情况", state, DutyState)
    note = checks.text("note", "履职情况及证据", note, required=state != DutyState.NOT_STARTED, limit=MAX_TEXT)
    if not in_force(year).filter(pk=duty.pk).exists():
        checks.fail("duty", f"职责：{year}年度不在职责清单中")
    if year > on.year:
        checks.fail("year", f"年度：{year}年尚未开始")
    checks.done()
    values = {"state": state, "note": note, "updated_on": on}
    act = {
        "by": by,
        "who": UNIT_LEADERS,
        "action": "assessment.duty_record",
        "label": "记录第一责任人职责履行情况",
        "unit": unit,
    }
    current = DutyRecord.objects.filter(unit=unit, year=year, duty=duty).first()
    data = {"year": year, "duty": duty.title[:60], "basis": rules.FIRST_RESPONSIBLE.citation}
    if current is None:
        return add(DutyRecord(unit=unit, year=year, duty=duty, **values), data={**data, "state": state}, **act)
    return change(current, apply=values, expected_version=version, data=data, **act)


def checklist(unit, year: int) -> list[tuple[Duty, DutyRecord | None]]:
    """Every duty in force in ``year`` with the unit's record of it (two queries)."""
    records = {r.duty_id: r for r in DutyRecord.objects.filter(unit=unit, year=year)}
    return [(d, records.get(d.pk)) for d in in_force(year)]


def summary(unit, year: int) -> dict[str, int]:
    """How many duties the unit has done, in progress, not started (for the 述法 draft)."""
    rows = checklist(unit, year)
    counts = {s.value: 0 for s in DutyState}
    for _, record in rows:
        counts[record.state if record else DutyState.NOT_STARTED] += 1
    return {"total": len(rows), **counts}
