"""Daily (``yifa sweep``): remind executing units of due execution reports (第三十四条), and
lead units of comments still unanswered after the comment period closed (第十八条)."""

from __future__ import annotations

import datetime as dt

from django.db.models import F

from yifa.core.notify import Message, contacts_by_unit, send

from . import queries, rules
from .models import Decision

REMIND_DAYS_BEFORE = 7


def daily(today: dt.date) -> str:
    reports = [
        (d, d.executing_unit_id, d.period_began + dt.timedelta(days=d.feedback_every_days))
        for d in queries.reports_to_remind(today, REMIND_DAYS_BEFORE)
    ]
    comments = list(queries.comments_waiting(today).exclude(comments_reminded_for=F("comment_closes")))
    contacts = contacts_by_unit([unit for _, unit, _ in reports] + [d.lead_unit_id for d in comments])
    reminders = [
        Message(
            contacts.get(unit, []),
            key=f"decision-feedback:{d.pk}:{due}",
            title=f"请报告决策执行情况：{d}",
            link=d.get_absolute_url(),
            body=f"应于{due:%Y-%m-%d}前向决策机关报告执行情况（{rules.EXECUTION_REPORTING.citation}）。",
        )
        for d, unit, due in reports
    ] + [
        Message(
            contacts.get(d.lead_unit_id, []),
            key=f"decision-comments:{d.pk}:{d.comment_closes}",
            title=f"征求意见已截止，{d.n}条意见待答复：{d}",
            link=d.get_absolute_url(),
            body=f"请逐条答复采纳情况并生成意见采纳情况说明（{rules.COMMENT_HANDLING.citation}）。",
        )
        for d in comments
    ]
    sent = [note.key for note in send(reminders)]  # one look-up for both kinds
    _mark_reminded(reports, comments)
    feedback = sum(key.startswith("decision-feedback:") for key in sent)
    return f"执行情况报告提醒{feedback}条，意见答复提醒{len(sent) - feedback}条"


def _mark_reminded(reports, comments) -> None:
    """Remember what was reminded of, so that the next run reads only decisions not yet reminded. A report made or
    a comment period moved since they were read gives another period: it is reminded of on the next run."""
    by_period: dict[dt.date, list[int]] = {}
    for d, _, _ in reports:
        by_period.setdefault(d.period_began, []).append(d.pk)
    for began, ids in by_period.items():
        Decision.objects.filter(pk__in=ids).update(feedback_reminded_after=began)
    by_close: dict[dt.date, list[int]] = {}
    for d in comments:
        by_close.setdefault(d.comment_closes, []).append(d.pk)
    for closes, ids in by_close.items():
        Decision.objects.filter(pk__in=ids, comment_closes=closes).update(comments_reminded_for=closes)
