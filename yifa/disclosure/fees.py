"""信息处理费 (第四十二条; 国办函〔2020〕109号 按件计收): counted per applicant per natural month. The tiers are
configurable (settings.YIFA_DISCLOSURE_FEE_TIERS) because the notice lets provinces adjust them."""

from __future__ import annotations

from django.conf import settings

from . import rules
from .models import Request

# (free up to, flat rate up to, flat rate, step size, step increase) — the notice's defaults in yuan.
DEFAULT_TIERS = {"free": 10, "flat_until": 30, "flat": 100, "step": 10, "increase": 100}


def tiers() -> dict:
    return {**DEFAULT_TIERS, **getattr(settings, "YIFA_DISCLOSURE_FEE_TIERS", {})}


def fee_for_nth(n: int, t: dict | None = None) -> int:
    """The fee of an applicant's ``n``-th request in a natural month."""
    t = t or tiers()
    if n <= t["free"]:
        return 0
    if n <= t["flat_until"]:
        return t["flat"]
    steps = -(-(n - t["flat_until"]) // t["step"])
    return t["flat"] + steps * t["increase"]


def fee_of(r: Request) -> tuple[int, int, str]:
    """(n, fee, sentence) for a received request: its place in the applicant's month and what it may cost."""
    if r.received_on is None or not r.applicant_key:
        return 0, 0, ""
    month = r.received_on.replace(day=1)
    n = (
        Request.objects.filter(
            applicant_key=r.applicant_key, received_on__gte=month, received_on__lte=r.received_on, imported=False
        )
        .filter(received_on__lt=r.received_on)
        .count()
        + Request.objects.filter(
            applicant_key=r.applicant_key, received_on=r.received_on, pk__lte=r.pk, imported=False
        ).count()
    )
    fee = fee_for_nth(n)
    text = f"该申请人{r.received_on.year}年{r.received_on.month}月第{n}件申请，" + (
        f"按件计收应收信息处理费{fee}元" if fee else f"本月{tiers()['free']}件以内不收费"
    )
    return n, fee, f"{text}（{rules.FEES.citation}）"
