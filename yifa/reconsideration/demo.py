"""The demo city's reconsideration docket, made through the services (dates relative to today)."""

import datetime as dt

from django.utils import timezone

from . import committee, services
from .models import ActType, Channel

DAY = dt.timedelta(days=1)


def _apply(cast, received_on, name, unit, act, act_type=ActType.PENALTY, **extra):
    return services.case_receive(
        by=cast["fuyi"],
        channel=extra.pop("channel", Channel.COUNTER),
        received_on=received_on,
        parties=[
            {
                "name": name,
                "id_number": "330102198805061232",
                "phone": "13900001111",
                "address": "江临市东山街道和平路8号",
            }
        ],
        respondent_unit=cast.units[unit],
        act_title=act,
        act_type=act_type,
        act_date=received_on - 30 * DAY,
        known_on=received_on - 20 * DAY,
        requests="请求撤销该行政行为",
        facts_reasons="行政机关认定事实不清，适用依据错误。",
        **extra,
    )


def load(cast):
    today = timezone.localdate()
    fuyi = cast["fuyi"]
    member = committee.member_add(
        by=fuyi,
        name="陈教授",
        kind="scholar",
        affiliation="江临大学法学院",
        term_start=today - 400 * DAY,
        term_end=today + 700 * DAY,
    )
    committee.member_add(
        by=fuyi,
        name="刘处长",
        kind="department",
        affiliation="江临市自然资源局",
        term_start=today - 400 * DAY,
        term_end=today + 700 * DAY,
    )
    _apply(cast, today - 2 * DAY, "王五", "市场监管局", "江市监罚〔2026〕88号行政处罚决定", channel=Channel.ONLINE)
    reviewing = _apply(cast, today - 6 * DAY, "李四", "民政局", "江民〔2026〕5号不予登记决定", ActType.CONFIRMATION)
    services.case_request_correction(
        case=reviewing, by=fuyi, items="请补充不予登记决定书复印件", on=today - 5 * DAY, served_on=today - 5 * DAY
    )
    running = _apply(
        cast, today - 40 * DAY, "江临某建材有限公司", "生态环境局", "江环罚〔2026〕17号行政处罚决定", is_technical=True
    )
    running = services.case_accept(case=running, by=fuyi, on=today - 38 * DAY, is_technical=True)
    services.case_send_copy(case=running, by=fuyi, on=today - 37 * DAY)
    late = _apply(
        cast,
        today - 75 * DAY,
        "赵六",
        "自然资源局",
        "江自然资源字〔2026〕9号责令限期拆除决定",
        ActType.COERCION,
        real_estate=True,
    )
    late = services.case_accept(case=late, by=fuyi, on=today - 74 * DAY)
    services.case_send_copy(case=late, by=fuyi, on=today - 73 * DAY)
    done = _apply(cast, today - 50 * DAY, "孙七", "交通运输局", "江交罚〔2026〕3号行政处罚决定", amount=2000)
    done = services.case_accept(
        case=done, by=fuyi, on=today - 49 * DAY, procedure="simplified", simplified_basis="small_amount"
    )
    done = services.case_send_copy(case=done, by=fuyi, on=today - 48 * DAY)
    done = services.case_reply(
        case=done, by=cast["jiaotong_liaison"], text="处罚事实清楚、程序合法。", on=today - 45 * DAY
    )
    done = services.case_propose(
        findings="被申请人于作出行政行为前已告知申请人陈述申辩权利",
        case=done,
        by=fuyi,
        decision_type="revoke",
        decision_text="被申请人未听取孙七的陈述和申辩，违反法定程序。",
        on=today - 30 * DAY,
    )
    done = services.case_approve(case=done, by=cast["mayor"], on=today - 29 * DAY)
    services.case_publish(case=done, by=fuyi, on=today - 28 * DAY)
    committee.meeting_hold(
        by=fuyi,
        held_on=today - 10 * DAY,
        title="行政复议委员会案件咨询会",
        members=[member],
        opinions={running.pk: "建议委托第三方检测机构复核监测数据。"},
    )
