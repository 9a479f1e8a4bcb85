"""Daily (``yifa sweep``): remind executing units of due execution reports (第三十四条), and
lead units of comments still unanswered after the comment period closed (第十八条)."""

from __future__ import annotations

import datetime as dt

from yifa.core.notify import notify, unit_contacts

from . import queries, rules

REMIND_DAYS_BEFORE = 7


def daily(today: dt.date) -> str:
    reports = comments = 0
    for d in queries.reports_to_remind():
        due = queries.next_feedback_due(d)
        if due and due - dt.timedelta(days=REMIND_DAYS_BEFORE) <= today:
            reports += notify(
                users=unit_contacts(d.executing_unit),
                key=f"decision-feedback:{d.pk}:{due}",
                title=f"请报告决策执行情况：{d}",
                link=d.get_absolute_url(),
                body=f"应于{due:%Y-%m-%d}前向决策机关报告执行情况（{rules.EXECUTION_REPORTING.citation}）。",
            )
    for d in queries.comments_waiting(today):
        comments += notify(
            users=unit_contacts(d.lead_unit),
            key=f"decision-comments:{d.pk}:{d.comment_closes}",
            title=f"征求意见已截止，{d.n}条意见待答复：{d}",
            link=d.get_absolute_url(),
            body=f"请逐条答复采纳情况并生成意见采纳情况说明（{rules.COMMENT_HANDLING.citation}）。",
        )
    return f"执行情况报告提醒{reports}条，意见答复提醒{comments}条"
