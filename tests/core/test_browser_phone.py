"""On a phone 390 px wide the workspace's main lists fit the screen: the menu folds behind 菜单, the
tables become cards, and nothing scrolls sideways."""

import io

import pytest
from django.core.management import call_command

from yifa.core.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.timeout(1200)]

MAIN_LISTS = [
    "/staff/",
    "/staff/deadlines/",
    "/staff/overdue/",
    "/staff/audit/",
    "/staff/inbox/",
    "/staff/normdocs/",
    "/staff/normdocs/filing/",
    "/staff/decisions/",
    "/staff/plans/board/",
    "/staff/plans/reports/",
    "/staff/reconsideration/",
    "/staff/reconsideration/cases/",
]


def test_the_main_lists_fit_a_390_pixel_phone(browser_page, settings):
    settings.TOTP_REQUIRED = False
    call_command("demo", stdout=io.StringIO())
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/login/")
    page.fill("#id_username", "reviewer")
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button:has-text('登录')")
    page.wait_for_url("**/staff/**")
    assert not page.locator("nav.sidenav").is_visible()
    page.click("label.navtoggle-label")
    assert page.locator("nav.sidenav").is_visible()
    wide = {}
    for path in MAIN_LISTS:
        assert page.goto(path).status == 200, path
        width = page.evaluate("document.scrollingElement.scrollWidth")
        if width > 390:
            wide[path] = width
    assert not wide, wide
