"""The applicant's status lookup: sent by POST through the public-form limits, the number typed with or
without brackets around the year or as its bare sequence, wrong codes limited per address."""

import datetime as dt

import pytest
from django.test import Client

from tests.conftest import solve_captcha

URL = "/licensing/status/"
STATE = "已收到，待受理"


@pytest.fixture
def app(receive):
    return receive(dt.date(2026, 3, 3))


def _typed(number: str, style: str) -> str:
    year, seq = number.split("许")
    return {
        "as issued": number,
        "()": f"({year})许{seq}",
        "（）": f"（{year}）许{seq}",
        "〔〕": f"〔{year}〕许{seq}",
        "no zeros": f"{year}许{int(seq)}",
        "bare": str(int(seq)),
        "spaced full-width": " ".join(number.translate(str.maketrans("0123456789", "０１２３４５６７８９"))),
    }[style]


@pytest.mark.parametrize("style", ["as issued", "()", "（）", "〔〕", "no zeros", "bare", "spaced full-width"])
def test_lookup_accepts_each_way_of_typing_the_number(app, style):
    page = Client().post(URL, {"number": _typed(app.number, style), "code": app.lookup_code.upper()}).content.decode()
    assert STATE in page and app.number in page, page[-1500:]


def test_another_applications_number_with_a_right_code_is_refused(app, receive):
    other = receive(dt.date(2026, 3, 4))
    for i, number in enumerate((other.number, str(other.pk), f"1999许{app.pk:06d}")):
        visitor = Client(REMOTE_ADDR=f"10.0.0.{i + 1}")
        page = visitor.post(URL, {"number": number, "code": app.lookup_code}).content.decode()
        assert "申请编号或查询码不正确" in page and STATE not in page


def test_the_lookup_is_sent_by_post_not_in_the_address(app):
    assert 'method="post"' in Client().get(URL).content.decode()
    by_get = Client().get(URL, {"number": app.number, "code": app.lookup_code}).content.decode()
    assert STATE not in by_get


def test_wrong_codes_are_rate_limited_per_address(app, settings):
    settings.PUBLIC_LOOKUP_MISSES = "3/10m"
    settings.PUBLIC_RATE_PER_ADDRESS = "100/h"
    codes = []
    for i in range(5):
        guesser = Client()
        page = guesser.get(URL).content.decode()
        captcha = solve_captcha(page) if "captcha_0" in page else {}
        codes.append(guesser.post(URL, {"number": app.number, "code": f"bad{i}", **captcha}).status_code)
    assert codes == [200, 200, 200, 429, 429]
    late = Client()
    captcha = solve_captcha(late.get(URL).content.decode())
    refused = late.post(URL, {"number": app.number, "code": app.lookup_code, **captcha})
    assert refused.status_code == 429 and "查询码错误次数过多" in refused.content.decode()
    elsewhere = Client(REMOTE_ADDR="10.1.1.1").post(URL, {"number": app.number, "code": app.lookup_code})
    assert elsewhere.status_code == 200 and STATE in elsewhere.content.decode()


def test_a_wrong_code_brings_a_captcha(app):
    guesser = Client()
    page = guesser.post(URL, {"number": app.number, "code": "bad"}).content.decode()
    assert "申请编号或查询码不正确" in page and 'name="captcha_1"' in page
    again = guesser.post(URL, {"number": app.number, "code": app.lookup_code}).content.decode()
    assert "请输入验证码" in again and STATE not in again


def test_the_api_lookup_is_limited_too(app, settings):
    settings.PUBLIC_LOOKUP_MISSES = "2/10m"
    api = Client()
    codes = [api.get("/api/licensing/status", {"number": app.number, "code": "X"}).status_code for _ in range(3)]
    assert codes == [404, 404, 429]
    right = api.get("/api/licensing/status", {"number": app.number, "code": app.lookup_code})
    assert right.status_code == 429 and "查询码错误次数过多" in right.json()["detail"]


def test_lookup_fields_are_bounded(app):
    page = Client().post(URL, {"number": "〔" * 31, "code": app.lookup_code}).content.decode()
    assert "申请编号：最多30个字（现为31个）" in page and STATE not in page
    huge = Client().post(URL, {"number": "〔" * 1_000_000, "code": app.lookup_code})
    assert huge.status_code == 413 and "提交的内容过大" in huge.content.decode()
