"""The procedures of normative documents, each act declared once:

- a document: 起草 →（征求意见）→ 合法性审核 → 集体讨论 → 签发公布 → 报送备案 → 备案审查 → 失效、修改、废止;
- a cleanup campaign (种子文本二、7): 开启 → 结束并公布目录, and each of its items: 提出意见 → 法制机构确认或退回.

Acts that keep the state (修改草案、记录集体讨论、报送备案、备案审查结果、纠正完成、登记文件关系、上传附件) are
transitions without a target."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction

from yifa.core.calendar import current_calendar
from yifa.core.errors import Conflict
from yifa.core.models import DeadlineStatus, Unit
from yifa.core.procedure import INPUT, LEGAL_OFFICE, NEW, NOBODY, ON, Flow, Transition, Who, assign, fire, in_unit_of
from yifa.core.uploads import store_upload
from yifa.lib.deadlines import zh_date

from . import cleanup_notes, queries, rules, search
from .models import (
    DRAFTING_STATUSES,
    NUMBER_PATTERN,
    PUBLISHED_STATUSES,
    CampaignItem,
    CampaignStatus,
    DocStatus,
    FilingResult,
    ItemState,
    Proposal,
    Relation,
    RelationKind,
    ReviewOpinion,
)

S = DocStatus
EVERY_STATE = tuple(S.values)
EDITABLE = (S.DRAFT, S.SOLICITING)
ENDABLE = (S.IN_FORCE, S.EXPIRED)

DRAFTER = in_unit_of(label="制定机关工作人员") | LEGAL_OFFICE
ITEM_UNIT = in_unit_of(label="承办单位工作人员") | LEGAL_OFFICE
# The target of 修改、废止、替代、实施 is changed by whoever may act for the deciding document: its guard checks
# that person against the deciding document, which the act names.
FOR_DECIDING_DOCUMENT = Who(lambda user, doc: True, "决定文件的制定机关工作人员或法制机构")


def BY(obj, context):  # noqa: N802 - reads as a value in declarations, like ON
    return context["by"]


def _legal_office_or_issuer(doc):
    return Unit.objects.legal_office() or doc.unit


# Guards: each returns None, a message or a list of messages.
def _has_text(doc, **_):
    problems = []
    if not doc.title.strip():
        problems.append("缺少标题")
    if not doc.full_text.strip():
        problems.append("缺少文件全文（可粘贴或上传Word、PDF）")
    return problems


def _solicitation_details(doc, *, kind=None, start=None, end=None, short_reason="", **_):
    problems = []
    if kind not in {"public", "targeted"}:
        problems.append("须选择征求意见方式（公开或定向）")
    if not start or not end:
        problems.append("须填写征求意见的起止日期")
    elif end <= start:
        problems.append("征求意见截止日期须晚于开始日期")
    elif end < solicitation_earliest_end(start) and not (short_reason or "").strip():
        rule = rules.SOLICITATION_MINIMUM
        problems.append(
            f"征求意见期限不少于{rule.days}{rule.unit.label}，截止日期不早于{zh_date(solicitation_earliest_end(start))}；"
            f"少于此期限的须写明理由（{rule.citation}）"
        )
    return problems


def solicitation_earliest_end(start: dt.date) -> dt.date:
    """The first end date that gives the public the minimum period (SOLICITATION_MINIMUM)."""
    return rules.SOLICITATION_MINIMUM.due(start, current_calendar()).due


def _fair_competition_concluded(doc, **_):
    if not doc.involves_business or doc.fair_competition_conclusion.strip():
        return None
    return (
        "涉及经营者经济活动，须先在草案中填写公平竞争审查结论，再送合法性审核"
        f"（{rules.FAIR_COMPETITION_BEFORE_REVIEW.citation}）"
    )


def _review_passed(doc, **_):
    if doc.review_opinion == ReviewOpinion.LAWFUL and doc.reviewed_on:
        return None
    if doc.review_opinion == ReviewOpinion.UNLAWFUL:
        return f"法制机构审核意见为“不合法”，不得发布（{rules.REVIEW_REQUIRED.citation}）"
    if doc.review_opinion == ReviewOpinion.REVISE:
        return f"法制机构要求修改，修改后须重新送审并经审核合法（{rules.REVIEW_REQUIRED.citation}）"
    return f"未经法制机构合法性审核（{rules.REVIEW_REQUIRED.citation}）"


def _review_passed_for_meeting(doc, **_):
    if doc.review_opinion == ReviewOpinion.LAWFUL and doc.reviewed_on:
        return None
    return f"未经合法性审核或者经审核不合法的，不得提交集体讨论（{rules.REVIEW_REQUIRED.citation}）"


def _meeting_recorded(doc, **_):
    if doc.meeting_on and doc.meeting_record.strip():
        return None
    return f"未记录集体讨论的会议及纪要（{rules.COLLECTIVE_DISCUSSION.citation}）"


def _fair_competition_done(doc, **_):
    if not doc.involves_business or doc.fair_competition_conclusion.strip():
        return None
    return f"涉及经营者经济活动，未作出公平竞争审查结论（{rules.FAIR_COMPETITION_GATE.citation}）"


def _publication_details(doc, *, number="", signed_by="", signed_on=None, published_on=None, effective_on=None, **_):
    problems = []
    number = (number or "").strip()
    if not number:
        problems.append("缺少文号")
    elif not NUMBER_PATTERN.match(number):
        problems.append(f"文号“{number}”格式不正确，应如“江民发〔2022〕3号”")
    elif queries.number_taken(doc, number):
        problems.append(f"文号“{number}”在{doc.unit.name}已被使用")
    if not (signed_by or "").strip():
        problems.append("缺少签发人")
    if not signed_on:
        problems.append("缺少签发日期")
    if not published_on:
        problems.append("缺少公布日期")
    if signed_on and published_on and published_on < signed_on:
        problems.append("公布日期不能早于签发日期")
    if effective_on and published_on and effective_on < published_on:
        problems.append("施行日期不能早于公布日期")
    if doc.meeting_on and signed_on and signed_on < doc.meeting_on:
        problems.append("签发日期不能早于集体讨论日期")
    return problems


def _not_filed_yet(doc, **_):
    return f"该文件已于{doc.filed_on:%Y年%m月%d日}报送备案" if doc.filed_on else None


def _filed(doc, **_):
    return None if doc.filed_on else "文件尚未报送备案，不能记录审查结果"


def _no_filing_result_yet(doc, **_):
    if not doc.filing_result:
        return None
    return f"已于{doc.filing_result_on:%Y年%m月%d日}记录备案审查结果：{doc.get_filing_result_display()}"


def _target_may_end(doc, *, kind=None, target=None, **_):
    if kind in ENDING and target is not None and target.status not in ENDABLE:
        return f"对象文件处于“{target.get_status_display()}”状态，不能再{RelationKind(kind).label}"
    return None


def _named_by_deciding_document(doc, *, by=None, source=None, **_):
    if source is not None and DRAFTER(by, source):
        return None
    return f"只能由决定文件的制定机关工作人员或法制机构随决定文件登记（对象文件：{doc}）"


# Fields and child rows.
def _write_draft(doc, *, title, full_text, legal_bases, valid_years, involves_business, **context):
    values = {
        "title": title,
        "full_text": full_text,
        "legal_bases": legal_bases,
        "valid_years": valid_years,
        "involves_business": involves_business,
        "fair_competition_conclusion": context.get("fair_competition_conclusion", ""),
    }
    doc.edited_fields = [name for name, value in values.items() if getattr(doc, name) != value]  # for the event
    for name in doc.edited_fields:
        setattr(doc, name, values[name])
    if doc.review_opinion and {"title", "full_text"} & set(doc.edited_fields):
        doc.review_opinion, doc.reviewed_on = "", None  # 改过的稿子须重新审核


def _reviewed(opinion: str):
    return assign(review_opinion=opinion, review_comments=INPUT("comments", ""), reviewed_on=ON, reviewer=BY)


def _write_publication(doc, *, number, signed_by, signed_on, published_on, effective_on, **_):
    doc.number, doc.signed_by, doc.signed_on = number, signed_by, signed_on
    doc.published_on, doc.effective_on = published_on, effective_on
    doc.expires_on = doc.computed_expiry()


def _filing_result(result: str):
    fields = {
        "filing_result": result,
        "filing_result_on": ON,
        "filing_comments": INPUT("comments", ""),
        "correction_open": result == FilingResult.CORRECT,
    }
    if result == FilingResult.REVOKE:
        fields["ended_on"] = ON
    return assign(**fields)


def _filed_late(doc) -> bool:
    clock = queries.filing_clock(doc)
    return clock is not None and clock.status == DeadlineStatus.LATE


def _index(doc, **_):
    search.index_document(doc)


def _created(doc, *, by, joint_issuers=(), upload=None, **_):
    doc.joint_issuers.set(joint_issuers)
    if upload:
        content, name = upload
        store_upload(content=content, name=name, by=by, subject=doc, purpose="正文")
    search.index_document(doc)


def _store_attachment(doc, *, by, file, purpose="附件", **_):
    name, content = file
    doc.attachment = store_upload(  # named in the event
        content=content, name=name, by=by, subject=doc, purpose=purpose, is_public=doc.is_published
    )


def _record_relation(doc, *, by, kind, target, on, decided_by=None, note="", **_):
    decided_by = decided_by or doc
    try:
        with transaction.atomic():
            Relation.objects.create(source=doc, kind=kind, target=target, on=on, decided_by=decided_by, note=note)
    except IntegrityError:
        raise Conflict("该关系已登记", field="target") from None
    fire(DOCUMENTS, target, RELATED[kind], by=by, on=on, source=doc, decided_by=decided_by)


def _decided_by(kind: str, source: tuple, target: str | None):
    """The target's side of 修改、废止、替代、实施: its state follows the deciding document's act."""
    return Transition(
        RELATED[kind],
        f"被{RelationKind(kind).label}",
        source,
        target,
        who=FOR_DECIDING_DOCUMENT,
        guards=(_named_by_deciding_document,),
        apply=assign(ended_on=ON, ended_by=INPUT("decided_by")) if target else None,
        event_label=lambda doc, *, source, **_: f"被《{source.title}》{RelationKind(kind).label}",
        event_data=lambda doc, *, source, decided_by, on, **_: {
            "source": source.pk,
            "decided_by": decided_by.pk,
            "on": on,
        },
    )


def _ended_by_cleanup(proposal: str, target: str):
    return Transition(
        CLEANUP_ENDS[proposal],
        f"经清理{Proposal(proposal).label}",
        PUBLISHED_STATUSES,
        target,
        who=LEGAL_OFFICE,
        apply=assign(ended_on=ON, ended_by_campaign=INPUT("campaign")),
        event_data=lambda doc, *, campaign, **_: {"campaign": campaign.pk},
    )


ENDING = (RelationKind.MODIFIES, RelationKind.REPEALS, RelationKind.REPLACES)  # the target is no longer in force
RELATED = {
    RelationKind.MODIFIES: "modified_by",
    RelationKind.REPEALS: "repealed_by",
    RelationKind.REPLACES: "replaced_by",
    RelationKind.IMPLEMENTS: "implemented_by",
}
CLEANUP_ENDS = {
    Proposal.MODIFY: "cleanup_modify",
    Proposal.REPEAL: "cleanup_repeal",
    Proposal.INVALID: "cleanup_invalid",
}

DOCUMENTS = Flow(
    name="normdocs",
    states=DocStatus,
    state_field="status",
    clock_unit=lambda doc, rule: doc.unit if rule is rules.FILING else _legal_office_or_issuer(doc),
    event_unit=lambda doc: doc.unit,
    transitions=[
        Transition("create", "起草登记", NEW, S.DRAFT, who=DRAFTER, after=_created),
        Transition(
            "import",
            "从目录导入",
            NEW,
            who=DRAFTER,
            after_many=lambda docs, **_: search.index_new_documents(docs),
        ),
        Transition(
            "edit",
            "修改草案",
            EDITABLE,
            who=DRAFTER,
            apply=_write_draft,
            after=_index,
            event_data=lambda doc, **_: {"fields": doc.edited_fields},
        ),
        Transition(
            "solicit",
            "征求意见",
            (S.DRAFT,),
            S.SOLICITING,
            who=DRAFTER,
            guards=(_has_text, _solicitation_details),
            apply=assign(
                solicitation_kind=INPUT("kind"),
                solicitation_start=INPUT("start"),
                solicitation_end=INPUT("end"),
                solicitation_short_reason=INPUT("short_reason", ""),
            ),
            event_data=lambda doc, *, kind, start, end, **_: {"kind": kind, "start": start, "end": end},
        ),
        Transition(
            "end_solicitation",
            "结束征求意见",
            (S.SOLICITING,),
            S.DRAFT,
            who=DRAFTER,
            apply=assign(solicitation_summary=INPUT("summary", "")),
        ),
        Transition(
            "submit_review",
            "送法制机构合法性审核",
            (S.DRAFT,),
            S.REVIEW,
            who=DRAFTER,
            guards=(_has_text, _fair_competition_concluded),
            starts=(rules.LEGALITY_REVIEW,),
        ),
        Transition(
            "return_for_fair_competition",
            "退回补充公平竞争审查结论",
            (S.REVIEW, S.APPROVED),
            S.DRAFT,
            who=LEGAL_OFFICE,
            when=(lambda doc: doc.involves_business and not doc.fair_competition_conclusion.strip(),),
            # Returned drafts are reviewed again once the conclusion is written in.
            apply=assign(review_opinion="", reviewed_on=None, review_comments=INPUT("reason", "")),
            cancels=(rules.LEGALITY_REVIEW,),
            reason_required=True,
        ),
        Transition(
            "review_lawful",
            "出具合法性审核意见（合法）",
            (S.REVIEW,),
            S.APPROVED,
            who=LEGAL_OFFICE,
            apply=_reviewed(ReviewOpinion.LAWFUL),
            stops=(rules.LEGALITY_REVIEW,),
        ),
        Transition(
            "review_revise",
            "出具合法性审核意见（须修改）",
            (S.REVIEW,),
            S.DRAFT,
            who=LEGAL_OFFICE,
            apply=_reviewed(ReviewOpinion.REVISE),
            stops=(rules.LEGALITY_REVIEW,),
            reason_required=True,
        ),
        Transition(
            "review_unlawful",
            "出具合法性审核意见（不合法）",
            (S.REVIEW,),
            S.DRAFT,
            who=LEGAL_OFFICE,
            apply=_reviewed(ReviewOpinion.UNLAWFUL),
            stops=(rules.LEGALITY_REVIEW,),
            reason_required=True,
        ),
        Transition(
            "meeting",
            "记录集体讨论",
            (S.APPROVED,),
            who=DRAFTER,
            guards=(_review_passed_for_meeting,),
            apply=assign(
                meeting_on=INPUT("meeting_on"), meeting_name=INPUT("meeting_name"), meeting_record=INPUT("record")
            ),
            event_data=lambda doc, **_: {"meeting_on": doc.meeting_on, "meeting_name": doc.meeting_name},
        ),
        Transition(
            "publish",
            "签发公布",
            DRAFTING_STATUSES,
            S.IN_FORCE,
            who=DRAFTER,
            guards=(_review_passed, _meeting_recorded, _fair_competition_done, _publication_details),
            confirm="签发公布后文件即对社会公布并开始计算备案期限，确定签发公布吗？",
            apply=_write_publication,
            after=_index,
            starts=(rules.FILING,),  # 自公布之日起算：the act's day is the publication date
            event_data=lambda doc, **_: {
                "number": doc.number,
                "published_on": doc.published_on,
                "effective_on": doc.effective_on,
            },
        ),
        Transition(
            "file",
            "报送备案",
            PUBLISHED_STATUSES,
            who=DRAFTER,
            when=(lambda doc: doc.is_published and not doc.filed_on,),
            guards=(_not_filed_yet,),
            apply=assign(filed_on=ON, filed_with=INPUT("filed_with")),
            stops=(rules.FILING,),  # the act's day is the filing date: after the due date it counts as late
            event_data=lambda doc, **_: {
                "filed_on": doc.filed_on,
                "filed_with": doc.filed_with,
                "late": _filed_late(doc),
            },
        ),
        *[
            Transition(
                f"filing_{result}",
                f"备案审查：{FilingResult(result).label}",
                PUBLISHED_STATUSES,
                S.REPEALED if result == FilingResult.REVOKE else None,
                who=LEGAL_OFFICE,
                when=(lambda doc: bool(doc.filed_on) and not doc.filing_result,),
                guards=(_filed, _no_filing_result_yet),
                apply=_filing_result(result),
                event_data=lambda doc, *, on, result=result, **_: {"result": result, "on": on},
            )
            for result in (FilingResult.ACCEPTED, FilingResult.CORRECT, FilingResult.REVOKE, FilingResult.REJECTED)
        ],
        Transition(
            "close_correction",
            "纠正完成",
            PUBLISHED_STATUSES,
            who=LEGAL_OFFICE,
            when=(lambda doc: doc.correction_open,),
            apply=assign(correction_open=False, correction_closed_on=ON, correction_report=INPUT("report")),
            event_data=lambda doc, *, on, **_: {"on": on},
        ),
        Transition(
            "relate",
            "登记文件关系",
            PUBLISHED_STATUSES,
            who=DRAFTER,
            when=(lambda doc: doc.is_published,),
            guards=(_target_may_end,),
            after=_record_relation,
            event_data=lambda doc, *, kind, target, on, **_: {"kind": kind, "target": target.pk, "on": on},
        ),
        _decided_by(RelationKind.MODIFIES, ENDABLE, S.MODIFIED),
        _decided_by(RelationKind.REPEALS, ENDABLE, S.REPEALED),
        _decided_by(RelationKind.REPLACES, ENDABLE, S.REPEALED),
        _decided_by(RelationKind.IMPLEMENTS, EVERY_STATE, None),
        _ended_by_cleanup(Proposal.MODIFY, S.MODIFIED),
        _ended_by_cleanup(Proposal.REPEAL, S.REPEALED),
        _ended_by_cleanup(Proposal.INVALID, S.INVALID),
        Transition(
            "expire",
            "有效期届满失效",
            (S.IN_FORCE,),
            S.EXPIRED,
            who=NOBODY,
            by_system=True,
            guards=(lambda doc, *, on, **_: None if doc.expires_on and doc.expires_on < on else "有效期尚未届满",),
            apply=assign(ended_on=lambda doc, context: doc.expires_on + dt.timedelta(days=1)),  # 届满日的次日起失效
            event_data=lambda doc, **_: {"expires_on": doc.expires_on},
        ),
        Transition(
            "attach",
            "上传附件",
            EVERY_STATE,
            who=DRAFTER,
            after=_store_attachment,
            event_data=lambda doc, **_: {"name": doc.attachment.name, "sha256": doc.attachment.sha256},
        ),
    ],
)


# Cleanup campaigns and their items.
def _fill_campaign(campaign, *, units, **_):
    campaign.units.set(units)
    documents = queries.in_force_on(campaign.baseline, units)
    CampaignItem.objects.bulk_create(cleanup_notes.new_items(campaign, documents, queries.ended_documents()))


def _every_opinion_confirmed(campaign, **_):
    return [
        f"{row['unit__name']}还有{row['total'] - row['confirmed']}件文件的清理意见未经确认"
        for row in queries.campaign_progress(campaign)
        if row["confirmed"] < row["total"]
    ]


def _end_documents(campaign, *, by, on, **_):
    for item in queries.items_ending_documents(campaign):
        fire(
            DOCUMENTS, item.document, CLEANUP_ENDS[item.proposal], by=by, on=on, campaign=campaign, reason=item.reasons
        )


CAMPAIGNS = Flow(
    name="normdocs_campaign",
    states=CampaignStatus,
    state_field="status",
    transitions=[
        Transition(
            "open",
            "开启清理",
            NEW,
            CampaignStatus.OPEN,
            who=LEGAL_OFFICE,
            after=_fill_campaign,
            event_data=lambda campaign, *, units, **_: {
                "baseline": campaign.baseline,
                "units": [u.pk for u in units],
                "items": campaign.items.count(),
            },
        ),
        Transition(
            "close",
            "结束清理并公布目录",
            (CampaignStatus.OPEN,),
            CampaignStatus.CLOSED,
            who=LEGAL_OFFICE,
            guards=(_every_opinion_confirmed,),
            apply=assign(closed_on=ON),
            after=_end_documents,
            event_data=lambda campaign, **_: {
                "counts": queries.proposal_counts(campaign),
                "basis": rules.CLEANUP.citation,
            },
        ),
    ],
)


def _campaign_still_open(item, **_):
    return None if item.campaign.is_open else "清理活动已结束，不能再修改"


def _item_event(item, **_):
    return {"campaign": item.campaign_id, "item": item.pk}


OPEN_CAMPAIGN = (lambda item: item.campaign.is_open,)

ITEMS = Flow(
    name="normdocs_item",
    states=ItemState,
    event_subject=lambda item: item.document,  # the opinions stand on the document's own record
    event_unit=lambda item: item.unit,
    transitions=[
        Transition(
            "propose",
            "提出清理意见",
            tuple(ItemState.values),
            ItemState.PROPOSED,
            who=ITEM_UNIT,
            when=OPEN_CAMPAIGN,
            guards=(_campaign_still_open,),
            apply=assign(proposal=INPUT("proposal"), reasons=INPUT("reasons")),
            event_label=lambda item, *, proposal, **_: f"清理意见：{Proposal(proposal).label}",
            event_data=_item_event,
        ),
        Transition(
            "confirm",
            "确认清理意见",
            (ItemState.PROPOSED,),
            ItemState.CONFIRMED,
            who=LEGAL_OFFICE,
            when=OPEN_CAMPAIGN,
            guards=(_campaign_still_open,),
            apply=assign(confirmed_by=BY),
            event_data=_item_event,
        ),
        Transition(
            "return",
            "退回清理意见",
            (ItemState.PROPOSED,),
            ItemState.PENDING,
            who=LEGAL_OFFICE,
            when=OPEN_CAMPAIGN,
            guards=(_campaign_still_open,),
            apply=assign(confirmed_by=None),
            reason_required=True,
            event_data=_item_event,
        ),
    ],
)
