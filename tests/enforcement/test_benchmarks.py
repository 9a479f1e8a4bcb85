"""Benchmark tables from Excel: a bad row is named with its rule and nothing is written."""

import io

import pytest
from django.urls import reverse
from openpyxl import Workbook

from yifa.core.errors import InvalidInput
from yifa.enforcement import importer
from yifa.enforcement.models import Benchmark

HEADER = importer.COLUMNS
GOOD = ["SJ-001", "销售超过保质期的食品", "货值金额不足一万元", "一般", 5000, 50000, "《食品安全法》第一百二十四条"]


def workbook(*rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_import_writes_each_row_as_a_new_edition(cast):
    unit = cast["市场监管局"]
    serious = [*GOOD[:2], "货值金额一万元以上", "较重", 50000, 100000, GOOD[6]]
    assert importer.import_benchmarks(by=cast["shijian_liaison"], unit=unit, content=workbook(GOOD, serious)) == 2
    assert importer.import_benchmarks(by=cast["shijian_liaison"], unit=unit, content=workbook(GOOD)) == 1
    assert sorted(Benchmark.objects.values_list("degree", "edition")) == [
        ("general", 1),
        ("general", 2),
        ("serious", 1),
    ]


def test_bad_row_names_the_row_and_the_rule_and_nothing_is_written(cast):
    upside_down = ["SJ-002", "未按规定公示", "首次", "轻微", 3000, 1000, "《市场主体登记管理条例》第四十八条"]
    no_basis = ["SJ-003", "未亮照经营", "首次", "轻微", 0, 500, ""]
    with pytest.raises(InvalidInput) as refused:
        importer.import_benchmarks(
            by=cast["shijian_liaison"], unit=cast["市场监管局"], content=workbook(GOOD, upside_down, no_basis)
        )
    text = refused.value.message
    assert "第3行：罚款下限3000元高于上限1000元（《中华人民共和国行政处罚法》（2021年）第三十四条" in text
    assert "第4行：法律依据必须填写（《中华人民共和国行政处罚法》（2021年）第三十四条" in text
    assert not Benchmark.objects.exists()


def test_duplicate_degree_and_unknown_degree_are_refused(cast):
    with pytest.raises(InvalidInput, match="第3行：基准编码SJ-001的“一般”阶次与第2行重复"):
        importer.import_benchmarks(by=cast["shijian_liaison"], unit=cast["市场监管局"], content=workbook(GOOD, GOOD))
    with pytest.raises(InvalidInput, match="第2行：裁量阶次须为轻微、一般、较重、严重之一"):
        importer.import_benchmarks(
            by=cast["shijian_liaison"], unit=cast["市场监管局"], content=workbook([*GOOD[:3], "很重", *GOOD[4:]])
        )


def test_import_page_shows_the_error_under_the_file(cast, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = workbook(["SJ-002", "未按规定公示", "首次", "轻微", 3000, 1000, "依据"])
    page = login(cast["shijian_liaison"]).post(
        reverse("enforcement:benchmarks"), {"file": SimpleUploadedFile("基准.xlsx", bad)}
    )
    assert "第2行：罚款下限3000元高于上限1000元" in page.content.decode()
    assert not Benchmark.objects.exists()
    not_excel = login(cast["shijian_liaison"]).post(
        reverse("enforcement:benchmarks"), {"file": SimpleUploadedFile("基准.xlsx", b"hello")}
    )
    assert "不是有效的 .xlsx 文件" in not_excel.content.decode()
