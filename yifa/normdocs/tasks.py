"""``yifa sweep``: documents past their validity lapse; reminders before expiry.
The filing clock's reminders and overdue marks come from the core sweep."""

from __future__ import annotations

import datetime as dt

from yifa.core.notify import Message, contacts_by_unit, notify_many

from . import queries, rules
from .models import Document, add_months
from .services import expire_lapsed


def remind_expiring(today: dt.date) -> int:
    horizon = add_months(today, rules.EXPIRY_NOTICE_MONTHS)
    docs = list(queries.expiry_reminders_due(today, horizon))
    contacts = contacts_by_unit({doc.unit_id for doc in docs})
    sent = notify_many(
        Message(
            contacts.get(doc.unit_id, []),
            key=f"normdocs:expiry:{doc.pk}:{doc.expires_on}",
            title=f"规范性文件将于{doc.expires_on:%Y年%m月%d日}有效期届满：{doc.title}",
            body=(
                f"{doc}有效期届满前{rules.EXPIRY_NOTICE_MONTHS}个月，请组织评估，决定修改、废止或者"
                f"重新发布继续实施，否则届满后自动失效（{rules.VALIDITY.citation}）。"
            ),
            link=doc.get_absolute_url(),
        )
        for doc in docs
    )
    by_end: dict[dt.date, list[int]] = {}
    for doc in docs:
        by_end.setdefault(doc.expires_on, []).append(doc.pk)
    for end, ids in by_end.items():  # an end moved since it was read is reminded of on the next run
        Document.objects.filter(pk__in=ids, expires_on=end).update(expiry_reminded_for=end)
    return sent


def daily(today: dt.date) -> str:
    expired = expire_lapsed(today=today)
    reminded = remind_expiring(today)
    return f"规范性文件：{expired}件有效期届满失效，发送届满评估提醒{reminded}条"
