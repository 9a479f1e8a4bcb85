"""In Chromium, each person at their own login, on the real 2026 calendar (the server's today moved by ``travel``):
立案 → 告知 → 听证 → 法制审核 → 超出裁量基准并说明理由的决定 → 公开 → 三个工作日内撤回."""

import pytest

from yifa.core.clocks import clocks_of
from yifa.enforcement import rules

from .conftest import D
from .test_browser import act


def refused(page, name, label, **fields):
    """An act the gates refuse: the form comes back in place with every unmet condition."""
    page.click(f"#action-{name} summary")
    for field, value in fields.items():
        page.fill(f"#action-{name} [name='{name}-{field}']", value)
    page.click(f"#action-{name} button:has-text('{label}')")
    page.wait_for_selector(f"#action-{name} .errorlist")
    return page.inner_text(f"#action-{name}")


pytestmark = pytest.mark.django_db(transaction=True)


def test_penalty_case_from_filing_through_hearing_review_and_publication_to_withdrawal_in_the_browser(
    cast, body, officers, reviewer, benchmark, travel, browser_login
):
    from yifa.enforcement.models import Case

    def as_(name):
        page.context.clear_cookies()
        browser_login(cast[name])
        page.goto(case.get_absolute_url() if case else "/staff/enforcement/new/")
        return page

    case = None
    travel(D(2026, 9, 1))
    page = browser_login(cast["shijian_officer"])
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto("/staff/enforcement/new/")
    page.select_option("#id_body", label=body.name)
    page.fill("#id_number", "江市监处罚〔2026〕18号")
    page.select_option("#id_party_kind", label="自然人")
    page.fill("#id_party_name", "张三")
    page.fill("#id_violation", "销售超过保质期的食品")
    page.fill("#id_violation_on", "2026-08-10")
    page.fill("#id_discovered_on", "2026-08-28")
    page.check("label:has-text('孙执法') input")
    page.check("label:has-text('钱执法') input")
    with page.expect_navigation():
        page.click("button:has-text('立案')")
    case = Case.objects.get()
    assert clocks_of(case, rule=rules.DECISION).get().due == D(2026, 11, 30)

    travel(D(2026, 9, 23))
    page.goto(case.get_absolute_url())
    page.click("#action-notify summary")
    page.check("#action-notify label:has-text('罚款') input")
    page.fill("#action-notify [name='notify-fine']", "150000")
    page.select_option("#action-notify [name='notify-benchmark']", label=str(benchmark))
    with page.expect_navigation():
        page.click("#action-notify button:has-text('告知拟作出的处罚')")
    assert "已告知（陈述申辩）" in page.content() and "幅度10000.00至100000.00元" in page.content()

    travel(D(2026, 9, 28))  # 申请听证：9月23日告知后五个工作日内
    page.goto(case.get_absolute_url())
    act(page, "request_hearing", "登记当事人听证申请")
    refusal = refused(page, "schedule_hearing", "通知听证时间地点", hearing_on="2026-10-12")
    assert "听证最早于2026年10月13日举行" in refusal
    page.goto(case.get_absolute_url())
    act(page, "schedule_hearing", "通知听证时间地点", hearing_on="2026-10-13")
    travel(D(2026, 10, 13))
    page.goto(case.get_absolute_url())
    act(page, "hold_hearing", "举行听证并提交法制审核")
    assert "法制审核中" in page.content()

    travel(D(2026, 10, 15))
    page = as_("shijian_head")
    assert "#action-decide" not in page.content() and page.query_selector("#action-decide") is None
    page = as_("reviewer")
    act(page, "review_pass", "法制审核通过", opinion="事实清楚，证据确凿，程序合法，同意")
    assert "待决定" in page.content()

    travel(D(2026, 10, 16))
    page = as_("shijian_head")
    refusal = refused(page, "decide", "作出行政处罚决定", decision_number="江市监罚字〔2026〕18号")
    assert "超出裁量基准" in refusal and "须书面说明理由" in refusal
    page.goto(case.get_absolute_url())
    act(
        page,
        "decide",
        "作出行政处罚决定",
        decision_number="江市监罚字〔2026〕18号",
        outside_reason="货值金额巨大且多次违法",
    )
    assert "已决定待送达" in page.content()
    case.refresh_from_db()
    assert clocks_of(case, rule=rules.PUBLICATION).get().due == D(2026, 10, 27)
    page = as_("legal_head")
    page.goto("/staff/enforcement/outside/")
    assert "货值金额巨大且多次违法" in page.content()

    travel(D(2026, 10, 20))
    page = as_("shijian_officer")
    act(page, "publish", "公开处罚决定")
    page.goto("/enforcement/")
    public = page.content()
    assert "江市监罚字〔2026〕18号" in public and "张某" in public and "张三" not in public

    travel(D(2026, 10, 23))
    page = as_("shijian_head")
    page.click("#action-annul summary")
    page.select_option("#action-annul [name='annul-annulment']", label="撤销")
    page.fill("#action-annul [name='annul-reason']", "经行政复议决定撤销")
    with page.expect_navigation():
        page.click("#action-annul button:has-text('登记决定被变更、撤销或确认违法、无效')")
    case.refresh_from_db()
    assert clocks_of(case, rule=rules.WITHDRAWAL).get().due == D(2026, 10, 28)  # 26、27、28日三个工作日

    travel(D(2026, 10, 28))
    page = as_("shijian_officer")
    act(page, "withdraw", "撤回公开的决定信息并说明理由", reason="该处罚决定已被行政复议机关撤销")
    case.refresh_from_db()
    assert case.withdrawn_on == D(2026, 10, 28)
    assert clocks_of(case, rule=rules.WITHDRAWAL, open_only=False).get().status == "met"
    page.goto("/enforcement/")
    assert "江市监罚字〔2026〕18号：2026-10-28撤回。理由：该处罚决定已被行政复议机关撤销" in page.content()
