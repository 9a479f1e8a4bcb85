"""The modules' staff lists (reconsideration cases, normative documents and their cleanup campaigns,
decisions and their catalogues, work plans and information items, disclosure requests, licensing
applications) sort by their column headers and go to Excel as filtered and sorted, like the workspace's
own lists."""

import io

import pytest
from openpyxl import load_workbook

from yifa.decisions import demo as decisions_demo
from yifa.disclosure import demo as disclosure_demo
from yifa.licensing import demo as licensing_demo
from yifa.normdocs import demo as normdocs_demo
from yifa.plans import demo as plans_demo
from yifa.reconsideration import demo as reconsideration_demo

pytestmark = pytest.mark.django_db

# url: (demo, the column sorted, its header, its place)
LISTS = {
    "/staff/reconsideration/cases/": (reconsideration_demo, "received_on", "收到日期", 1),
    "/staff/normdocs/": (normdocs_demo, "title", "标题", 0),
    "/staff/decisions/": (decisions_demo, "title", "决策事项", 0),
    "/staff/plans/": (plans_demo, "title", "计划", 0),
    "/staff/normdocs/campaigns/": (normdocs_demo, "baseline", "基准日", 1),
    "/staff/plans/info/": (plans_demo, "submitted_on", "报送日", 2),
    "/staff/decisions/catalogues/": (decisions_demo, "title", "事项名称", 3),
    "/staff/disclosure/requests/": (disclosure_demo, "received_on", "收到日期", 2),
    "/staff/licensing/applications/": (licensing_demo, "received_on", "收到日期", 2),
}


@pytest.mark.parametrize("url", LISTS)
def test_a_module_list_sorts_and_exports(cast, login, url):
    demo, key, header, column = LISTS[url]
    demo.load(cast)
    client = login(cast["admin"])
    page = client.get(f"{url}?sort={key}").content.decode()
    assert 'aria-sort="ascending"' in page and f"sort=-{key}" in page and "format=xlsx" in page
    response = client.get(f"{url}?sort=-{key}&format=xlsx")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))
    assert rows[0][column] == header and len(rows) > 1
    values = [r[column] for r in rows[1:] if r[column] is not None]  # a request not yet confirmed has no date
    assert values and values == sorted(values, reverse=True)
