"""The procedures: a request from intake to reply on its statutory clocks, and a catalogue item from
its forming to its publication."""

from __future__ import annotations

from yifa.core.procedure import INPUT, NEW, NOBODY, ON, Clock, Extend, Flow, Transition, assign
from yifa.lib.deadlines import zh_date

from . import rules
from .models import (
    NEEDS_REASON,
    SAME_DAY_CHANNELS,
    CatalogueState,
    Channel,
    ConsultKind,
    Outcome,
)
from .models import (
    RequestState as S,
)
from .redaction import redact
from .who import OFFICE_HEAD, STAFF

RECEIVED = Clock(rules.REPLY, start=lambda r, **_: r.received_on)
NOTICE_WINDOW = Clock(rules.CLARIFICATION_NOTICE, start=lambda r, **_: r.received_on)


def receipt_date_follows_channel(r, *, on, **_):
    """第三十一条: the day of receipt depends on how the request came in, and is never in the future."""
    problems = []
    if r.received_on is None:
        return f"收到申请日期：必须填写（{rules.RECEIPT.citation}）"
    if r.received_on > on:
        problems.append(f"收到申请日期{zh_date(r.received_on)}晚于今天，不能预先登记（{rules.RECEIPT.citation}）")
    if r.received_on < r.submitted_on:
        problems.append(
            f"收到申请日期{zh_date(r.received_on)}早于申请人提交日期{zh_date(r.submitted_on)}（{rules.RECEIPT.citation}）"
        )
    if r.channel in SAME_DAY_CHANNELS and r.received_on != r.submitted_on:
        problems.append(f"当面提交的申请以提交之日为收到申请之日（{rules.RECEIPT.citation}第一项）")
    return problems


def not_online(r, **_):
    if r.channel == Channel.ONLINE:
        return f"互联网提交的申请由申请人在门户提交，工作人员确认收到（{rules.RECEIPT.citation}第三项）"
    if r.channel == Channel.LEDGER:
        return "“台账导入”只用于导入历史台账，登记新申请须选择实际提交方式"
    return None


def confirm_date(r, *, received_on=None, on, **_):
    if received_on is None:
        return f"确认收到日期：必须填写（{rules.RECEIPT.citation}第三项：以双方确认之日为收到申请之日）"
    if received_on < r.submitted_on or received_on > on:
        return f"确认收到日期：须在申请人提交之日{zh_date(r.submitted_on)}至今天之间（{rules.RECEIPT.citation}）"
    return None


def clarification_period(r, *, clarification_due=None, clarification_items="", on, **_):
    problems = []
    if not (clarification_items or "").strip():
        problems.append(f"需要补正的事项：必须说明（{rules.CLARIFICATION_NOTICE.citation}）")
    if clarification_due is None or clarification_due <= on:
        problems.append(
            f"补正期限：须为通知之后的日期，给申请人合理的补正期限（{rules.CLARIFICATION_NOTICE.citation}）"
        )
    return problems


def supplement_date(r, *, on, **_):
    if r.clarification_notice_on and on < r.clarification_notice_on:
        return f"收到补正日期不能早于补正通知日期{zh_date(r.clarification_notice_on)}（{rules.CLARIFICATION.citation}）"
    return None


def clarification_lapsed(r, *, on, **_):
    if r.clarification_due and on <= r.clarification_due:
        return (
            f"补正期限至{zh_date(r.clarification_due)}届满，届满后申请人仍未补正的才视为放弃申请"
            f"（{rules.CLARIFICATION.citation}）"
        )
    return None


def reply_complete(r, *, outcome="", outcome_reason="", reply_text="", public_text="", **_):
    problems = []
    if outcome not in Outcome.values:
        return [f"办理结果：须为年度报告所列的办理结果之一（{rules.REPLY_KINDS.citation}）"]
    if outcome in NEEDS_REASON and not (outcome_reason or "").strip():
        cite = rules.SEPARABLE.citation if outcome == Outcome.PARTIAL else rules.REPLY_KINDS.citation
        problems.append(f"理由：“{Outcome(outcome).label}”须说明理由（{cite}）")
    if outcome == Outcome.NO_CORRECTION:
        problems.append(f"逾期不补正的申请以“视为放弃申请”办结（{rules.CLARIFICATION.citation}）")
    if not (reply_text or "").strip():
        problems.append("答复内容：必须填写（告知申请人的答复书正文）")
    return problems


def _received(r, *, received_on, **_):
    r.received_on = received_on


def _close_with_reply(r, *, outcome, outcome_reason="", refer_to="", reply_text="", public_text="", on, **_):
    r.outcome, r.outcome_reason, r.refer_to = outcome, outcome_reason.strip(), (refer_to or "").strip()
    r.reply_text = reply_text.strip()
    r.public_text = (public_text or "").strip() or redact(r.reply_text, names=[r.applicant_name])
    r.public_summary = redact(r.content, names=[r.applicant_name])
    r.replied_on = on


def _open_since(r, **_):
    return None if r.outcome else r.received_on


def _consult_rule(r):
    return rules.THIRD_PARTY if r.consult_kind == ConsultKind.THIRD_PARTY else rules.OTHER_ORGAN


FLOW = Flow(
    name="disclosure",
    states=S,
    transitions=[
        Transition("apply", "网上提交申请", NEW, S.SUBMITTED, who=NOBODY, public=True),
        Transition(
            "register",
            "登记申请",
            NEW,
            S.OPEN,
            who=STAFF,
            guards=(not_online, receipt_date_follows_channel),
            starts=(RECEIVED, NOTICE_WINDOW),
        ),
        Transition(
            "confirm",
            "确认收到申请",
            (S.SUBMITTED,),
            S.OPEN,
            who=STAFF,
            guards=(confirm_date,),
            apply=_received,
            starts=(RECEIVED, NOTICE_WINDOW),
        ),
        Transition(
            "request_clarification",
            "一次性告知补正",
            (S.OPEN,),
            S.CLARIFYING,
            who=STAFF,
            when=(lambda r: r.clarification_notice_on is None,),
            guards=(clarification_period,),
            apply=assign(
                clarification_items=INPUT("clarification_items"),
                clarification_due=INPUT("clarification_due"),
                clarification_notice_on=ON,
            ),
            stops=(rules.CLARIFICATION_NOTICE,),
            pauses=(rules.REPLY,),
            starts=(Clock(rules.CLARIFICATION, due=lambda r, **_: r.clarification_due),),
        ),
        Transition(
            "receive_supplement",
            "收到补正",
            (S.CLARIFYING,),
            S.OPEN,
            who=STAFF,
            guards=(supplement_date,),
            apply=assign(supplement_on=ON),
            stops=(rules.CLARIFICATION,),
            restarts=(rules.REPLY,),
        ),
        Transition(
            "abandon",
            "视为放弃申请（逾期不补正）",
            (S.CLARIFYING,),
            S.CLOSED,
            who=STAFF,
            guards=(clarification_lapsed,),
            apply=assign(outcome=Outcome.NO_CORRECTION, replied_on=ON),
            stops=(rules.CLARIFICATION,),
            cancels=(rules.REPLY,),
            confirm="申请人逾期未补正，视为放弃申请、不再处理，确定吗？",
        ),
        Transition(
            "consult",
            "书面征求意见",
            (S.OPEN,),
            S.CONSULTING,
            who=STAFF,
            guards=(lambda r, consulted="", **_: None if (consulted or "").strip() else "征求意见对象：必须填写",),
            apply=assign(consult_kind=INPUT("consult_kind"), consulted=INPUT("consulted")),
            pauses=(rules.REPLY,),
            starts=(_consult_rule,),
        ),
        Transition(
            "end_consultation",
            "收到意见或意见期限届满",
            (S.CONSULTING,),
            S.OPEN,
            who=STAFF,
            resumes=(rules.REPLY,),
            stops=(rules.THIRD_PARTY, rules.OTHER_ORGAN),
        ),
        Transition(
            "extend",
            "延长答复期限",
            (S.OPEN, S.CONSULTING),
            who=OFFICE_HEAD,
            when=(lambda r: r.extension_days == 0,),
            apply=assign(extension_days=INPUT("days")),
            extends=(Extend(rules.REPLY),),
            reason_required=True,
        ),
        Transition(
            "reply",
            "作出答复",
            (S.OPEN,),
            S.CLOSED,
            who=STAFF,
            guards=(reply_complete,),
            apply=_close_with_reply,
            stops=(rules.REPLY,),
            event_data=lambda r, **_: {"outcome": r.outcome},
        ),
        Transition(
            "confirm_redaction",
            "确认公开版（隐去个人信息）",
            (S.CLOSED,),
            who=STAFF,
            when=(lambda r: bool(r.reply_text) and not r.redaction_confirmed,),
            guards=(lambda r, public_text="", **_: None if (public_text or "").strip() else "公开版答复：必须填写",),
            apply=assign(public_text=INPUT("public_text"), redaction_confirmed=True),
        ),
        # A ledger's rows come in as 办理中 or 已办结 (the row's state); the open ones run on their reply clock.
        Transition("import", "导入台账", NEW, who=STAFF, starts=(Clock(rules.REPLY, start=_open_since),)),
    ],
)

CATALOGUE_FLOW = Flow(
    name="disclosure_catalogue",
    states=CatalogueState,
    transitions=[
        Transition(
            "record",
            "登记主动公开信息",
            NEW,
            CatalogueState.PENDING,
            who=STAFF,
            starts=(Clock(rules.PUBLICATION, start=lambda item, **_: item.formed_on),),
        ),
        Transition(
            "publish",
            "公开",
            (CatalogueState.PENDING,),
            CatalogueState.PUBLISHED,
            who=STAFF,
            apply=assign(published_on=ON),
            stops=(rules.PUBLICATION,),
        ),
    ],
)
