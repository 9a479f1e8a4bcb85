"""A unit's guide (第十二条) and annual report (第四十九、五十条): written through the kit's add/change,
the report published only when its figures reconcile."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from yifa.core.concurrency import VERSION_MISSING
from yifa.core.errors import GateBlocked
from yifa.core.models import UnitKind
from yifa.core.procedure import Checks, add, change

from . import report, rules
from .models import AnnualReport, Guide
from .who import STAFF, OfUnit

COLUMN_LABELS = report.COLUMN_LABELS


def save_guide(*, by, unit, guide: Guide | None, office, text, address="", hours="", contact="", version=None) -> Guide:
    checks = Checks()
    fields = {
        "office": checks.text("office", "政府信息公开工作机构", office, limit=100),
        "text": checks.text("text", f"指南正文（{rules.GUIDE.citation}）", text),
        "address": (address or "").strip(),
        "hours": (hours or "").strip(),
        "contact": (contact or "").strip(),
    }
    if guide is not None and version is None:
        checks.fail("version", VERSION_MISSING)
    checks.done()
    if guide is None:
        return add(
            Guide(unit=unit, **fields),
            by=by,
            who=STAFF,
            action="disclosure.guide_add",
            label="编制政府信息公开指南",
            unit=unit,
        )
    return change(
        guide,
        by=by,
        who=STAFF,
        action="disclosure.guide_change",
        label="更新政府信息公开指南",
        apply=fields,
        expected_version=version,
        unit=unit,
    )


def report_of(unit, year: int) -> AnnualReport:
    return AnnualReport.objects.filter(unit=unit, year=year).first() or AnnualReport(unit=unit, year=year)


def report_due(unit, year: int) -> dt.date:
    """第四十九条: departments by 31 January, the government's compiled report by 31 March of the next year."""
    return dt.date(year + 1, 3, 31) if unit.kind == UnitKind.GOVERNMENT else dt.date(year + 1, 1, 31)


def figures_for(unit, year: int, saved: AnnualReport | None = None) -> dict:
    """A published report shows the figures it was published with; a draft counts afresh."""
    if saved is not None and saved.published_on and saved.figures:
        return saved.figures
    return report.figures(unit, year)


def _entered_figures(given: dict) -> dict:
    unknown = set(given) - set(report.ENTERED)
    if unknown:
        raise TypeError(f"unknown report figures: {sorted(unknown)}")
    checks = Checks()
    for name, value in given.items():
        if value is None:
            given[name] = 0
        elif value < 0:
            label = AnnualReport._meta.get_field(name).verbose_name
            checks.fail(name, f"{label}：不能为负数（{rules.PROACTIVE_COUNTS.citation}）")
    checks.done()
    return given


def save_report(
    *,
    by,
    unit,
    year: int,
    publish: bool,
    overview="",
    problems="",
    other="",
    version=None,
    on: dt.date | None = None,
    **figures,
) -> AnnualReport:
    """``figures``: the table 二 numbers the unit enters (``report.ENTERED``), as far as given."""
    on = on or timezone.localdate()
    texts = {"overview": (overview or "").strip(), "problems": (problems or "").strip(), "other": (other or "").strip()}
    texts.update(_entered_figures(figures))
    existing = AnnualReport.objects.filter(unit=unit, year=year).first()
    if existing and existing.published_on:
        raise GateBlocked("修改年度报告", [f"{year}年度报告已于{existing.published_on}公布，不能再修改"])
    if existing is not None and version is None:
        raise GateBlocked("修改年度报告", [VERSION_MISSING])
    extra = {}
    if publish:
        own = {f: texts[f] if f in texts else getattr(existing, f, 0) for f in report.ENTERED}
        figures = report.figures(unit, year, own=own)
        unmet = list(figures["identity_problems"])
        if on.year <= year:
            unmet.append(f"{year}年度尚未结束，不能公布年度报告（{rules.UNIT_REPORT.citation}）")
        if not texts["problems"]:
            unmet.append("五、存在的主要问题及改进情况：公布前必须填写")
        if unmet:
            raise GateBlocked("公布年度报告", unmet)
        extra = {"published_on": on, "figures": figures}
    if existing is None:
        return add(
            AnnualReport(unit=unit, year=year, **texts, **extra),
            by=by,
            who=STAFF,
            action="disclosure.report_publish" if publish else "disclosure.report_add",
            label="公布年度报告" if publish else "编制年度报告",
            unit=unit,
        )
    return change(
        existing,
        by=by,
        who=STAFF,
        action="disclosure.report_publish" if publish else "disclosure.report_change",
        label="公布年度报告" if publish else "修改年度报告",
        apply={**texts, **extra},
        expected_version=version,
        unit=unit,
    )


__all__ = ["OfUnit"]
