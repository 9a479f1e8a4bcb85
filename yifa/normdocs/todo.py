"""“我的待办”中的规范性文件事项：待审核、待确认的清理意见、纠正、临近届满。
（报送备案期限本身由核心的法定期限待办列出。）"""

import datetime as dt

from yifa.core.access import scope

from . import rules
from .models import CampaignItem, CampaignStatus, DocStatus, Document, ItemState, add_months


def items_for(user, today: dt.date):
    if user.in_legal_office:
        for doc in Document.objects.filter(status=DocStatus.REVIEW).select_related("unit")[:30]:
            yield {
                "title": f"合法性审核：{doc.title}",
                "due": None,
                "link": doc.get_absolute_url(),
                "rag": "",
                "source": "规范性文件",
                "note": doc.unit.name,
            }
        for doc in Document.objects.filter(correction_open=True)[:30]:
            yield {
                "title": f"跟踪纠正：{doc}",
                "due": None,
                "link": doc.get_absolute_url(),
                "rag": "amber",
                "source": "规范性文件备案",
                "note": doc.filing_comments,
            }
        proposed = CampaignItem.objects.filter(state=ItemState.PROPOSED, campaign__status=CampaignStatus.OPEN)
        count = proposed.count()
        if count:
            first = proposed.select_related("campaign").first()
            yield {
                "title": f"确认清理意见{count}件",
                "due": None,
                "link": first.campaign.get_absolute_url(),
                "rag": "",
                "source": "规范性文件清理",
                "note": first.campaign.title,
            }
    pending = scope(
        CampaignItem.objects.filter(state=ItemState.PENDING, campaign__status=CampaignStatus.OPEN), user, "unit"
    ).select_related("campaign")
    if not user.sees_everything and pending.exists():
        first = pending.first()
        yield {
            "title": f"提出清理意见{pending.count()}件",
            "due": None,
            "link": first.campaign.get_absolute_url(),
            "rag": "",
            "source": "规范性文件清理",
            "note": first.campaign.title,
        }
    horizon = add_months(today, rules.EXPIRY_NOTICE_MONTHS)
    for doc in scope(
        Document.objects.filter(status=DocStatus.IN_FORCE, expires_on__lte=horizon), user, "unit"
    ).order_by("expires_on")[:20]:
        yield {
            "title": f"有效期届满评估：{doc}",
            "due": doc.expires_on,
            "link": doc.get_absolute_url(),
            "rag": "red" if doc.expires_on < today else "amber",
            "source": "规范性文件",
            "note": "",
        }
