"""规范性文件的起草程序：起草 →（征求意见）→ 合法性审核 → 集体讨论 → 签发公布 → 备案。"""

from __future__ import annotations

from yifa.core.flows import Flow, Transition, either, legal_office, own_unit

from . import rules
from .models import NUMBER_PATTERN, DocStatus, Document, ReviewOpinion

drafter = either(own_unit(), legal_office)
DRAFTER = "制定机关工作人员"
LEGAL_OFFICE = "法制机构"


def _has_text(doc, **ctx):
    problems = []
    if not doc.title.strip():
        problems.append("缺少标题")
    if not doc.full_text.strip():
        problems.append("缺少文件全文（可粘贴或上传Word、PDF）")
    return problems


def _solicitation_details(doc, **ctx):
    problems = []
    if ctx.get("kind") not in {"public", "targeted"}:
        problems.append("须选择征求意见方式（公开或定向）")
    start, end = ctx.get("start"), ctx.get("end")
    if not start or not end:
        problems.append("须填写征求意见的起止日期")
    elif end <= start:
        problems.append("征求意见截止日期须晚于开始日期")
    return problems


def _review_passed(doc, **ctx):
    if doc.review_opinion == ReviewOpinion.LAWFUL and doc.reviewed_on:
        return None
    if doc.review_opinion == ReviewOpinion.UNLAWFUL:
        return f"法制机构审核意见为“不合法”，不得发布（{rules.REVIEW_REQUIRED.citation}）"
    if doc.review_opinion == ReviewOpinion.REVISE:
        return f"法制机构要求修改，修改后须重新送审并经审核合法（{rules.REVIEW_REQUIRED.citation}）"
    return f"未经法制机构合法性审核（{rules.REVIEW_REQUIRED.citation}）"


def _meeting_recorded(doc, **ctx):
    if doc.meeting_on and doc.meeting_record.strip():
        return None
    return f"未记录集体讨论的会议及纪要（{rules.COLLECTIVE_DISCUSSION.citation}）"


def _fair_competition_done(doc, **ctx):
    if not doc.involves_business or doc.fair_competition_conclusion.strip():
        return None
    return f"涉及经营者经济活动，未作出公平竞争审查结论（{rules.FAIR_COMPETITION_GATE.citation}）"


def _publication_details(doc, **ctx):
    problems = []
    number = (ctx.get("number") or "").strip()
    if not number:
        problems.append("缺少文号")
    elif not NUMBER_PATTERN.match(number):
        problems.append(f"文号“{number}”格式不正确，应如“江民发〔2022〕3号”")
    elif Document.objects.filter(unit_id=doc.unit_id, number=number).exclude(pk=doc.pk).exists():
        problems.append(f"文号“{number}”在{doc.unit.name}已被使用")
    if not (ctx.get("signed_by") or "").strip():
        problems.append("缺少签发人")
    signed, published, effective = ctx.get("signed_on"), ctx.get("published_on"), ctx.get("effective_on")
    if not signed:
        problems.append("缺少签发日期")
    if not published:
        problems.append("缺少公布日期")
    if signed and published and published < signed:
        problems.append("公布日期不能早于签发日期")
    if effective and published and effective < published:
        problems.append("施行日期不能早于公布日期")
    if doc.meeting_on and signed and signed < doc.meeting_on:
        problems.append("签发日期不能早于集体讨论日期")
    return problems


DRAFTING = Flow(
    name="normdocs",
    states=DocStatus,
    state_field="status",
    clock_unit=lambda doc, rule: doc.unit if rule is rules.FILING else _legal_office_of(doc),
    transitions=[
        Transition(
            "solicit",
            "征求意见",
            (DocStatus.DRAFT,),
            DocStatus.SOLICITING,
            drafter,
            DRAFTER,
            guards=(_has_text, _solicitation_details),
        ),
        Transition("end_solicitation", "结束征求意见", (DocStatus.SOLICITING,), DocStatus.DRAFT, drafter, DRAFTER),
        Transition(
            "submit_review",
            "送法制机构合法性审核",
            (DocStatus.DRAFT,),
            DocStatus.REVIEW,
            drafter,
            DRAFTER,
            guards=(_has_text,),
            starts=(rules.LEGALITY_REVIEW,),
        ),
        Transition(
            "review_lawful",
            "出具合法性审核意见（合法）",
            (DocStatus.REVIEW,),
            DocStatus.APPROVED,
            legal_office,
            LEGAL_OFFICE,
            stops=(rules.LEGALITY_REVIEW,),
        ),
        Transition(
            "review_revise",
            "出具合法性审核意见（须修改）",
            (DocStatus.REVIEW,),
            DocStatus.DRAFT,
            legal_office,
            LEGAL_OFFICE,
            stops=(rules.LEGALITY_REVIEW,),
            reason_required=True,
        ),
        Transition(
            "review_unlawful",
            "出具合法性审核意见（不合法）",
            (DocStatus.REVIEW,),
            DocStatus.DRAFT,
            legal_office,
            LEGAL_OFFICE,
            stops=(rules.LEGALITY_REVIEW,),
            reason_required=True,
        ),
        Transition(
            "publish",
            "签发公布",
            (DocStatus.DRAFT, DocStatus.SOLICITING, DocStatus.REVIEW, DocStatus.APPROVED),
            DocStatus.IN_FORCE,
            drafter,
            DRAFTER,
            guards=(_review_passed, _meeting_recorded, _fair_competition_done, _publication_details),
            starts=(rules.FILING,),
        ),
    ],
)


def _legal_office_of(doc):
    from yifa.core.models import Unit

    return Unit.objects.filter(is_legal_office=True).order_by("path").first() or doc.unit
