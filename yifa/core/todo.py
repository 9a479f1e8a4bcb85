"""The core's part of "my to-do": open clocks assigned to me or due in my unit soon."""

import datetime as dt

from django.db.models import Q

from .models import Deadline
from .models.deadlines import OPEN_STATUSES


def items_for(user, today: dt.date):
    qs = Deadline.objects.filter(status__in=OPEN_STATUSES).select_related("unit")
    mine = Q(assignee=user)
    if user.unit_id:
        mine |= Q(unit_id=user.unit_id, due__lte=today + dt.timedelta(days=14))
    for d in qs.filter(mine).order_by("due")[:50]:
        yield {
            "title": f"{d.subject_label}：{d.title}",
            "due": d.due,
            "link": d.link,
            "rag": d.rag(today),
            "source": "法定期限",
            "note": d.explanation,
        }
