"""The indicator system of a year: every declared indicator — this module's (``indicators.BUILT_IN``) and
those other modules declare in their ``scores.py`` (see ``interface.py``) — with the legal office's
settings applied (level, points, counted or not), and the manual indicators the office added."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from functools import cache

from django.core.exceptions import ImproperlyConfigured

from yifa.core.registry import contributions

from .indicators import BUILT_IN, Indicator
from .models import IndicatorSetting

MANUAL_PREFIX = "manual-"


@cache
def declared() -> tuple[Indicator, ...]:
    found = list(BUILT_IN)
    for app, module in contributions("scores"):
        found.extend(replace(i, source=app) for i in getattr(module, "INDICATORS", ()))
    codes = [i.code for i in found]
    twice = {c for c in codes if codes.count(c) > 1 or c.startswith(MANUAL_PREFIX)}
    if twice:
        raise ImproperlyConfigured(f"考核指标代码重复或占用人工指标前缀：{'、'.join(sorted(twice))}")
    return tuple(found)


@cache
def fact_events() -> dict[str, list]:
    """{event name: [handler]} from the other modules' ``scores.FACTS``: each handler turns the record the
    event carries into an ``interface.FactIn`` (or None when it does not count)."""
    found: dict[str, list] = {}
    for _, module in contributions("scores"):
        for event, handler in getattr(module, "FACTS", {}).items():
            found.setdefault(event, []).append(handler)
    return found


def settings_in_force(year: int) -> dict[str, IndicatorSetting]:
    """Each code's latest setting made for ``year`` or an earlier year (one query)."""
    found: dict[str, IndicatorSetting] = {}
    for s in IndicatorSetting.objects.filter(year__lte=year).order_by("code", "-year"):
        found.setdefault(s.code, s)
    return found


def _applied(indicator: Indicator, setting: IndicatorSetting) -> Indicator:
    return replace(indicator, level=setting.level, points=setting.points, enabled=setting.enabled, setting=setting)


def _manual(s: IndicatorSetting) -> Indicator:
    return Indicator(s.code, s.name, s.level, s.points, s.basis, s.measure, enabled=s.enabled, manual=True, setting=s)


def system(year: int) -> list[Indicator]:
    """Every indicator of ``year``, counted or not, in the order declared then added."""
    settings = settings_in_force(year)
    result = [_applied(i, settings.pop(i.code)) if i.code in settings else i for i in declared()]
    result += [_manual(s) for s in sorted(settings.values(), key=lambda s: s.pk) if s.manual]
    return result


def counted(year: int) -> list[Indicator]:
    return [i for i in system(year) if i.enabled]


def total(indicators: list[Indicator]) -> Decimal:
    return sum((i.points for i in indicators), Decimal(0))


def find(year: int, code: str) -> Indicator | None:
    return next((i for i in system(year) if i.code == code), None)
