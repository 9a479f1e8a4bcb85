"""The staff lists of normative documents (``core.listing``): its columns, what sorts and what goes to Excel."""

from yifa.core.listing import Column, Listing

from .models import Proposal

DOCUMENTS = Listing(
    "行政规范性文件",
    [
        Column("标题", "title", "title"),
        Column("文号", "number", "number"),
        Column("制定机关", "unit__name", "unit__name"),
        Column("状态", "status", "status"),
        Column("公布日期", "published_on", "published_on"),
        Column("有效期至", "expires_on", "expires_on"),
    ],
)

FILING = Listing(
    "报送备案期限",
    [
        Column("状态", "status", "status"),
        Column("文件", "subject_label", "subject_label"),
        Column("制定机关", "unit__name", "unit__name"),
        Column("应报日期", "due", "due"),
        Column("计算说明", "explanation"),
    ],
)

CAMPAIGNS = Listing(
    "规范性文件清理",
    [
        Column("名称", "title", "title"),
        Column("基准日", "baseline", "baseline"),
        Column("事项", "item_count", "item_count"),
        Column("状态", "status", "status"),
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
        Column("意见", "proposal", "proposal", show=lambda p: Proposal(p).label if p else "—"),
        Column("进度", "state", "state"),
    ],
)
