"""The staff lists of normative documents (``core.listing``): its columns, what sorts and what goes to Excel."""

from yifa.core.listing import Column, Listing

from .models import Proposal

DOCUMENTS = Listing(
    "行政规范性文件",
    [
        Column("标题", "title", sort=True),
        Column("文号", "number", sort=True),
        Column("制定机关", "unit__name", sort=True),
        Column("状态", "status", sort=True),
        Column("公布日期", "published_on", sort=True),
        Column("有效期至", "expires_on", sort=True),
    ],
)

FILING = Listing(
    "报送备案期限",
    [
        Column("状态", "status", sort=True),
        Column("文件", "subject_label", sort=True),
        Column("制定机关", "unit__name", sort=True),
        Column("应报日期", "due", sort=True),
        Column("计算说明", "explanation"),
    ],
)

CAMPAIGNS = Listing(
    "规范性文件清理",
    [
        Column("名称", "title", sort=True),
        Column("基准日", "baseline", sort=True),
        Column("事项", "item_count", sort=True),
        Column("状态", "status", sort=True),
    ],
)


def _document(title, number):
    return f"{title}（{number}）" if number else title


def _hints(findings, expiry_note, citation_notes):
    """提示 as the page shows it: the fair-competition findings, the expiry and the cited laws' state."""
    parts = [f"公平竞争{len(findings)}处"] if findings else []
    return "；".join([*parts, *filter(None, [expiry_note]), *(citation_notes or [])])


CAMPAIGN_ITEMS = Listing(
    "清理事项",
    [
        Column("文件", ("document__title", "document__number"), "document__title", show=_document),
        Column("承办单位", "unit__name", "unit__path"),
        Column("提示", ("findings", "expiry_note", "citation_notes"), show=_hints),
        Column("意见", "proposal", sort=True, show=lambda p: Proposal(p).label if p else "—"),
        Column("进度", "state", sort=True),
    ],
)
