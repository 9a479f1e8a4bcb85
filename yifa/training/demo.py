"""The demo city's training and law study, through the services: the market bureau's officer short of his
hours (so his certificate renewal is refused), the civil affairs bureau with one study session this year
(warned in the fourth quarter), the market bureau with two."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from . import services
from .models import CourseKind, StudyKind


def load(cast):
    today = timezone.localdate()
    year, last = today.year, today.year - 1
    market = [cast["shijian_officer"], cast["shijian_head"], cast["shijian_liaison"]]
    services.course_record(
        by=cast["reviewer"],
        unit=cast.legal_office,
        topic="全市行政执法人员公共法律知识培训",
        teacher="江临大学法学院陈教授",
        held_on=dt.date(last, 5, 12),
        hours=Decimal(24),
        materials="《中华人民共和国行政处罚法》释义；执法文书范本",
        exam=True,
        attendees=[*market, cast["minzheng_liaison"], cast["minzheng_head"]],
    )
    services.course_record(
        by=cast["shijian_liaison"],
        unit=cast["市场监管局"],
        topic="市场监管行政处罚裁量基准解读",
        teacher="市场监管局法规科",
        held_on=dt.date(last, 9, 20),
        hours=Decimal(16),
        kind=CourseKind.ORGANISED,
        attendees=market,
    )
    services.course_record(
        by=cast["minzheng_liaison"],
        unit=cast["民政局"],
        topic="社会救助审核确认办法专题培训",
        teacher="省民政厅讲师",
        held_on=dt.date(last, 11, 3),
        hours=Decimal(20),
        kind=CourseKind.EXTERNAL,
        attendees=[cast["minzheng_liaison"], cast["minzheng_head"]],
    )

    def study(unit, liaison, on, kind, law, speaker, attendees, meeting=""):
        if on <= today:
            services.study_record(
                by=cast[liaison],
                unit=cast[unit],
                kind=kind,
                held_on=on,
                law_studied=law,
                speaker=speaker,
                attendees=[cast[a] for a in attendees],
                meeting=meeting,
            )

    study(
        "民政局",
        "minzheng_liaison",
        dt.date(year, 3, 18),
        StudyKind.LEADING_GROUP,
        "中华人民共和国行政复议法",
        "民政局局长",
        ["minzheng_head", "minzheng_liaison"],
    )
    study(
        "市场监管局",
        "shijian_liaison",
        dt.date(year, 2, 26),
        StudyKind.PRE_MEETING,
        "重大行政决策程序暂行条例",
        "市场监管局法规科科长",
        ["shijian_head", "shijian_liaison"],
        meeting=f"{year}年第2次局务会议",
    )
    study(
        "市场监管局",
        "shijian_liaison",
        dt.date(year, 6, 12),
        StudyKind.CENTRE_GROUP,
        "中华人民共和国行政处罚法",
        "司法局王局长",
        ["shijian_head", "shijian_liaison"],
    )
