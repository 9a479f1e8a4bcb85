"""What the declarations in flows.py cannot say about a normative document: each field of an act's input checked
at once (``Checks``), the defaults an act computes, and the text taken from an uploaded draft. Every write is the
engine's (``fire``/``create``)."""

from __future__ import annotations

import datetime as dt
import io

from django.db import IntegrityError

from yifa.core.errors import Conflict, GateBlocked, YifaError
from yifa.core.procedure import Checks, create, fire

from . import queries, rules
from .flows import DOCUMENTS
from .models import Document, FilingResult, RelationKind, ReviewOpinion


def extract_text(*, content: bytes, name: str) -> str:
    """Full text from an uploaded .docx, .pdf or .txt."""
    lower = name.lower()
    try:
        if lower.endswith(".docx"):
            from yifa.lib.office import docx_text

            return docx_text(content).strip()
        if lower.endswith(".pdf"):
            from pypdf import PdfReader

            return "\n".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(content)).pages).strip()
        if lower.endswith(".txt"):
            from yifa.lib.office import decode_text

            text = decode_text(content)
            if text is None:
                raise YifaError(f"文件“{name}”不是UTF-8或GB18030编码的文本", field="file")
            return text.strip()
    except Exception as exc:  # a damaged file is the user's input, not our bug
        raise YifaError(f"无法读取文件“{name}”的正文：{exc}", field="file") from None
    raise YifaError(f"只能从Word（.docx）、PDF或文本文件提取正文，“{name}”不是", field="file")


def _clean_bases(bases) -> list[str]:
    if isinstance(bases, str):
        bases = bases.splitlines()
    return [b.strip() for b in bases or [] if b and b.strip()]


def _check_draft(checks: Checks, *, title: str, valid_years: int | None) -> str:
    title = checks.text("title", "标题", title, limit=200)
    if valid_years is not None and not (0 <= valid_years <= 50):
        checks.fail("valid_years", "有效期（年）：须为0至50之间的整数（0表示不设有效期）")
    return title


def _check_open(checks: Checks, doc: Document, name: str, **context) -> Document:
    """The act's own conditions (state, gates) on the document as it stands, reported with the input's problems
    in one answer; the engine checks them again under the row lock."""
    current = queries.document(doc.pk)
    problems = DOCUMENTS.unmet(current, name, **context)
    if problems:
        checks.fail("status", "；".join(problems))
    return current


def document_create(
    *,
    by,
    unit,
    title: str,
    full_text: str = "",
    legal_bases=(),
    joint_issuers=(),
    valid_years: int | None = None,
    involves_business: bool = True,
    fair_competition_conclusion: str = "",
    upload: tuple[bytes, str] | None = None,
) -> Document:
    checks = Checks()
    title = _check_draft(checks, title=title, valid_years=valid_years)
    if unit is None:
        checks.fail("unit", "制定机关：必须选择")
    checks.done()
    if upload and not full_text:
        full_text = extract_text(content=upload[0], name=upload[1])
    return create(
        DOCUMENTS,
        "create",
        build=lambda: Document(
            unit=unit,
            title=title,
            full_text=full_text or "",
            legal_bases=_clean_bases(legal_bases),
            involves_business=involves_business,
            fair_competition_conclusion=(fair_competition_conclusion or "").strip(),
            valid_years=rules.VALIDITY_YEARS if valid_years is None else valid_years,
            created_by=by,
        ),
        by=by,
        joint_issuers=list(joint_issuers),
        upload=upload,
    )


def document_update(
    *,
    by,
    doc: Document,
    expected_version: int | None,
    title: str,
    full_text: str,
    legal_bases=(),
    valid_years: int,
    involves_business: bool,
    fair_competition_conclusion: str = "",
) -> Document:
    checks = Checks()
    title = _check_draft(checks, title=title, valid_years=valid_years)
    checks.done()
    return fire(
        DOCUMENTS,
        doc,
        "edit",
        by=by,
        expected_version=expected_version,
        title=title,
        full_text=full_text,
        legal_bases=_clean_bases(legal_bases),
        valid_years=valid_years,
        involves_business=involves_business,
        fair_competition_conclusion=(fair_competition_conclusion or "").strip(),
    )


def attach(
    *, by, doc: Document, content: bytes, name: str, purpose: str = "附件", expected_version: int | None = None
) -> Document:
    return fire(
        DOCUMENTS, doc, "attach", by=by, expected_version=expected_version, file=(name, content), purpose=purpose
    )


def document_solicit(
    *,
    by,
    doc: Document,
    kind: str,
    start: dt.date | None,
    end: dt.date | None,
    short_reason: str = "",
    expected_version: int | None = None,
) -> Document:
    return fire(
        DOCUMENTS,
        doc,
        "solicit",
        by=by,
        expected_version=expected_version,
        kind=kind,
        start=start,
        end=end,
        short_reason=short_reason,
    )


def end_solicitation(*, by, doc: Document, summary: str, expected_version: int | None = None) -> Document:
    return fire(
        DOCUMENTS, doc, "end_solicitation", by=by, expected_version=expected_version, reason=summary, summary=summary
    )


def submit_review(*, by, doc: Document, on: dt.date | None = None, expected_version: int | None = None) -> Document:
    return fire(DOCUMENTS, doc, "submit_review", by=by, on=on, expected_version=expected_version)


def document_review(
    *,
    by,
    doc: Document,
    opinion: str,
    comments: str = "",
    on: dt.date | None = None,
    expected_version: int | None = None,
) -> Document:
    """合法性审核意见：合法的待集体讨论；须修改、不合法的退回起草（须写明理由）。"""
    checks = Checks()
    checks.choice("opinion", "审核意见", opinion, ReviewOpinion)
    checks.done()
    return fire(
        DOCUMENTS,
        doc,
        f"review_{opinion}",
        by=by,
        on=on,
        expected_version=expected_version,
        reason=comments,
        comments=comments,
    )


def record_meeting(
    *,
    by,
    doc: Document,
    meeting_on: dt.date | None,
    meeting_name: str,
    record: str,
    expected_version: int | None = None,
) -> Document:
    checks = Checks()
    current = _check_open(checks, doc, "meeting", by=by)
    if (
        checks.date("meeting_on", "集体讨论日期", meeting_on)
        and current.reviewed_on
        and meeting_on < current.reviewed_on
    ):
        checks.fail("meeting_on", "集体讨论日期：不能早于合法性审核日期")
    checks.text("record", "会议纪要", record)
    checks.done()
    return fire(
        DOCUMENTS,
        doc,
        "meeting",
        by=by,
        expected_version=expected_version,
        meeting_on=meeting_on,
        meeting_name=meeting_name,
        record=record,
    )


def publish(
    *,
    by,
    doc: Document,
    number: str,
    signed_by: str,
    signed_on: dt.date | None,
    published_on: dt.date | None,
    effective_on: dt.date | None = None,
    expected_version: int | None = None,
) -> Document:
    """签发公布；自公布之日起计算报送备案期限，未定施行日期的自公布之日起施行。"""
    number = (number or "").strip()
    try:
        return fire(
            DOCUMENTS,
            doc,
            "publish",
            by=by,
            on=published_on,
            expected_version=expected_version,
            number=number,
            signed_by=(signed_by or "").strip(),
            signed_on=signed_on,
            published_on=published_on,
            effective_on=effective_on or published_on,
        )
    except IntegrityError:
        raise Conflict(f"文号“{number}”在{doc.unit.name}已被使用", field="number") from None


def file_with_superior(
    *, by, doc: Document, filed_on: dt.date | None, filed_with: str, expected_version: int | None = None
) -> Document:
    """报送备案：停止备案期限，逾期报送的计为迟报。"""
    checks = Checks()
    current = _check_open(checks, doc, "file", by=by)
    if checks.date("filed_on", "报送备案日期", filed_on) and current.published_on and filed_on < current.published_on:
        checks.fail("filed_on", "报送备案日期：不能早于公布日期")
    filed_with = checks.text("filed_with", "备案机关", filed_with, limit=100)
    checks.done()
    return fire(DOCUMENTS, doc, "file", by=by, on=filed_on, expected_version=expected_version, filed_with=filed_with)


def record_filing_result(
    *, by, doc: Document, result: str, on: dt.date | None, comments: str = "", expected_version: int | None = None
) -> Document:
    checks = Checks()
    results = [r for r in FilingResult.values if r]
    if result not in results:
        checks.fail("result", "备案审查结果：须为予以备案、要求纠正、撤销或不予备案")
    else:
        _check_open(checks, doc, f"filing_{result}", by=by)
    checks.date("on", "审查结果日期", on)
    if result in {FilingResult.CORRECT, FilingResult.REVOKE, FilingResult.REJECTED} and not (comments or "").strip():
        checks.fail("comments", "审查意见：要求纠正、撤销或不予备案的，须写明理由")
    checks.done()
    return fire(
        DOCUMENTS,
        doc,
        f"filing_{result}",
        by=by,
        on=on,
        expected_version=expected_version,
        reason=comments,
        comments=comments,
    )


def close_correction(
    *, by, doc: Document, report: str, on: dt.date | None, expected_version: int | None = None
) -> Document:
    checks = Checks()
    _check_open(checks, doc, "close_correction", by=by)
    report = checks.text("report", "纠正情况", report)
    checks.date("on", "纠正完成日期", on)
    checks.done()
    return fire(
        DOCUMENTS,
        doc,
        "close_correction",
        by=by,
        on=on,
        expected_version=expected_version,
        reason=report,
        report=report,
    )


def relation_add(
    *,
    by,
    source: Document,
    kind: str,
    target: Document,
    on: dt.date | None,
    decided_by: Document | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> Document:
    """source 修改、废止、替代或实施 target；修改、废止、替代的，target 状态随之改变。"""
    checks = Checks()
    checks.choice("kind", "关系", kind, RelationKind)
    if target.pk == source.pk:
        checks.fail("target", "对象文件：不能是文件本身")
    checks.date("on", "日期", on)
    checks.done()
    return fire(
        DOCUMENTS,
        source,
        "relate",
        by=by,
        on=on,
        expected_version=expected_version,
        kind=kind,
        target=target,
        decided_by=decided_by or source,
        note=(note or "").strip()[:200],
    )


def expire_lapsed(*, today: dt.date) -> int:
    """有效期届满的文件自动失效（届满日的次日起）。"""
    count = 0
    for doc in queries.lapsed(today):
        try:
            fire(DOCUMENTS, doc, "expire", by=None, on=today)
        except GateBlocked:  # ended or renewed since it was read
            continue
        count += 1
    return count
