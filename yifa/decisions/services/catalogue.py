"""Decision catalogues (第三条第三款) and each organ's decision rules (the city's arrangement)."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError
from django.utils import timezone

from yifa.core.errors import YifaError
from yifa.core.models import Unit, UnitKind
from yifa.core.procedure import Checks, create, fire

from .. import rules
from ..flows import CATALOGUE_FLOW, RULES_FLOW
from ..models import Catalogue, CatalogueItem, Category, DecisionRules

DECISION_MAKERS = (UnitKind.GOVERNMENT, UnitKind.DEPARTMENT, UnitKind.TOWNSHIP)


def catalogue_create(*, by, unit: Unit, year: int) -> Catalogue:
    c = Checks()
    if unit.kind not in DECISION_MAKERS:
        c.fail("unit", "决策机关：须为人民政府、政府部门或乡镇（街道）")
    if not 2000 <= int(year) <= 2100:
        c.fail("year", "年度：须为2000至2100之间的年份")
    c.done()
    try:
        return create(CATALOGUE_FLOW, "create", build=lambda: Catalogue(unit=unit, year=year), by=by)
    except IntegrityError:
        raise YifaError(f"年度：{unit.name}已有{year}年度决策事项目录", field="year") from None


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
    expected_version: int | None = None,
) -> CatalogueItem:
    c = Checks()
    title = c.text("title", "事项名称", title, limit=200)
    c.choice("category", f"类别（{rules.CATEGORIES.citation}）", category, Category)
    if lead_unit is None:
        c.fail("lead_unit", "承办单位：必须选择")
    hearing_basis = c.text("hearing_basis", "听证依据", hearing_basis, required=False, limit=200)
    if hearing_required and not hearing_basis:
        c.fail("hearing_basis", f"听证依据：依法应当听证的须写明依据（{rules.HEARING.citation}）")
    planned = c.text("planned", "计划时间", planned, required=False, limit=60)
    c.done()
    item = CatalogueItem(
        catalogue=catalogue,
        title=title,
        category=category,
        lead_unit=lead_unit,
        public_interest=bool(public_interest),
        technical=bool(technical),
        risky=bool(risky),
        hearing_required=bool(hearing_required),
        hearing_basis=hearing_basis,
        affects_market=bool(affects_market),
        planned=planned,
    )
    fire(CATALOGUE_FLOW, catalogue, "item", by=by, expected_version=expected_version, item=item)
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
    c = Checks()
    if party_consent_on is None:
        c.fail("party_consent_on", f"同级党委同意日期：目录须经同级党委同意后公布（{rules.CATALOGUE.citation}）")
    elif party_consent_on > on:
        c.fail("party_consent_on", "同级党委同意日期：不能晚于公布日期")
    c.done()
    return fire(
        CATALOGUE_FLOW,
        catalogue,
        "publish",
        by=by,
        on=on,
        expected_version=expected_version,
        party_consent_on=party_consent_on,
    )


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
    """本机关重大事项决策规则 (the city's arrangement, 一、1). Other modules hear it as
    ``decision_rules.record`` (see flows.record_rules for what they may read)."""
    c = Checks()
    title = c.text("title", "规则名称", title, limit=200)
    document_no = c.text("document_no", "文号", document_no, required=False, limit=80)
    c.date("adopted_on", "通过日期", adopted_on)
    if adopted_on and adopted_on > timezone.localdate():
        c.fail("adopted_on", "通过日期：不能晚于今天")
    c.done()
    return create(
        RULES_FLOW,
        "record",
        build=lambda: DecisionRules(
            unit=unit, title=title, document_no=document_no, adopted_on=adopted_on, recorded_by=by
        ),
        by=by,
        document=(document_name, document) if document else None,
    )
