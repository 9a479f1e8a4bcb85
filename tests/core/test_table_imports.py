"""Every table import (yifa.core.tables): all rows checked before any is written, a bad row anywhere refuses
the file naming its row, column and rule, one audit event with the file's SM3 hash and row count, and a cost
in queries that does not grow with the rows."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from yifa.core.audit import sm3
from yifa.core.imports import run_now
from yifa.core.models import Event, ImportJob
from yifa.enforcement import importer as benchmarks
from yifa.enforcement.models import Benchmark
from yifa.lib.office import xlsx_table
from yifa.licensing import importer as licensing
from yifa.licensing.models import HigherItem, Item
from yifa.normdocs.models import Document

pytestmark = pytest.mark.django_db
BASIS = "《中华人民共和国食品安全法》第三十五条"
ITEM_HEADERS = ["事项编码", "事项名称", "实施机关", "设定依据", "许可条件", "申请材料", "法定办结时限", "承诺办结时限"]
CATALOGUE_HEADERS = ["文件名称", "文号", "制定机关", "公布日期"]


def as_csv(headers, rows, encoding="utf-8") -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([headers, *rows])
    return out.getvalue().encode(encoding)


@pytest.fixture
def higher(db):
    HigherItem.objects.bulk_create(
        HigherItem(code=f"SD-{i:04d}", name=f"许可事项{i}", basis=BASIS, imported_on="2026-01-05") for i in range(1000)
    )


def item_rows(n):
    return [[f"SD-{i:04d}", f"许可事项{i}", "市场监管局", BASIS, "有经营场所", "申请书", 20, 10] for i in range(n)]


def import_items(cast, content, name="清单.xlsx") -> ImportJob:
    return run_now(licensing.RUN_ITEMS, label="导入清单", by=cast["shijian_liaison"], file_name=name, content=content)


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_licensing_list_in_csv_is_one_audit_event_with_the_files_sm3_and_row_count(cast, higher, encoding):
    content = as_csv(ITEM_HEADERS, item_rows(3), encoding)
    job = import_items(cast, content, "清单.csv")
    assert (job.status, job.done, job.error) == (ImportJob.Status.DONE, 3, "")
    assert sorted(Item.objects.values_list("code", flat=True)) == ["SD-0000", "SD-0001", "SD-0002"]
    (event,) = Event.objects.filter(action="licensing_item.import")
    assert event.data["rows"] == 3 and event.data["sm3"] == sm3(content) and event.data["file"] == "清单.csv"


def test_a_bad_last_row_writes_no_item_and_names_row_column_and_rule(cast, higher):
    rows = item_rows(50)
    rows[-1][6] = "二十天"
    job = import_items(cast, xlsx_table("清单", ITEM_HEADERS, rows))
    assert job.status == ImportJob.Status.FAILED
    assert "第51行：法定办结时限“二十天”应为工作日数" in job.error and "一行也不会写入" in job.error
    assert not Item.objects.exists() and not Event.objects.filter(action="licensing_item.import").exists()


def test_a_missing_column_is_named_before_any_row_is_read(cast, higher):
    job = import_items(cast, xlsx_table("清单", ITEM_HEADERS[:-1], item_rows(2)))
    assert job.status == ImportJob.Status.FAILED and "表头缺少列：承诺办结时限" in job.error


def queries_for(run) -> int:
    with CaptureQueriesContext(connection) as ctx:
        run()
    return len(ctx.captured_queries)


def test_the_licensing_import_costs_the_same_queries_at_100_and_1000_rows(cast, higher):
    small = queries_for(lambda: import_items(cast, as_csv(ITEM_HEADERS, item_rows(100))))
    Item.objects.all().delete()
    large = queries_for(lambda: import_items(cast, as_csv(ITEM_HEADERS, item_rows(1000))))
    assert Item.objects.count() == 1000 and small == large


def catalogue(n, start=0):
    return as_csv(
        CATALOGUE_HEADERS,
        [[f"江临市办法{i}", f"江民发〔2025〕{i + 1}号", "民政局", "2025-03-01"] for i in range(start, n)],
    )


def test_the_catalogue_import_costs_the_same_queries_at_100_and_1000_rows(cast):
    def run(content):
        by = cast["minzheng_liaison"]
        return run_now("yifa.normdocs.importer.run", label="导入目录", by=by, file_name="目录.csv", content=content)

    small = queries_for(lambda: run(catalogue(100)))
    large = queries_for(lambda: run(catalogue(1100, start=100)))
    assert Document.objects.count() == 1100 and small == large


def test_benchmarks_are_written_at_once_with_one_event_and_the_same_queries_at_any_size(cast):
    def table(n, degree="一般"):
        rows = [[f"SJ-{i:04d}", "违法行为", "情节", degree, 0, 1000, "《食品安全法》第一百二十四条"] for i in range(n)]
        return xlsx_table("基准", benchmarks.COLUMNS, rows)

    by, unit = cast["shijian_liaison"], cast["市场监管局"]
    benchmarks.import_benchmarks(by=by, unit=unit, content=table(1, "轻微"))  # the first import looks up more
    small = queries_for(lambda: benchmarks.import_benchmarks(by=by, unit=unit, content=table(100)))
    content = table(1000, "较重")
    large = queries_for(lambda: benchmarks.import_benchmarks(by=by, unit=unit, content=content, file_name="基准.xlsx"))
    assert Benchmark.objects.count() == 1101 and small == large
    events = Event.objects.filter(action="enforcement.benchmark_import").order_by("pk")
    assert [e.data["rows"] for e in events] == [1, 100, 1000] and events[2].data["sm3"] == sm3(content)


def test_an_empty_row_in_the_file_keeps_the_row_numbers_of_those_after_it(cast, higher):
    rows = item_rows(3)
    rows[2][6] = "二十天"
    content = as_csv(ITEM_HEADERS, [rows[0], [""] * 8, rows[1], rows[2]], "gb18030")
    job = import_items(cast, content, "清单.csv")
    assert "第5行：法定办结时限“二十天”应为工作日数" in job.error and not Item.objects.exists()


def test_the_licensing_page_previews_then_hands_a_clean_list_to_the_task_worker_with_its_progress(cast, higher, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = login(cast["shijian_liaison"])
    content = xlsx_table("清单", ITEM_HEADERS, item_rows(3))
    preview = client.post("/staff/licensing/import/", {"file": SimpleUploadedFile("清单.xlsx", content)})
    assert preview.status_code == 200 and not Item.objects.exists()
    answer = client.post("/staff/licensing/import/", {"file": SimpleUploadedFile("清单.xlsx", content), "commit": "on"})
    assert answer.status_code == 302 and answer.url.startswith("/staff/imports/")
    assert "已导入 3 行" in client.get(answer.url).content.decode() and Item.objects.count() == 3
