"""The filing board shows filing timeliness by issuing organ as a chart beside its table (one grouped query),
and its list of filing deadlines sorts and goes to Excel."""

import io
import json

import pytest
from openpyxl import load_workbook

from yifa.normdocs import demo

pytestmark = pytest.mark.django_db
URL = "/staff/normdocs/filing/"


def chart_of(page: str, chart_id: str) -> dict:
    return json.loads(page.split(f'<script id="{chart_id}" type="application/json">', 1)[1].split("</script>", 1)[0])


def test_the_filing_board_charts_timeliness_by_organ_beside_the_table(cast, login):
    demo.load(cast)
    page = login(cast["reviewer"]).get(URL).content.decode()
    chart = chart_of(page, "filing-timeliness")
    names = chart["xAxis"]["data"]
    assert names and [s["name"] for s in chart["series"]] == ["按期报送", "迟报", "逾期未报", "期限内待报"]
    assert all(s["stack"] == "filing" for s in chart["series"])
    table = page.split("按期报送率</th>", 1)[1].split("</tbody>", 1)[0]
    assert all(name in table for name in names)
    totals = [sum(s["data"][i] for s in chart["series"]) for i in range(len(names))]
    assert totals == sorted(totals, reverse=True)


def test_the_filing_deadlines_sort_and_export(cast, login):
    demo.load(cast)
    client = login(cast["reviewer"])
    page = client.get(f"{URL}?sort=due").content.decode()
    assert 'aria-sort="ascending"' in page and "sort=-due" in page
    response = client.get(f"{URL}?sort=-due&format=xlsx")
    rows = list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))
    assert rows[0] == ("状态", "文件", "制定机关", "应报日期", "计算说明") and len(rows) > 1
    dues = [r[3] for r in rows[1:]]
    assert dues == sorted(dues, reverse=True)
