"""The reform record (改革台账, 优化营商环境条例第十九条、第四十条): items cancelled, delegated, merged, moved to
告知承诺 or 备案, or with their time limits and materials cut, each with the document that decided it; the
per-year counts and the .xlsx ledger."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone

from yifa.core.errors import InvalidInput
from yifa.core.models import Role
from yifa.core.procedure import Checks, add, change, fire
from yifa.lib.office import xlsx_table

from . import rules
from .flows import ITEMS, list_keeper
from .models import Item, ItemState, ReformEntry, ReformKind

# 第四十条第二款: a cancelled licence (and one turned into a filing) is no longer implemented.
STOPS_ITEM = (ReformKind.CANCEL, ReformKind.FILING)
NEEDS_COUNTERPART = {ReformKind.DELEGATE: "承接机关", ReformKind.MERGE: "合并后事项"}
FIELDS = (
    "item",
    "item_code",
    "item_name",
    "unit",
    "kind",
    "counterpart",
    "document_title",
    "document_number",
    "decided_on",
    "effective_on",
    "days_before",
    "days_after",
    "materials_before",
    "materials_after",
    "note",
)


def rule_of(kind: str):
    return {
        ReformKind.CANCEL: rules.REFORM_CANCELLED,
        ReformKind.FILING: rules.REFORM_WAYS,
        ReformKind.PROMISE: rules.REFORM_WAYS,
        ReformKind.DELEGATE: rules.REFORM_SERVICE,
        ReformKind.MERGE: rules.REFORM_SERVICE,
        ReformKind.OPTIMISE: rules.REFORM_REDUCTION,
    }[kind]


def may_record(user) -> bool:
    """Whether the page offers the form: the legal office, or a liaison or head of some organ (the service
    then checks the entry's own unit)."""
    return list_keeper(user) or bool(
        getattr(user, "unit_id", None) and user.is_authenticated and user.has_role(Role.LIAISON, Role.HEAD)
    )


def _checked(fields: dict, *, today: dt.date) -> dict:
    """Every bad field at once, each named with its rule; nothing is written before."""
    check = Checks()
    item: Item | None = fields.get("item")
    kind = check.choice("kind", "改革方式", fields.get("kind"), ReformKind)
    out = {
        "item": item,
        "item_code": check.text("item_code", "事项编码", fields.get("item_code") or (item.code if item else ""),
                                required=False, limit=40),
        "item_name": check.text("item_name", "事项名称", fields.get("item_name") or (item.name if item else ""),
                                limit=200),
        "unit": fields.get("unit") or (item.unit if item else None),
        "kind": kind,
        "counterpart": check.text("counterpart", "承接机关或合并后事项", fields.get("counterpart"), required=False,
                                  limit=200),
        "document_title": check.text("document_title", "决定文件", fields.get("document_title"), limit=200),
        "document_number": check.text("document_number", "文号", fields.get("document_number"), limit=80),
        "decided_on": check.date("decided_on", "印发日期", fields.get("decided_on")),
        "effective_on": fields.get("effective_on"),
        "note": check.text("note", "备注", fields.get("note"), required=False),
    }  # fmt: skip
    if out["unit"] is None:
        check.fail("unit", "原实施机关：必须选择（或选择清单事项）")
    if kind in NEEDS_COUNTERPART and not out["counterpart"]:
        check.fail("counterpart", f"承接机关或合并后事项：{ReformKind(kind).label}须写明{NEEDS_COUNTERPART[kind]}")
    if out["decided_on"] and out["decided_on"] > today:
        check.fail("decided_on", "印发日期：不能晚于今天（台账登记已印发的决定文件）")
    if out["effective_on"] and out["decided_on"] and out["effective_on"] < out["decided_on"]:
        check.fail("effective_on", "施行日期：不能早于印发日期")
    for what, label in (("days", "办理时限"), ("materials", "申请材料")):
        before, after = fields.get(f"{what}_before"), fields.get(f"{what}_after")
        out[f"{what}_before"], out[f"{what}_after"] = before, after
        if (before is None) != (after is None):
            check.fail(f"{what}_after", f"改革后{label}：改革前后须同时填写，才能计算压减了多少")
        elif before is not None and after > before:
            check.fail(f"{what}_after", f"改革后{label}：不能多于改革前（{rules.REFORM_REDUCTION.citation}）")
    if (
        item is not None
        and out["days_after"] is not None
        and out["days_after"] > item.statutory_days
        and kind == ReformKind.OPTIMISE
    ):
        check.fail(
            "days_after",
            f"改革后办理时限：不能超过法定办结时限{item.statutory_days}个工作日（{rules.PROMISE_WITHIN_STATUTE.citation}）",
        )
    if kind == ReformKind.OPTIMISE and out["days_before"] is None and out["materials_before"] is None:
        check.fail("days_before", "改革前办理时限：压减时限、精简材料的，须填写改革前后的办理时限或者申请材料件数")
    check.done()
    return out


def _withdraw_if_in_force(entry: ReformEntry, *, by, on: dt.date) -> bool:
    """第四十条第二款: once a cancellation (or move to 备案) is in force, the item stops being implemented."""
    if entry.kind not in STOPS_ITEM or entry.item_id is None or (entry.effective_on or entry.decided_on) > on:
        return False
    item = Item.objects.get(pk=entry.item_id)
    if item.state != ItemState.PUBLISHED:
        return False
    reason = (
        f"{entry.document_title}（{entry.document_number}）决定{entry.get_kind_display()}"
        f"（{rules.REFORM_CANCELLED.citation}）"
    )
    fire(ITEMS, item, "withdraw", by=by, on=on, expected_version=item.version, reason=reason)
    return True


def _event_data(entry: ReformEntry) -> dict:
    return {
        "kind": entry.kind,
        "item": entry.item_name,
        "document": f"{entry.document_title}（{entry.document_number}）",
        "decided_on": entry.decided_on.isoformat(),
    }


def record(*, by, on: dt.date | None = None, **fields) -> ReformEntry:
    """登记改革事项; a cancellation in force stops the item in the same transaction."""
    on = on or timezone.localdate()
    entry = ReformEntry(**_checked(fields, today=on), by=by)
    return add(
        entry,
        by=by,
        who=list_keeper,
        action="licensing.reform",
        label=f"登记审批制度改革事项（{entry.get_kind_display()}）",
        data=_event_data(entry),
        unit=entry.unit,
        after=lambda e: _withdraw_if_in_force(e, by=by, on=on),
    )


def edit(entry: ReformEntry, *, by, expected_version: int | None, on: dt.date | None = None, **fields) -> ReformEntry:
    if expected_version is None:  # an edit states the version it was made on, or it could overwrite another's
        raise InvalidInput({"version": "版本号：缺少所修改的版本，请刷新页面后重新修改"})
    on = on or timezone.localdate()
    values = _checked(fields, today=on)
    with transaction.atomic():
        changed = change(
            entry,
            by=by,
            who=list_keeper,
            action="licensing.reform_edit",
            label="修改审批制度改革事项",
            apply=values,
            expected_version=expected_version,
            unit=values["unit"],
        )
        _withdraw_if_in_force(changed, by=by, on=on)
    return changed


def cancellations_in_force(on: dt.date):
    """Cancellations and moves to 备案 in force by ``on`` whose item is still published (for the sweep)."""
    return (
        ReformEntry.objects.filter(kind__in=STOPS_ITEM, item__state=ItemState.PUBLISHED)
        .filter(Q(effective_on__lte=on) | Q(effective_on__isnull=True, decided_on__lte=on))
        .order_by("pk")
    )


def withdraw_in_force(on: dt.date) -> int:
    return sum(_withdraw_if_in_force(entry, by=None, on=on) for entry in cancellations_in_force(on))


def entries(*, year: int | None = None, kind: str = ""):
    qs = ReformEntry.objects.select_related("unit", "item")
    if year:
        qs = qs.filter(decided_on__gte=dt.date(year, 1, 1), decided_on__lte=dt.date(year, 12, 31))
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("-decided_on", "-id")


def statistics() -> list[dict]:
    """Per year of the deciding document: the count of each way, and the working days and materials cut
    (measured where both before and after were recorded); one query."""
    found = (
        ReformEntry.objects.annotate(year=ExtractYear("decided_on"))
        .values("year", "kind")
        .annotate(
            n=Count("id"),
            days=Sum(F("days_before") - F("days_after"), filter=Q(days_after__isnull=False)),
            materials=Sum(F("materials_before") - F("materials_after"), filter=Q(materials_after__isnull=False)),
        )
        .order_by("year")
    )
    years: dict[int, dict] = {}
    for row in found:
        year = years.setdefault(
            row["year"], {"year": row["year"], "kinds": dict.fromkeys(ReformKind.values, 0), "total": 0,
                          "days": 0, "materials": 0}
        )  # fmt: skip
        year["kinds"][row["kind"]] = row["n"]
        year["total"] += row["n"]
        year["days"] += row["days"] or 0
        year["materials"] += row["materials"] or 0
    return [
        {**y, "counts": [y["kinds"][k] for k in ReformKind.values]}
        for y in sorted(years.values(), key=lambda y: y["year"])
    ]


def chart(stats: list[dict]) -> dict:
    from yifa.core.charts import bar_chart

    return bar_chart(
        "各年度审批制度改革事项（按决定文件印发年度）",
        [f"{s['year']}年" for s in stats],
        {label: [s["kinds"][value] for s in stats] for value, label in ReformKind.choices},
        unit="项",
    )


HEADERS = [
    "事项编码", "事项名称", "原实施机关", "改革方式", "承接机关或合并后事项", "决定文件", "文号", "印发日期",
    "施行日期", "改革前办理时限（工作日）", "改革后办理时限（工作日）", "压减工作日", "改革前申请材料（件）",
    "改革后申请材料（件）", "精简材料（件）", "备注",
]  # fmt: skip


def export_xlsx(found) -> bytes:
    """The ledger's entries ``found`` (``entries``, filtered and sorted as on the page) as a workbook, read in
    chunks (bounded memory whatever its size)."""

    def rows():
        for e in found.iterator(chunk_size=2000):
            yield [
                e.item_code, e.item_name, e.unit.name, e.get_kind_display(), e.counterpart, e.document_title,
                e.document_number, e.decided_on, e.effective_on, e.days_before, e.days_after, e.days_saved,
                e.materials_before, e.materials_after, e.materials_saved, e.note,
            ]  # fmt: skip

    return xlsx_table("审批制度改革台账", HEADERS, rows())
