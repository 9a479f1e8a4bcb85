"""In Chromium: a review campaign end to end — the sample drawn with a seed (the same seed draws the same
sample), a file scored with a veto item → 不合格 → rectification notice with its clock → rectified on time."""

import pytest

from yifa.supervision import services
from yifa.supervision.models import Campaign, Notice, RubricItem

from .conftest import D, decided

pytestmark = pytest.mark.django_db(transaction=True)


def act(page, label, **fields):
    page.click(f"summary:has-text('{label}')")
    for name, value in fields.items():
        page.fill(f"details[open] [name='{name}']", value)
    with page.expect_navigation():
        page.click(f"details[open] button:has-text('{label}')")


def test_review_campaign_from_sample_to_rectification_in_the_browser(
    cast, body, officers, browser_page, browser_login, travel
):
    for n in range(1, 9):
        decided(cast, body, officers, f"江市监处罚〔2026〕{n}号")
    travel(D(2026, 11, 2))
    page = browser_login(cast["legal_head"])
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto("/staff/supervision/campaigns/")
    page.fill("#id_name", "2026年度行政处罚案卷评查")
    page.check(f"input[name='units'][value='{cast['市场监管局'].pk}']")
    page.fill("#id_period_start", "2026-01-01")
    page.fill("#id_period_end", "2026-10-31")
    page.fill("#id_sample_size", "3")
    with page.expect_navigation():
        page.click("button:has-text('创建评查活动')")
    act(page, "随机抽取案卷", **{"draw-seed": "20261102"})
    assert "随机种子：20261102" in page.inner_text("#seed")
    shown = sorted(page.locator("#files tbody tr td:first-child").all_inner_texts())
    assert len(shown) == 3

    again = services.campaign_create(
        by=cast["legal_head"],
        name="复核抽样",
        units=[cast["市场监管局"]],
        period_start=D(2026, 1, 1),
        period_end=D(2026, 10, 31),
        sample_size=3,
    )
    services.campaign_draw(by=cast["legal_head"], campaign=again, seed=20261102)
    assert sorted(again.files.values_list("case_number", flat=True)) == shown

    page.click(f"text={shown[0]}")
    veto = RubricItem.objects.get(rubric__kind="penalty", code="F5")
    page.click("summary:has-text('逐项评分')")
    page.check(f"#action-score [name='score-v{veto.pk}']")
    page.fill(f"#action-score [name='score-n{veto.pk}']", "现场检查笔录缺失，主要证据不足")
    with page.expect_navigation():
        page.click("details[open] button:has-text('逐项评分')")
    assert "不合格" in page.inner_text("#result")
    page.select_option("#id_kind", "correct")
    page.fill("#id_text", "主要证据不足，请依法纠正并报告整改情况")
    with page.expect_navigation():
        page.click("button:has-text('送达整改通知')")
    assert "2026-12-02" in page.content()  # 三十日自2026-11-02起算（山东省行政执法监督条例第二十八条）
    notice = Notice.objects.get()

    travel(D(2026, 11, 20))
    page = browser_login(cast["shijian_liaison"])
    page.goto("/staff/")
    page.click(f"text={notice.number}")
    act(page, "报告整改情况", **{"report-report": "已补充调查并重新作出决定"})
    assert "按期整改" in page.inner_text("#report")
    page.goto("/staff/supervision/campaigns/")
    assert "此操作只能由法制机构办理" in page.content()  # the department sees its notice, not the campaign
    campaign = Campaign.objects.get(name="2026年度行政处罚案卷评查")
    assert campaign.files.filter(passed=False, vetoed=True).count() == 1
