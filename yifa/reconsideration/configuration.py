"""The office's own settings: case-number pattern and document templates."""

from __future__ import annotations

from yifa.core.errors import InvalidInput
from yifa.core.procedure import LEGAL_OFFICE, add, change
from yifa.lib.office import docx_text

from .documents import KINDS, check_template
from .models import DocTemplate, Numbering
from .numbering import check_pattern


def numbering_set(*, by, year: int, pattern: str) -> Numbering:
    check_pattern(pattern)
    what = {"action": "reconsideration.numbering", "label": "设置案号格式", "data": {"year": year, "pattern": pattern}}
    row = Numbering.objects.filter(year=year).first()
    if row is None:
        return add(Numbering(year=year, pattern=pattern), by=by, who=LEGAL_OFFICE, **what)
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
