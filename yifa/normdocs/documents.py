"""The files this module produces: published catalogues (.xlsx/.docx) and open data (CSV/JSON)."""

from __future__ import annotations

import csv
import io
import json

from yifa.core.downloads import file_download
from yifa.core.errors import YifaError
from yifa.lib.office import docx_from_text, xlsx_table

from .queries import catalogue

CATALOGUE_HEADERS = ["序号", "文件名称", "文号", "制定机关", "公布日期", "清理结果", "理由"]
OPEN_DATA_FIELDS = [
    "id",
    "title",
    "number",
    "unit",
    "joint_issuers",
    "status",
    "published_on",
    "effective_on",
    "expires_on",
    "url",
]
# The CSV is read by people in a spreadsheet: Chinese headers (the JSON keeps the field names).
OPEN_DATA_HEADERS = dict(
    zip(
        OPEN_DATA_FIELDS,
        ["编号", "文件名称", "文号", "制定机关", "联合发文机关", "状态", "公布日期", "施行日期", "有效期至", "网址"],
    )
)


def catalogue_rows(campaign, kind):
    title, items = catalogue(campaign, kind)
    rows = [
        [
            i,
            item.document.title,
            item.document.number,
            item.unit.name,
            item.document.published_on.isoformat() if item.document.published_on else "",
            item.get_proposal_display(),
            item.reasons,
        ]
        for i, item in enumerate(items, start=1)
    ]
    return title, rows


def catalogue_xlsx(campaign, kind) -> bytes:
    title, rows = catalogue_rows(campaign, kind)
    return xlsx_table(title, CATALOGUE_HEADERS, rows)


def catalogue_docx(campaign, kind) -> bytes:
    title, rows = catalogue_rows(campaign, kind)
    intro = [
        f"根据{campaign.title}（清理基准日{campaign.baseline:%Y年%m月%d日}）的结果，现公布{title}，共{len(rows)}件。"
    ]
    if kind == "retained":
        intro.append("未列入继续有效目录的规范性文件，不得作为行政管理的依据。")
    return docx_from_text(f"{campaign.title}\n{title}", intro, table=(CATALOGUE_HEADERS, rows))


def catalogue_download(campaign, kind: str, fmt: str):
    """A published catalogue as an .xlsx or .docx download, named after the campaign and the list."""
    title, _ = catalogue(campaign, kind)
    if fmt == "xlsx":
        body = catalogue_xlsx(campaign, kind)
    elif fmt == "docx":
        body = catalogue_docx(campaign, kind)
    else:
        raise YifaError("格式只能是 xlsx 或 docx", field="fmt")
    return file_download(body, f"{campaign.title}{title}.{fmt}")


def open_data_rows(documents, base_url: str = ""):
    for doc in documents:
        yield {
            "id": doc.pk,
            "title": doc.title,
            "number": doc.number,
            "unit": doc.unit.name,
            "joint_issuers": "、".join(u.name for u in doc.joint_issuers.all()),
            "status": doc.get_status_display(),
            "published_on": doc.published_on.isoformat() if doc.published_on else "",
            "effective_on": doc.effective_on.isoformat() if doc.effective_on else "",
            "expires_on": doc.expires_on.isoformat() if doc.expires_on else "",
            "url": base_url + doc.get_public_url(),
        }


def open_data_csv(documents, base_url: str = "") -> str:
    out = io.StringIO()
    out.write("\ufeff")  # Excel 打开 UTF-8 CSV 需要 BOM
    writer = csv.DictWriter(out, fieldnames=OPEN_DATA_FIELDS)
    writer.writerow(OPEN_DATA_HEADERS)
    writer.writerows(open_data_rows(documents, base_url))
    return out.getvalue()


def open_data_json(documents, base_url: str = "") -> str:
    return json.dumps(list(open_data_rows(documents, base_url)), ensure_ascii=False, indent=1)
