"""The decisions module's part of "my to-do"."""

from __future__ import annotations

import datetime as dt

from yifa.core.access import visible_unit_ids
from yifa.core.procedure import LEGAL_OFFICE
from yifa.lib.deadlines import rag, zh_date

from . import queries, rules
from .models import DecisionState as S


def _rag(due: dt.date | None, today: dt.date) -> str:
    # A week's warning: comment answers and execution reports take longer to prepare.
    return rag(due, today, amber_within=7)


def items_for(user, today: dt.date):
    if not user.unit_id:
        return
    units = [user.unit_id] if user.sees_everything else visible_unit_ids(user)
    for d in queries.comments_waiting(today, lead_units=units):
        yield {
            "title": f"{d}：{d.n}条公众意见待答复",
            "due": None,
            "link": d.get_absolute_url(),
            "rag": "amber",
            "source": "重大行政决策",
            "note": f"逐条答复采纳情况后生成意见采纳情况说明（{rules.COMMENT_HANDLING.citation}）",
        }
    waiting = queries.awaiting_review_or_decision(units, review=LEGAL_OFFICE(user))
    review_time = rules.LEGALITY_REVIEW_TIME
    for d in waiting.get(S.REVIEWING, []):
        yield {
            "title": f"{d}：出具合法性审查意见",
            "due": None,
            "link": d.get_absolute_url(),
            "rag": "",
            "source": "重大行政决策",
            "note": (
                f"承办单位拟于{zh_date(d.planned_meeting_on)}提交讨论"
                if d.planned_meeting_on
                else "承办单位未定讨论日期"
            )
            + f"（审查时间一般不少于{review_time.days}个工作日，{review_time.citation}）",
        }
    for d in waiting.get(S.REVIEWED, []) + waiting.get(S.DECIDED, []):
        todo = "提交集体讨论" if d.state == S.REVIEWED else "公布决策"
        yield {
            "title": f"{d}：{todo}",
            "due": None,
            "link": d.get_absolute_url(),
            "rag": "",
            "source": "重大行政决策",
            "note": d.get_state_display(),
        }
    for d in queries.reports_due_from(units):
        due = queries.next_feedback_due(d)
        if due and due <= today + dt.timedelta(days=14):
            yield {
                "title": f"{d}：报告执行情况",
                "due": due,
                "link": d.get_absolute_url(),
                "rag": _rag(due, today),
                "source": "重大行政决策",
                "note": f"每{d.feedback_every_days}日报告一次（{rules.EXECUTION_REPORTING.citation}）",
            }
