"""Imports of uploaded files, run by the task worker (``yifa db_worker``) with their progress on a page.

A module's importer offers ``run(*, job, progress) -> int``: it validates every row of ``job.content``
(calling ``progress.validating(done, total)``), refuses the whole file if any row is wrong, then calls
``progress.writing(total)`` and writes all rows in one transaction with ``create_many`` (one audit event
on the job, with the file's SM3 hash and row count)."""

from __future__ import annotations

import hashlib

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task

from .errors import AccessDenied, YifaError
from .models import ImportJob

Status = ImportJob.Status
PROGRESS_EVERY = 5000


def file_sm3(content: bytes) -> str:
    return hashlib.new("sm3", content).hexdigest()


def new_job(
    run: str, *, label: str, by, file_name: str, content: bytes, options: dict | None = None, next_url: str = ""
) -> ImportJob:
    """The import's record: the file kept with its SM3 hash; the audit event of the rows is written on it."""
    return ImportJob.objects.create(
        kind=run,
        label=label[:100],
        file_name=(file_name or "")[:200],
        sm3=file_sm3(content),
        content=content,
        created_by=by,
        options=options or {},
        next_url=next_url,
    )


def schedule_import(
    run: str, *, label: str, by, file_name: str, content: bytes, next_url: str = "", options: dict | None = None
) -> ImportJob:
    """Keep the file and queue its import; ``run`` is the dotted path of the importer's run function;
    ``options`` (JSON): what it needs besides the file, e.g. the unit the rows belong to (``job.options``)."""
    with transaction.atomic():
        job = new_job(run, label=label, by=by, file_name=file_name, content=content, options=options, next_url=next_url)
        run_import.enqueue(job.pk)
    job.refresh_from_db()
    return job


class JobProgress:
    """What the page polls: each call saves at once (the rows themselves are written later, all together)."""

    def __init__(self, job: ImportJob, *, echo=None):
        self.job_id = job.pk
        self.echo = echo

    def validating(self, done: int, total: int) -> None:
        if done == total or done % PROGRESS_EVERY == 0:
            ImportJob.objects.filter(pk=self.job_id).update(status=Status.VALIDATING, done=done, total=total)
            if self.echo:
                self.echo(Status.VALIDATING, done, total)

    def writing(self, total: int) -> None:
        ImportJob.objects.filter(pk=self.job_id).update(status=Status.WRITING, done=0, total=total)
        if self.echo:
            self.echo(Status.WRITING, 0, total)


def run_now(
    run: str, *, label: str, by, file_name: str, content: bytes, options: dict | None = None, echo=None
) -> ImportJob:
    """The same import run at once in this process (the CLI): the job is kept as from the page, and
    ``echo(status, done, total)`` hears its progress too. Returns the finished (done or failed) job."""
    job = new_job(run, label=label, by=by, file_name=file_name, content=content, options=options)
    _run(job.pk, JobProgress(job, echo=echo))
    job.refresh_from_db()
    return job


@task()
def run_import(job_id: int) -> int:
    return _run(job_id, None)


def _run(job_id: int, progress: JobProgress | None) -> int:
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    try:
        count = import_string(job.kind)(job=job, progress=progress or JobProgress(job))
    except YifaError as exc:
        ImportJob.objects.filter(pk=job_id).update(status=Status.FAILED, error=exc.message, finished_at=timezone.now())
        return 0
    except Exception:
        ImportJob.objects.filter(pk=job_id).update(
            status=Status.FAILED, error="导入时发生内部错误，一行也未写入，请联系系统管理员", finished_at=timezone.now()
        )
        raise
    ImportJob.objects.filter(pk=job_id).update(status=Status.DONE, done=count, total=count, finished_at=timezone.now())
    return count


def job_for(user, pk: int) -> ImportJob:
    """Only the person who uploaded the file (or a superuser) follows its import."""
    job = ImportJob.objects.defer("content").filter(pk=pk).first()
    if job is None or (job.created_by_id != user.pk and not user.is_superuser):
        raise AccessDenied("无权查看该导入任务")
    return job
