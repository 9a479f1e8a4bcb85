"""Duplicates and repeats (第三十五条、第三十六条第六项、第四十四条): an earlier request on similar
information, by the same applicant or by anyone, found by a keyed digest of the applicant and a text
ratio; information asked for again and again is suggested for proactive disclosure."""

from __future__ import annotations

import hashlib
import hmac
import re
from difflib import SequenceMatcher

from django.conf import settings
from django.db.models import Count

from . import rules
from .models import Request

SIMILAR_RATIO = 0.75
COMPARED_PER_UNIT = 300  # the unit's latest requests: a flat cost per intake however long the history
_NOISE = re.compile(r"[\s，。、；：！？,.;:!?“”\"'（）()《》]")


def applicant_key(*, name: str, id_number: str = "") -> str:
    identity = f"id:{id_number.strip().upper()}" if id_number.strip() else f"name:{name.strip()}"
    return hmac.new(settings.SECRET_KEY.encode(), identity.encode(), hashlib.sha256).hexdigest()


def _norm(text: str) -> str:
    return _NOISE.sub("", text or "")


def similar(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    if not a or not b:
        return False
    return a == b or SequenceMatcher(None, a, b, autojunk=False).ratio() >= SIMILAR_RATIO


def earlier_similar(*, unit, content: str, key: str, exclude_pk=None) -> tuple[Request | None, bool]:
    """The earliest similar request among the unit's latest and the applicant's own, and whether it was
    the same applicant's."""
    mine = list(Request.objects.filter(applicant_key=key).exclude(pk=exclude_pk).order_by("-id")[:50])
    theirs = list(Request.objects.filter(unit=unit).exclude(pk=exclude_pk).order_by("-id")[:COMPARED_PER_UNIT])
    for candidates, same in ((mine, True), (theirs, False)):
        hits = [r for r in candidates if similar(r.content, content)]
        if hits:
            first = min(hits, key=lambda r: r.pk)
            return (first.similar_to if first.similar_to_id else first), same
    return None, False


def repeated_topics(unit, *, at_least: int = rules.REPEATED_REQUESTS_FOR_PROACTIVE):
    """Requests that at least ``at_least`` - 1 later requests were similar to: candidates for 第四十四条."""
    counts = (
        Request.objects.filter(unit=unit, similar_to__isnull=False)
        .values("similar_to")
        .annotate(n=Count("id"))
        .filter(n__gte=at_least - 1)
        .order_by("-n")
    )
    by_pk = {c["similar_to"]: c["n"] + 1 for c in counts[:20]}
    roots = Request.objects.filter(pk__in=by_pk).only("id", "number", "content", "unit_id")
    return [(r, by_pk[r.pk]) for r in sorted(roots, key=lambda r: -by_pk[r.pk])]
