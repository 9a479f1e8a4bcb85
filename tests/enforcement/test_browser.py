"""In Chromium: 立案 refused with an expired certificate, then 立案 with two certified officers → 告知 → 决定 →
送达 → 全过程记录 → 结案 (refused while a record is missing)."""

import datetime as dt

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def act(page, name, label, **fields):
    page.click(f"#action-{name} summary")
    for field, value in fields.items():
        page.fill(f"#action-{name} [name='{name}-{field}']", value)
    with page.expect_navigation():
        page.click(f"#action-{name} button:has-text('{label}')")


def add_record(page, stage, title):
    page.click("#action-add_record summary")
    page.select_option("#action-add_record [name='add_record-stage']", label=stage)
    page.select_option("#action-add_record [name='add_record-kind']", label="文书")
    page.fill("#action-add_record [name='add_record-title']", title)
    page.set_input_files(
        "#action-add_record [name='add_record-upload']",
        files=[{"name": f"{title}.pdf", "mimeType": "application/pdf", "buffer": PDF}],
    )
    with page.expect_navigation():
        page.click("#action-add_record button:has-text('添加全过程记录')")


def test_penalty_case_from_filing_to_closing_in_the_browser(cast, body, officers, expired, browser_login):
    from yifa.enforcement.models import Case

    today = timezone.localdate()
    page = browser_login(cast["shijian_head"])
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto("/staff/enforcement/new/")
    page.select_option("#id_body", label=body.name)
    page.fill("#id_number", "江市监处罚〔2026〕88号")
    page.select_option("#id_party_kind", label="法人或其他组织")
    page.fill("#id_party_name", "江临市某某食品有限公司")
    page.fill("#id_violation", "销售超过保质期的食品")
    page.fill("#id_violation_on", (today - dt.timedelta(days=20)).isoformat())
    page.fill("#id_discovered_on", (today - dt.timedelta(days=5)).isoformat())
    page.check("label:has-text('孙执法') input")
    page.check("label:has-text('周过期') input")
    page.click("button:has-text('立案')")
    refusal = page.inner_text("main")
    assert "周过期的执法证37010003已过期（有效期至2026年6月30日），不能承办案件" in refusal
    assert "承办执法人员须至少两名持有效执法证的人员" in refusal
    assert not Case.objects.exists()

    page.uncheck("label:has-text('周过期') input")
    page.check("label:has-text('钱执法') input")
    with page.expect_navigation():
        page.click("button:has-text('立案')")
    assert "已立案：江市监处罚〔2026〕88号" in page.content()

    page.click("#action-notify summary")
    page.check("#action-notify label:has-text('罚款') input")
    page.fill("#action-notify [name='notify-fine']", "3000")
    with page.expect_navigation():
        page.click("#action-notify button:has-text('告知拟作出的处罚')")
    assert "已告知（陈述申辩）" in page.content()

    act(page, "decide", "作出行政处罚决定", decision_number="江市监罚字〔2026〕88号")
    assert "已决定待送达" in page.content()
    act(page, "serve", "送达决定书")
    assert "已送达（执行中）" in page.content()

    page.click("#action-close summary")
    page.click("#action-close button:has-text('结案')")
    page.wait_for_selector("#action-close .errorlist")
    missing = page.inner_text("#action-close")
    assert "缺少“立案”阶段的文书记录" in missing and "缺少“送达”阶段的文书记录" in missing
    assert Case.objects.get().state == "served"

    page.reload()
    for stage in ("立案", "调查取证", "告知", "决定", "送达"):
        add_record(page, stage, f"{stage}文书")
    act(page, "pay", "登记罚款已缴纳")
    act(page, "close", "结案")
    assert "已结案" in page.content()
    case = Case.objects.get()
    assert case.state == "closed" and case.closed_on == today
    assert {o.certificate.number for o in case.officers.all()} == {"37010001", "37010002"}
