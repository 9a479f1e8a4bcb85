"""Documents in the national official-document layout (GB/T 9704-2012 党政机关公文格式), as .docx.

A4 paper; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; body in 三号 (16 pt) 仿宋_GB2312 at
22 lines of 28 characters; title in 二号 (22 pt) 方正小标宋简体, centred; 文号 under the title; the signing
organ and the date at the right with room for the seal; page numbers “— 1 —” in 四号 宋体 at the foot.
Every paragraph may hold ``{{字段}}`` placeholders: ``lib.office.fill_docx`` keeps the run's formatting.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
PAGE_NUMBER_FONT = "宋体"
BODY_SIZE = Pt(16)  # 三号
TITLE_SIZE = Pt(22)  # 二号
PAGE_NUMBER_SIZE = Pt(14)  # 四号
LINE = Pt(28.95)  # 22 lines in the 225 mm type area
MARGINS = {"top": 37, "bottom": 35, "left": 28, "right": 26}


@dataclass(frozen=True)
class Heading:
    """A first-level heading inside the body (黑体, e.g. “本机关认为”)."""

    text: str


@dataclass(frozen=True)
class Right:
    """A line set flush right (the 文号 or a closing line)."""

    text: str


def _font(run, name: str, size) -> None:
    run.font.name = name
    run.font.size = size
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:eastAsia", "w:ascii", "w:hAnsi"):
        fonts.set(qn(attr), name)


def _spacing(paragraph, *, indent: bool = True) -> None:
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE
    fmt.space_before = fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = Pt(32)  # two characters


def _page_number(section) -> None:
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(paragraph.add_run("— "), PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
    run = paragraph.add_run()
    _font(run, PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText" if text.strip() == "PAGE" else "w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._element.append(element)
    _font(paragraph.add_run(" —"), PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)


def official_docx(
    *,
    title: str,
    body: Iterable[str | Heading | Right],
    organ: str = "",
    number: str = "",
    addressee: str = "",
    signature: str = "",
    date: str = "",
    seal: bool = True,
) -> bytes:
    """One document: ``organ`` and ``title`` as the title block, ``number`` (文号) under it, ``addressee``
    (主送) flush left, the body, then ``signature`` and ``date`` at the right above the seal."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(MARGINS["top"]), Mm(MARGINS["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS["left"]), Mm(MARGINS["right"])
    section.footer_distance = Mm(28 - 7)  # the page number sits 7 mm below the type area
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = BODY_FONT, BODY_SIZE
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)

    def line(text: str, *, font=BODY_FONT, size=BODY_SIZE, align=None, indent=True, right_indent=0):
        paragraph = doc.add_paragraph()
        _spacing(paragraph, indent=indent)
        if align is not None:
            paragraph.alignment = align
        if right_indent:
            paragraph.paragraph_format.right_indent = Pt(right_indent)
        _font(paragraph.add_run(text), font, size)
        return paragraph

    for text in (organ, title):
        if text:
            heading = line(text, font=TITLE_FONT, size=TITLE_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
            heading.paragraph_format.line_spacing = Pt(35)
    if number:
        line(number, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    line("", indent=False)
    if addressee:
        line(addressee, indent=False)
    for item in body:
        if isinstance(item, Heading):
            line(item.text, font=HEADING_FONT)
        elif isinstance(item, Right):
            line(item.text, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
        else:
            line(item)
    if signature or date:
        line("", indent=False)
        line("", indent=False)
        for text in (signature, date):
            if text:  # 成文日期右空四字，印章端正、居中下压署名和日期
                line(text, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False, right_indent=64)
        if seal:
            line("（印章）", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False, right_indent=96)
    _page_number(section)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
