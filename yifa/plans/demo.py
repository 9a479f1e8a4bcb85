"""The demo city's annual cycle, made through the services: plans and reports in every state, the
seed's arrangement imported and assigned, progress, work information and the institution checklist."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from yifa.lib.deadlines import last_day_before

from . import services, supervision
from .models import InstitutionKind, ReportKind

SEED = Path(settings.BASE_DIR).parent / "shared" / "seeds" / "000_16a98f4a12487e66.txt"
FALLBACK = """民政局深化依法行政规划安排

年底前向市政府报告本年度依法行政工作情况。政府各部门于每年第一季度拟定年度依法行政计划。

一、完善行政决策机制。
1.完善行政决策机制。尚未建立重大事项决策规则的要在年5月1日前建立；法制机构要对重大决策进行合法性审查。
"""


def load(cast):
    today = timezone.localdate()
    # A year whose first half has passed, so the demo shows submissions, late marks and progress.
    year = today.year if today >= dt.date(today.year, 7, 1) else today.year - 1
    reviewer = cast["reviewer"]

    def report(unit, liaison, head, kind, year, *, submit_on=None, accept=False, public=False, body="") -> None:
        obj = services.report_create(
            by=cast[liaison],
            unit=cast[unit],
            year=year,
            kind=kind,
            title=f"{cast[unit].name}{year}年{ReportKind(kind).label}",
            body=body or "一、主要工作及成效。二、存在的问题。三、下一步安排。",
            is_public=public,
        )
        if submit_on:
            services.report_approve(by=cast[head], report=obj, on=submit_on)
            services.report_submit(by=cast[liaison], report=obj, on=submit_on)
            if accept:
                services.report_accept(by=reviewer, report=obj, on=submit_on + dt.timedelta(days=3))

    report(
        "民政局",
        "minzheng_liaison",
        "minzheng_head",
        "plan",
        year,
        submit_on=dt.date(year, 3, 20),
        accept=True,
        public=True,
    )
    report("市场监管局", "shijian_liaison", "shijian_head", "plan", year, submit_on=dt.date(year, 4, 3))
    report(
        "民政局",
        "minzheng_liaison",
        "minzheng_head",
        "rule_of_law",
        year - 1,
        submit_on=dt.date(year, 2, 20),
        accept=True,
        public=True,
        body=f"{year - 1}年，民政局坚持依法行政，健全重大行政决策程序，清理规范性文件12件。",
    )
    report("交通运输局", "jiaotong_liaison", "jiaotong_head", "summary", year)

    text = SEED.read_text(encoding="utf-8") if SEED.is_file() else FALLBACK
    plan = supervision.plan_import(by=reviewer, text=text, year=year, title=f"民政局{year}年深化依法行政规划安排")
    rows = [
        {
            "task": t.pk,
            "title": t.title,
            "due": t.due or dt.date(year, 12, 31),
            "units": [a.unit for a in t.assignments.all()] or [cast["民政局"]],
        }
        for t in plan.tasks.all()
    ]
    supervision.plan_correct(by=reviewer, plan=plan, rows=rows)
    supervision.plan_confirm(by=reviewer, plan=plan, on=dt.date(year, 2, 1))
    mine = plan.tasks.filter(assignments__unit=cast["民政局"]).order_by("order").first()
    if mine:
        supervision.progress_report(
            by=cast["minzheng_liaison"],
            assignment=mine.assignments.get(unit=cast["民政局"]),
            status="in_progress",
            percent=60,
            narrative="已起草实施方案，待局务会审议",
            on=dt.date(year, 4, 10),
        )

    services.info_submit(
        by=cast["minzheng_liaison"],
        title="民政局落实局务会会前学法制度",
        body="局务会前集体学习《行政复议法》。",
        on=dt.date(year, 3, 6),
    )
    item = services.info_submit(
        by=cast["town1_liaison"],
        title="青石镇开展法治讲座",
        body="邀请律师讲解土地承包法律问题。",
        on=dt.date(year, 4, 2),
    )
    services.info_decide(by=reviewer, item=item, adopt=True, on=dt.date(year, 4, 3))

    rules = services.institution_define(
        by=reviewer,
        year=year,
        name="重大事项决策规则",
        kind=InstitutionKind.DECISION_RULES,
        due=last_day_before(dt.date(year, 5, 1)),  # 种子“5月1日前”
        basis="深化依法行政规划安排第1项",
    )
    services.institution_define(
        by=reviewer,
        year=year,
        name="领导干部会前学法制度",
        kind=InstitutionKind.LAW_STUDY,
        basis="深化依法行政规划安排第18项",
    )
    services.institution_record(
        by=cast["minzheng_liaison"],
        institution=rules,
        unit=cast["民政局"],
        established_on=min(today, dt.date(year, 4, 20)),
        document_title=f"江临民政〔{year}〕3号",
    )
