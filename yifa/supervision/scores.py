"""Supervision's contribution to the annual assessment (see ``yifa/assessment/interface.py``): the unit's
case-file review results, declared off by default; the legal office counts it from a year on the indicator
page. A file counts the points it scored of the points its rubric allows; a file that
touched a veto item counts nothing (不合格 whatever its points)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Case, DecimalField, OuterRef, Subquery, Sum, Value, When

from yifa.assessment.interface import Indicator, Tally

from . import rules
from .models import FileState, ReviewFile, Rubric

REVIEW_SCORE = "supervision_review_score"


def _scored(year: int, as_of: dt.date):
    return ReviewFile.objects.filter(state=FileState.SCORED, scored_on__year=year, scored_on__lte=as_of)


def _review_tally(year: int, as_of: dt.date) -> dict[int, Tally]:
    """One query: per unit, the points earned (0 for a vetoed file) and the points its rubrics allow."""
    allowed = Rubric.objects.filter(kind=OuterRef("campaign__kind")).values("form_points")[:1]
    content = Rubric.objects.filter(kind=OuterRef("campaign__kind")).values("content_points")[:1]
    earned = Case(When(vetoed=True, then=Value(0)), default="total", output_field=DecimalField())
    rows = (
        _scored(year, as_of)
        .annotate(possible=Subquery(allowed) + Subquery(content))
        .values("unit_id")
        .annotate(earned=Sum(earned), possible=Sum("possible"))
    )
    return {r["unit_id"]: Tally(r["earned"] or Decimal(0), Decimal(r["possible"] or 0)) for r in rows}


def _review_rows(unit_id: int, year: int, as_of: dt.date) -> list[dict]:
    files = _scored(year, as_of).filter(unit_id=unit_id).select_related("campaign").order_by("passed", "-scored_on")
    return [
        {
            "label": f"{f.case_number}（{f.campaign.name}）",
            "link": f.get_absolute_url(),
            "good": bool(f.passed),
            "on": f.scored_on,
            "detail": f"{f.total}分，{f.result_label}" + ("（触及否决项）" if f.vetoed else ""),
        }
        for f in files[:200]
    ]


INDICATORS = [
    Indicator(
        REVIEW_SCORE,
        "行政执法案卷评查得分",
        "监督与纠错",
        Decimal(10),
        rules.CASE_FILE_REVIEW.citation,
        "年内评查的本单位案卷所得分数占满分的比例（触及否决项的案卷计零分）",
        _review_tally,
        _review_rows,
    ),
]
