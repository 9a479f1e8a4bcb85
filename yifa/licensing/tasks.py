"""Daily (``yifa sweep``): deemed acceptance once the five days for a 补正 notice lapse without one
(第三十二条第一款第（四）项), the holder's renewal reminder (第五十条第一款), deemed renewal when no
decision came before the expiry (第五十条第二款), and items stopped once their cancellation takes effect
(优化营商环境条例第四十条第二款)."""

from __future__ import annotations

import datetime as dt

from django.db.models import BigIntegerField, Subquery
from django.db.models.functions import Cast

from yifa.core import clocks
from yifa.core.models import DeadlineStatus
from yifa.core.procedure import fire

from . import queries, reform, rules
from .flows import APPLICATIONS, CERTIFICATES
from .models import Application, AppState


def lapsed_notices(on: dt.date) -> list[Application]:
    """Applications still waiting whose five days for a 补正 notice ran out before ``on``: read from the
    running clocks (indexed by rule and due date), not from every waiting application."""
    lapsed = (
        clocks.clocks_of_rule(rules.CORRECTION_NOTICE)
        .filter(status=DeadlineStatus.RUNNING, due__lt=on)
        .annotate(application=Cast("subject_id", BigIntegerField()))
        .values("application")
    )
    # one query whether or not any clock lapsed (a Python list of ids would skip it when empty)
    return list(
        Application.objects.select_related("item")
        .filter(pk__in=Subquery(lapsed), state=AppState.RECEIVED, correction_notice_on=None)
        .order_by("pk")
    )


def daily(on: dt.date) -> str:
    deemed = reminded = 0
    for app in lapsed_notices(on):
        fire(APPLICATIONS, app, "deem_accept", by=None, on=on, reason=f"{rules.DEEMED_ACCEPTED.citation}")
        deemed += 1
    for cert in queries.renewal_reminders_due(on):
        fire(CERTIFICATES, cert, "remind", by=None, on=on)
        reminded += 1
    renewed = 0
    for cert in queries.renewals_lapsed(on):
        if not CERTIFICATES.unmet(cert, "deem_renew", on=on):
            fire(CERTIFICATES, cert, "deem_renew", by=None, on=on, reason=rules.RENEWAL_DECISION.citation)
            renewed += 1
    stopped = reform.withdraw_in_force(on)
    return (
        f"已取消或改为备案的事项停止实施{stopped}项，逾期未告知补正视为受理{deemed}件，"
        f"发出延续提醒{reminded}件，逾期未作延续决定视为准予延续{renewed}件"
    )
