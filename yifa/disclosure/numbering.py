"""A request's number (per unit and year) and its lookup code for the portal."""

from __future__ import annotations

import secrets

from django.db import IntegrityError, transaction
from django.db.models import F

from .models import Counter, Request

LOOKUP_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def reserve_numbers(unit, year: int, count: int) -> list[str]:
    """``count`` consecutive numbers of the unit's year (an import takes its block in one UPDATE). Inside the
    intake transaction: the UPDATE holds the row until commit, so no two share a number."""
    with transaction.atomic():
        if not Counter.objects.filter(unit=unit, year=year).exists():
            try:
                with transaction.atomic():
                    Counter.objects.create(unit=unit, year=year)
            except IntegrityError:  # another intake opened the year first
                pass
        Counter.objects.filter(unit=unit, year=year).update(last=F("last") + count)
        last = Counter.objects.get(unit=unit, year=year).last
    name = unit.short_name or unit.name
    return [f"{name}依申请〔{year}〕{seq}号" for seq in range(last - count + 1, last + 1)]


def next_number(unit, year: int) -> str:
    return reserve_numbers(unit, year, 1)[0]


def _code() -> str:
    return "".join(secrets.choice(LOOKUP_ALPHABET) for _ in range(8))


def lookup_codes(count: int) -> list[str]:
    """``count`` distinct codes no request holds yet (a query per 1,000, not per code)."""
    codes: list[str] = []
    while len(codes) < count:
        fresh = {_code() for _ in range(min(count - len(codes), 1000))} - set(codes)
        taken = set(Request.objects.filter(lookup_code__in=fresh).values_list("lookup_code", flat=True))
        codes += sorted(fresh - taken)
    return codes


def lookup_code() -> str:
    return lookup_codes(1)[0]
