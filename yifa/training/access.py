"""Fetches within the user's unit scope: another unit's record is refused (403), a missing one 404."""

from yifa.core.access import fetch
from yifa.core.errors import NotFound
from yifa.core.models import User

from .models import Course, StudySession, TrainingOutline, UnitTrainingPlan


def access_course(user, pk) -> Course:
    return fetch(Course.objects.select_related("unit"), user, pk, "unit", "attendance__person__unit")


def access_study(user, pk) -> StudySession:
    return fetch(StudySession.objects.select_related("unit", "meeting_record"), user, pk)


def access_outline(user, pk) -> TrainingOutline:
    """The year's outline is published to every organ of the city: any member may read it."""
    outline = TrainingOutline.objects.filter(pk=pk).first()
    if outline is None:
        raise NotFound()
    return outline


def access_plan(user, pk) -> UnitTrainingPlan:
    return fetch(UnitTrainingPlan.objects.select_related("unit", "outline", "filed_by"), user, pk)


def access_person(user, pk) -> User:
    return fetch(User.objects.select_related("unit"), user, pk)
