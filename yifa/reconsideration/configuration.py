"""The office's own settings: number patterns (案号, 收件编号, 不予受理决定书文号) and document templates."""

from __future__ import annotations

from yifa.core.errors import InvalidInput
from yifa.core.procedure import LEGAL_OFFICE, add, change
from yifa.lib.office import docx_text

from .documents import KINDS, check_template
from .models import DocTemplate, Numbering, NumberKind
from .numbering import check_pattern


def numbering_set(*, by, year: int, pattern: str, kind: str = NumberKind.CASE) -> Numbering:
    if kind not in NumberKind.values:
        raise InvalidInput({"kind": "编号种类：请选择案号、收件编号或不予受理决定书文号"})
    check_pattern(pattern)
    what = {
        "action": "reconsideration.numbering",
        "label": f"设置{NumberKind(kind).label.split('（')[0]}格式",
        "data": {"kind": kind, "year": year, "pattern": pattern},
    }
    row = Numbering.objects.filter(kind=kind, year=year).first()
    if row is None:
        return add(Numbering(kind=kind, year=year, pattern=pattern), by=by, who=LEGAL_OFFICE, **what)
    return change(row, by=by, who=LEGAL_OFFICE, apply={"pattern": pattern}, **what)


def template_set(*, by, kind: str, content: bytes) -> set[str]:
    """Store an edited .docx template; returns placeholders yifa does not know (left empty when filled)."""
    if kind not in KINDS:
        raise InvalidInput({"kind": "文书种类不存在"})
    try:
        docx_text(content)
        unknown = check_template(kind, content)
    except Exception:
        raise InvalidInput({"file": "模板须为Word文档（.docx）"}) from None
    what = {
        "action": "reconsideration.template",
        "label": "更新文书模板",
        "data": {"kind": kind, "unknown": sorted(unknown)},
    }
    row = DocTemplate.objects.filter(kind=kind).first()
    if row is None:
        add(DocTemplate(kind=kind, content=content, updated_by=by), by=by, who=LEGAL_OFFICE, **what)
    else:
        change(row, by=by, who=LEGAL_OFFICE, apply={"content": content, "updated_by": by}, **what)
    return unknown
