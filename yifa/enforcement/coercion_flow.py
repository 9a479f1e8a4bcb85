"""行政强制 on the kit: a measure (查封、扣押 第二十五条; 冻结 第三十一、三十二条) runs its thirty days, once extendable
by the head, until a 处理决定; an execution is preceded by a written 催告 (第三十五条) whose period must lapse before
the organ decides (第三十七条) or, for the court, ten working days after its recorded service (第五十四条), within
three months after the periods for reconsideration and litigation lapse (第五十三条). A fine's
execution waits until 加处罚款 has run more than thirty days (第四十六条). 代履行 (第五十条至第五十二条): after the
催告 lapses, a decision naming the performer, time and budget is served, the party is urged again three working days
before, an officer supervises on site and the signed execution record closes it; or, for an obstruction that must
be cleared at once, it is done immediately and an absent party is told afterwards."""

from __future__ import annotations

from yifa.core.calendar import current_calendar
from yifa.core.procedure import INPUT, NEW, ON, Clock, Extend, Flow, Transition, assign
from yifa.lib import remedies
from yifa.lib.deadlines import WORKDAYS, earliest_after_notice, zh_date

from . import guards, rules, writes
from .flows import case_head, case_staff
from .models import MEASURES, CoercionKind, Disposal
from .models import CoercionState as S

URGED_KINDS = (CoercionKind.EXECUTION, CoercionKind.SUBSTITUTE)


def measure_rule(case):
    if case.kind == CoercionKind.FREEZE:
        return rules.FREEZE
    return rules.SEIZURE if case.kind in MEASURES else None


def _notice_start(case, *, on, **_):
    return on if case.kind == CoercionKind.FREEZE else None


def court_application_opens(case):
    """The day 第五十三条's “法定期限” lapses: the later of the reconsideration and litigation periods, both counted
    from the day the decision was served (the party knew of it). None until that day is recorded."""
    if case.decision_served_on is None:
        return None
    calendar = current_calendar()
    periods = (remedies.RECONSIDERATION.on(case.decision_served_on), remedies.LITIGATION_PERIOD)
    return max(rule.due(case.decision_served_on, calendar).due for rule in periods)


def _application_start(case, **_):
    return court_application_opens(case) if case.kind == CoercionKind.COURT else None


def _comply_due(case, **_):
    return case.comply_by if case.kind in URGED_KINDS else None


def is_measure(case, **_):
    return None if case.kind in MEASURES else "强制类别：实施强制措施须为查封、扣押或冻结"


def is_execution(case, *, comply_by=None, on, **_):
    if case.kind in MEASURES:
        return "强制类别：催告须为行政机关强制执行、代履行或申请人民法院强制执行"
    if case.kind in URGED_KINDS and (comply_by is None or comply_by <= on):
        return f"履行期限：催告书须载明晚于催告日的履行期限（{rules.URGE.citation}）"
    return None


def late_fine_ran(case, *, on, **_):
    """第四十六条第一款: the organ executes a fine itself only after 加处罚款 has run more than thirty days. An
    application to the court (第四十六条第三款, 第五十三条) does not wait for it."""
    penalty = case.penalty_case
    if penalty is None or not penalty.owes_fine or case.kind != CoercionKind.EXECUTION:
        return None
    if not penalty.late_fine_from:
        return f"罚款缴纳期限届满后须先告知并加处罚款（{rules.LATE_FINE.citation}；{rules.LATE_FINE_CAP.citation}）"
    ends = guards.late_fine_thirtieth_day(penalty)
    if on > ends:
        return None
    return (
        f"加处罚款自{zh_date(penalty.late_fine_from)}次日起算，至{zh_date(ends)}满三十日，"
        f"超过三十日方可催告并强制执行（{rules.LATE_FINE_ENFORCEMENT.citation}）"
    )


def not_extended(case, *, days=None, **_):
    rule = measure_rule(case)
    if case.extended:
        return f"期限已延长过一次，延长期限不得超过{rule.extension_days}日（{rule.citation}）"
    if not days or days > rule.extension_days:
        return f"延长天数：须为1至{rule.extension_days}日（{rule.citation}）"
    return None


def _urge_lapse_text(case, rule) -> str:
    return f"催告书载明的履行期限至{zh_date(case.comply_by)}，期满当事人仍不履行的方可{rule}"


def comply_period_lapsed(case, *, immediate_reason="", on, **_):
    if (immediate_reason or "").strip() or on > case.comply_by:
        return None
    return (
        _urge_lapse_text(case, "作出强制执行决定")
        + f"（{rules.EXECUTION_DECISION.citation}；有转移、隐匿财物迹象的，写明理由立即执行，"
        f"{rules.IMMEDIATE_EXECUTION.citation}）"
    )


def urge_lapsed_for_substitute(case, *, on, **_):
    if on > case.comply_by:
        return None
    return _urge_lapse_text(case, "代履行") + f"（{rules.SUBSTITUTE.citation}）"


def court_wait_lapsed(case, *, on, **_):
    """第五十四条: ten working days from the day the 催告书 was served, not from the day it was made."""
    if case.urge_served_on is None:
        return (
            "催告书送达日：尚未登记。催告书送达十日后当事人仍未履行的，方可申请人民法院强制执行"
            f"（{rules.COURT_URGE.citation}）"
        )
    due = rules.COURT_URGE.due(case.urge_served_on, current_calendar()).due
    if on > due:
        return None
    return (
        f"催告书于{zh_date(case.urge_served_on)}送达，送达十日（至{zh_date(due)}）后当事人仍未履行的，"
        f"方可申请人民法院强制执行（{rules.COURT_URGE.citation}）"
    )


def urge_service_recorded(case, *, served_on=None, decision_served_on=None, on, **_):
    cite = rules.COURT_URGE.citation
    problems = []
    if served_on is None:
        problems.append(f"催告书送达日：必须填写（{cite}）")
    elif not case.started_on <= served_on <= on:
        problems.append(f"催告书送达日：须在催告日{zh_date(case.started_on)}至今日之间（{cite}）")
    decision_served = decision_served_on or case.decision_served_on
    if decision_served is None:
        problems.append(f"行政决定送达日：必须填写，据以计算申请期限（{rules.COURT_APPLICATION.citation}）")
    elif decision_served > case.started_on:
        problems.append(f"行政决定送达日：不能晚于催告日{zh_date(case.started_on)}")
    return problems


def within_application_period(case, *, on, late_reason="", **_):
    """第五十三条: from the day after the reconsideration and litigation periods lapse, for three months; a later
    application goes only with a 正当理由 (最高人民法院解释第一百五十六条), which is recorded."""
    opens = court_application_opens(case)
    if opens is None:
        return f"行政决定送达日：尚未登记，无法计算申请期限（{rules.COURT_APPLICATION.citation}）"
    served = zh_date(case.decision_served_on)
    if on <= opens:
        return (
            f"行政决定于{served}送达，当事人申请行政复议（{remedies.RECONSIDERATION.on(case.decision_served_on).citation}）或者提起行政诉讼"
            f"（{remedies.LITIGATION_PERIOD.citation}）的期限至{zh_date(opens)}届满；期限届满后当事人仍不申请、不起诉又不履行的，"
            f"方可申请人民法院强制执行（{rules.COURT_APPLICATION.citation}）"
        )
    closes = rules.COURT_APPLICATION.due(opens, current_calendar()).due
    if on <= closes or (late_reason or "").strip():
        return None
    return (
        f"申请期限：自{zh_date(opens)}起三个月，已于{zh_date(closes)}届满（{rules.COURT_APPLICATION.citation}）；"
        f"逾期申请的，除有正当理由外，人民法院不予受理（{rules.COURT_APPLICATION_LATE.citation}），"
        "确有正当理由的，须写明逾期申请的正当理由"
    )


def number_given(case, *, decision_number="", **_):
    return None if (decision_number or "").strip() else "文号：必须填写"


def disposal_given(case, *, disposal="", **_):
    return None if disposal in Disposal.values else "处理决定：须为" + "、".join(Disposal.labels) + "之一"


def substitute_grounds(case, *, danger="", **_):
    if (danger or "").strip():
        return None
    return f"不履行的后果：须写明已经或者将危害交通安全、造成环境污染或者破坏自然资源（{rules.SUBSTITUTE.citation}）"


def substitute_decision_content(case, *, performer="", substitute_on=None, budget=None, on, **_):
    cite = rules.SUBSTITUTE_DECISION.citation
    problems = []
    if not (performer or "").strip():
        problems.append(f"代履行人：必须填写（{cite}）")
    if substitute_on is None or substitute_on <= on:
        problems.append(f"代履行时间：须晚于决定送达日（{cite}）")
    if budget is None or budget < 0:
        problems.append(f"费用预算：必须填写（{cite}）")
    return problems


def three_days_after_urging(case, *, substitute_on=None, on, **_):
    day = substitute_on
    earliest = earliest_after_notice(on, rules.SUBSTITUTE_URGE.days, WORKDAYS, current_calendar())
    if day is not None and day >= earliest:
        return None
    return (
        f"代履行时间：{zh_date(on)}催告的，代履行最早于{zh_date(earliest)}实施"
        f"（代履行三日前催告，{rules.SUBSTITUTE_URGE.citation}）"
    )


def substitute_day_reached(case, *, on, **_):
    problems = []
    if not case.substitute_urged_on:
        problems.append(f"代履行三日前须催告当事人履行（{rules.SUBSTITUTE_URGE.citation}）")
    elif on < case.substitute_on:
        problems.append(f"代履行定于{zh_date(case.substitute_on)}实施，尚未到期")
    return problems


def performed_on_site(case, *, supervisor="", cost=None, signed_record=None, **_):
    cite = rules.SUBSTITUTE_DONE.citation
    problems = []
    if not (supervisor or "").strip():
        problems.append(f"到场监督的工作人员：必须填写（{cite}）")
    if cost is None or cost < 0:
        problems.append(f"代履行费用：必须填写，由当事人承担（{cite}）")
    if not signed_record:
        problems.append(f"签名的执行文书：必须上传（{cite}）")
    return problems


def immediate_grounds(case, *, immediate_reason="", **_):
    if (immediate_reason or "").strip():
        return None
    return f"立即代履行的理由：须写明需立即清除的遗洒物、障碍物或者污染物（{rules.IMMEDIATE_SUBSTITUTE.citation}）"


def absent_party_told(case, **_):
    if case.party_absent and not case.party_notified_on:
        return f"当事人不在场的，应当在事后立即通知当事人（{rules.IMMEDIATE_SUBSTITUTE.citation}）"
    return None


COERCION_FLOW = Flow(
    name="coercion_case",
    states=S,
    event_unit=lambda case: case.unit,
    transitions=[
        Transition(
            "impose",
            "实施行政强制措施",
            NEW,
            S.IMPOSED,
            who=case_staff,
            guards=(is_measure, guards.officers_under(rules.COERCION_OFFICERS)),
            after=writes.set_certificates,
            starts=(measure_rule, Clock(rules.FREEZE_NOTICE, start=_notice_start)),
        ),
        Transition(
            "deliver_notice",
            "交付冻结决定书",
            (S.IMPOSED,),
            who=case_staff,
            when=(lambda c: c.kind == CoercionKind.FREEZE and not c.notice_delivered_on,),
            apply=assign(notice_delivered_on=ON),
            stops=(rules.FREEZE_NOTICE,),
        ),
        Transition(
            "extend",
            "延长查封、扣押或冻结期限",
            (S.IMPOSED,),
            who=case_head,
            reason_required=True,
            guards=(not_extended,),
            apply=assign(extended=True),
            extends=(Extend(measure_rule),),
            event_data=lambda c, *, days, **_: {"days": days},
        ),
        Transition(
            "dispose",
            "作出处理决定（解除、没收、销毁）",
            (S.IMPOSED,),
            S.DISPOSED,
            who=case_head,
            guards=(disposal_given,),
            apply=assign(disposal=INPUT("disposal"), disposed_on=ON),
            stops=(measure_rule,),
            cancels=(rules.FREEZE_NOTICE,),
        ),
        Transition(
            "urge",
            "书面催告当事人履行义务",
            NEW,
            S.URGED,
            who=case_staff,
            guards=(is_execution, late_fine_ran),
            apply=assign(comply_by=INPUT("comply_by")),
            starts=(Clock(rules.URGE, due=_comply_due),),
        ),
        Transition(
            "serve_urge",
            "登记催告书送达",
            (S.URGED,),
            who=case_staff,
            when=(lambda c: c.kind == CoercionKind.COURT and not c.urge_served_on,),
            guards=(urge_service_recorded,),
            apply=assign(
                urge_served_on=INPUT("served_on"),
                decision_served_on=lambda c, ctx: ctx.get("decision_served_on") or c.decision_served_on,
            ),
            cancels=(rules.COURT_URGE,),
            starts=(
                Clock(rules.COURT_URGE, start=lambda c, **_: c.urge_served_on),
                Clock(rules.COURT_APPLICATION, start=_application_start),
            ),
        ),
        Transition(
            "execute",
            "作出强制执行决定",
            (S.URGED,),
            S.EXECUTING,
            who=case_head,
            when=(lambda c: c.kind == CoercionKind.EXECUTION,),
            guards=(number_given, comply_period_lapsed),
            apply=assign(
                decision_number=INPUT("decision_number"), decided_on=ON, immediate_reason=INPUT("immediate_reason", "")
            ),
            stops=(rules.URGE,),
        ),
        Transition(
            "apply_court",
            "申请人民法院强制执行",
            (S.URGED,),
            S.APPLIED,
            who=case_head,
            when=(lambda c: c.kind == CoercionKind.COURT,),
            guards=(number_given, court_wait_lapsed, within_application_period),
            apply=assign(decision_number=INPUT("decision_number"), decided_on=ON, late_reason=INPUT("late_reason", "")),
            stops=(rules.COURT_URGE, rules.COURT_APPLICATION),
        ),
        Transition(
            "decide_substitute",
            "作出代履行决定并送达",
            (S.URGED,),
            S.SUBSTITUTING,
            who=case_head,
            when=(lambda c: c.kind == CoercionKind.SUBSTITUTE,),
            guards=(number_given, urge_lapsed_for_substitute, substitute_grounds, substitute_decision_content),
            apply=assign(
                decision_number=INPUT("decision_number"),
                decided_on=ON,
                danger=INPUT("danger"),
                performer=INPUT("performer"),
                substitute_on=INPUT("substitute_on"),
                budget=INPUT("budget"),
            ),
            stops=(rules.URGE,),
        ),
        Transition(
            "urge_substitute",
            "代履行前催告当事人履行",
            (S.SUBSTITUTING,),
            who=case_staff,
            when=(lambda c: not c.substitute_urged_on,),
            guards=(three_days_after_urging,),
            apply=assign(substitute_urged_on=ON, substitute_on=INPUT("substitute_on")),
        ),
        Transition(
            "perform_substitute",
            "代履行完毕（到场监督，执行文书签名）",
            (S.SUBSTITUTING,),
            S.PERFORMED,
            who=case_staff,
            guards=(substitute_day_reached, performed_on_site),
            apply=assign(performed_on=ON, supervisor=INPUT("supervisor"), cost=INPUT("cost")),
            after=writes.upload_into("signed_record", "signed_record", "coercion:substitute"),
        ),
        Transition(
            "substitute_now",
            "立即实施代履行",
            NEW,
            S.PERFORMED,
            who=case_staff,
            guards=(immediate_grounds, performed_on_site),
            apply=assign(
                immediate_reason=INPUT("immediate_reason"),
                performed_on=ON,
                supervisor=INPUT("supervisor"),
                cost=INPUT("cost"),
                party_absent=INPUT("party_absent", False),
            ),
            after=writes.upload_into("signed_record", "signed_record", "coercion:substitute"),
        ),
        Transition(
            "notify_party",
            "事后通知当事人",
            (S.PERFORMED,),
            who=case_staff,
            when=(lambda c: c.party_absent and not c.party_notified_on,),
            apply=assign(party_notified_on=ON),
        ),
        Transition(
            "complied",
            "当事人已履行义务",
            (S.URGED, S.SUBSTITUTING),
            S.CLOSED,
            who=case_staff,
            apply=assign(closed_on=ON),
            cancels=(rules.URGE, rules.COURT_URGE, rules.COURT_APPLICATION),
        ),
        Transition(
            "close",
            "结案",
            (S.DISPOSED, S.EXECUTING, S.APPLIED, S.PERFORMED),
            S.CLOSED,
            who=case_staff,
            guards=(absent_party_told,),
            apply=assign(closed_on=ON),
        ),
    ],
)
