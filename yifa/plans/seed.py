"""``yifa seed``: synthetic annual reports, a large decomposed plan and work information (bulk rows)."""

from __future__ import annotations

import datetime as dt
import random

from yifa.core.bulk import insert_objects
from yifa.core.models import Unit, UnitKind

from .models import (
    AnnualReport,
    Assignment,
    InfoItem,
    PlanState,
    PlanTask,
    ReportKind,
    ReportState,
    TaskState,
    WorkPlan,
)

BATCH = 2000
TOPICS = ["重大行政决策", "规范性文件清理", "行政执法案卷评查", "领导干部学法", "行政复议", "政务公开", "执法人员培训"]


def _report(unit_id, year, kind, state, rng) -> AnnualReport:
    """A report whose dates agree with its state: sent (and maybe returned or accepted) ones have a first
    submission date, drafts and approved ones have none."""
    sent = state in (ReportState.SUBMITTED, ReportState.RETURNED, ReportState.ACCEPTED)
    return AnnualReport(
        unit_id=unit_id,
        year=year,
        kind=kind,
        title=f"{year}年{ReportKind(kind).label}（样本）",
        body="样本",
        state=state,
        first_submitted_on=dt.date(year, 3, rng.randint(1, 28)) if sent else None,
    )


def seed(*, scale: int, progress) -> dict:
    rng = random.Random(2026)
    today = dt.date.today()
    units = list(Unit.objects.filter(kind__in=(UnitKind.DEPARTMENT, UnitKind.TOWNSHIP)).values_list("pk", flat=True))
    legal = Unit.objects.legal_office()
    if not units or legal is None:
        return {"reports": 0, "tasks": 0, "info": 0}
    reports = [
        _report(u, y, k, rng.choice(ReportState.values), rng)
        for u in units
        for y in range(today.year - 2, today.year + 1)
        for k in ReportKind.values
    ]
    AnnualReport.objects.bulk_create(reports, batch_size=BATCH, ignore_conflicts=True)
    progress("年度计划与报告", len(reports), len(reports))
    plan = WorkPlan.objects.create(
        title=f"{today.year}年依法行政工作要点（样本）",
        year=today.year,
        source_text="样本",
        state=PlanState.CONFIRMED,
        unit=legal,
        confirmed_on=dt.date(today.year, 2, 1),
    )
    count = max(1, scale // 10)
    tasks = insert_objects(
        [
            PlanTask(
                plan=plan,
                order=i,
                number=str(i + 1),
                title=f"{rng.choice(TOPICS)}（样本{i + 1}）",
                text="样本",
                due=dt.date(today.year, rng.randint(1, 12), 28),
                state=TaskState.OPEN,
            )
            for i in range(count)
        ],
    )
    insert_objects(
        [
            Assignment(task=t, unit_id=u, percent=rng.randint(0, 100))
            for t in tasks
            for u in rng.sample(units, min(3, len(units)))
        ],
    )
    progress("分解任务", count, count)
    for first in range(0, scale, BATCH):  # a batch at a time: a million items at once took over a gigabyte
        items = [
            InfoItem(
                unit_id=rng.choice(units),
                title=f"{rng.choice(TOPICS)}工作信息（样本{i + 1}）",
                body="样本",
                submitted_on=today - dt.timedelta(days=rng.randint(0, 700)),
                state=rng.choice(["submitted", "adopted", "declined"]),
            )
            for i in range(first, min(scale, first + BATCH))
        ]
        insert_objects(items)
        progress("工作信息", first + len(items), scale)
    return {"reports": len(reports), "tasks": count, "info": scale}
