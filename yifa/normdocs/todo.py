"""“我的待办”中的规范性文件事项：待审核、待确认的清理意见、纠正、临近届满。
（报送备案期限本身由核心的法定期限待办列出。）"""

import datetime as dt

from . import queries


def _item(title, link, *, source="规范性文件", note="", due=None, rag=""):
    return {"title": title, "due": due, "link": link, "rag": rag, "source": source, "note": note}


def items_for(user, today: dt.date):
    if user.in_legal_office:
        for doc in queries.awaiting_review():
            yield _item(f"合法性审核：{doc.title}", doc.get_absolute_url(), note=doc.unit.name)
        for doc in queries.corrections_open():
            yield _item(
                f"跟踪纠正：{doc}",
                doc.get_absolute_url(),
                source="规范性文件备案",
                note=doc.filing_comments,
                rag="amber",
            )
        proposed = queries.items_awaiting_confirmation()
        count = proposed.count()
        if count:
            first = proposed.first()
            yield _item(
                f"确认清理意见{count}件",
                first.campaign.get_absolute_url(),
                source="规范性文件清理",
                note=first.campaign.title,
            )
    pending = queries.items_awaiting_opinion(user)
    if not user.sees_everything and pending.exists():
        first = pending.first()
        yield _item(
            f"提出清理意见{pending.count()}件",
            first.campaign.get_absolute_url(),
            source="规范性文件清理",
            note=first.campaign.title,
        )
    for doc in queries.expiring(user, today=today)[:20]:
        yield _item(
            f"有效期届满评估：{doc}",
            doc.get_absolute_url(),
            due=doc.expires_on,
            rag="red" if doc.expires_on < today else "amber",
        )
