"""In Chromium: item published (by its organ's liaison) → application on the portal → 补正 → 受理 →
decision → certificate → expiry reminder."""

import datetime as dt

import pytest

from tests.conftest import solve_captcha

pytestmark = pytest.mark.django_db(transaction=True)


def act(page, label, **fields):
    page.click(f"summary:has-text('{label}')")
    for name, value in fields.items():
        page.fill(f"#action-{name.split('-')[0]} [name='{name}']", value)
    with page.expect_navigation():
        page.click(f"details[open] button:has-text('{label}')")


@pytest.fixture
def draft_item(cast, higher_list):
    """食品经营许可 imported into the city's list, not yet published."""
    from tests.licensing.conftest import item_row, items_xlsx
    from yifa.licensing import importer

    liaison = cast["shijian_liaison"]
    (item,) = importer.commit_items(by=liaison, rows=importer.parse_items(by=liaison, content=items_xlsx(item_row())))
    return item


def test_item_to_expiry_reminder_in_the_browser(cast, draft_item, browser_page, browser_login):
    from yifa.licensing import rules, tasks
    from yifa.licensing.models import Certificate

    page = browser_page
    page.goto("/licensing/")
    assert "食品经营许可" not in page.content()  # not published yet
    page = browser_login(cast["shijian_liaison"])
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"/staff/licensing/items/{draft_item.pk}/")
    act(page, "公布事项和办事指南")
    assert "已公布" in page.content()

    page.goto("/licensing/")
    page.click("text=食品经营许可")
    assert "食品安全管理制度" in page.content()
    page.click("text=网上申请")
    page.fill("#id_applicant_name", "江临市好味餐饮有限公司")
    page.fill("#id_applicant_id_number", "91330100MA2B3C4D5E")
    page.fill("#id_applicant_phone", "13812345678")
    page.fill("#id_summary", "申请食品经营许可（餐饮服务）")
    page.click("button:has-text('提交申请')")
    page.wait_for_selector("#code")
    number, code = page.inner_text("#number"), page.inner_text("#code")

    page.goto("/staff/licensing/applications/")
    page.click(f"text={number}")
    act(page, "一次告知补正", **{"request_correction-items": "补交食品安全管理制度文本"})
    assert "待补正" in page.content()
    act(page, "收到全部补正材料")
    act(page, "受理并出具受理凭证")
    assert f"{number}-受" in page.content()
    act(page, "作出准予行政许可决定", **{"grant-decision_number": "江市监许〔2026〕1号"})
    act(page, "颁发、送达许可证件", **{"issue-number": "JY13301000000009"})
    assert "已发证" in page.content()

    cert = Certificate.objects.get(number="JY13301000000009")
    remind_on = rules.last_renewal_day(cert.valid_until) - dt.timedelta(days=rules.REMIND_DAYS_BEFORE_RENEWAL)
    tasks.daily(remind_on)
    page.click("text=JY13301000000009")
    assert f"已于{remind_on:%Y-%m-%d}提醒" in page.content()

    page.goto("/licensing/status/")
    page.fill("#id_number", number)
    page.fill("#id_code", code)
    answer = solve_captcha(page.content())  # the browser's session has applied once: a captcha from now on
    page.fill("input[name=captcha_1]", answer["captcha_1"])
    with page.expect_navigation():
        page.click("button:has-text('查询')")
    assert "已发证" in page.content() and "91330100MA2B3C4D5E" not in page.content()
    page.goto("/licensing/certificates/?number=JY13301000000009")
    assert "有效" in page.content() and "好味餐饮" not in page.content()
