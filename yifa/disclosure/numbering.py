"""A request's number (per unit and year) and its lookup code for the portal."""

from __future__ import annotations

import secrets

from django.db import IntegrityError, transaction
from django.db.models import F

from .models import Counter, Request

LOOKUP_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def next_number(unit, year: int) -> str:
    """Inside the intake transaction: the UPDATE holds the row until commit, so no two share a number."""
    with transaction.atomic():
        if not Counter.objects.filter(unit=unit, year=year).exists():
            try:
                with transaction.atomic():
                    Counter.objects.create(unit=unit, year=year)
            except IntegrityError:  # another intake opened the year first
                pass
        Counter.objects.filter(unit=unit, year=year).update(last=F("last") + 1)
        seq = Counter.objects.get(unit=unit, year=year).last
    return f"{unit.short_name or unit.name}依申请〔{year}〕{seq}号"


def lookup_code() -> str:
    while True:
        code = "".join(secrets.choice(LOOKUP_ALPHABET) for _ in range(8))
        if not Request.objects.filter(lookup_code=code).exists():
            return code
