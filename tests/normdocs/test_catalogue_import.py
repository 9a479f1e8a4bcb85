"""A unit's existing catalogue of normative documents, imported from .xlsx or from CSV in UTF-8 or GB18030
(what government offices export): every row checked before any is written, one audit event for the file."""

import csv
import io

import pytest

from yifa.core.audit import sm3
from yifa.core.errors import YifaError
from yifa.core.imports import run_now
from yifa.core.models import Event, ImportJob
from yifa.lib.office import xlsx_table
from yifa.normdocs import importer
from yifa.normdocs.models import DocStatus, Document

pytestmark = pytest.mark.django_db
HEADERS = ["文件名称", "文号", "制定机关", "公布日期", "施行日期", "有效期（年）", "状态"]
ROWS = [
    ["江临市社会救助家庭经济状况核对办法", "江民发〔2023〕4号", "江临市民政局", "2023-03-01", "", "5", "现行有效"],
    ["江临市临时救助实施细则", "江民发〔2024〕9号", "江临市民政局", "2024年6月5日", "2024-07-01", "", "有效"],
]


def as_csv(rows, encoding="utf-8") -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([HEADERS, *rows])
    return out.getvalue().encode(encoding)


def run(cast, content: bytes, name: str) -> ImportJob:
    return run_now(
        "yifa.normdocs.importer.run", label="导入目录", by=cast["minzheng_liaison"], file_name=name, content=content
    )


@pytest.mark.parametrize(
    "name, content",
    [
        ("目录.csv", lambda: as_csv(ROWS)),
        ("目录（GB18030）.csv", lambda: as_csv(ROWS, "gb18030")),
        ("目录.xlsx", lambda: xlsx_table("目录", HEADERS, ROWS)),
    ],
)
def test_a_catalogue_in_csv_or_xlsx_is_written_with_one_audit_event(cast, name, content):
    content = content()
    job = run(cast, content, name)
    assert (job.status, job.done, job.error) == (ImportJob.Status.DONE, 2, "")
    docs = {d.number: d for d in Document.objects.filter(number__startswith="江民发〔202")}
    assert docs["江民发〔2023〕4号"].title == "江临市社会救助家庭经济状况核对办法"
    assert docs["江民发〔2024〕9号"].published_on.isoformat() == "2024-06-05"
    assert docs["江民发〔2024〕9号"].effective_on.isoformat() == "2024-07-01"
    assert {d.status for d in docs.values()} == {DocStatus.IN_FORCE}
    assert {d.unit.name for d in docs.values()} == {"江临市民政局"}
    (event,) = Event.objects.filter(action="normdocs.import")
    assert event.data["rows"] == 2 and event.data["sm3"] == sm3(content) and event.data["file"] == name


def test_one_bad_row_writes_nothing_and_names_the_line_and_the_rule(cast):
    bad = [*ROWS, ["江临市某办法", "民发2024-1", "江临市民政局", "2024-13-40", "", "五", "现行有效"]]
    job = run(cast, as_csv(bad, "gb18030"), "目录.csv")
    assert job.status == ImportJob.Status.FAILED
    assert "第4行" in job.error and "文号“民发2024-1”格式不正确" in job.error and "公布日期" in job.error
    assert not Document.objects.filter(number__startswith="江民发〔202").exists()
    assert not Event.objects.filter(action="normdocs.import").exists()


def test_a_file_that_is_neither_xlsx_nor_csv_text_is_refused_in_chinese(cast):
    with pytest.raises(YifaError) as refused:
        importer.parse(by=cast["minzheng_liaison"], content=b"\x00\x01\xff\xfe binary")
    assert "UTF-8 或 GB18030" in refused.value.message and refused.value.field == "file"
