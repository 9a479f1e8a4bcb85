"""信息处理费 tiers (国办函〔2020〕109号 按件计收): 10 free a month, 100 yuan each up to 30, then +100 per 10."""

import datetime as dt

import pytest

from yifa.disclosure.fees import fee_for_nth, fee_of

D = dt.date


@pytest.mark.parametrize(
    "n, fee", [(1, 0), (10, 0), (11, 100), (30, 100), (31, 200), (40, 200), (41, 300), (50, 300), (51, 400)]
)
def test_fee_of_the_nth_request_in_a_month(n, fee):
    assert fee_for_nth(n) == fee


def test_tiers_are_configurable(settings):
    settings.YIFA_DISCLOSURE_FEE_TIERS = {"free": 5}
    assert fee_for_nth(6) == 100 and fee_for_nth(5) == 0


@pytest.mark.django_db
def test_the_eleventh_request_of_a_month_is_charged_and_a_new_month_starts_free(cast, register):
    made = [register(D(2026, 11, 2 + i % 3), content=f"第{i}号文件正文内容") for i in range(11)]
    last = max(made, key=lambda r: (r.received_on, r.pk))  # 11月4日登记的最后一件
    n, fee, text = fee_of(last)
    assert (n, fee) == (11, 100) and "2026年11月第11件" in text and "109号" in text
    december = register(D(2026, 12, 1), content="新月份的申请")
    assert fee_of(december)[:2] == (1, 0)
