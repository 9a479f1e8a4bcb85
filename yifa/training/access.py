"""Fetches within the user's unit scope: another unit's record is refused (403), a missing one 404."""

from yifa.core.access import fetch

from .models import Course, StudySession


def access_course(user, pk) -> Course:
    return fetch(Course.objects.select_related("unit"), user, pk, "unit", "attendance__person__unit")


def access_study(user, pk) -> StudySession:
    return fetch(StudySession.objects.select_related("unit"), user, pk)
