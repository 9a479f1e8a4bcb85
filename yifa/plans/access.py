"""Who may act on a unit's plans and reports, and fetches within scope."""

from yifa.core.access import fetch
from yifa.core.errors import AccessDenied
from yifa.core.models import Role

from .models import AnnualReport, Assignment, InfoItem, PlanTask, WorkPlan


def in_unit(user, unit) -> bool:
    return bool(user.unit_id) and unit.path.startswith(user.unit.path)


def require_unit_staff(user, unit) -> None:
    """本单位联络员（专人负责）或负责人。"""
    if user.is_superuser or (in_unit(user, unit) and user.has_role(Role.LIAISON, Role.HEAD)):
        return
    raise AccessDenied(f"此操作只能由{unit.name}的联络员或负责人办理")


def access_report(user, pk) -> AnnualReport:
    return fetch(AnnualReport.objects.select_related("unit"), user, pk)


def access_plan(user, pk) -> WorkPlan:
    return fetch(WorkPlan.objects.all(), user, pk, "unit", "tasks__assignments__unit")


def access_task(user, pk) -> PlanTask:
    return fetch(PlanTask.objects.select_related("plan", "section"), user, pk, "plan__unit", "assignments__unit")


def access_assignment(user, pk) -> Assignment:
    return fetch(Assignment.objects.select_related("task", "unit"), user, pk, "unit")


def access_info(user, pk) -> InfoItem:
    return fetch(InfoItem.objects.select_related("unit"), user, pk, "unit")
