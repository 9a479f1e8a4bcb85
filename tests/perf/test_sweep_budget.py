"""``yifa sweep`` run again on the same day, with nothing new to send, costs the same few queries whatever the
size of the data: it reads what became due since the last run, not every open clock. Counts, not times:
the time at 100,000 records is measured in bench/."""

import datetime as dt
import re
from collections import Counter

import pytest
from django.db.models import Max

from tests.conftest import StaffClient
from yifa.core import sweep
from yifa.core.endpoints import SqlLog
from yifa.core.models import Deadline, DeadlineStatus, Event, Notification
from yifa.core.registry import contributions
from yifa.core.seed import Progress, seed
from yifa.core.sweep import run_daily
from yifa.decisions.models import Decision, DecisionState
from yifa.normdocs.models import DocStatus, Document

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()
BUDGET = 60  # the core sweep and every module's daily job together (54 on seeded data)


def report_due_soon() -> None:
    """A decision whose execution report falls due in three days (第三十四条), so that its reminder is in the
    window at either size (whether the random data has one is chance, and a job with nothing to send skips
    its look-ups)."""
    decision = Decision.objects.order_by("pk").first()
    decision.feedback.all().delete()
    Decision.objects.filter(pk=decision.pk).update(
        state=DecisionState.PUBLISHED,
        executing_unit=decision.lead_unit_id,
        published_on=TODAY + dt.timedelta(days=3 - decision.feedback_every_days),
    )
    # and a normative document whose validity ends within the six months' notice (its expiry reminder)
    doc = Document.objects.order_by("pk").first()
    Document.objects.filter(pk=doc.pk).update(status=DocStatus.IN_FORCE, expires_on=TODAY + dt.timedelta(days=30))


def shapes_of(statements: list[str]) -> list[str]:
    """Each statement reduced to its shape (numbers and quoted values dropped)."""
    shapes = [re.sub(r"'[^']*'|\b\d+\b", "?", sql) for sql in statements]
    return [re.sub(r'"s\d+_x\d+"', "sp", re.sub(r"\?(, \?)+", "…", shape))[:160] for shape in shapes]


def second_run_queries(monkeypatch=None) -> list[str] | dict[str, list[str]]:
    """The second run's statements as shapes; with ``monkeypatch``, per job (the core sweep and each module's)."""
    report_due_soon()
    assert run_daily(TODAY) == []
    notes = Notification.objects.count()
    per_job: dict[str, list[str]] = {}
    if monkeypatch is not None:
        for name, module in contributions("tasks"):
            if hasattr(module, "daily"):
                monkeypatch.setattr(module, "daily", logged(name, module.daily, per_job))
        monkeypatch.setattr(sweep, "run_sweep", logged("core", sweep.run_sweep, per_job))
    with SqlLog() as captured:
        assert run_daily(TODAY) == []
    assert Notification.objects.count() == notes  # nothing sent twice
    if monkeypatch is not None:
        monkeypatch.undo()
        return {name: shapes_of(statements) for name, statements in per_job.items()}
    return shapes_of(captured)


def logged(name: str, job, into: dict):
    def run(today):
        with SqlLog() as statements:
            outcome = job(today)
        into[name] = list(statements)
        return outcome

    return run


@pytest.mark.timeout(1200)
def test_a_second_sweep_on_the_same_day_costs_the_same_queries_at_two_data_sizes(cast):
    seed(scale=200, today=TODAY, progress=Progress(quiet=True))
    small = second_run_queries()
    open_small = Deadline.objects.filter(status=DeadlineStatus.RUNNING).count()
    seed(scale=800, today=TODAY, random_seed=7, progress=Progress(quiet=True))
    large = second_run_queries()
    assert Deadline.objects.filter(status=DeadlineStatus.RUNNING).count() > 2 * open_small
    extra = Counter(large) - Counter(small)
    assert len(large) == len(small) <= BUDGET, extra or Counter(small) - Counter(large)


@pytest.mark.timeout(1200)
def test_each_daily_job_costs_the_same_queries_on_a_second_run_at_two_data_sizes(cast, monkeypatch):
    """Job by job (the core sweep, normative documents' expiry notices, decisions' report and comment reminders,
    the supervision warnings and the others): what a job reads on a second run does not grow with the data."""
    seed(scale=200, today=TODAY, progress=Progress(quiet=True))
    small = second_run_queries(monkeypatch)
    seed(scale=800, today=TODAY, random_seed=7, progress=Progress(quiet=True))
    large = second_run_queries(monkeypatch)
    assert set(small) == set(large) >= {"core", "normdocs", "decisions", "supervision", "plans", "licensing"}
    for job in small:
        assert len(large[job]) == len(small[job]), (job, Counter(large[job]) - Counter(small[job]))


def test_overdue_marks_are_audited_per_unit_with_the_clocks_ids_and_shown_in_the_audit_log(cast):
    """One audit event per unit for the day's overdue marks, naming every clock it marked; the audit log
    page lists it."""
    seed(scale=100, today=TODAY, progress=Progress(quiet=True))
    Deadline.objects.update(overdue_marked=False)
    overdue = Deadline.objects.filter(status=DeadlineStatus.RUNNING, due__lt=TODAY)
    expected: dict[int, set[int]] = {}
    for pk, unit in overdue.values_list("pk", "unit_id"):
        expected.setdefault(unit, set()).add(pk)
    last = Event.objects.aggregate(last=Max("id"))["last"]
    run_daily(TODAY)
    marks = list(Event.objects.filter(action="deadline.overdue", pk__gt=last))
    assert len(expected) > 1 and sum(map(len, expected.values())) > len(expected)  # several clocks a unit
    assert {e.unit_id: set(e.data["ids"]) for e in marks} == expected
    assert all(e.data["count"] == len(e.data["ids"]) and e.actor_name == "系统" for e in marks)
    assert not overdue.filter(overdue_marked=False).exists()
    client = StaffClient()
    client.force_login(cast["reviewer"])
    page = client.get("/staff/audit/", {"action": "deadline.overdue"}).content.decode()
    assert f"{marks[-1].unit.name}的{marks[-1].data['count']}项期限" in page and "标记逾期" in page
