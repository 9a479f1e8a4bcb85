"""The consolidated supervision statistics of a year, per unit: files reviewed and their pass rate, major
penalties filed on time, complaints and their replies, special inspections and their problems,
rectification notices done on time, and 问责 cases. Each measure is one grouped query; the rows are joined
in memory by unit (a handful of queries whatever the data size). Only counts leave here: no 问责 case is
named."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q

from yifa.core.models import Deadline, DeadlineStatus, Unit

from . import rules
from .models import (
    Accountability,
    Complaint,
    ComplaintState,
    FileState,
    Finding,
    Notice,
    NoticeState,
    ReviewFile,
)

COLUMNS = [
    ("files", "评查案卷"),
    ("passed", "合格"),
    ("pass_rate", "合格率（%）"),
    ("filings", "应备案重大处罚"),
    ("filed_on_time", "按期备案"),
    ("filed_late", "逾期备案或逾期未备案"),
    ("complaints", "收到投诉"),
    ("replied", "已答复投诉"),
    ("inspected", "专项检查发现记录"),
    ("problems", "发现问题"),
    ("notices", "整改通知"),
    ("rectified_on_time", "按期整改"),
    ("accountability", "问责案件"),
    ("sanctioned", "作出处分或组织处理"),
]


@dataclass
class UnitStats:
    unit: str
    counts: dict = field(default_factory=dict)

    def get(self, key):
        if key == "pass_rate":
            files = self.counts.get("files", 0)
            return round(100 * self.counts.get("passed", 0) / files, 1) if files else None
        return self.counts.get(key, 0)

    @property
    def cells(self) -> list:
        return [self.get(key) for key, _ in COLUMNS]


def _grouped(qs, **measures) -> list[dict]:
    return list(qs.values("unit_id").annotate(**measures).order_by())


def report(year: int) -> list[UnitStats]:
    found: dict[int, dict] = {}

    def merge(rows):
        for r in rows:
            found.setdefault(r.pop("unit_id"), {}).update(r)

    merge(
        _grouped(
            ReviewFile.objects.filter(state=FileState.SCORED, scored_on__year=year),
            files=Count("id"),
            passed=Count("id", filter=Q(passed=True)),
        )
    )
    filing = Deadline.objects.filter(rule_id=rules.MAJOR_PENALTY_FILING.id, start__year=year)
    late = Q(status=DeadlineStatus.LATE) | Q(status=DeadlineStatus.RUNNING, due__lt=_today())
    merge(
        _grouped(
            filing.exclude(status=DeadlineStatus.CANCELLED),
            filings=Count("id"),
            filed_on_time=Count("id", filter=Q(status=DeadlineStatus.MET)),
            filed_late=Count("id", filter=late),
        )
    )
    merge(
        _grouped(
            Complaint.objects.filter(received_on__year=year),
            complaints=Count("id"),
            replied=Count("id", filter=Q(state=ComplaintState.REPLIED)),
        )
    )
    merge(
        _grouped(
            Finding.objects.filter(found_on__year=year),
            inspected=Count("id"),
            problems=Count("id", filter=Q(problem=True)),
        )
    )
    merge(
        _grouped(
            Notice.objects.filter(issued_on__year=year),
            notices=Count("id"),
            rectified_on_time=Count("id", filter=Q(state=NoticeState.DONE, on_time=True)),
        )
    )
    merge(
        _grouped(
            Accountability.objects.filter(opened_on__year=year),
            accountability=Count("id"),
            sanctioned=Count("id", filter=Q(decided_on__isnull=False) & ~Q(sanction__in=["", "none"])),
        )
    )
    units = Unit.objects.filter(pk__in=list(found)).order_by("path").values_list("pk", "name")
    return [UnitStats(name, found[pk]) for pk, name in units]


def _today():
    from django.utils import timezone

    return timezone.localdate()


def table(year: int) -> tuple[list[str], list[list]]:
    """Headers and rows for the page and the .xlsx, with a total row."""
    rows = report(year)
    headers = ["单位", *[label for _, label in COLUMNS]]
    body = [[r.unit, *[("—" if v is None else v) for v in r.cells]] for r in rows]
    total = UnitStats("合计", {key: sum(r.get(key) for r in rows) for key, _ in COLUMNS if key != "pass_rate"})
    body.append(["合计", *[("—" if v is None else v) for v in total.cells]])
    return headers, body
