"""Gates of the supervision procedures: each returns None, a message or a list, citing its rule."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from yifa.core.calendar import current_calendar
from yifa.core.clocks import clocks_of

from . import rules
from .models import FileState, FilingOutcome, Sanction, SanctionLaw, Section

GRADED = {SanctionLaw.GOVERNANCE, SanctionLaw.CIVIL_SERVANT}
GRADES = {
    Sanction.WARNING,
    Sanction.DEMERIT,
    Sanction.MAJOR_DEMERIT,
    Sanction.DEMOTION,
    Sanction.REMOVAL,
    Sanction.DISMISSAL,
}


def campaign_valid(campaign, *, units=(), **_):
    problems = []
    if not campaign.name.strip():
        problems.append("名称：必须填写")
    if not units:
        problems.append("被评查单位：至少选择一个")
    if campaign.period_start and campaign.period_end and campaign.period_start > campaign.period_end:
        problems.append("案卷决定日：起始日不能晚于截止日")
    if not campaign.sample_size or campaign.sample_size < 1:
        problems.append("每单位抽取件数：至少1件")
    return problems


def population_found(campaign, **_):
    from .writes import population

    if not any(population(campaign).values()):
        return (
            f"所选单位在{campaign.period_start:%Y-%m-%d}至{campaign.period_end:%Y-%m-%d}间没有作出决定的案卷，无可抽取"
        )
    return None


def all_scored(campaign, **_):
    left = campaign.files.exclude(state=FileState.SCORED).count()
    return f"尚有{left}件案卷未评分" if left else None


def _number(value):
    try:
        return Decimal(str(value or 0))
    except (InvalidOperation, ValueError):
        return None


def scores_valid(review_file, *, scores=None, **_):
    """Every item scored within its points; a veto only on a veto item; each deduction or veto explained."""
    problems = []
    items = {i.pk: i for i in review_file.rubric_items()}
    for item_id, (deducted, vetoed, note) in (scores or {}).items():
        item = items.get(item_id)
        if item is None:
            problems.append(f"评查项目{item_id}：不属于本评查标准")
            continue
        amount = _number(deducted)
        if amount is None or amount < 0 or amount > item.points:
            problems.append(f"{item.code}：扣分须在0至{item.points}分之间")
        if vetoed and item.section != Section.VETO:
            problems.append(f"{item.code}：不是否决项")
        if (vetoed or (amount or 0) > 0) and not (note or "").strip():
            problems.append(f"{item.code}：扣分或否决须写明理由")
    if not scores:
        problems.append("评分：尚未逐项评分")
    return problems


def notice_text(notice, **_):
    return None if notice.text.strip() else f"意见：必须填写（{rules.SUPERVISION_OPINION.citation}）"


def report_given(notice, *, report="", **_):
    return None if (report or "").strip() else "整改情况：必须填写"


def filing_review_valid(filing, *, outcome="", opinion="", **_):
    if outcome not in FilingOutcome.values:
        return "审查结论：须为" + "、".join(FilingOutcome.labels) + "之一"
    if outcome != FilingOutcome.AGREED and not (opinion or "").strip():
        return f"审查意见：发出纠错意见或建议须写明（{rules.FILING_REVIEW.citation}）"
    return None


def accountability_valid(case, *, investigators=(), **_):
    problems = []
    if not list(investigators):
        problems.append(f"调查人员：至少指定一人（{rules.ACCOUNTABILITY.citation}）")
    if not case.allegation.strip():
        problems.append("问题线索：必须填写")
    if not case.person_name.strip():
        problems.append("被问责人：必须填写")
    return problems


def findings_given(case, *, findings="", **_):
    return None if (findings or "").strip() else "调查认定的事实：必须填写"


def decision_valid(case, *, sanction_law="", sanction="", decision_text="", **_):
    problems = []
    if not case.findings.strip():
        problems.append(f"须先记录调查认定的事实（{rules.DECISION_CONTENT.citation}）")
    if sanction_law not in SanctionLaw.values:
        problems.append("处理依据：须选择")
    elif sanction_law in GRADED and sanction not in GRADES:
        rule = rules.SANCTION_GOVERNANCE if sanction_law == SanctionLaw.GOVERNANCE else rules.SANCTION_CIVIL_SERVANT
        problems.append(f"处理结果：须为警告、记过、记大过、降级、撤职、开除之一（{rule.citation}）")
    elif sanction_law == SanctionLaw.ORGANISATIONAL and sanction != Sanction.ORGANISATIONAL:
        problems.append("处理结果：组织处理的结果须为“组织处理”")
    elif sanction_law == SanctionLaw.NONE and sanction != Sanction.NONE:
        problems.append("处理结果：不予处分的结果须为“不予处分”")
    if not (decision_text or "").strip():
        problems.append(f"处理决定：须写明事实、处理种类和依据、申诉途径和期限（{rules.DECISION_CONTENT.citation}）")
    return problems


def _appeal_due(case) -> dt.date | None:
    clock = clocks_of(case, rule=rules.APPEAL).first()
    return clock.due if clock else None


def appeal_in_time(case, *, on, **_):
    due = _appeal_due(case)
    if due and on > due:
        return f"申请复核已超过期限（{due:%Y-%m-%d}届满，{rules.APPEAL.citation}）"
    return None


def appeal_window_over(case, *, on, **_):
    due = _appeal_due(case)
    if due and on <= due:
        return f"申请复核期限{due:%Y-%m-%d}届满后方可结案（{rules.APPEAL.citation}）"
    return None


def appeal_result_given(case, *, appeal_result="", **_):
    return None if (appeal_result or "").strip() else f"复核结果：必须填写（{rules.APPEAL_DECISION.citation}）"


def publication_given(case, *, publication="", **_):
    return None if (publication or "").strip() else "公开内容：必须填写（不得含身份证号等个人信息）"


def complaint_valid(complaint, **_):
    problems = []
    if not (complaint.complainant_name or "").strip():
        problems.append("投诉人：必须填写")
    if not complaint.content.strip():
        problems.append(f"投诉内容：必须填写（{rules.COMPLAINT_REPLY.citation}）")
    return problems


def case_found(complaint, *, case_number="", **_):
    from .writes import find_case

    if not (case_number or "").strip():
        return "案号：必须填写"
    if find_case(complaint, case_number) is None:
        return f"案号：{complaint.unit.name}没有案号为“{case_number.strip()}”的行政处罚案件"
    return None


def reply_given(complaint, *, reply="", **_):
    return None if (reply or "").strip() else "答复：必须填写"


def escalation_valid(complaint, *, due=None, note="", on, **_):
    """督办 of a complaint, the one check every entry point (page, API, service) meets: once only, a due date that
    is a working day after the day of the act, and what is required."""
    if complaint.escalated_on:
        return f"已于{complaint.escalated_on:%Y-%m-%d}交办督办"
    problems = []
    if not isinstance(due, dt.date):
        problems.append("督办时限：须填写日期")
    elif due <= on:
        problems.append(f"督办时限：须晚于今天（{on:%Y-%m-%d}），收到{due:%Y-%m-%d}")
    elif not current_calendar().is_workday(due):
        problems.append(f"督办时限：须为工作日，{due:%Y-%m-%d}为休息日")
    note = (note or "").strip()
    if not note:
        problems.append("督办要求：必须填写")
    elif len(note) > ESCALATION_NOTE_LIMIT:
        problems.append(f"督办要求：不能超过{ESCALATION_NOTE_LIMIT}字")
    return problems


ESCALATION_NOTE_LIMIT = 1000


def bulletin_given(campaign, *, bulletin="", **_):
    return None if (bulletin or "").strip() else f"通报：必须填写（{rules.CASE_FILE_REVIEW.citation}）"


def dispute_valid(dispute, *, other_units=(), **_):
    problems = []
    if not dispute.matter.strip():
        problems.append(f"争议事项：必须填写（{rules.DISPUTE.citation}）")
    others = list(other_units)
    if not others:
        problems.append("争议相对单位：至少选择一个")
    elif any(u.pk == dispute.unit_id for u in others):
        problems.append("争议相对单位：不能是提请单位本身")
    return problems


def settlement_valid(dispute, *, decision="", comply_by=None, on, **_):
    problems = []
    if not (decision or "").strip():
        problems.append(f"协调意见或裁决：必须填写（{rules.DISPUTE.citation}）")
    if comply_by is None or comply_by <= on:
        problems.append("执行期限：须晚于今天")
    return problems


def inspection_valid(inspection, *, units=(), **_):
    problems = []
    if not inspection.name.strip():
        problems.append("名称：必须填写")
    if not inspection.subject.strip():
        problems.append("检查内容：必须填写")
    if not units:
        problems.append("被检查单位：至少选择一个")
    if inspection.period_start and inspection.period_end and inspection.period_start > inspection.period_end:
        problems.append("检查事项期间：起始日不能晚于截止日")
    return problems


def finding_valid(inspection, *, unit=None, text="", problem=False, rectify="", **_):
    problems = []
    if unit is None or not inspection.units.filter(pk=unit.pk).exists():
        problems.append("被检查单位：须是本次专项检查方案中的单位")
    if not (text or "").strip():
        problems.append("检查发现：必须填写")
    if rectify and not problem:
        problems.append("整改意见：只有发现问题的才送达整改通知")
    if problem and not (rectify or "").strip():
        problems.append(f"整改意见：发现问题的须写明整改意见，以整改通知送达（{rules.SUPERVISION_OPINION.citation}）")
    return problems


def every_unit_found(inspection, **_):
    missing = inspection.units.exclude(pk__in=inspection.findings.values("unit_id")).order_by("path")
    names = [u.name for u in missing]
    return f"尚未记录检查发现的单位：{'、'.join(names)}" if names else None


def typical_bulletin_given(inspection, *, bulletin="", **_):
    problems = []
    if not (bulletin or "").strip():
        problems.append("典型案件通报：必须填写")
    if not inspection.findings.filter(typical=True).exists():
        problems.append("典型案件通报：尚未标记典型案件")
    return problems
