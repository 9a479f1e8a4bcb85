"""“我的待办”中的行政复议事项：复议机构的人员看到本机构案件临近届满或已逾期的法定期限（核心待办只列
本单位本级的期限，复议科在司法局之下）；复议机关负责人看到待其审批的决定。"""

import datetime as dt

from yifa.core.models import Deadline, Role
from yifa.core.models.deadlines import OPEN_STATUSES

from .models import Case, CaseState
from .who import organ_of

SOON = dt.timedelta(days=14)


def _office_clocks(user, today):
    """Open clocks of the 复议机构 above this person that nobody is assigned to (an assigned one is on its
    assignee's list), due within two weeks or overdue."""
    offices = user.unit.ancestors().filter(is_legal_office=True).exclude(pk=user.unit_id)
    return (
        Deadline.objects.filter(
            status__in=OPEN_STATUSES,
            rule_id__startswith="reconsideration.",
            unit__in=offices,
            assignee__isnull=True,
            due__lte=today + SOON,
        )
        .select_related("unit")
        .order_by("due")[:50]
    )


def items_for(user, today: dt.date):
    if user.unit_id and user.has_role(Role.RECONSIDERATION):
        for d in _office_clocks(user, today):
            yield {
                "title": f"{d.subject_label}：{d.title}",
                "due": d.due,
                "link": d.link,
                "rag": d.rag(today),
                "source": "行政复议",
                "note": d.explanation,
            }
    if user.unit_id and user.has_role(Role.HEAD, Role.LEADER):
        waiting = Case.objects.filter(state=CaseState.APPROVAL).select_related("office").order_by("received_on")
        organs = {}
        for case in waiting[:50]:
            organ = organs.setdefault(case.office_id, organ_of(case.office))
            if organ.pk == user.unit_id:
                yield {
                    "title": f"行政复议决定待审批：{case}",
                    "due": None,
                    "link": case.get_absolute_url(),
                    "rag": "amber",
                    "source": "行政复议",
                    "note": f"{case.get_decision_type_display()}（须复议机关负责人同意或者集体讨论通过）",
                }
