"""移送涉嫌犯罪案件 on the kit (处罚法第二十七条第一款; 行政执法机关移送涉嫌犯罪案件的规定): the team's written report,
the head's decision within 3 days, the transfer within 24 hours with its 移送书, and the police's answer —
materials handed over within 3 days of a 立案 notice (第十二条), or 3 days to ask for reconsideration of a refusal
(第九条)."""

from __future__ import annotations

from yifa.core.procedure import INPUT, NEW, ON, Flow, Transition, assign

from . import guards, rules, writes
from .flows import case_head, case_staff
from .models import TransferState as S


def reported(transfer, **_):
    problems = []
    if not transfer.suspected_crime.strip():
        problems.append("涉嫌罪名：必须填写")
    if not transfer.report.strip():
        problems.append(f"书面报告：必须填写（{rules.TRANSFER_TEAM.citation}）")
    return problems


TRANSFER_FLOW = Flow(
    name="crime_transfer",
    states=S,
    event_unit=lambda transfer: transfer.unit,
    transitions=[
        Transition(
            "report",
            "提出移送涉嫌犯罪案件的书面报告",
            NEW,
            S.REPORTED,
            who=case_staff,
            guards=(reported,),
            starts=(rules.TRANSFER_APPROVAL,),
        ),
        Transition(
            "approve",
            "批准移送",
            (S.REPORTED,),
            S.APPROVED,
            who=case_head,
            apply=assign(decided_on=ON),
            stops=(rules.TRANSFER_APPROVAL,),
            starts=(rules.TRANSFER_SEND,),
        ),
        Transition(
            "refuse",
            "不批准移送（理由记录在案）",
            (S.REPORTED,),
            S.REFUSED,
            who=case_head,
            reason_required=True,
            apply=assign(decided_on=ON),
            stops=(rules.TRANSFER_APPROVAL,),
        ),
        Transition(
            "send",
            "向公安机关移送",
            (S.APPROVED,),
            S.SENT,
            who=case_staff,
            guards=(guards.recipient_given, guards.uploaded("letter", "涉嫌犯罪案件移送书", rules.TRANSFER_DUTY)),
            apply=assign(recipient=INPUT("recipient"), sent_on=ON),
            after=writes.upload_into("letter", "letter", "transfer:letter"),
            stops=(rules.TRANSFER_SEND,),
        ),
        Transition(
            "police_filed",
            "登记公安机关立案通知",
            (S.SENT,),
            S.ACCEPTED,
            who=case_staff,
            apply=assign(answered_on=ON),
            starts=(rules.TRANSFER_MATERIALS,),
        ),
        Transition(
            "hand_over",
            "移交涉案物品和材料",
            (S.ACCEPTED,),
            S.CLOSED,
            who=case_staff,
            apply=assign(handed_over_on=ON),
            stops=(rules.TRANSFER_MATERIALS,),
        ),
        Transition(
            "police_declined",
            "登记公安机关不予立案通知",
            (S.SENT,),
            S.DECLINED,
            who=case_staff,
            apply=assign(answered_on=ON),
            starts=(rules.TRANSFER_RECONSIDERATION,),
        ),
        Transition(
            "close",
            "办结（已提请复议或不再提请）",
            (S.DECLINED,),
            S.CLOSED,
            who=case_staff,
            reason_required=True,
            stops=(rules.TRANSFER_RECONSIDERATION,),
        ),
    ],
)
