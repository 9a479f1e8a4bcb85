"""Decisions built through the services, step by step, on real 2026 dates."""

import datetime as dt

from yifa.decisions import services
from yifa.decisions.models import Category

D = dt.date
DRAFT = (
    "第一条 为规范本市养老服务补贴发放，制定本办法。\n第二条 补贴标准为每人每月200元。\n第三条 本办法自公布之日起施行。"
)


def start(cast, **flags):
    return services.decision_start(
        by=cast["mayor"],
        title=flags.pop("title", "江临市养老服务补贴办法"),
        decision_body_unit=cast.city,
        lead=cast["民政局"],
        category=Category.PUBLIC_POLICY,
        ad_hoc_reason=flags.pop("reason", "年中新增事项"),
        on=D(2026, 3, 2),
        **flags,
    )


def drafted(cast, **flags):
    decision = start(cast, **flags)
    return services.decision_draft(
        by=cast["minzheng_liaison"],
        decision=decision,
        research="走访12个社区",
        legal_basis="《老年人权益保障法》",
        draft_text=DRAFT,
        options="方案一、方案二",
        cost_benefit="年支出约3000万元",
    )


def meeting(cast, **overrides):
    data = dict(
        kind="executive",
        held_on=D(2026, 5, 11),
        attendees="周市长、各副市长、秘书长",
        legal_head_attended=True,
        head_name="周市长",
        head_spoke_last=True,
        opinions=[
            {"speaker": "张副市长", "opinion": "同意", "stance": "agree"},
            {"speaker": "刘副市长", "opinion": "补贴标准偏低，建议提高", "stance": "disagree"},
            {"speaker": "秘书长", "opinion": "同意", "stance": "agree"},
        ],
        head_conclusion="原则通过，按意见修改后印发",
        outcome="adopt",
    )
    data.update(overrides)
    return data


def submitted(cast, decision):
    """Sent for legality review on Monday 27 April 2026, to be discussed on 11 May."""
    return services.review_submit(
        by=cast["minzheng_liaison"],
        decision=decision,
        planned_meeting_on=D(2026, 5, 11),
        procedure_note="已履行起草程序",
        on=D(2026, 4, 27),
    )


def reviewed(cast, decision):
    decision = submitted(cast, decision)
    return services.review_opinion(
        by=cast["reviewer"], decision=decision, opinion="lawful", text="经审查，决策草案合法", on=D(2026, 5, 8)
    )


def published(cast, decision):
    decision = services.decision_discuss(by=cast["mayor"], decision=decision, **meeting(cast))
    return services.decision_publish(
        by=cast["mayor"],
        decision=decision,
        decision_no="江政发〔2026〕8号",
        decision_text="自2026年6月1日起发放养老服务补贴。",
        executing_unit=cast["民政局"],
        party_reported_on=D(2026, 5, 13),
        on=D(2026, 5, 15),
    )


def act(name: str, version: int, **fields) -> dict:
    """A page action's POST data as its form names it: each field under the action's prefix, with the
    version of the record the user read."""
    return {f"{name}-{key}": value for key, value in {"version": version, **fields}.items()}


def evaluation_started(cast, decision, **overrides):
    """The decision body evaluates a decision in force on 1 September 2026, by itself unless told otherwise."""
    data = dict(trigger="necessary", performer="own", performer_name="市政府办公室", on=D(2026, 9, 1))
    return services.evaluation_start(by=cast["mayor"], decision=decision, **{**data, **overrides})


def rules_recorded(cast):
    """民政局 records the rules it adopted on 20 April 2026."""
    return services.decision_rules_record(
        by=cast["minzheng_head"],
        unit=cast["民政局"],
        title="民政局重大行政决策规则",
        document_no="江民发〔2026〕3号",
        adopted_on=D(2026, 4, 20),
    )
