"""A cleanup campaign's items sort by their headers and go to Excel with the hints, the proposal and the
progress in Chinese, each unit getting only its own items."""

import pytest

from tests.list_checks import column, sheet, sorts_and_exports
from yifa.normdocs import demo
from yifa.normdocs.models import Campaign

pytestmark = pytest.mark.django_db


@pytest.fixture
def url(cast):
    demo.load(cast)
    return f"/staff/normdocs/campaigns/{Campaign.objects.get().pk}/"


def test_the_campaign_items_sort_and_export_in_chinese(cast, login, url):
    rows = sorts_and_exports(login(cast["reviewer"]), url, "document__title", "文件")
    assert rows[0] == ("文件", "承办单位", "提示", "意见", "进度")
    assert set(column(rows, "意见")) == {"废止"} and set(column(rows, "进度")) == {"法制机构已确认"}
    assert any("合同法" in hint or "公平竞争" in hint for hint in column(rows, "提示"))


def test_a_unit_exports_only_its_own_items(cast, login, url):
    own = sheet(login(cast["shijian_liaison"]).get(f"{url}?format=xlsx"))
    assert len(own) > 1 and set(column(own, "承办单位")) == {"江临市市场监管局"}
    assert len(sheet(login(cast["minzheng_liaison"]).get(f"{url}?format=xlsx"))) == 1
