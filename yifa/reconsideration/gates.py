"""The conditions the law sets on each act of a case. A guard returns None, a message or a list of
messages, each citing the rule that governs this case (the law version, the procedure)."""

from __future__ import annotations

from yifa.lib.deadlines import zh_date

from . import periods
from . import rules as R
from . import who as who_module
from .models import Channel, DecisionType, HearingKind, Procedure, TerminationGround
from .who import STAFF


def intake_by_staff(case, *, by=None, **_):
    if case.channel == Channel.ONLINE or STAFF(by, case):
        return None
    return f"只有{STAFF.label}可以登记邮寄、当面或口头申请"


def correction_in_time(case, *, on, **_):
    due = periods.correction_notice_due(case)
    if on > due.due:
        rule = R.CORRECTION_NOTICE.on(case.received_on)
        return (
            f"补正通知应自收到申请之日起{rule.days}{rule.unit.label}内发出（{rule.citation}），"
            f"已于{zh_date(due.due)}届满"
        )
    return None


def correction_items_given(case, *, items="", **_):
    if not (items or "").strip():
        return f"补正通知应一次性载明需要补正的事项（{R.CORRECTION_NOTICE.on(case.received_on).citation}）"
    return None


def correction_lapsed(case, *, on, **_):
    if not case.correction_served_on:
        citation = periods.correction_rule(case).citation
        return f"尚未登记申请人收到补正通知的日期，补正期限未起算，不能视为放弃申请（{citation}）"
    due = periods.correction_due(case)
    if due is None or on <= due:
        return f"补正期限{'尚未届满' if due else '未确定'}，不能视为放弃申请"
    return None


def correction_service_recordable(case, *, served_on=None, on, **_):
    rule = periods.correction_rule(case)
    if case.correction_served_on:
        return (
            f"已登记申请人于{zh_date(case.correction_served_on)}收到补正通知，补正期限已自该日起算（{rule.citation}）"
        )
    if not served_on:
        return f"请填写申请人收到补正通知的日期（送达日，{rule.citation}：自收到补正通知之日起计算）"
    problems = []
    if case.correction_sent_on and served_on < case.correction_sent_on:
        problems.append(f"送达日不能早于补正通知发出日期{zh_date(case.correction_sent_on)}")
    if served_on > on:
        problems.append("送达日不能晚于登记当日")
    return problems


def correction_extendable(case, *, days=None, **_):
    rule = R.CORRECTION_EXTENSION
    if not case.correction_served_on:
        return f"补正期限尚未起算（未登记送达日），无需延长（{rule.citation}）"
    cap = R.CORRECTION_EXTENSION_MAX_WORKDAYS
    left = cap - case.correction_extension_days
    if not isinstance(days, int) or days < 1 or days > left:
        return (
            f"延长工作日数须为1至{left}：补正期限延长累计不超过{cap}个工作日"
            f"（{rule.citation}“合理的补正期限”，本市上限），已延长{case.correction_extension_days}个工作日"
        )
    return None


def within_review(case, *, on, **_):
    clock = periods.review_clock(case)
    if clock and clock.due and on > clock.due:
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


def application_admissible(case, *, delay_grounds=None, **_):
    """The grounds for a late application may be recorded with the acceptance itself."""
    return periods.application_problems(case, delay_grounds=delay_grounds)


def simplified_allowed(case, *, procedure=None, simplified_basis="", **_):
    if procedure != Procedure.SIMPLIFIED:
        return None
    problems = []
    if case.law_year == 2017:
        problems.append(
            f"简易程序自{R.SIMPLIFIED.law.effective.year}年1月1日起施行（{R.SIMPLIFIED.citation}），"
            "2017年法案件只能适用普通程序"
        )
    if not simplified_basis:
        problems.append(f"适用简易程序须选择法定情形或当事人各方同意（{R.SIMPLIFIED.citation}）")
    return problems


def is_simplified(case, **_):
    return None if case.is_simplified else f"本案未适用简易程序，无需转换（{R.TO_NORMAL.citation}）"


def is_normal(case, **_):
    return f"简易程序案件不能延长审理期限（{R.DECISION_SIMPLE.citation}）" if case.is_simplified else None


def ready_to_decide(case, *, on, **_):
    """Every condition a decision draft must meet, listed at once."""
    problems = []
    copy, reply = periods.copy_rule(case).citation, periods.reply_rule(case).citation
    if not case.copy_sent_on:
        problems.append(f"尚未向被申请人发送申请书副本（{copy}）")
    elif not case.reply_on and not case.copy_served_on:
        problems.append(f"尚未登记被申请人收到申请书副本的日期，答复期限未起算（{reply}）")
    elif not case.reply_on and not periods.reply_lapsed(case, on):
        problems.append(f"被申请人答复期限未届满且尚未答复（{reply}）")
    if not case.is_simplified and not case.hearings.filter(kind__in=[HearingKind.HEAR, HearingKind.FORMAL]).exists():
        problems.append(
            f"普通程序应当听取当事人意见并记录在案，因当事人原因不能听取的记录书面审理（{R.HEAR_PARTIES.citation}）"
        )
    if case.is_major and not case.hearings.filter(kind=HearingKind.FORMAL).exists():
        problems.append(f"重大、疑难、复杂案件应当组织听证（{R.HEARING_REQUIRED.citation}）")
    if case.needs_committee and not case.committee_opinions.exists():
        problems.append(f"本案应当提请行政复议委员会提出咨询意见（{R.COMMITTEE.citation}）")
    return problems


def decision_given(case, *, decision_type="", decision_text="", findings="", **_):
    problems = []
    if decision_type not in DecisionType.values:
        problems.append("请选择决定类型（第六十三条至第六十九条、第三十三条）")
    if not (findings or "").strip():
        problems.append(f"经审理查明的事实：须填写，决定书据此载明“经审理查明”（{R.FINDINGS.citation}）")
    if not (decision_text or "").strip():
        problems.append("请填写决定内容")
    return problems


def overdue_justified(case, *, on, **_):
    clock = periods.decision_clock(case)
    if clock and clock.due and on > clock.due and not case.overdue_justification.strip():
        return f"审理期限已于{zh_date(clock.due)}届满，超期结案须先记录正当理由（{R.ON_TIME_POLICY}）"
    return None


def meeting_recorded(case, *, on, meeting="", meeting_on=None, meeting_record="", **_):
    """集体讨论通过的决定须有会议记录（第六十一条第一款；2017年法第二十八条第一款）。"""
    citation = R.APPROVAL.on(on).citation
    problems = []
    if not (meeting or "").strip():
        problems.append(f"会议名称：集体讨论通过须写明会议（{citation}）")
    if not meeting_on:
        problems.append(f"会议日期：须填写（{citation}）")
    elif meeting_on > on:
        problems.append("会议日期：不能晚于作出决定之日")
    if not (meeting_record or "").strip():
        problems.append(f"会议记录：须载明讨论意见和结论（{citation}）")
    return problems


def extension_approver(case, *, by=None, on, **_):
    """批准人依批准之日施行的法律：2024年1月1日起为复议机构负责人，此前为复议机关负责人。"""
    rule = R.EXTENSION_APPROVAL.on(on)
    who = who_module.ORGAN_HEAD if rule is R.EXTENSION_APPROVAL_2017 else who_module.OFFICE_HEAD
    if by is None or who(by, case):
        return None
    return f"{rule.title}（{rule.citation}），您不是{who.label}"


def mediation_given(case, *, mediation_text="", **_):
    return None if (mediation_text or "").strip() else f"请填写调解协议内容（{R.MEDIATION.citation}）"


def suspension_ground_given(case, *, ground="", **_):
    return None if ground else f"请选择中止情形（{R.SUSPENSION.citation}）"


def norm_reviews_done(case, **_):
    pending = case.norm_reviews.filter(concluded_on__isnull=True).count()
    if pending:
        return f"尚有{pending}件附带审查未处理完毕，中止的原因未消除，不能恢复审理（{R.NORM_REVIEW_SUSPENDS.citation}）"
    return None


def termination_ground_allowed(case, *, ground="", on, **_):
    if not ground:
        return f"请选择终止情形（{R.TERMINATION.citation}）"
    if ground == TerminationGround.SUSPENDED_60:
        clock = periods.suspension_limit_clock(case)
        if clock is None or clock.due is None or on <= clock.due:
            return f"{R.SUSPENSION_LIMIT.title}（{R.SUSPENSION_LIMIT.citation}），本案不属此情形或尚未届满"
    return None


def excluded_time_valid(case, *, kind="", first=None, last=None, on, **_):
    """实施条例第三十四条第三款、第三十七条：只扣除受理后、登记日前已经发生的勘验、鉴定期间。"""
    rule = {"inspection": R.INSPECTION_TIME, "appraisal": R.APPRAISAL_TIME}.get(kind)
    if rule is None:
        return "事项：请选择现场勘验或鉴定"
    problems = []
    if not first or not last:
        return f"起止日期：须填写（{rule.citation}）"
    if last < first:
        problems.append("结束日期不能早于开始日期")
    if case.accepted_on and first <= case.accepted_on:
        problems.append(f"开始日期须在受理之日{zh_date(case.accepted_on)}之后")
    if last > on:
        problems.append("结束日期不能晚于登记当日（登记已经用去的时间）")
    if periods.decision_clock(case) is None:
        problems.append("审理期限未在计时（中止期间已不计入）")
    return problems


def stay_ground_given(case, *, ground="", **_):
    return None if ground else f"停止执行情形：请选择（{R.STAY.citation}）"


def performance_order_given(case, *, due_on=None, matters="", on, **_):
    problems = []
    if not (matters or "").strip():
        problems.append(f"履行事项：须写明被申请人应当履行的内容（{R.ENFORCE.citation}）")
    if not due_on or due_on <= on:
        problems.append(f"履行期限：须晚于今日（{R.ENFORCE.citation}：责令其限期履行）")
    return problems
