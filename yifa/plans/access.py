"""Fetches within the user's unit scope: a record of another unit is refused (403), a missing one 404."""

from yifa.core.access import fetch
from yifa.core.errors import NotFound

from .flows import UNIT_STAFF
from .models import AnnualReport, Assignment, InfoItem, Institution, PlanTask, WorkPlan


def works_for_own_unit(user) -> bool:
    """A liaison or head of a unit: drafts its reports, records its institutions, has its to-dos."""
    return user.unit_id is not None and UNIT_STAFF(user, AnnualReport(unit=user.unit))


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


def access_institution(pk) -> Institution:
    """The checklist is the same for every unit: any staff member may read an institution."""
    institution = Institution.objects.filter(pk=pk).first()
    if institution is None:
        raise NotFound("应建制度不存在")
    return institution
