"""“我的待办”：第四季度学法次数不足的提醒；本人年度学时未达要求的提醒。"""

import datetime as dt

from django.urls import reverse

from yifa.lib.deadlines import rag

from . import queries, rules
from .services import UNIT_STAFF

SOURCE = "培训与学法"


def items_for(user, today: dt.date):
    if user.unit_id and UNIT_STAFF(user, user):
        for plan in queries.pending_plans_of_unit(user.unit_id, today.year):
            due = plan.outline.plans_due
            yield {
                "title": f"{'逾期未报送' if today > due else '报送'}{plan.outline.year}年度培训工作计划",
                "due": due,
                "rag": rag(due, today),
                "source": SOURCE,
                "link": plan.get_absolute_url(),
                "note": f"{rules.TRAINING_PLAN.title}（{rules.TRAINING_PLAN.citation}）",
            }
        for unit, count in queries.units_short_of_study(year=today.year, today=today, unit_ids=[user.unit_id]):
            yield {
                "title": f"{unit.name}{today.year}年领导班子学法{count}次，不足{rules.STUDY_SESSIONS_MINIMUM}次",
                "due": dt.date(today.year, 12, 31),
                "rag": "red",
                "source": SOURCE,
                "link": reverse("training:studies"),
                "note": f"{rules.LEADERSHIP_STUDY.title}（{rules.LEADERSHIP_STUDY.citation}）",
            }
