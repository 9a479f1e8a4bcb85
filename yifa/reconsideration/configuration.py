"""The office's own settings: case-number pattern and document templates."""

from __future__ import annotations

from django.db import transaction

from yifa.core.access import require_legal_office
from yifa.core.audit import record_event
from yifa.core.errors import InvalidInput
from yifa.lib.office import docx_text

from .documents import KINDS, check_template
from .models import DocTemplate, Numbering
from .numbering import check_pattern


def numbering_set(*, by, year: int, pattern: str) -> Numbering:
    require_legal_office(by)
    check_pattern(pattern)
    with transaction.atomic():
        row, _ = Numbering.objects.select_for_update().get_or_create(year=year, defaults={"pattern": pattern})
        row.pattern = pattern
        row.save(update_fields=["pattern"])
        record_event(
            actor=by,
            subject=row,
            action="reconsideration.numbering",
            action_label="设置案号格式",
            data={"year": year, "pattern": pattern},
        )
    return row


def template_set(*, by, kind: str, content: bytes) -> set[str]:
    """Store an edited .docx template; returns placeholders yifa does not know (left empty when filled)."""
    require_legal_office(by)
    if kind not in KINDS:
        raise InvalidInput({"kind": "文书种类不存在"})
    try:
        docx_text(content)
        unknown = check_template(kind, content)
    except Exception:
        raise InvalidInput({"file": "模板须为Word文档（.docx）"}) from None
    with transaction.atomic():
        row, _ = DocTemplate.objects.update_or_create(kind=kind, defaults={"content": content, "updated_by": by})
        record_event(
            actor=by,
            subject=row,
            action="reconsideration.template",
            action_label="更新文书模板",
            data={"kind": kind, "unknown": sorted(unknown)},
        )
    return unknown
