"""The fair-competition conclusion comes before legality review, a document that reached review without it can
be returned for it, and the public comment period has a minimum below which a reason is required."""

import pytest
from playwright.sync_api import expect

from yifa.core.errors import GateBlocked
from yifa.core.models import Event
from yifa.normdocs import services
from yifa.normdocs.models import DocStatus, Document

from .conftest import NEUTRAL_TEXT, D

pytestmark = pytest.mark.django_db


@pytest.fixture
def business_draft(cast):
    return services.document_create(
        by=cast["shijian_liaison"],
        unit=cast.units["市场监管局"],
        title="江临市农贸市场摊位管理办法",
        full_text=NEUTRAL_TEXT,
    )


def test_a_draft_involving_business_cannot_go_to_review_without_the_conclusion(cast, business_draft):
    with pytest.raises(GateBlocked, match=r"须先在草案中填写公平竞争审查结论.*第十三条、第十七条"):
        services.submit_review(by=cast["shijian_liaison"], doc=business_draft, on=D(2025, 8, 1))
    business_draft.refresh_from_db()
    assert business_draft.status == DocStatus.DRAFT
    assert not Event.objects.filter(action="normdocs.submit_review").exists()


def test_the_conclusion_can_be_written_on_the_new_draft_form(cast, login):
    page = login(cast["shijian_liaison"]).post(
        "/staff/normdocs/new/",
        {
            "title": "江临市集贸市场管理办法",
            "unit": cast.units["市场监管局"].pk,
            "full_text": NEUTRAL_TEXT,
            "valid_years": 5,
            "involves_business": "on",
            "fair_competition_conclusion": "经审查，未发现排除、限制竞争的内容",
        },
    )
    assert page.status_code == 302
    doc = Document.objects.get(title="江临市集贸市场管理办法")
    assert doc.fair_competition_conclusion == "经审查，未发现排除、限制竞争的内容"
    services.submit_review(by=cast["shijian_liaison"], doc=doc, on=D(2025, 8, 1))


def test_the_legal_office_returns_a_stuck_document_for_the_conclusion(cast, business_draft):
    # A document that reached review before this gate existed (the old demo's documents 4 and 5).
    Document.objects.filter(pk=business_draft.pk).update(status=DocStatus.APPROVED, review_opinion="lawful")
    doc = Document.objects.get(pk=business_draft.pk)
    with pytest.raises(GateBlocked, match="须填写理由"):
        services_fire(cast["reviewer"], doc, reason="")
    doc = services_fire(cast["reviewer"], doc, reason="请补充公平竞争审查结论后重新送审")
    assert (doc.status, doc.review_opinion) == (DocStatus.DRAFT, "")
    assert doc.review_comments == "请补充公平竞争审查结论后重新送审"


def services_fire(by, doc, *, reason):
    from yifa.core.procedure import fire
    from yifa.normdocs.flows import DOCUMENTS

    return fire(DOCUMENTS, doc, "return_for_fair_competition", by=by, reason=reason)


def test_comment_period_below_seven_working_days_needs_a_reason(cast, draft):
    liaison = cast["minzheng_liaison"]
    # From Thu 2025-09-25: 9-26 (1), 9-28 make-up Sunday (2), 9-29, 9-30 (4), 国庆中秋 10-1…8, 10-9 (5),
    # 10-10 (6), 10-11 make-up Saturday (7): the earliest end is 2025-10-11.
    with pytest.raises(GateBlocked, match=r"截止日期不早于2025年10月11日；少于此期限的须写明理由"):
        services.document_solicit(by=liaison, doc=draft, kind="public", start=D(2025, 9, 25), end=D(2025, 10, 10))
    assert Document.objects.get(pk=draft.pk).status == DocStatus.DRAFT
    doc = services.document_solicit(by=liaison, doc=draft, kind="public", start=D(2025, 9, 25), end=D(2025, 10, 11))
    assert doc.status == DocStatus.SOLICITING


def test_a_short_comment_period_with_its_reason_is_kept_with_the_document(cast, draft):
    doc = services.document_solicit(
        by=cast["minzheng_liaison"],
        doc=draft,
        kind="public",
        start=D(2026, 3, 2),
        end=D(2026, 3, 6),
        short_reason="上级文件要求3月底前出台",
    )
    assert doc.solicitation_short_reason == "上级文件要求3月底前出台"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_path_that_used_to_dead_end_reaches_publication_in_the_browser(cast, browser_login):
    liaison = cast["shijian_liaison"]
    doc = services.document_create(
        by=liaison, unit=cast.units["市场监管局"], title="江临市农贸市场摊位管理办法", full_text=NEUTRAL_TEXT
    )
    Document.objects.filter(pk=doc.pk).update(status=DocStatus.APPROVED, review_opinion="lawful")
    page = browser_login(cast["reviewer"])
    page.goto(f"/staff/normdocs/{doc.pk}/")
    page.click("summary:has-text('退回补充公平竞争审查结论')")
    page.fill("[name='return_for_fair_competition-reason']", "请补充公平竞争审查结论")
    page.click("button:has-text('退回补充公平竞争审查结论')")
    expect(page.locator(".flash")).to_contain_text("已退回起草单位补充公平竞争审查结论")

    page = browser_login(liaison)
    page.goto(f"/staff/normdocs/{doc.pk}/")
    page.click("summary:has-text('修改草案')")
    page.fill("[name='edit-fair_competition_conclusion']", "经审查，未发现排除、限制竞争的内容")
    page.click("#action-edit button:has-text('修改草案')")
    expect(page.locator(".flash")).to_contain_text("已修改草案")
    page.click("summary:has-text('送法制机构合法性审核')")
    page.click("button:has-text('送法制机构合法性审核')")
    expect(page.locator(".flash")).to_contain_text("已送法制机构合法性审核")

    page = browser_login(cast["reviewer"])
    page.goto(f"/staff/normdocs/{doc.pk}/")
    page.click("summary:has-text('出具合法性审核意见')")
    page.click("#action-review_lawful button")
    expect(page.locator(".flash")).to_contain_text("已出具合法性审核意见")
    page = browser_login(liaison)
    page.goto(f"/staff/normdocs/{doc.pk}/")
    page.click("summary:has-text('记录集体讨论')")
    page.fill("[name='meeting-meeting_name']", "局务会议")
    page.fill("[name='meeting-record']", "会议审议通过")
    page.click("#action-meeting button")
    expect(page.locator(".flash")).to_contain_text("已记录集体讨论")
    page.click("summary:has-text('签发公布')")
    page.fill("[name='publish-number']", "江市监发〔2026〕7号")
    page.fill("[name='publish-signed_by']", "局长")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#action-publish button")
    expect(page.locator(".flash")).to_contain_text("已签发公布（江市监发〔2026〕7号）")
    assert Document.objects.get(pk=doc.pk).status == DocStatus.IN_FORCE
