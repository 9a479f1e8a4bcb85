"""Daily (``yifa sweep``): deemed acceptance when the review period has lapsed (第三十条第三款)."""

from __future__ import annotations

import datetime as dt

from yifa.core import clocks
from yifa.core.models import DeadlineStatus
from yifa.core.sweep import each_record

from . import periods
from . import rules as R
from .flows import FLOW
from .models import Case
from .services import case_deem_accepted


def lapsed_reviews(on: dt.date) -> list[Case]:
    """Cases where deemed acceptance is open and whose review period ran out before ``on``: read from the
    lapsed review clocks, so the daily run costs what is due, not every case under review."""
    review_rules = {rule.id for rule in R.REVIEW.rules}
    lapsed = clocks.clocks_of_model(Case).filter(rule_id__in=review_rules, status=DeadlineStatus.RUNNING, due__lt=on)
    rule_of = dict(lapsed.values_list("subject_id", "rule_id"))
    candidates = Case.objects.filter(
        pk__in=[int(pk) for pk in rule_of], state__in=FLOW.transition("deemed_accept").source
    ).order_by("pk")
    return [case for case in candidates if periods.review_rule(case).id == rule_of[str(case.pk)]]


def daily(on: dt.date) -> str:
    deemed = each_record(lapsed_reviews(on), lambda case: case_deem_accepted(case=case, on=on), where="行政复议")
    return f"审查期限届满视为受理{deemed}件"
