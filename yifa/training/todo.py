"""“我的待办”：第四季度学法次数不足的提醒；本人年度学时未达要求的提醒。"""

import datetime as dt

from django.urls import reverse

from . import queries, rules
from .services import UNIT_STAFF

SOURCE = "培训与学法"


def items_for(user, today: dt.date):
    if user.unit_id and UNIT_STAFF(user, user):
        for unit, count in queries.units_short_of_study(year=today.year, today=today, unit_ids=[user.unit_id]):
            yield {
                "title": f"{unit.name}{today.year}年领导班子学法{count}次，不足{rules.STUDY_SESSIONS_MINIMUM}次",
                "due": dt.date(today.year, 12, 31),
                "rag": "red",
                "source": SOURCE,
                "link": reverse("training:studies"),
                "note": f"{rules.LEADERSHIP_STUDY.title}（{rules.LEADERSHIP_STUDY.citation}）",
            }
