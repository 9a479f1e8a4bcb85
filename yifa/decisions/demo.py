"""The demo city's decisions, made through the services: a published catalogue, a draft out for
comment, a hearing notice, one awaiting legality review and one published and under way."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from . import services
from .models import Category

DRAFT = (
    "第一条 为提升城区停车资源利用效率，制定本方案。\n"
    "第二条 中心城区道路停车泊位白天每小时收费4元，夜间每小时1元。\n"
    "第三条 新能源汽车首小时免费。\n"
    "第四条 本方案自公布之日起施行。"
)
ELDERLY = (
    "第一条 为规范本市养老服务补贴发放，制定本办法。\n"
    "第二条 八十周岁以上老年人补贴标准为每人每月200元。\n"
    "第三条 补贴按季度发放至本人社会保障卡。"
)


def load(cast):
    today = timezone.localdate()
    mayor, liaison = cast["mayor"], cast["minzheng_liaison"]
    traffic = cast["交通运输局"]
    catalogue = services.catalogue_create(by=mayor, unit=cast.city, year=today.year)
    parking = services.catalogue_item_add(
        by=mayor,
        catalogue=catalogue,
        title="中心城区停车收费标准调整",
        category=Category.PUBLIC_POLICY,
        lead_unit=traffic,
        public_interest=True,
        technical=True,
        hearing_required=True,
        hearing_basis="《中华人民共和国价格法》第二十三条",
        planned="第四季度",
    )
    elderly = services.catalogue_item_add(
        by=mayor,
        catalogue=catalogue,
        title="江临市养老服务补贴办法",
        category=Category.PUBLIC_POLICY,
        lead_unit=cast["民政局"],
        public_interest=True,
        planned="上半年",
    )
    services.catalogue_publish(
        by=mayor, catalogue=catalogue, party_consent_on=dt.date(today.year, 1, 10), on=dt.date(today.year, 1, 15)
    )
    for name, key in (("民政局", "minzheng_head"), ("交通运输局", "jiaotong_head")):
        services.decision_rules_record(
            by=cast[key],
            unit=cast[name],
            title=f"{cast[name].name}重大行政决策规则",
            document_no="",
            adopted_on=dt.date(today.year, 4, 20),
        )

    draft = services.decision_start(
        by=mayor,
        title="",
        decision_body_unit=cast.city,
        lead=traffic,
        catalogue_item=parking,
        on=today - dt.timedelta(days=12),
    )
    draft = services.decision_draft(
        by=cast["jiaotong_liaison"],
        decision=draft,
        research="调查12个片区停车供需",
        legal_basis="《价格法》《江临市机动车停车条例》",
        draft_text=DRAFT,
        draft_explanation="按照“中心高于外围、白天高于夜间”原则拟定。",
    )
    services.comment_window_open(
        by=cast["jiaotong_liaison"],
        decision=draft,
        opens=today - dt.timedelta(days=10),
        closes=today + dt.timedelta(days=25),
    )
    services.comment_submit(
        decision=draft,
        paragraph=2,
        body="夜间收费应当免费，方便居民停车",
        anonymous=True,
        on=today - dt.timedelta(days=3),
    )
    services.hearing_schedule(
        by=cast["jiaotong_liaison"],
        decision=draft,
        hearing_on=today + dt.timedelta(days=30),
        place="江临市民中心三楼听证厅",
        selection_method="公开报名，按车主、商户、居民三方分组抽签",
        signup_closes=today + dt.timedelta(days=20),
    )

    published = services.decision_start(
        by=mayor,
        title="",
        decision_body_unit=cast.city,
        lead=cast["民政局"],
        catalogue_item=elderly,
        on=today - dt.timedelta(days=200),
    )
    published = services.decision_draft(
        by=liaison,
        decision=published,
        research="走访12个社区、发放问卷3000份",
        legal_basis="《老年人权益保障法》",
        draft_text=ELDERLY,
    )
    opens = today - dt.timedelta(days=190)
    services.comment_window_open(by=liaison, decision=published, opens=opens, closes=opens + dt.timedelta(days=35))
    comment = services.comment_submit(
        decision=published, paragraph=2, body="建议提高到每月300元", name="张小明", on=opens + dt.timedelta(days=5)
    )
    services.comment_answer(
        by=liaison,
        comment=comment,
        response="partly",
        reason="综合财力提高至每月250元",
        on=opens + dt.timedelta(days=36),
    )
    services.comment_summary_generate(by=liaison, decision=published, on=opens + dt.timedelta(days=36))
    services.risk_assess(
        by=liaison,
        decision=published,
        assessor="江临市民政局",
        level="low",
        risk_points="发放不及时引发投诉",
        measures="按季度提前拨付",
        contingency="设立咨询热线",
        controllable=True,
        on=opens + dt.timedelta(days=36),
    )
    submitted = opens + dt.timedelta(days=40)
    published = services.review_submit(
        by=liaison,
        decision=published,
        planned_meeting_on=submitted + dt.timedelta(days=25),
        procedure_note="已履行公众参与、风险评估程序",
        on=submitted,
    )
    published = services.review_opinion(
        by=cast["reviewer"],
        decision=published,
        opinion="lawful",
        text="决策事项符合法定权限，程序完备，内容合法",
        on=submitted + dt.timedelta(days=12),
    )
    published = services.decision_discuss(
        by=mayor,
        decision=published,
        kind="executive",
        held_on=submitted + dt.timedelta(days=25),
        attendees="周市长、各副市长、秘书长",
        legal_head_attended=True,
        head_name="周市长",
        head_spoke_last=True,
        opinions=[
            {"speaker": "张副市长", "opinion": "同意", "stance": "agree"},
            {"speaker": "刘副市长", "opinion": "建议再提高标准", "stance": "disagree"},
        ],
        head_conclusion="原则通过，补贴标准定为每月250元",
        outcome="adopt",
    )
    published = services.decision_publish(
        by=mayor,
        decision=published,
        decision_no=f"江政发〔{today.year}〕8号",
        decision_text="八十周岁以上老年人养老服务补贴每人每月250元，按季度发放。",
        executing_unit=cast["民政局"],
        party_reported_on=submitted + dt.timedelta(days=27),
        on=submitted + dt.timedelta(days=30),
    )
    services.feedback_file(
        by=liaison,
        decision=published,
        status="on_track",
        progress=60,
        milestones="已发放两个季度",
        on=today - dt.timedelta(days=20),
    )

    pending = services.decision_start(
        by=cast["minzheng_head"],
        title="社区养老服务设施布局规划",
        decision_body_unit=cast.city,
        lead=cast["民政局"],
        category=Category.PLAN,
        ad_hoc_reason="市政府常务会议交办",
        on=today - dt.timedelta(days=60),
    )
    services.decision_draft(
        by=liaison,
        decision=pending,
        research="普查现有设施",
        legal_basis="《城乡规划法》",
        draft_text="第一条 每个街道至少建设一处综合养老服务中心。",
    )
    services.review_submit(
        by=liaison,
        decision=pending,
        planned_meeting_on=today + dt.timedelta(days=21),
        procedure_note="已履行起草程序",
        on=today,
    )
