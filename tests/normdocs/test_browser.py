"""In the browser: the public searches the catalogue, filters it and opens a document's page."""

import pytest
from playwright.sync_api import expect

from yifa.normdocs import services

from .conftest import NEUTRAL_TEXT, D, publish_lawfully


# serialized_rollback: the flush after a live-server test would otherwise drop the seeded calendar and screen rules
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_public_catalogue_works_in_the_browser_search_filter_and_document_page(cast, browser_page):
    liaison = cast["minzheng_liaison"]
    relief = services.document_create(
        by=liaison,
        unit=cast.units["民政局"],
        title="江临市临时救助实施办法",
        full_text=NEUTRAL_TEXT + "第四条 冷链物流从业人员因意外致困的，可以申请临时救助。",
    )
    relief = publish_lawfully(cast, relief, number="江民发〔2025〕3号")
    old = services.document_create(
        by=liaison, unit=cast.units["民政局"], title="江临市救助管理旧办法", full_text="第一条 冷链物流相关的旧规定。"
    )
    old = publish_lawfully(
        cast, old, number="江民发〔2024〕9号", published_on=D(2024, 9, 5), submitted_on=D(2024, 8, 1)
    )
    services.relation_add(by=liaison, source=relief, kind="repeals", target=old, on=D(2025, 9, 5))
    services.document_create(by=liaison, unit=cast.units["民政局"], title="冷链内部草案", full_text="冷链物流草稿")

    page = browser_page
    page.goto("/normdocs/")
    page.fill("#nq", "冷链物流")
    page.click("button:has-text('检索')")
    page.wait_for_url("**/normdocs/?q=*")
    expect(page.locator("tbody tr")).to_have_count(2)
    assert "冷链内部草案" not in page.content()

    page.select_option("#nstatus", label="已废止")
    page.click("button:has-text('检索')")
    page.wait_for_url("**status=repealed*")
    expect(page.locator("tbody tr")).to_have_count(1)
    assert "江临市救助管理旧办法" in page.locator("tbody").inner_text()

    page.click("text=江临市救助管理旧办法")
    page.wait_for_url(f"**/normdocs/{old.pk}/")
    assert page.locator("h1").inner_text() == "江临市救助管理旧办法"
    assert page.locator(".badge").first.inner_text() == "已废止"
    assert "江临市临时救助实施办法" in page.locator("main").inner_text()  # the repealing document
    page.click("text=《江临市临时救助实施办法》（江民发〔2025〕3号）")
    page.wait_for_url(f"**/normdocs/{relief.pk}/")
    assert "2030年9月4日" in page.locator("main").inner_text()
