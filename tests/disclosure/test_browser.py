"""In the browser: an application on the portal → staff confirm and ask for 补正 → the supplement → a reply
whose public copy hides the applicant → the applicant's status lookup shows the full reply."""

import datetime as dt

import pytest

from tests.conftest import solve_captcha
from yifa.disclosure.models import Request

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
REPLY = "周九：经查，您申请的低保资金发放明细如下，青石镇共发放120万元。如有疑问请致电13700001111。"


def act(page, label, fill=None, done=None):
    page.click(f"summary:has-text('{label}')")
    for selector, value in (fill or {}).items():
        if selector.startswith("select:"):
            page.select_option(selector.removeprefix("select:"), value)
        else:
            page.fill(selector, value)
    page.click(f"details[open] button:has-text('{label}')")
    page.wait_for_selector(f"text={done or '已' + label}")


def look_up(page, number, code):
    page.goto("/disclosure/status/")
    page.fill("#id_number", number)
    page.fill("#id_code", code)
    if page.query_selector("input[name=captcha_1]"):  # after an application, as a person reading the image
        page.fill("input[name=captcha_1]", solve_captcha(page.content())["captcha_1"])
    page.click("button:has-text('查询')")


def test_portal_application_clarification_reply_with_redaction_and_status_lookup(cast, browser_page, browser_login):
    page = browser_page
    page.goto("/")
    page.click("text=申请政府信息公开")
    page.select_option("#id_unit", label="江临市民政局")
    page.select_option("#id_applicant_kind", "person")
    page.fill("#id_applicant_name", "周九")
    page.fill("#id_applicant_id_number", "110101199003071233")
    page.fill("#id_applicant_phone", "13700001111")
    page.fill("#id_content", "低保资金发放明细")
    page.click("button:has-text('提交申请')")
    page.wait_for_selector("#lookup-code")
    number, code = page.inner_text("#request-number"), page.inner_text("#lookup-code")

    r = Request.objects.get(number=number)
    today = dt.date.today()
    page = browser_login(cast["minzheng_liaison"])
    page.goto(r.get_absolute_url())
    act(page, "确认收到申请", {"#id_confirm-received_on": today.isoformat()})
    act(
        page,
        "一次性告知补正",
        {
            "#id_request_clarification-clarification_items": "请写明年份和街道",
            "#id_request_clarification-clarification_due": (today + dt.timedelta(days=10)).isoformat(),
        },
    )
    assert page.inner_text("#request-state") == "待申请人补正"

    look_up(page, number, code)
    assert page.inner_text("#request-state") == "待申请人补正" and "请写明年份和街道" in page.content()

    page.goto(r.get_absolute_url())
    act(page, "收到补正")
    act(
        page, "作出答复", {"select:#id_reply-outcome": "open", "#id_reply-reply_text": REPLY}, done="已答复（予以公开）"
    )
    public_copy = page.input_value("#id_confirm_redaction-public_text")
    assert "周九" not in public_copy and "13700001111" not in public_copy and "120万元" in public_copy
    act(page, "确认公开版（隐去个人信息）", done="已确认公开版")

    page.goto(f"/disclosure/units/{cast['民政局'].pk}/")
    public = page.inner_text("main") if page.query_selector("main") else page.content()
    assert "120万元" in public and "周九" not in public and "13700001111" not in public

    look_up(page, number, code)
    assert page.inner_text("#request-state") == "已办结"
    assert "如有疑问请致电13700001111" in page.inner_text("#reply-text")
