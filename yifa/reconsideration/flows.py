"""The reconsideration procedure: states, who may act, and every gate with its article.
Clocks depend on the law version and the procedure, so services start them (see ``periods``)."""

from __future__ import annotations

from yifa.core.flows import Flow, Transition, anyone_with, either, legal_office, own_unit
from yifa.core.models import Role
from yifa.lib.deadlines import zh_date

from . import periods
from .models import CaseState as S
from .models import Procedure
from .rules import (
    APPROVAL,
    COMMITTEE,
    CORRECTION,
    CORRECTION_EXTENSION,
    CORRECTION_EXTENSION_MAX_WORKDAYS,
    CORRECTION_NOTICE,
    HEAR_PARTIES,
    HEARING_REQUIRED,
    ON_TIME_POLICY,
    SIMPLIFIED,
    TO_NORMAL,
)


def office_head(user, case) -> bool:
    """复议机构负责人（第五十五条、第六十二条）或复议机关负责人（第六十一条）."""
    return user.is_superuser or user.has_role(Role.LEADER) or (user.in_legal_office and user.has_role(Role.HEAD))


handler = either(legal_office, anyone_with(Role.RECONSIDERATION))
respondent = own_unit(unit_attr="respondent_unit")


def correction_in_time(case, *, today, **_):
    due = periods.correction_notice_due(case)
    if today > due.due:
        rule = CORRECTION_NOTICE.on(case.received_on)
        return (
            f"补正通知应自收到申请之日起{rule.days}{rule.unit.label}内发出（{rule.citation}），"
            f"已于{zh_date(due.due)}届满"
        )
    return None


def correction_items_given(case, *, items="", **_):
    if not (items or "").strip():
        return f"补正通知应一次性载明需要补正的事项（{CORRECTION_NOTICE.on(case.received_on).citation}）"
    return None


def correction_lapsed(case, *, today, **_):
    if not case.correction_served_on:
        citation = CORRECTION.on(case.received_on).citation
        return f"尚未登记申请人收到补正通知的日期，补正期限未起算，不能视为放弃申请（{citation}）"
    due = periods.correction_due(case)
    if due is None or today <= due:
        return f"补正期限{'尚未届满' if due else '未确定'}，不能视为放弃申请"
    return None


def correction_service_recordable(case, *, served_on=None, today, **_):
    rule = CORRECTION.on(case.received_on)
    if case.correction_served_on:
        return (
            f"已登记申请人于{zh_date(case.correction_served_on)}收到补正通知，补正期限已自该日起算（{rule.citation}）"
        )
    if not served_on:
        return f"请填写申请人收到补正通知的日期（送达日，{rule.citation}：自收到补正通知之日起计算）"
    problems = []
    if case.correction_sent_on and served_on < case.correction_sent_on:
        problems.append(f"送达日不能早于补正通知发出日期{zh_date(case.correction_sent_on)}")
    if served_on > today:
        problems.append("送达日不能晚于登记当日")
    return problems


def correction_extendable(case, *, days=None, today, **_):
    rule = CORRECTION_EXTENSION
    if not case.correction_served_on:
        return f"补正期限尚未起算（未登记送达日），无需延长（{rule.citation}）"
    cap = CORRECTION_EXTENSION_MAX_WORKDAYS
    left = cap - case.correction_extension_days
    if not isinstance(days, int) or days < 1 or days > left:
        return (
            f"延长工作日数须为1至{left}：补正期限延长累计不超过{cap}个工作日"
            f"（{rule.citation}“合理的补正期限”，本市上限），已延长{case.correction_extension_days}个工作日"
        )
    return None


def within_review(case, *, today, **_):
    clock = periods.review_clock(case)
    if clock and clock.due and today > clock.due:
        return (
            f"受理审查期限已于{zh_date(clock.due)}届满，依法视为受理，不能再决定不予受理"
            f"（{periods.deemed_rule(case).citation}）"
        )
    return None


def review_lapsed(case, *, on, **_):
    clock = periods.review_clock(case)
    if clock is None or clock.due is None or on <= clock.due:
        return "受理审查期限尚未届满，不能视为受理"
    return None


def nobody(user, case) -> bool:
    return False


def application_admissible(case, **_):
    return periods.application_problems(case)


def simplified_allowed(case, *, procedure=None, simplified_basis="", **_):
    if procedure != Procedure.SIMPLIFIED:
        return None
    problems = []
    if case.law_year == 2017:
        problems.append("简易程序自2024年1月1日起施行，2017年法案件只能适用普通程序")
    if not simplified_basis:
        problems.append(f"适用简易程序须选择法定情形或当事人各方同意（{SIMPLIFIED.citation}）")
    return problems


def is_simplified(case, **_):
    return None if case.is_simplified else f"本案未适用简易程序，无需转换（{TO_NORMAL.citation}）"


def is_normal(case, **_):
    return "简易程序案件不能延长审理期限（第六十二条第二款）" if case.is_simplified else None


def ready_to_decide(case, *, today, **_):
    """Every condition a decision draft must meet, listed at once."""
    problems = []
    if not case.copy_sent_on:
        problems.append("尚未向被申请人发送申请书副本（第四十八条/第五十四条）")
    elif not case.reply_on and not case.copy_served_on:
        problems.append("尚未登记被申请人收到申请书副本的日期，答复期限未起算（第四十八条/第五十四条）")
    elif not case.reply_on and not periods.reply_lapsed(case, today):
        problems.append("被申请人答复期限未届满且尚未答复（第四十八条/第五十四条）")
    if not case.is_simplified and not case.hearings.filter(kind__in=["hear", "formal"]).exists():
        problems.append(
            f"普通程序应当听取当事人意见并记录在案，因当事人原因不能听取的记录书面审理（{HEAR_PARTIES.citation}）"
        )
    if case.is_major and not case.hearings.filter(kind="formal").exists():
        problems.append(f"重大、疑难、复杂案件应当组织听证（{HEARING_REQUIRED.citation}）")
    if case.needs_committee and not case.committee_opinions.exists():
        problems.append(f"本案应当提请行政复议委员会提出咨询意见（{COMMITTEE.citation}）")
    return problems


def decision_given(case, *, decision_type="", decision_text="", **_):
    problems = []
    if not decision_type:
        problems.append("请选择决定类型（第六十三条至第六十九条、第三十三条）")
    if not (decision_text or "").strip():
        problems.append("请填写决定内容")
    return problems


def overdue_justified(case, *, today, **_):
    clock = periods.decision_clock(case)
    if clock and clock.due and today > clock.due and not case.overdue_justification.strip():
        return f"审理期限已于{zh_date(clock.due)}届满，超期结案须先记录正当理由（{ON_TIME_POLICY}）"
    return None


def approval_mode_given(case, *, approval_mode="", **_):
    return None if approval_mode else f"请选择负责人同意或集体讨论通过（{APPROVAL.citation}）"


def mediation_given(case, *, mediation_text="", **_):
    return None if (mediation_text or "").strip() else "请填写调解协议内容（第七十三条）"


def suspension_ground_given(case, *, ground="", **_):
    return None if ground else "请选择中止情形（第三十九条第一款）"


def norm_reviews_done(case, **_):
    pending = case.norm_reviews.filter(concluded_on__isnull=True).count()
    if pending:
        return f"尚有{pending}件附带审查未处理完毕，中止的原因未消除，不能恢复审理（第三十九条第一款第九项、第二款）"
    return None


def termination_ground_allowed(case, *, ground="", today, **_):
    if not ground:
        return "请选择终止情形（第四十一条第一款）"
    if ground == "5":
        clock = periods.suspension_limit_clock(case)
        if clock is None or clock.due is None or today <= clock.due:
            return "只有因第三十九条第一款第一、二、四项中止满六十日、原因仍未消除的，才能依第四十一条第一款第五项终止"
    return None


FLOW = Flow(
    name="reconsideration",
    states=S,
    transitions=[
        Transition(
            "request_correction",
            "通知补正",
            (S.REVIEW,),
            S.CORRECTION,
            handler,
            "复议工作人员",
            guards=(correction_in_time, correction_items_given),
        ),
        Transition(
            "serve_correction",
            "登记补正通知送达日",
            (S.CORRECTION,),
            S.CORRECTION,
            handler,
            "复议工作人员",
            guards=(correction_service_recordable,),
        ),
        Transition(
            "extend_correction",
            "延长补正期限",
            (S.CORRECTION,),
            S.CORRECTION,
            handler,
            "复议工作人员",
            guards=(correction_extendable,),
            reason_required=True,
        ),
        Transition("receive_correction", "收到补正材料", (S.CORRECTION,), S.REVIEW, handler, "复议工作人员"),
        Transition(
            "abandon",
            "逾期未补正，视为放弃",
            (S.CORRECTION,),
            S.ABANDONED,
            handler,
            "复议工作人员",
            guards=(correction_lapsed,),
        ),
        Transition(
            "accept",
            "受理",
            (S.REVIEW,),
            S.ACCEPTED,
            handler,
            "复议工作人员",
            guards=(application_admissible, simplified_allowed),
        ),
        Transition(
            "deemed_accept",
            "视为受理",
            (S.REVIEW,),
            S.ACCEPTED,
            nobody,
            "系统（审查期限届满）",
            guards=(review_lapsed,),
            by_system=True,
        ),
        Transition(
            "not_accept",
            "不予受理",
            (S.REVIEW,),
            S.NOT_ACCEPTED,
            handler,
            "复议工作人员",
            guards=(within_review,),
            reason_required=True,
        ),
        Transition(
            "to_normal",
            "转为普通程序",
            (S.ACCEPTED,),
            S.ACCEPTED,
            office_head,
            "复议机构负责人",
            guards=(is_simplified,),
            reason_required=True,
        ),
        Transition(
            "extend",
            "延长审理期限",
            (S.ACCEPTED,),
            S.ACCEPTED,
            office_head,
            "复议机构负责人",
            guards=(is_normal,),
            reason_required=True,
        ),
        Transition(
            "suspend",
            "中止审理",
            (S.ACCEPTED,),
            S.SUSPENDED,
            handler,
            "复议工作人员",
            guards=(suspension_ground_given,),
        ),
        Transition(
            "resume", "恢复审理", (S.SUSPENDED,), S.ACCEPTED, handler, "复议工作人员", guards=(norm_reviews_done,)
        ),
        Transition(
            "terminate",
            "终止行政复议",
            (S.ACCEPTED, S.SUSPENDED),
            S.TERMINATED,
            handler,
            "复议工作人员",
            guards=(termination_ground_allowed,),
        ),
        Transition(
            "mediate",
            "调解结案",
            (S.ACCEPTED, S.SUSPENDED),
            S.MEDIATED,
            handler,
            "复议工作人员",
            guards=(mediation_given,),
        ),
        Transition(
            "propose",
            "提交决定审批",
            (S.ACCEPTED,),
            S.APPROVAL,
            handler,
            "复议工作人员",
            guards=(ready_to_decide, decision_given),
        ),
        Transition(
            "return_draft", "退回修改", (S.APPROVAL,), S.ACCEPTED, office_head, "复议机关负责人", reason_required=True
        ),
        Transition(
            "approve",
            "批准并作出决定",
            (S.APPROVAL,),
            S.DECIDED,
            office_head,
            "复议机关负责人",
            guards=(approval_mode_given, overdue_justified),
        ),
    ],
    clock_unit=lambda case, rule: case.office,
)
