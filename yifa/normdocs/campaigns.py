"""清理活动（种子文本二、7）：开启 → 各单位提出保留/修改/废止/宣布失效意见 → 法制机构确认 →
结束时公布目录并改变文件状态，清理活动为决定依据。"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Count, Q

from yifa.core.access import is_legal_office, require_legal_office
from yifa.core.audit import record_event
from yifa.core.concurrency import claim_version
from yifa.core.errors import AccessDenied, GateBlocked, InvalidInput, YifaError

from . import rules
from .models import Campaign, CampaignItem, CampaignStatus, DocStatus, Document, ItemState, Proposal, add_months
from .screener import screen_text

# 民法典第一千二百六十条：本法自2021年1月1日起施行，下列法律同时废止。
REPEALED_LAWS = {
    "婚姻法": "2021年1月1日起废止（民法典第一千二百六十条）",
    "继承法": "2021年1月1日起废止（民法典第一千二百六十条）",
    "民法通则": "2021年1月1日起废止（民法典第一千二百六十条）",
    "收养法": "2021年1月1日起废止（民法典第一千二百六十条）",
    "担保法": "2021年1月1日起废止（民法典第一千二百六十条）",
    "合同法": "2021年1月1日起废止（民法典第一千二百六十条）",
    "物权法": "2021年1月1日起废止（民法典第一千二百六十条）",
    "侵权责任法": "2021年1月1日起废止（民法典第一千二百六十条）",
    "民法总则": "2021年1月1日起废止（民法典第一千二百六十条）",
}
ENDED = {Proposal.MODIFY: DocStatus.MODIFIED, Proposal.REPEAL: DocStatus.REPEALED, Proposal.INVALID: DocStatus.INVALID}


def in_force_on(baseline: dt.date, units):
    paths = [u.path for u in units]
    unit_filter = Q(pk__in=[])
    for path in paths:
        unit_filter |= Q(unit__path__startswith=path)
    return (
        Document.objects.filter(unit_filter, published_on__lte=baseline, status=DocStatus.IN_FORCE)
        .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=baseline))
        .select_related("unit")
    )


def ended_documents() -> dict[str, Document]:
    """Documents no longer in force, by title: what a citation may point at."""
    return {
        d.title: d
        for d in Document.objects.exclude(status__in=(DocStatus.IN_FORCE, *_drafts())).only("title", "number", "status")
    }


def citation_notes(doc: Document, ended: dict[str, Document] | None = None) -> list[str]:
    notes = []
    ended = ended_documents() if ended is None else ended
    for basis in doc.legal_bases:
        name = basis.strip("《》 ")
        for law, note in REPEALED_LAWS.items():
            if name in (law, f"中华人民共和国{law}"):
                notes.append(f"所引《{name}》已{note}")
        cited = ended.get(name)
        if cited:
            notes.append(f"所引《{cited.title}》{cited.number}已{cited.get_status_display()}")
    return notes


def _drafts():
    return (DocStatus.DRAFT, DocStatus.SOLICITING, DocStatus.REVIEW, DocStatus.APPROVED)


def expiry_note(doc: Document, baseline: dt.date) -> str:
    if not doc.expires_on:
        return "未设有效期"
    if doc.expires_on < baseline:
        return f"有效期已于{doc.expires_on:%Y年%m月%d日}届满"
    if doc.expires_on <= add_months(baseline, rules.EXPIRY_NOTICE_MONTHS):
        return f"有效期将于{doc.expires_on:%Y年%m月%d日}届满，须评估是否继续有效"
    return f"有效期至{doc.expires_on:%Y年%m月%d日}"


def campaign_open(*, by, title: str, baseline: dt.date | None, units) -> Campaign:
    require_legal_office(by)
    units = list(units)
    errors = {}
    if not (title or "").strip():
        errors["title"] = "名称：必须填写"
    if not baseline:
        errors["baseline"] = "清理基准日：必须填写"
    if not units:
        errors["units"] = "清理范围：至少选择一个单位"
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        campaign = Campaign.objects.create(title=title.strip(), baseline=baseline, opened_by=by)
        campaign.units.set(units)
        ended = ended_documents()
        items = [
            CampaignItem(
                campaign=campaign,
                document=doc,
                unit=doc.unit,
                findings=[f.as_dict() for f in screen_text(doc.full_text)],
                expiry_note=expiry_note(doc, baseline),
                citation_notes=citation_notes(doc, ended),
            )
            for doc in in_force_on(baseline, units)
        ]
        CampaignItem.objects.bulk_create(items)
        record_event(
            actor=by,
            subject=campaign,
            action="normdocs.campaign_open",
            action_label="开启清理",
            to_state=CampaignStatus.OPEN,
            data={"baseline": baseline, "units": [u.pk for u in units], "items": len(items)},
        )
    return campaign


def _item_for_update(item: CampaignItem, expected_version):
    item = CampaignItem.objects.select_for_update().select_related("campaign", "unit", "document").get(pk=item.pk)
    if item.campaign.status != CampaignStatus.OPEN:
        raise YifaError("清理活动已结束，不能再修改", field="campaign")
    claim_version(item, expected_version)
    return item


def item_propose(
    *, by, item: CampaignItem, proposal: str, reasons: str, expected_version: int | None = None
) -> CampaignItem:
    unit = item.unit
    if not (is_legal_office(by) or (by.unit_id and unit.path.startswith(by.unit.path))):
        raise AccessDenied(f"清理意见由{unit.name}提出")
    errors = {}
    if proposal not in Proposal.values:
        errors["proposal"] = "清理意见：须为保留、修改、废止或宣布失效"
    if not (reasons or "").strip():
        errors["reasons"] = "理由：必须填写"
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        item = _item_for_update(item, expected_version)
        before = item.state
        item.proposal, item.reasons, item.state = proposal, reasons.strip(), ItemState.PROPOSED
        item.save()
        record_event(
            actor=by,
            subject=item.document,
            action="normdocs.cleanup_propose",
            action_label=f"清理意见：{Proposal(proposal).label}",
            from_state=before,
            to_state=item.state,
            reason=reasons,
            data={"campaign": item.campaign_id},
        )
    return item


def item_confirm(
    *, by, item: CampaignItem, agree: bool = True, comments: str = "", expected_version: int | None = None
) -> CampaignItem:
    require_legal_office(by)
    if not agree and not (comments or "").strip():
        raise InvalidInput({"comments": "退回意见：退回时必须写明理由"})
    with transaction.atomic():
        item = _item_for_update(item, expected_version)
        if item.state != ItemState.PROPOSED:
            raise YifaError("承办单位尚未提出清理意见", field="proposal")
        before = item.state
        item.state = ItemState.CONFIRMED if agree else ItemState.PENDING
        item.confirmed_by = by if agree else None
        item.save()
        record_event(
            actor=by,
            subject=item.document,
            action="normdocs.cleanup_confirm",
            action_label="确认清理意见" if agree else "退回清理意见",
            from_state=before,
            to_state=item.state,
            reason=comments,
            data={"campaign": item.campaign_id},
        )
    return item


def progress(campaign: Campaign):
    """Per unit: total, pending, proposed, confirmed."""
    return (
        campaign.items.values("unit__name", "unit_id")
        .annotate(
            total=Count("id"),
            pending=Count("id", filter=Q(state=ItemState.PENDING)),
            proposed=Count("id", filter=Q(state=ItemState.PROPOSED)),
            confirmed=Count("id", filter=Q(state=ItemState.CONFIRMED)),
        )
        .order_by("unit__path")
    )


def campaign_close(*, by, campaign: Campaign, on: dt.date, expected_version: int | None = None) -> Campaign:
    require_legal_office(by)
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if campaign.status != CampaignStatus.OPEN:
            raise YifaError("清理活动已结束", field="status")
        unmet = [
            f"{row['unit__name']}还有{row['total'] - row['confirmed']}件文件的清理意见未经确认"
            for row in progress(campaign)
            if row["confirmed"] < row["total"]
        ]
        if unmet:
            raise GateBlocked("结束清理并公布目录", unmet)
        claim_version(campaign, expected_version)
        for item in campaign.items.select_related("document").exclude(proposal=Proposal.RETAIN):
            doc = Document.objects.select_for_update().get(pk=item.document_id)
            before, doc.status = doc.status, ENDED[item.proposal]
            doc.ended_on, doc.ended_by_campaign = on, campaign
            claim_version(doc, None)
            doc.save()
            record_event(
                actor=by,
                subject=doc,
                action="normdocs.cleanup_apply",
                action_label=f"经清理{Proposal(item.proposal).label}",
                from_state=before,
                to_state=doc.status,
                reason=item.reasons,
                data={"campaign": campaign.pk},
            )
        campaign.status, campaign.closed_on = CampaignStatus.CLOSED, on
        campaign.save()
        counts = {p: campaign.items.filter(proposal=p).count() for p in Proposal.values}
        record_event(
            actor=by,
            subject=campaign,
            action="normdocs.campaign_close",
            action_label="结束清理并公布目录",
            from_state=CampaignStatus.OPEN,
            to_state=CampaignStatus.CLOSED,
            data={"counts": counts, "basis": rules.CLEANUP.citation},
        )
    return campaign


CATALOGUES = [
    ("retained", "继续有效的规范性文件目录", (Proposal.RETAIN,)),
    ("modified", "需修改的规范性文件目录", (Proposal.MODIFY,)),
    ("repealed", "废止和宣布失效的规范性文件目录", (Proposal.REPEAL, Proposal.INVALID)),
]


def catalogue(campaign: Campaign, kind: str):
    for key, title, proposals in CATALOGUES:
        if key == kind:
            items = (
                campaign.items.filter(proposal__in=proposals, state=ItemState.CONFIRMED)
                .select_related("document", "unit")
                .order_by("unit__path", "document__published_on")
            )
            return title, items
    raise YifaError(f"没有名为“{kind}”的目录", field="kind")
