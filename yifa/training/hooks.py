"""Answers other modules ask by name (core.registry.refusals): no module imports this one's models.

``renewal_refusals(officer, on)``: why an officer's certificate may not be renewed on ``on``. ``officer`` is a
platform account (``core.User``) or any record carrying one as ``user_id`` (the enforcement module's
officer). Hours are counted for the last complete year before ``on``, against the enforcement officers'
requirement of that year. An officer with no platform account has no training record here, so this module
has nothing to say about him (the enforcement module decides whether an account is required)."""

from __future__ import annotations

import datetime as dt

from . import queries
from .models import OfficerKind


def _account_id(officer) -> int | None:
    from yifa.core.models import User

    if isinstance(officer, User):
        return officer.pk
    return getattr(officer, "user_id", None)


def renewal_refusals(*, officer, on: dt.date) -> list[str]:
    person_id = _account_id(officer)
    if person_id is None:
        return []
    year = on.year - 1
    required, basis = queries.requirements(year)[OfficerKind.ENFORCEMENT]
    hours = queries.hours_of(person_id, year)
    if hours >= required:
        return []
    return [
        f"{officer}{year}年度培训学时为{queries.hours_text(hours)}学时，低于要求的{queries.hours_text(required)}学时（{basis}），不能换发执法证"
    ]
