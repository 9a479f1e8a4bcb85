"""“我的待办”中的规范性文件事项：待审核、待确认的清理意见、纠正、临近届满。
（报送备案期限本身由核心的法定期限待办列出。）"""

import datetime as dt

from yifa.core.queries import first_with_count

from . import queries


def _item(title, link, *, source="规范性文件", note="", due=None, rag=""):
    return {"title": title, "due": due, "link": link, "rag": rag, "source": source, "note": note}


def items_for(user, today: dt.date):
    if user.in_legal_office:
        work = queries.legal_office_work()
        for doc in work.get(queries.REVIEW, []):
            yield _item(f"合法性审核：{doc.title}", doc.get_absolute_url(), note=doc.unit.name)
        for doc in work.get(queries.CORRECTION, []):
            yield _item(
                f"跟踪纠正：{doc}",
                doc.get_absolute_url(),
                source="规范性文件备案",
                note=doc.filing_comments,
                rag="amber",
            )
        first = first_with_count(queries.items_awaiting_confirmation())
        if first:
            yield _item(
                f"确认清理意见{first.total}件",
                first.campaign.get_absolute_url(),
                source="规范性文件清理",
                note=first.campaign.title,
            )
    first = None if user.sees_everything else first_with_count(queries.items_awaiting_opinion(user))
    if first:
        yield _item(
            f"提出清理意见{first.total}件",
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
