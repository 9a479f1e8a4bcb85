"""Decision catalogues (第三条第三款) and each organ's decision rules (the city's arrangement)."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone

from yifa.core.audit import record_event
from yifa.core.concurrency import save_versioned
from yifa.core.errors import YifaError
from yifa.core.flows import own_unit
from yifa.core.models import Role, Unit, UnitKind
from yifa.core.uploads import store_upload
from yifa.lib.deadlines import zh_date

from .. import rules
from ..models import Catalogue, CatalogueItem, Category, DecisionRules
from .common import Checks, require

unit_staff = own_unit(Role.LEADER, Role.HEAD, Role.LIAISON)
DECISION_MAKERS = (UnitKind.GOVERNMENT, UnitKind.DEPARTMENT, UnitKind.TOWNSHIP)


def catalogue_create(*, by, unit: Unit, year: int) -> Catalogue:
    require(unit_staff, by, Catalogue(unit=unit), "编制决策事项目录（需本机关领导、负责人或联络员）")
    if unit.kind not in DECISION_MAKERS:
        raise YifaError("决策机关：须为人民政府、政府部门或乡镇（街道）", field="unit")
    if not 2000 <= int(year) <= 2100:
        raise YifaError("年度：须为2000至2100之间的年份", field="year")
    try:
        with transaction.atomic():
            catalogue = Catalogue.objects.create(unit=unit, year=year)
            record_event(
                actor=by,
                subject=catalogue,
                action="decision_catalogue.create",
                action_label="编制决策事项目录",
                unit=unit,
                data={"year": year},
            )
    except IntegrityError:
        raise YifaError(f"年度：{unit.name}已有{year}年度决策事项目录", field="year") from None
    return catalogue


def catalogue_item_add(
    *,
    by,
    catalogue: Catalogue,
    title: str,
    category: str,
    lead_unit: Unit | None,
    public_interest=False,
    technical=False,
    risky=False,
    hearing_required=False,
    hearing_basis: str = "",
    affects_market=False,
    planned: str = "",
) -> CatalogueItem:
    require(unit_staff, by, catalogue, "编制决策事项目录")
    if catalogue.published_on:
        raise YifaError("目录已公布；调整目录须重新经同级党委同意后公布", field="title")
    c = Checks()
    title = c.text("title", "事项名称", title, limit=200)
    c.choice("category", "类别（第三条第一款）", category, Category)
    if lead_unit is None:
        c.fail("lead_unit", "承办单位：必须选择")
    if hearing_required and not (hearing_basis or "").strip():
        c.fail("hearing_basis", "听证依据：依法应当听证的须写明依据（第十六条第一款）")
    c.done()
    with transaction.atomic():
        item = CatalogueItem.objects.create(
            catalogue=catalogue,
            title=title,
            category=category,
            lead_unit=lead_unit,
            public_interest=bool(public_interest),
            technical=bool(technical),
            risky=bool(risky),
            hearing_required=bool(hearing_required),
            hearing_basis=(hearing_basis or "").strip(),
            affects_market=bool(affects_market),
            planned=(planned or "").strip()[:60],
        )
        record_event(
            actor=by,
            subject=catalogue,
            action="decision_catalogue.item",
            action_label="列入决策事项",
            unit=catalogue.unit,
            data={"item": item.pk, "title": title},
        )
    return item


def catalogue_publish(
    *,
    by,
    catalogue: Catalogue,
    party_consent_on: dt.date | None,
    on: dt.date | None = None,
    expected_version: int | None = None,
) -> Catalogue:
    """经同级党委同意后向社会公布 (第三条第三款)."""
    on = on or timezone.localdate()
    require(unit_staff, by, catalogue, "公布决策事项目录")
    c = Checks()
    if party_consent_on is None:
        c.fail("party_consent_on", f"同级党委同意日期：目录须经同级党委同意后公布（{rules.CATALOGUE.citation}）")
    elif party_consent_on > on:
        c.fail("party_consent_on", "同级党委同意日期：不能晚于公布日期")
    if not catalogue.items.exists():
        c.fail("items", "决策事项：目录中尚无事项")
    if catalogue.published_on:
        c.fail("published_on", f"目录已于{zh_date(catalogue.published_on)}公布")
    c.done()
    with transaction.atomic():
        catalogue.party_consent_on, catalogue.published_on = party_consent_on, on
        save_versioned(catalogue, expected_version=expected_version, fields=["party_consent_on", "published_on"])
        record_event(
            actor=by,
            subject=catalogue,
            action="decision_catalogue.publish",
            action_label="公布决策事项目录",
            unit=catalogue.unit,
            data={"party_consent_on": party_consent_on, "items": catalogue.items.count()},
        )
    return catalogue


def decision_rules_record(
    *,
    by,
    unit: Unit,
    title: str,
    adopted_on: dt.date | None,
    document_no: str = "",
    document: bytes | None = None,
    document_name: str = "",
) -> DecisionRules:
    """本机关重大事项决策规则 (the city's arrangement, 一、1)."""
    require(unit_staff, by, DecisionRules(unit=unit), "登记本单位重大事项决策规则")
    c = Checks()
    title = c.text("title", "规则名称", title, limit=200)
    document_no = c.text("document_no", "文号", document_no, required=False, limit=80)
    c.date("adopted_on", "通过日期", adopted_on)
    if adopted_on and adopted_on > timezone.localdate():
        c.fail("adopted_on", "通过日期：不能晚于今天")
    c.done()
    with transaction.atomic():
        attachment = (
            store_upload(content=document, name=document_name, by=by, purpose="decision_rules") if document else None
        )
        entry = DecisionRules.objects.create(
            unit=unit, title=title, document_no=document_no, adopted_on=adopted_on, document=attachment, recorded_by=by
        )
        record_event(
            actor=by,
            subject=entry,
            action="decision_rules.record",
            action_label="登记重大事项决策规则",
            unit=unit,
            data={"title": title, "adopted_on": adopted_on},
        )
        _tick_plan_checklist(by=by, entry=entry)
    return entry


def _tick_plan_checklist(*, by, entry: DecisionRules) -> None:
    """The plans module's institution checklist carries the 1 May deadline; rules recorded here
    tick its "重大事项决策规则" rows for this unit, through that module's own service."""
    try:
        from yifa.plans.models import Institution
        from yifa.plans.services import institution_record
    except ImportError:
        return
    due = Institution.objects.filter(name__contains="决策规则", year__gte=entry.adopted_on.year)
    for institution in due.exclude(records__unit=entry.unit):
        institution_record(
            by=by,
            institution=institution,
            unit=entry.unit,
            established_on=entry.adopted_on,
            document_title=" ".join(filter(None, [entry.title, entry.document_no])),
        )
