"""Status lookup: sent by POST, takes the number with 〔〕, (), 【】 or as its bare sequence number; wrong
codes are limited per address."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import solve_captcha

URL = "/reconsideration/status/"


@pytest.fixture
def case(cast, receive):
    return receive(dt.date(2026, 3, 3))


def _typed(number: str, style: str) -> str:
    seq = number.split("第")[1].rstrip("号")
    return {
        "〔〕": number,
        "()": number.replace("〔", "(").replace("〕", ")"),
        "（）": number.replace("〔", "（").replace("〕", "）"),
        "【】": number.replace("〔", "【").replace("〕", "】"),
        "bare": seq,
        "spaced": " ".join(number),
    }[style]


@pytest.mark.parametrize("style", ["〔〕", "()", "（）", "【】", "bare", "spaced"])
def test_lookup_accepts_each_way_of_typing_the_number(case, style):
    page = Client().post(URL, {"number": _typed(case.number, style), "code": case.lookup_code}).content.decode()
    assert "受理审查中" in page, page[-1500:]


def test_the_number_of_another_case_with_a_right_code_is_refused(case, receive):
    other = receive(dt.date(2026, 3, 4))
    page = Client().post(URL, {"number": other.number, "code": case.lookup_code}).content.decode()
    assert "案号或查询码不正确" in page and "受理审查中" not in page


def test_the_lookup_is_sent_by_post_not_in_the_address(case):
    form_page = Client().get(URL).content.decode()
    assert 'method="post"' in form_page
    by_get = Client().get(URL, {"number": case.number, "code": case.lookup_code}).content.decode()
    assert "受理审查中" not in by_get


def test_wrong_codes_are_rate_limited_per_address(case, settings):
    settings.PUBLIC_LOOKUP_MISSES = "3/10m"
    settings.PUBLIC_RATE_PER_ADDRESS = "100/h"
    codes = []
    for i in range(5):
        guesser = Client()
        page = guesser.get(URL).content.decode()
        captcha = solve_captcha(page) if "captcha_0" in page else {}
        response = guesser.post(URL, {"number": case.number, "code": f"WRONG{i:03d}", **captcha})
        codes.append(response.status_code)
    assert codes == [200, 200, 200, 429, 429]
    # even the right code waits now: the guesser cannot tell a hit from the refusal
    late = Client()
    captcha = solve_captcha(late.get(URL).content.decode())
    refused = late.post(URL, {"number": case.number, "code": case.lookup_code, **captcha})
    assert refused.status_code == 429 and "查询码错误次数过多" in refused.content.decode()
    assert (
        Client(REMOTE_ADDR="10.1.1.1").post(URL, {"number": case.number, "code": case.lookup_code}).status_code == 200
    )


def test_the_api_lookup_is_limited_too(case, settings):
    settings.PUBLIC_LOOKUP_MISSES = "2/10m"
    api = Client()
    codes = [api.get("/api/reconsideration/status", {"number": case.number, "code": "X"}).status_code for _ in range(3)]
    assert codes == [404, 404, 429]
    assert (
        "查询码错误次数过多"
        in api.get("/api/reconsideration/status", {"number": case.number, "code": "X"}).json()["detail"]
    )


def test_lookup_fields_are_bounded(case):
    page = Client().post(URL, {"number": "〔" * 61, "code": case.lookup_code}).content.decode()
    assert "案号：最多60个字（现为61个）" in page and "受理审查中" not in page
    huge = Client().post(URL, {"number": "〔" * 1_000_000, "code": case.lookup_code})
    assert huge.status_code == 413 and "提交的内容过大" in huge.content.decode()


def test_portal_lookup_link_still_works(case):
    assert reverse("portal_reconsideration:status") == URL
