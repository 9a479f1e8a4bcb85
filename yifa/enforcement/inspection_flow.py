"""行政检查 on the kit: two certified officers inspect (处罚法第四十二条第一款、第五十五条), the inspection is
written down (检查笔录, 第五十五条第二款), and it ends with what followed: nothing, an order to correct, a penalty
case, or a transfer of a suspected crime (the transfer flow)."""

from __future__ import annotations

from yifa.core.procedure import INPUT, NEW, ON, Flow, Transition, assign

from . import guards, rules, writes
from .flows import case_staff
from .models import InspectionOutcome
from .models import InspectionState as S


def written_up(record, *, record_reference="", finding="", outcome="", **_):
    problems = []
    if not (record_reference or "").strip():
        problems.append(f"检查笔录编号或存储位置：必须填写（{rules.INSPECTION_OFFICERS.citation}：检查应当制作笔录）")
    if not (finding or "").strip():
        problems.append("检查情况：必须填写")
    if outcome not in InspectionOutcome.values:
        problems.append("处理：须为" + "、".join(InspectionOutcome.labels) + "之一")
    return problems


INSPECTION_FLOW = Flow(
    name="inspection",
    states=S,
    event_unit=lambda record: record.unit,
    transitions=[
        Transition(
            "start",
            "登记行政检查",
            NEW,
            S.OPEN,
            who=case_staff,
            guards=(guards.officers_under(rules.INSPECTION_OFFICERS),),
            after=writes.set_certificates,
        ),
        Transition(
            "conclude",
            "办结检查",
            (S.OPEN,),
            S.CLOSED,
            who=case_staff,
            guards=(written_up,),
            apply=assign(
                record_reference=INPUT("record_reference"),
                finding=INPUT("finding"),
                outcome=INPUT("outcome"),
                closed_on=ON,
            ),
        ),
    ],
)
