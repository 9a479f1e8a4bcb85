"""The staff menu shows each person only the pages they may open."""

import re

import pytest

pytestmark = pytest.mark.django_db


def menu_links(page: str) -> list[str]:
    nav = page.split('<nav class="sidenav"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'href="([^"]+)"', nav)


@pytest.mark.parametrize("who", ["expert", "minzheng_liaison", "town1_liaison", "mayor", "fuyi"])
def test_every_link_in_the_menu_opens(login, cast, who):
    client = login(cast.people[who])
    links = menu_links(client.get("/staff/").content.decode())
    assert links
    for href in links:
        status = client.get(href).status_code
        assert status == 200, (href, status)


def test_the_outside_expert_sees_only_what_an_expert_can_use(login, cast):
    links = menu_links(login(cast.people["expert"]).get("/staff/").content.decode())
    assert "/staff/" in links and "/staff/inbox/" in links and "/staff/account/" in links
    assert "/staff/reconsideration/cases/new/" not in links
    assert "/staff/reconsideration/settings/" not in links
    assert len(links) < 10


@pytest.mark.parametrize(
    "who, intake, settings",
    [("fuyi", True, True), ("reviewer", True, True), ("minzheng_liaison", False, False), ("mayor", False, False)],
)
def test_reconsideration_links_follow_the_pages_own_checks(login, cast, who, intake, settings):
    links = menu_links(login(cast.people[who]).get("/staff/").content.decode())
    assert ("/staff/reconsideration/cases/new/" in links) is intake
    assert ("/staff/reconsideration/settings/" in links) is settings


@pytest.mark.parametrize("who, shown", [("admin", True), ("legal_head", False), ("minzheng_liaison", False)])
def test_the_login_security_page_is_linked_for_administrators(login, cast, who, shown):
    links = menu_links(login(cast.people[who]).get("/staff/").content.decode())
    assert ("/staff/security/" in links) is shown
    assert "/staff/account/" in links
