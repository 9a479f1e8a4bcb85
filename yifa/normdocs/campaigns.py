"""清理活动（种子文本二、7）：开启 → 各单位提出保留/修改/废止/宣布失效意见 → 法制机构确认 →
结束时公布目录并改变文件状态，清理活动为决定依据。The procedure is declared in flows.py; here, what it
cannot say: each field of the input checked at once."""

from __future__ import annotations

import datetime as dt

from yifa.core.procedure import Checks, create, fire

from .flows import CAMPAIGNS, ITEMS
from .models import Campaign, CampaignItem, Proposal


def campaign_open(*, by, title: str, baseline: dt.date | None, units) -> Campaign:
    """Opens the campaign with one item per document in force on ``baseline`` in ``units``, pre-filled."""
    units = list(units)
    checks = Checks()
    title = checks.text("title", "名称", title, limit=200)
    checks.date("baseline", "清理基准日", baseline)
    if not units:
        checks.fail("units", "清理范围：至少选择一个单位")
    checks.done()
    return create(
        CAMPAIGNS,
        "open",
        build=lambda: Campaign(title=title, baseline=baseline, opened_by=by),
        by=by,
        units=units,
    )


def item_propose(
    *, by, item: CampaignItem, proposal: str, reasons: str, expected_version: int | None = None
) -> CampaignItem:
    checks = Checks()
    checks.choice("proposal", "清理意见", proposal, Proposal)
    reasons = checks.text("reasons", "理由", reasons)
    checks.done()
    return fire(
        ITEMS,
        item,
        "propose",
        by=by,
        expected_version=expected_version,
        reason=reasons,
        proposal=proposal,
        reasons=reasons,
    )


def item_confirm(
    *, by, item: CampaignItem, agree: bool = True, comments: str = "", expected_version: int | None = None
) -> CampaignItem:
    """The legal office confirms the unit's opinion, or returns it with its reasons."""
    if not agree:
        checks = Checks()
        checks.text("comments", "退回意见", comments)
        checks.done()
    return fire(
        ITEMS, item, "confirm" if agree else "return", by=by, expected_version=expected_version, reason=comments
    )


def campaign_close(*, by, campaign: Campaign, on: dt.date, expected_version: int | None = None) -> Campaign:
    """Ends the campaign once every opinion is confirmed: the documents change state, the catalogues go public."""
    return fire(CAMPAIGNS, campaign, "close", by=by, on=on, expected_version=expected_version)
