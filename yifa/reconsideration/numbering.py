"""编号：案号、收件编号和不予受理决定书文号各成一套，格式可配置（{year}、{seq}），每年从第1号起，并发不重号。
案号在受理（或视为受理）时编号，不予受理、视为放弃的申请不占用案号。"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F

from yifa.core.errors import InvalidInput

from .models import DEFAULT_PATTERNS, Numbering, NumberKind

DEFAULT_PATTERN = DEFAULT_PATTERNS[NumberKind.CASE]


def check_pattern(pattern: str) -> None:
    if "{seq}" not in pattern:
        raise InvalidInput({"pattern": "编号格式：须包含顺序号占位符 {seq}"})
    try:
        pattern.format(year=2026, seq=1)
    except (KeyError, IndexError, ValueError):
        raise InvalidInput({"pattern": "编号格式：只能使用 {year} 和 {seq} 两个占位符"}) from None


def next_number(year: int, kind: str = NumberKind.CASE) -> str:
    """Call inside the act's transaction. The increment is one UPDATE, which holds the year's row until
    the act commits, so concurrent acts never share a number."""
    rows = Numbering.objects.filter(kind=kind)
    with transaction.atomic():
        if not rows.filter(year=year).exists():
            try:
                with transaction.atomic():
                    Numbering.objects.create(kind=kind, year=year, pattern=pattern_for(year, kind))
            except IntegrityError:  # another act opened the year first
                pass
        rows.filter(year=year).update(last=F("last") + 1)
        row = rows.get(year=year)
        return row.pattern.format(year=year, seq=row.last)


def pattern_for(year: int, kind: str = NumberKind.CASE) -> str:
    row = Numbering.objects.filter(kind=kind, year__lte=year).order_by("-year").first()
    return row.pattern if row else DEFAULT_PATTERNS[NumberKind(kind)]
