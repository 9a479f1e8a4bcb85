"""Background work, run by the task worker (``yifa db_worker``, django-tasks' database backend; see README).
A calendar edit queues the recomputation of the clocks it can move and returns at once."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .clocks import recompute_open_clocks
from .models import RecomputeJob

Status = RecomputeJob.Status


def schedule_recompute(reason: str, *, day: dt.date | None = None, year: int | None = None) -> RecomputeJob:
    """Queue the recomputation in the caller's transaction: the worker sees it once the edit commits."""
    job = RecomputeJob.objects.create(reason=reason[:100], day=day, year=year)
    recompute_clocks.enqueue(job.pk)
    return job


@task()
def recompute_clocks(job_id: int) -> int:
    job = RecomputeJob.objects.get(pk=job_id)
    RecomputeJob.objects.filter(pk=job_id).update(status=Status.RUNNING)

    def progress(done, total):
        RecomputeJob.objects.filter(pk=job_id).update(done=done, total=total)

    try:
        changed = recompute_open_clocks(progress, day=job.day, year=job.year)
    except Exception:
        RecomputeJob.objects.filter(pk=job_id).update(status=Status.FAILED, finished_at=timezone.now())
        raise
    with transaction.atomic():
        RecomputeJob.objects.filter(pk=job_id).update(status=Status.DONE, changed=changed, finished_at=timezone.now())
    return changed


def recent_jobs(limit: int = 5) -> dict:
    """The calendar page's job list, and whether it should keep polling."""
    jobs = list(RecomputeJob.objects.all()[:limit])
    return {"jobs": jobs, "jobs_busy": any(j.status in (Status.QUEUED, Status.RUNNING) for j in jobs)}
