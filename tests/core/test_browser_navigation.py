"""In the browser: every demo login opens every link of its own menu, on the demo city and on
``yifa seed --scale 1000`` data. No page refuses (403) or fails (500)."""

import pytest
from django.core.management import call_command

from yifa.core.demo import DEMO_PASSWORD, LOGINS

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.timeout(1200),  # some 360 pages in a real browser
]


@pytest.fixture
def no_second_factor(settings):
    settings.TOTP_REQUIRED = False


def log_in(page, username):
    page.context.clear_cookies()
    page.goto("/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button:has-text('登录')")
    page.wait_for_url("**/staff/**")


def crawl_every_menu(page) -> dict[str, int]:
    """Each demo login's menu links, each opened; returns how many links each login had."""
    counts, failures = {}, []
    for username, _ in LOGINS:
        log_in(page, username)
        links = page.eval_on_selector_all("nav.sidenav a", "els => els.map(e => e.getAttribute('href'))")
        counts[username] = len(links)
        for href in links:
            response = page.goto(href)
            if response.status != 200:
                failures.append((username, href, response.status))
    assert not failures, failures
    return counts


def test_every_demo_login_opens_every_link_of_its_menu(browser_page, no_second_factor):
    call_command("demo", verbosity=0)
    counts = crawl_every_menu(browser_page)
    assert counts["expert"] < counts["minzheng_liaison"] < counts["admin"]


@pytest.fixture
def seeded_city():
    """The demo city and ``yifa seed --scale 1000`` on top, once for the whole crawl."""
    call_command("demo", verbosity=0)
    call_command("seed", scale=1000, quiet=True, verbosity=0)


def test_every_menu_link_opens_on_seeded_data(seeded_city, browser_page, no_second_factor):
    counts = crawl_every_menu(browser_page)
    assert all(counts.values())
