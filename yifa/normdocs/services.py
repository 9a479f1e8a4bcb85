"""Every change to a normative document: one transaction, one audit event."""

from __future__ import annotations

import datetime as dt
import io

from django.db import IntegrityError, transaction
from django.utils import timezone

from yifa.core import clocks
from yifa.core.access import require_legal_office
from yifa.core.audit import record_event
from yifa.core.concurrency import claim_version
from yifa.core.errors import AccessDenied, Conflict, InvalidInput, YifaError
from yifa.core.flows import fire
from yifa.core.uploads import store_upload

from . import rules, search
from .flows import DRAFTING, drafter
from .models import NUMBER_PATTERN, DocStatus, Document, FilingResult, Relation, RelationKind, ReviewOpinion

ENDING_KIND = {
    RelationKind.MODIFIES: DocStatus.MODIFIED,
    RelationKind.REPEALS: DocStatus.REPEALED,
    RelationKind.REPLACES: DocStatus.REPEALED,
}


def may_edit(user, doc) -> bool:
    return bool(user and user.is_authenticated and drafter(user, doc))


def _require_drafter(user, doc):
    if not may_edit(user, doc):
        raise AccessDenied(f"只有{doc.unit.name}或法制机构可以办理该文件")


def extract_text(*, content: bytes, name: str) -> str:
    """Full text from an uploaded .docx or .pdf."""
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


def _validate_fields(*, title: str, valid_years: int | None) -> dict:
    errors = {}
    if not (title or "").strip():
        errors["title"] = "标题：必须填写"
    elif len(title) > 200:
        errors["title"] = "标题：不能超过200字"
    if valid_years is not None and not (0 <= valid_years <= 50):
        errors["valid_years"] = "有效期（年）：须为0至50之间的整数（0表示不设有效期）"
    return errors


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
    upload: tuple[bytes, str] | None = None,
) -> Document:
    errors = _validate_fields(title=title, valid_years=valid_years)
    if unit is None:
        errors["unit"] = "制定机关：必须选择"
    if errors:
        raise InvalidInput(errors)
    doc = Document(
        unit=unit,
        title=title.strip(),
        full_text=full_text or "",
        legal_bases=_clean_bases(legal_bases),
        involves_business=involves_business,
        valid_years=rules.VALIDITY_YEARS if valid_years is None else valid_years,
        created_by=by,
    )
    _require_drafter(by, doc)
    with transaction.atomic():
        if upload:
            content, name = upload
            doc.full_text = doc.full_text or extract_text(content=content, name=name)
        doc.save()
        doc.joint_issuers.set(joint_issuers)
        if upload:
            store_upload(content=upload[0], name=upload[1], by=by, subject=doc, purpose="正文")
        search.index_document(doc)
        record_event(
            actor=by, subject=doc, action="normdocs.create", action_label="起草登记", to_state=doc.status, unit=unit
        )
    return doc


EDITABLE = (DocStatus.DRAFT, DocStatus.SOLICITING)


def document_update(
    *,
    by,
    doc: Document,
    expected_version: int,
    title: str,
    full_text: str,
    legal_bases=(),
    valid_years: int,
    involves_business: bool,
    fair_competition_conclusion: str = "",
) -> Document:
    _require_drafter(by, doc)
    if doc.status not in EDITABLE:
        raise YifaError(f"文件处于“{doc.get_status_display()}”状态，不能修改内容", field="status")
    errors = _validate_fields(title=title, valid_years=valid_years)
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        doc = Document.objects.select_for_update().get(pk=doc.pk)
        claim_version(doc, expected_version)
        values = {
            "title": title.strip(),
            "full_text": full_text,
            "legal_bases": _clean_bases(legal_bases),
            "valid_years": valid_years,
            "involves_business": involves_business,
            "fair_competition_conclusion": fair_competition_conclusion.strip(),
        }
        changed = [name for name, value in values.items() if getattr(doc, name) != value]
        for name in changed:
            setattr(doc, name, values[name])
        if doc.review_opinion and {"title", "full_text"} & set(changed):
            doc.review_opinion, doc.reviewed_on = "", None  # 改过的稿子须重新审核
        doc.save()
        search.index_document(doc)
        record_event(
            actor=by,
            subject=doc,
            action="normdocs.edit",
            action_label="修改草案",
            data={"fields": changed},
            unit=doc.unit,
        )
    return doc


def attach(*, by, doc: Document, content: bytes, name: str, purpose: str = "附件"):
    _require_drafter(by, doc)
    with transaction.atomic():
        attachment = store_upload(
            content=content, name=name, by=by, subject=doc, purpose=purpose, is_public=doc.is_published
        )
        record_event(
            actor=by,
            subject=doc,
            action="normdocs.attach",
            action_label="上传附件",
            data={"name": attachment.name, "sha256": attachment.sha256},
            unit=doc.unit,
        )
    return attachment


def solicit(
    *, by, doc: Document, kind: str, start: dt.date | None, end: dt.date | None, expected_version: int | None = None
) -> Document:
    def write(d):
        d.solicitation_kind, d.solicitation_start, d.solicitation_end = kind, start, end

    return fire(
        DRAFTING,
        doc,
        "solicit",
        by=by,
        kind=kind,
        start=start,
        end=end,
        before_save=write,
        expected_version=expected_version,
        data={"kind": kind, "start": start, "end": end},
    )


def end_solicitation(*, by, doc: Document, summary: str, expected_version: int | None = None) -> Document:
    def write(d):
        d.solicitation_summary = summary.strip()

    return fire(
        DRAFTING, doc, "end_solicitation", by=by, before_save=write, expected_version=expected_version, reason=summary
    )


def submit_review(*, by, doc: Document, on: dt.date | None = None, expected_version: int | None = None) -> Document:
    return fire(DRAFTING, doc, "submit_review", by=by, on=on, expected_version=expected_version)


def review(
    *,
    by,
    doc: Document,
    opinion: str,
    comments: str = "",
    on: dt.date | None = None,
    expected_version: int | None = None,
) -> Document:
    if opinion not in ReviewOpinion.values:
        raise InvalidInput({"opinion": "审核意见：须为合法、须修改或不合法"})
    on = on or timezone.localdate()

    def write(d):
        d.review_opinion, d.review_comments, d.reviewed_on, d.reviewer = opinion, comments.strip(), on, by

    return fire(
        DRAFTING,
        doc,
        f"review_{opinion}",
        by=by,
        reason=comments,
        on=on,
        before_save=write,
        expected_version=expected_version,
        data={"opinion": opinion},
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
    _require_drafter(by, doc)
    errors = {}
    if doc.status != DocStatus.APPROVED:
        errors["status"] = f"未经合法性审核或者经审核不合法的，不得提交集体讨论（{rules.REVIEW_REQUIRED.citation}）"
    if not meeting_on:
        errors["meeting_on"] = "集体讨论日期：必须填写"
    elif doc.reviewed_on and meeting_on < doc.reviewed_on:
        errors["meeting_on"] = "集体讨论日期：不能早于合法性审核日期"
    if not (record or "").strip():
        errors["meeting_record"] = "会议纪要：必须填写"
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        doc = Document.objects.select_for_update().get(pk=doc.pk)
        claim_version(doc, expected_version)
        doc.meeting_on, doc.meeting_name, doc.meeting_record = meeting_on, meeting_name.strip(), record.strip()
        doc.save()
        record_event(
            actor=by,
            subject=doc,
            action="normdocs.meeting",
            action_label="记录集体讨论",
            data={"meeting_on": meeting_on, "meeting_name": meeting_name},
            unit=doc.unit,
        )
    return doc


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
    """签发公布；自公布之日起计算报送备案期限。"""
    number = (number or "").strip()
    effective_on = effective_on or published_on

    def write(d):
        d.number, d.signed_by, d.signed_on = number, signed_by.strip(), signed_on
        d.published_on, d.effective_on = published_on, effective_on
        d.expires_on = d.computed_expiry()

    try:
        doc = fire(
            DRAFTING,
            doc,
            "publish",
            by=by,
            on=published_on,
            before_save=write,
            expected_version=expected_version,
            number=number,
            signed_by=signed_by,
            signed_on=signed_on,
            published_on=published_on,
            effective_on=effective_on,
            data={"number": number, "published_on": published_on, "effective_on": effective_on},
        )
    except IntegrityError:
        raise Conflict(f"文号“{number}”在{doc.unit.name}已被使用", field="number") from None
    search.index_document(doc)
    return doc


def file_with_superior(*, by, doc: Document, filed_on: dt.date | None, filed_with: str) -> Document:
    """报送备案：停止备案期限，逾期报送的计为迟报。"""
    _require_drafter(by, doc)
    doc.refresh_from_db()
    errors = {}
    if not doc.is_published:
        errors["status"] = "文件尚未公布，不能报送备案"
    elif doc.filed_on:
        errors["filed_on"] = f"该文件已于{doc.filed_on:%Y年%m月%d日}报送备案"
    if not filed_on:
        errors["filed_on"] = "报送备案日期：必须填写"
    elif doc.published_on and filed_on < doc.published_on:
        errors["filed_on"] = "报送备案日期：不能早于公布日期"
    if not (filed_with or "").strip():
        errors["filed_with"] = "备案机关：必须填写"
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        doc = Document.objects.select_for_update().get(pk=doc.pk)
        claim_version(doc, None)
        doc.filed_on, doc.filed_with = filed_on, filed_with.strip()
        doc.save()
        late = False
        for deadline in clocks.clocks_of(doc, rule=rules.FILING):
            late = clocks.stop_clock(deadline, on=filed_on).status == "late"
        record_event(
            actor=by,
            subject=doc,
            action="normdocs.file",
            action_label="报送备案",
            data={"filed_on": filed_on, "filed_with": filed_with, "late": late},
            unit=doc.unit,
        )
    return doc


def record_filing_result(*, by, doc: Document, result: str, on: dt.date | None, comments: str = "") -> Document:
    require_legal_office(by)
    doc.refresh_from_db()
    errors = {}
    if not doc.filed_on:
        errors["result"] = "文件尚未报送备案，不能记录审查结果"
    elif result not in {r for r in FilingResult.values if r}:
        errors["result"] = "备案审查结果：须为予以备案、要求纠正、撤销或不予备案"
    if not on:
        errors["on"] = "审查结果日期：必须填写"
    if result in {FilingResult.CORRECT, FilingResult.REVOKE, FilingResult.REJECTED} and not comments.strip():
        errors["comments"] = "审查意见：要求纠正、撤销或不予备案的，须写明理由"
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        doc = Document.objects.select_for_update().get(pk=doc.pk)
        claim_version(doc, None)
        before = doc.status
        doc.filing_result, doc.filing_result_on, doc.filing_comments = result, on, comments.strip()
        doc.correction_open = result == FilingResult.CORRECT
        if result == FilingResult.REVOKE:
            doc.status, doc.ended_on = DocStatus.REPEALED, on
        doc.save()
        record_event(
            actor=by,
            subject=doc,
            action="normdocs.filing_result",
            action_label=f"备案审查：{FilingResult(result).label}",
            from_state=before,
            to_state=doc.status,
            reason=comments,
            data={"result": result, "on": on},
        )
    return doc


def close_correction(*, by, doc: Document, report: str, on: dt.date | None) -> Document:
    require_legal_office(by)
    doc.refresh_from_db()
    errors = {}
    if not (report or "").strip():
        errors["report"] = "纠正情况：必须填写"
    if not doc.correction_open:
        errors["report"] = "该文件没有未完成的纠正"
    if not on:
        errors["on"] = "纠正完成日期：必须填写"
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        doc = Document.objects.select_for_update().get(pk=doc.pk)
        claim_version(doc, None)
        doc.correction_open, doc.correction_closed_on, doc.correction_report = False, on, report.strip()
        doc.save()
        record_event(
            actor=by,
            subject=doc,
            action="normdocs.correction_closed",
            action_label="纠正完成",
            reason=report,
            data={"on": on},
        )
    return doc


def relation_add(
    *,
    by,
    source: Document,
    kind: str,
    target: Document,
    on: dt.date | None,
    decided_by: Document | None = None,
    note: str = "",
) -> Relation:
    """source 修改、废止、替代或实施 target；修改、废止、替代的，target 状态随之改变。"""
    _require_drafter(by, source)
    source.refresh_from_db()
    target.refresh_from_db()
    errors = {}
    if kind not in RelationKind.values:
        errors["kind"] = "关系：须为修改、废止、替代或实施"
    if source.pk == target.pk:
        errors["target"] = "对象文件：不能是文件本身"
    if not on:
        errors["on"] = "日期：必须填写"
    ending = ENDING_KIND.get(kind)
    if ending and not source.is_published:
        errors["source"] = "只有已公布的文件才能修改、废止或替代其他文件"
    if ending and target.status not in (DocStatus.IN_FORCE, DocStatus.EXPIRED):
        errors["target"] = f"对象文件处于“{target.get_status_display()}”状态，不能再{RelationKind(kind).label}"
    if errors:
        raise InvalidInput(errors)
    decided_by = decided_by or source
    with transaction.atomic():
        try:
            with transaction.atomic():
                relation = Relation.objects.create(
                    source=source, kind=kind, target=target, on=on, decided_by=decided_by, note=note.strip()[:200]
                )
        except IntegrityError:
            raise Conflict("该关系已登记", field="target") from None
        target = Document.objects.select_for_update().get(pk=target.pk)
        before = target.status
        if ending:
            claim_version(target, None)
            target.status, target.ended_on, target.ended_by = ending, on, decided_by
            target.save()
        record_event(
            actor=by,
            subject=target,
            action=f"normdocs.{kind}",
            action_label=f"被《{source.title}》{RelationKind(kind).label}",
            from_state=before,
            to_state=target.status,
            data={"source": source.pk, "decided_by": decided_by.pk, "on": on},
        )
    return relation


def expire_lapsed(*, today: dt.date) -> int:
    """有效期届满的文件自动失效（届满日的次日起）。"""
    count = 0
    for doc in Document.objects.filter(status=DocStatus.IN_FORCE, expires_on__lt=today).select_related("unit"):
        with transaction.atomic():
            updated = Document.objects.filter(pk=doc.pk, status=DocStatus.IN_FORCE).update(
                status=DocStatus.EXPIRED, ended_on=doc.expires_on + dt.timedelta(days=1)
            )
            if updated:
                record_event(
                    actor=None,
                    subject=doc,
                    action="normdocs.expire",
                    action_label="有效期届满失效",
                    from_state=DocStatus.IN_FORCE,
                    to_state=DocStatus.EXPIRED,
                    unit=doc.unit,
                    data={"expires_on": doc.expires_on},
                )
                count += 1
    return count


def validate_number(number: str) -> str | None:
    if number and not NUMBER_PATTERN.match(number.strip()):
        return f"文号“{number}”格式不正确，应如“江民发〔2022〕3号”"
    return None
