"""The task board draws each unit's overdue rate as a chart beside the table, with ECharts served from
our own static files (never a CDN), from the board's aggregate query."""

import json
import re

import pytest
from django.utils import timezone

from yifa.plans.models import Assignment

from .test_supervision import confirmed_small_plan

pytestmark = pytest.mark.django_db


def test_the_board_charts_the_overdue_rate_of_each_unit(login, cast, django_assert_max_num_queries):
    confirmed_small_plan(cast)
    client = login(cast["reviewer"])
    with django_assert_max_num_queries(25):
        page = client.get("/staff/plans/board/").content.decode()
    data = re.search(r'<script id="overdue-by-unit" type="application/json">(.*?)</script>', page, re.S)
    option = json.loads(data.group(1))
    assert option["title"]["text"] == "各单位任务逾期率"
    rates = dict(zip(option["xAxis"]["data"], option["series"][0]["data"]))
    today = timezone.localdate()
    for unit in ("江临市民政局", "江临市市场监管局"):
        shares = list(Assignment.objects.filter(unit__name=unit).select_related("task"))
        late = [a for a in shares if a.overdue(today)]
        assert rates[unit] == round(len(late) * 100 / len(shares), 1)
    assert 0 < rates["江临市民政局"] <= 100
    assert 'src="/static/vendor/echarts/echarts.min.js"' in page
    assert "http://" not in page.split("<body", 1)[1] and "https://" not in page.split("<body", 1)[1]
    assert '<table id="by-unit">' in page
