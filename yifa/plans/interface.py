"""What other modules may read of plans: read-only functions returning plain values. Nothing here writes."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from .models import AssignmentStatus, PlanTask, TaskState


def escalated_task(source: str) -> dict | None:
    """The task filed for another module's record under ``source`` (plans/receivers.py), as plain values:
    its page, due date, the responsible unit's progress, whether it reported completion and when, and the
    day the legal office confirmed it closed; None if no such task."""
    task = PlanTask.objects.filter(source=source).prefetch_related("assignments").first()
    if task is None:
        return None
    shares = list(task.assignments.all())
    done = bool(shares) and all(a.status == AssignmentStatus.DONE for a in shares)
    today: dt.date = timezone.localdate()
    return {
        "url": task.get_absolute_url(),
        "due": task.due,
        "state": task.get_state_display(),
        "status": "、".join(a.get_status_display() for a in shares),
        "percent": min((a.percent for a in shares), default=0),
        "done": done,
        "done_on": max((a.last_reported_on for a in shares if a.last_reported_on), default=None) if done else None,
        "overdue": task.state == TaskState.OPEN and not done and task.due is not None and today > task.due,
        "closed_on": task.closed_on,
    }
