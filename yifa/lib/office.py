"""Word and Excel files from editable templates or plain tables (python-docx, openpyxl).

Templates are ordinary .docx files with ``{{字段}}`` placeholders in paragraphs or
table cells; offices edit them in Word and upload them again.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping

from docx import Document
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

PLACEHOLDER = re.compile(r"\{\{\s*([^{}\s]+)\s*\}\}")


def _fill_paragraph(paragraph, context: Mapping[str, object]) -> None:
    text = paragraph.text
    if "{{" not in text:
        return
    filled = PLACEHOLDER.sub(lambda m: str(context.get(m.group(1), "")), text)
    runs = paragraph.runs
    if not runs:
        return
    runs[0].text = filled
    for run in runs[1:]:
        run.text = ""


def _paragraphs(doc):
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs
    for section in doc.sections:
        yield from section.header.paragraphs
        yield from section.footer.paragraphs


def fill_docx(template: bytes, context: Mapping[str, object], *, drop_emptied: bool = False) -> bytes:
    """Replace every {{字段}} in a .docx template; unknown fields become empty. With ``drop_emptied``, a
    body paragraph that held fields and is left blank by them (a sentence that holds only in some cases)
    is removed rather than printed as an empty line."""
    doc = Document(io.BytesIO(template))
    for paragraph in list(_paragraphs(doc)):
        had_fields = "{{" in paragraph.text
        _fill_paragraph(paragraph, context)
        element = paragraph._element
        if drop_emptied and had_fields and not paragraph.text.strip() and element.getparent() is doc.element.body:
            element.getparent().remove(element)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def placeholders(template: bytes) -> set[str]:
    doc = Document(io.BytesIO(template))
    return {m.group(1) for p in _paragraphs(doc) for m in PLACEHOLDER.finditer(p.text)}


def docx_from_text(
    title: str, paragraphs: Iterable[str], *, table: tuple[list[str], list[list]] | None = None
) -> bytes:
    """A plain document: a centred title, body paragraphs, and optionally one table."""
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "仿宋"
    style.font.size = Pt(14)
    heading = doc.add_paragraph()
    heading.alignment = 1
    run = heading.add_run(title)
    run.bold = True
    run.font.size = Pt(20)
    for text in paragraphs:
        doc.add_paragraph(text)
    if table is not None:
        headers, rows = table
        grid = doc.add_table(rows=1, cols=len(headers))
        grid.style = "Table Grid"
        for cell, text in zip(grid.rows[0].cells, headers):
            cell.text = str(text)
        for row in rows:
            cells = grid.add_row().cells
            for cell, value in zip(cells, row):
                cell.text = "" if value is None else str(value)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def docx_text(content: bytes) -> str:
    """All text of a .docx (paragraphs and tables), for import and for tests."""
    doc = Document(io.BytesIO(content))
    return "\n".join(p.text for p in _paragraphs(doc))


def xlsx_table(title: str, headers: list[str], rows: Iterable[Iterable]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for row in rows:
        ws.append(["" if v is None else v for v in row])
    for column in ws.columns:
        width = max(len(str(c.value or "")) for c in column)
        ws.column_dimensions[column[0].column_letter].width = min(60, max(8, width * 2))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def xlsx_rows(content: bytes, *, blank: bool = False) -> tuple[list[str], list[list]]:
    """Header and rows of the first sheet (for imports with a dry-run preview); empty rows only if ``blank``
    (to keep each row's number in the file)."""
    from .xlsx_read import read_rows

    rows = read_rows(content)
    if not rows:
        return [], []
    headers = [str(h or "").strip() for h in rows[0]]
    return headers, rows[1:] if blank else [r for r in rows[1:] if any(v not in (None, "") for v in r)]


TEXT_ENCODINGS = ("utf-8-sig", "gb18030")  # what Chinese offices' plain-text files come in
ZIP_MAGIC = b"PK\x03\x04"  # an .xlsx is a zip archive


class TableUnreadable(ValueError):
    """Neither an .xlsx workbook nor CSV text in UTF-8 or GB18030 (the message says which, in Chinese)."""


def table_rows(content: bytes, *, blank: bool = False) -> tuple[list[str], list[list]]:
    """Header and non-empty rows of an import table: the first sheet of an .xlsx, or CSV text in UTF-8 (with
    or without BOM) or GB18030, as government offices export it; told apart by content, not by file name.
    CSV cells are text (``"2022-03-01"``, ``"5"``): the importers read dates and numbers from text too.
    Empty rows are left out unless ``blank`` (an import numbering rows as in the file keeps them)."""
    if content[:4] == ZIP_MAGIC:
        try:
            return xlsx_rows(content, blank=blank)
        except Exception:  # a damaged workbook raises many kinds
            raise TableUnreadable("文件不是有效的 .xlsx 工作簿") from None
    text = decode_text(content)
    if text is None or "\x00" in text:
        raise TableUnreadable("文件既不是 .xlsx 工作簿，也不是 UTF-8 或 GB18030 编码的 CSV")
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error:
        raise TableUnreadable("CSV 文件格式不正确（引号未配对）") from None
    if not rows:
        return [], []
    headers = [h.strip() for h in rows[0]]
    return headers, rows[1:] if blank else [r for r in rows[1:] if any(v.strip() for v in r)]


def decode_text(content: bytes) -> str | None:
    """Plain text in UTF-8 or GB18030, or None when it is neither."""
    for encoding in TEXT_ENCODINGS:
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None
