"""The public portal: open to everyone, in Chinese, searching only what modules publish."""

import pytest

pytestmark = pytest.mark.django_db


def test_home_page_is_public_and_in_chinese(client, cast):
    response = client.get("/")
    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="zh-Hans">' in page and "依法行政公众门户" in page
    assert 'role="search"' in page and "跳到正文" in page


def test_home_page_loads_nothing_from_outside(client, cast):
    page = client.get("/").content.decode()
    assert "https://" not in page and "http://" not in page


def test_search_without_words_asks_for_them(client, cast):
    assert "请输入关键词" in client.get("/search/").content.decode()


def test_search_for_nothing_known_says_so(client, cast):
    page = client.get("/search/?q=不存在的词语").content.decode()
    assert "没有找到与“不存在的词语”相关的公开信息" in page


def test_search_query_is_cut_to_fifty_characters_and_escaped(client, cast):
    page = client.get("/search/?q=" + "<script>" + "长" * 100).content.decode()
    assert "<script>长" not in page and "&lt;script&gt;" in page
    assert "长" * 42 in page and "长" * 43 not in page


def test_portal_never_shows_staff_personal_data(client, cast):
    from yifa.core import services

    services.person_create(
        by=cast.people["admin"],
        username="zhangsan",
        full_name="张三",
        unit=cast.units["民政局"],
        roles=["liaison"],
        password="long-enough-1",
        phone="13800138000",
    )
    for path in ("/", "/search/?q=张三"):
        page = client.get(path).content.decode()
        assert "13800138000" not in page
