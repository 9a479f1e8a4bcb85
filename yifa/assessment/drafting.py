"""The text yifa drafts from the unit's data: the leader's 述法 report and the five parts of the annual
法治政府建设 report (the figures filled in; the words left to the unit)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q

from yifa.core.models import Deadline, DeadlineStatus, Unit

from . import duties, queries, rules
from .indicators import NORMDOCS_FILED, RECONSIDERATION_UPHELD
from .models import DutyState, Fact, LeaderReport, ReportKind, ReportState


def figures(unit: Unit, year: int, as_of: dt.date) -> dict:
    from yifa.training import interface

    facts = {
        r["indicator"]: r
        for r in Fact.objects.filter(unit__path__startswith=unit.path, year=year)
        .values("indicator")
        .annotate(total=Count("pk"), good=Count("pk", filter=Q(good=True)))
    }
    clocks = Deadline.objects.filter(unit__path__startswith=unit.path, closed_on__year=year).aggregate(
        met=Count("pk", filter=Q(status=DeadlineStatus.MET)), late=Count("pk", filter=Q(status=DeadlineStatus.LATE))
    )
    filed = facts.get(NORMDOCS_FILED, {"total": 0, "good": 0})
    cases = facts.get(RECONSIDERATION_UPHELD, {"total": 0, "good": 0})
    return {
        "filed": filed["total"],
        "filed_late": filed["total"] - filed["good"],
        "cases": cases["total"],
        "corrected": cases["total"] - cases["good"],
        "clocks_met": clocks["met"],
        "clocks_late": clocks["late"],
        "training": interface.unit_year(unit, year),
        "shufa_submitted": LeaderReport.objects.filter(
            unit__path__startswith=unit.path, year=year, kind=ReportKind.SHUFA
        )
        .exclude(state=ReportState.DRAFT)
        .count(),
        "score": queries.unit_score(unit, year=year, as_of=as_of) if unit.kind in queries.ASSESSED_KINDS else None,
        "duties": duties.checklist(unit, year),
    }


def _duty_lines(f: dict) -> str:
    """The checklist, duty by duty: its state and what the unit wrote of it."""
    if not f["duties"]:
        return ""
    lines = []
    for n, (duty, record) in enumerate(f["duties"], start=1):
        state = record.get_state_display() if record else DutyState.NOT_STARTED.label
        note = f"：{record.note}" if record and record.note else ""
        lines.append(f"{n}. {duty.title}——{state}{note}")
    return "第一责任人职责清单履行情况：\n" + "\n".join(lines)


def _study_lines(unit: Unit, training: dict) -> str:
    if not training["studies"]:
        return "本年度未记录领导班子学法。"
    lines = [
        f"{'' if s['unit'] == unit.name else s['unit']}{s['on']:%m月%d日}{s['kind']}，"
        f"学习{s['law']}，{s['speaker']}主讲"
        for s in training["studies"]
    ]
    more = training["study_count"] - len(lines)
    return "；".join(lines) + (f"等（另{more}次略）" if more > 0 else "") + "。"


def _facts_paragraph(unit: Unit, f: dict) -> str:
    t = f["training"]
    score = f"依法行政考核暂定得分{f['score'].total}分。" if f["score"] is not None else ""
    return (
        f"报送规范性文件备案{f['filed']}件，其中逾期{f['filed_late']}件；"
        f"作为被申请人的行政复议案件审结{f['cases']}件，被纠错{f['corrected']}件；"
        f"法定期限按期办结{f['clocks_met']}项、逾期办结{f['clocks_late']}项；"
        f"组织培训{t['courses']}次，{t['people']}名工作人员中{t['people_met']}人年度学时达到要求；"
        f"领导班子学法{t['study_count']}次：{_study_lines(unit, t)}" + score
    )


def shufa(unit: Unit, year: int, as_of: dt.date) -> tuple[str, str]:
    f = figures(unit, year, as_of)
    title = f"{unit.name}主要负责人{year}年度述法报告"
    body = "\n\n".join(
        [
            f"根据{rules.FIRST_RESPONSIBLE.citation}关于{rules.FIRST_RESPONSIBLE.title}的要求，现将本人{year}年度履行推进法治建设第一责任人职责情况报告如下。",
            "一、履行第一责任人职责的基本情况\n"
            + "\n".join(part for part in (_facts_paragraph(unit, f), _duty_lines(f)) if part),
            "二、存在的问题\n（请填写）",
            "三、下一步打算\n（请填写）",
        ]
    )
    return title, body


def rule_of_law(unit: Unit, year: int, as_of: dt.date) -> tuple[str, str]:
    f = figures(unit, year, as_of)
    title = f"{unit.name}{year}年度法治政府建设情况报告"
    body = "\n\n".join(
        [
            "一、推进法治政府建设的主要举措和成效\n" + _facts_paragraph(unit, f),
            "二、存在的不足和原因\n"
            + (
                f"逾期报送备案的规范性文件{f['filed_late']}件；逾期办结的法定期限{f['clocks_late']}项。"
                if f["filed_late"] or f["clocks_late"]
                else ""
            )
            + "（请补充原因分析）",
            "三、党政主要负责人履行推进法治建设第一责任人职责情况\n"
            + f"领导班子学法{f['training']['study_count']}次；"
            + f"主要负责人年度述法报告已提交{f['shufa_submitted']}份。"
            + (f"\n{_duty_lines(f)}" if f["duties"] else "")
            + "（请补充）",
            f"四、{year + 1}年度推进法治政府建设的主要安排\n（请填写）",
            "五、其他需要报告的情况\n（请填写）",
        ]
    )
    return title, body


DRAFTERS = {ReportKind.SHUFA: shufa, ReportKind.RULE_OF_LAW: rule_of_law}
