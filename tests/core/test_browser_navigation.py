"""In the browser: every demo login opens every link of its own menu, on the demo city and then on
``yifa seed --scale 1000`` data over it. No page refuses (403) or fails (500)."""

import io

import pytest
from django.core.management import call_command

from yifa.core.demo import DEMO_PASSWORD, LOGINS

# One live server and one database set-up for both crawls: the set-up is most of the time.
pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.timeout(1800)]


@pytest.fixture
def no_second_factor(settings):
    settings.TOTP_REQUIRED = False


@pytest.fixture
def demo_city():
    call_command("demo", stdout=io.StringIO())


@pytest.fixture
def seed_1000():
    """``yifa seed --scale 1000`` over the demo city: called once, between the two crawls."""
    return lambda: call_command("seed", scale=1000, quiet=True, stdout=io.StringIO())


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


def test_every_demo_login_opens_every_link_of_its_menu_on_demo_and_seeded_data(
    demo_city, seed_1000, browser_page, no_second_factor
):
    counts = crawl_every_menu(browser_page)
    assert counts["expert"] < counts["minzheng_liaison"] < counts["admin"]
    seed_1000()
    assert crawl_every_menu(browser_page) == counts
