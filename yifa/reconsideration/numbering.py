"""案号：格式可配置（{year}、{seq}），每年从第1号起，并发登记不重号。"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F

from yifa.core.errors import InvalidInput

from .models import Numbering

DEFAULT_PATTERN = Numbering._meta.get_field("pattern").default


def check_pattern(pattern: str) -> None:
    if "{seq}" not in pattern:
        raise InvalidInput({"pattern": "案号格式：须包含顺序号占位符 {seq}"})
    try:
        pattern.format(year=2026, seq=1)
    except (KeyError, IndexError, ValueError):
        raise InvalidInput({"pattern": "案号格式：只能使用 {year} 和 {seq} 两个占位符"}) from None


def next_number(year: int) -> str:
    """Call inside the intake transaction. The increment is one UPDATE, which holds the year's row until
    the intake commits, so concurrent intakes never share a number."""
    with transaction.atomic():
        if not Numbering.objects.filter(year=year).exists():
            latest = Numbering.objects.order_by("-year").first()
            try:
                with transaction.atomic():
                    Numbering.objects.create(year=year, pattern=latest.pattern if latest else DEFAULT_PATTERN)
            except IntegrityError:  # another intake opened the year first
                pass
        Numbering.objects.filter(year=year).update(last=F("last") + 1)
        row = Numbering.objects.get(year=year)
        return row.pattern.format(year=year, seq=row.last)


def pattern_for(year: int) -> str:
    row = Numbering.objects.filter(year__lte=year).order_by("-year").first()
    return row.pattern if row else DEFAULT_PATTERN
