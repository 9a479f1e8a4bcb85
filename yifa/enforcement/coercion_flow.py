"""行政强制 on the kit: a measure (查封、扣押 第二十五条; 冻结 第三十一、三十二条) runs its thirty days, once extendable
by the head, until a 处理决定; an execution is preceded by a written 催告 (第三十五条) whose period must lapse before
the organ decides (第三十七条) or, for the court, ten working days after it was served (第五十四条)."""

from __future__ import annotations

from yifa.core.calendar import current_calendar
from yifa.core.procedure import INPUT, NEW, ON, Clock, Extend, Flow, Transition, assign
from yifa.lib.deadlines import zh_date

from . import guards, rules
from .flows import case_head, case_staff
from .models import MEASURES, CoercionKind, Disposal
from .models import CoercionState as S


def measure_rule(case):
    if case.kind == CoercionKind.FREEZE:
        return rules.FREEZE
    return rules.SEIZURE if case.kind in MEASURES else None


def _notice_start(case, *, on, **_):
    return on if case.kind == CoercionKind.FREEZE else None


def _court_start(case, *, on, **_):
    return on if case.kind == CoercionKind.COURT else None


def _comply_due(case, **_):
    return case.comply_by if case.kind == CoercionKind.EXECUTION else None


def is_measure(case, **_):
    return None if case.kind in MEASURES else "强制类别：实施强制措施须为查封、扣押或冻结"


def is_execution(case, *, comply_by=None, on, **_):
    if case.kind in MEASURES:
        return "强制类别：催告须为行政机关强制执行或申请人民法院强制执行"
    if case.kind == CoercionKind.EXECUTION and (comply_by is None or comply_by <= on):
        return f"履行期限：催告书须载明晚于催告日的履行期限（{rules.URGE.citation}）"
    return None


def measure_officers(case, *, certificates=None, on, **_):
    return guards.certified(case, certificates or [], on, rules.COERCION_OFFICERS)


def not_extended(case, *, days=None, **_):
    rule = measure_rule(case)
    if case.extended:
        return f"期限已延长过一次，延长期限不得超过{rule.extension_days}日（{rule.citation}）"
    if not days or days > rule.extension_days:
        return f"延长天数：须为1至{rule.extension_days}日（{rule.citation}）"
    return None


def comply_period_lapsed(case, *, immediate_reason="", on, **_):
    if (immediate_reason or "").strip() or on > case.comply_by:
        return None
    return (
        f"催告书载明的履行期限至{zh_date(case.comply_by)}，期满当事人仍不履行的方可作出强制执行决定"
        f"（{rules.EXECUTION_DECISION.citation}；有转移、隐匿财物迹象的，写明理由立即执行，{rules.IMMEDIATE_EXECUTION.citation}）"
    )


def court_wait_lapsed(case, *, on, **_):
    due = rules.COURT_URGE.due(case.started_on, current_calendar()).due
    if on > due:
        return None
    return (
        f"催告书送达十日（至{zh_date(due)}）后当事人仍未履行的，方可申请人民法院强制执行（{rules.COURT_URGE.citation}）"
    )


def number_given(case, *, decision_number="", **_):
    return None if (decision_number or "").strip() else "文号：必须填写"


def disposal_given(case, *, disposal="", **_):
    return None if disposal in Disposal.values else "处理决定：须为" + "、".join(Disposal.labels) + "之一"


def _set_officers(case, *, certificates=(), **_):
    case.certificates.set(certificates)


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
            guards=(is_measure, measure_officers),
            after=_set_officers,
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
            guards=(is_execution,),
            apply=assign(comply_by=INPUT("comply_by")),
            starts=(Clock(rules.URGE, due=_comply_due), Clock(rules.COURT_URGE, start=_court_start)),
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
            guards=(number_given, court_wait_lapsed),
            apply=assign(decision_number=INPUT("decision_number"), decided_on=ON),
            stops=(rules.COURT_URGE,),
        ),
        Transition(
            "complied",
            "当事人已履行义务",
            (S.URGED,),
            S.CLOSED,
            who=case_staff,
            apply=assign(closed_on=ON),
            cancels=(rules.URGE, rules.COURT_URGE),
        ),
        Transition(
            "close",
            "结案",
            (S.DISPOSED, S.EXECUTING, S.APPLIED),
            S.CLOSED,
            who=case_staff,
            apply=assign(closed_on=ON),
        ),
    ],
)
