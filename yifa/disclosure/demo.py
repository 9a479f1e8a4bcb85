"""The demo city's disclosure work, made through the services (dates relative to today): the 民政局's
guide and catalogue, requests at each stage (one late, one awaiting 补正, one answered with a confirmed
public copy), one portal application waiting to be confirmed, and a lawsuit over an earlier reply in the
register of table 四."""

import datetime as dt

from django.utils import timezone

from yifa.core.calendar import current_calendar

from . import challenges, registers, services
from .models import ApplicantKind, Channel

DAY = dt.timedelta(days=1)


def _workday_before(day, n):
    cal = current_calendar()
    while n:
        day -= DAY
        if cal.is_workday(day):
            n -= 1
    return day


def _register(cast, received_on, content, name="周九", kind=ApplicantKind.PERSON):
    return services.request_register(
        by=cast["minzheng_liaison"],
        unit=cast["民政局"],
        channel=Channel.COUNTER,
        submitted_on=received_on,
        received_on=received_on,
        applicant_kind=kind,
        applicant_name=name,
        applicant_id_number="330102198805061232" if kind == ApplicantKind.PERSON else "",
        applicant_phone="13900001111",
        content=content,
        on=received_on,
    )


def load(cast):
    today = timezone.localdate()
    staff, unit = cast["minzheng_liaison"], cast["民政局"]
    registers.save_guide(
        by=staff,
        unit=unit,
        guide=None,
        office="江临市民政局办公室",
        address="江临市人民路1号",
        hours="工作日 9:00—12:00，14:00—17:30",
        contact="0571-88880000",
        text="本机关主动公开的信息见本页目录。申请获取其他政府信息的，可以在本门户网上申请，或者以信件、当面提交。"
        "对答复不服的，可以依法申请行政复议或者提起行政诉讼。",
    )
    item = services.catalogue_record(
        by=staff, unit=unit, title="江临市最低生活保障标准", category="20_11", formed_on=today - 10 * DAY, on=today
    )
    services.catalogue_publish(item, by=staff, expected_version=item.version, on=today)
    services.catalogue_record(
        by=staff,
        unit=unit,
        title="养老服务补贴发放办法（修订）",
        category="20_11",
        formed_on=_workday_before(today, 18),
        on=today,
    )

    _register(cast, _workday_before(today, 25), "2025年本市养老机构名录及床位数")
    waiting = _register(
        cast, _workday_before(today, 4), "低保资金情况", name="江临某律师事务所", kind=ApplicantKind.LEGAL_SERVICE
    )
    services.request_act(
        waiting,
        "request_clarification",
        by=staff,
        expected_version=waiting.version,
        clarification_items="请写明所需信息的年份、区域和资金项目名称",
        clarification_due=today + 10 * DAY,
        on=_workday_before(today, 2),
    )
    done = _register(cast, _workday_before(today, 12), "2025年度社会救助资金发放总额")
    done = services.request_act(
        done,
        "reply",
        by=staff,
        expected_version=done.version,
        outcome="open",
        reply_text="周九：经查，2025年度本市社会救助资金发放总额为8,630万元。联系电话13900001111。",
        on=_workday_before(today, 1),
    )
    services.request_act(
        done, "confirm_redaction", by=staff, expected_version=done.version, public_text=done.public_text
    )
    services.request_apply(
        unit=unit,
        applicant_kind=ApplicantKind.PERSON,
        applicant_name="吴十",
        applicant_phone="13800002222",
        content="江临市2026年临时救助审批流程",
        submitted_on=today,
    )
    challenges.challenge_add(
        by=staff,
        unit=unit,
        kind="direct_suit",
        reference=f"（{today.year}）鲁0102行初18号",
        filed_on=today,
        result="pending",
        request_number=done.number,
        note="申请人对答复不服，直接向人民法院起诉",
        today=today,
    )
