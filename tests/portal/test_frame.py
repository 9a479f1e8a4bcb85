"""The portal looks like a government site: the city, one link per module, breadcrumbs, a landing page
for every module, the footer with the sponsor and site identifier, and its own 404 and 500 pages."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

MODULES = ["/plans/", "/normdocs/", "/decisions/", "/reconsideration/"]


def test_every_module_in_the_top_navigation_has_a_landing_page(cast):
    client = Client()
    home = client.get("/").content.decode()
    assert "江临市" in home
    nav = home.split('aria-label="栏目导航"', 1)[1].split("</nav>", 1)[0]
    for url in MODULES:
        assert f'href="{url}"' in nav
        response = client.get(url)
        assert response.status_code == 200, url
        assert 'aria-label="当前位置"' in response.content.decode(), url


def test_the_reconsideration_landing_page_offers_its_services(cast):
    page = Client().get("/reconsideration/").content.decode()
    assert "<h1>行政复议</h1>" in page
    assert 'href="/reconsideration/apply/"' in page and 'href="/reconsideration/status/"' in page


def test_breadcrumbs_lead_home_through_the_module_to_the_page(cast):
    page = Client().get("/plans/reports/").content.decode()
    crumbs = page.split('aria-label="当前位置"', 1)[1].split("</nav>", 1)[0]
    assert crumbs.index('href="/"') < crumbs.index('href="/plans/"') < crumbs.index("依法行政工作报告")


def test_the_footer_names_the_sponsor_contact_and_site_identifier(cast, settings):
    settings.SITE_SPONSOR = "某市人民政府办公厅"
    settings.SITE_CODE = "1234567890"
    settings.SITE_CONTACT = "0571-00000000"
    page = Client().get("/normdocs/").content.decode()
    footer = page.split('<footer class="portal-foot">', 1)[1]
    assert "主办单位：某市人民政府办公厅" in footer
    assert "网站标识码：1234567890" in footer
    assert "0571-00000000" in footer
    assert '<meta name="SiteIDCode" content="1234567890">' in page


def test_a_missing_portal_page_shows_the_portal_404(cast):
    response = Client().get("/no-such-module/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "页面不存在" in page and "网站标识码" in page


def test_a_missing_staff_page_shows_the_workspace_404(login, cast):
    response = login(cast.people["minzheng_liaison"]).get("/staff/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "页面不存在" in page and "我的待办" in page and 'class="sidenav"' in page


def test_a_failing_portal_page_shows_the_portal_500(cast, monkeypatch):
    def broken(_modules):
        raise RuntimeError("boom")

    monkeypatch.setattr("yifa.portal.views._gather", broken)
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 500
    assert "系统暂时无法处理您的请求" in response.content.decode()


@pytest.mark.parametrize("path, text", [("/normdocs/", "门户首页"), ("/staff/", "系统管理员")])
def test_a_server_error_shows_a_chinese_page_of_its_area(cast, path, text):
    from django.test import RequestFactory

    from yifa.portal.views import server_error

    response = server_error(RequestFactory().get(path))
    assert response.status_code == 500
    assert text in response.content.decode()
