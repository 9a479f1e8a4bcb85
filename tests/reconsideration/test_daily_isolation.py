"""yifa sweep with one inconsistent case: that case is logged and counted, everything else is done."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from yifa.core.models import Notification
from yifa.reconsideration import periods
from yifa.reconsideration.models import Case

pytestmark = pytest.mark.django_db
D = dt.date


def break_review_clock(case):
    """A second review clock that never started: the case lists as lapsed, but cannot be deemed accepted."""
    clock = periods.review_clock(case)
    clock.pk, clock.due = None, None
    clock.save()


def test_one_broken_case_fails_alone_and_the_exit_status_counts_it(cast, receive, caplog):
    broken = receive(D(2025, 9, 26))
    break_review_clock(broken)
    sound = receive(D(2025, 9, 26))
    coming_due = periods.review_clock(receive(D(2025, 10, 9)))  # 5 working days: due 10-16
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("sweep", today="2025-10-14", stdout=out, stderr=err)

    assert failed.value.returncode == 1
    assert "每日任务有1项失败" in str(failed.value)
    assert f"#{broken.pk}" in err.getvalue() and "受理审查期限未在计时" in err.getvalue()
    assert any(f"#{broken.pk}" in r.getMessage() for r in caplog.records if r.levelname == "ERROR")
    assert Case.objects.get(pk=sound.pk).state != Case.objects.get(pk=broken.pk).state
    assert "审查期限届满视为受理1件" in out.getvalue()
    lines = out.getvalue().splitlines()
    assert {"plans", "normdocs", "decisions", "reconsideration"} <= {line.split("：")[0] for line in lines[1:]}
    assert Notification.objects.filter(key__startswith=f"deadline:{coming_due.pk}:").exists()


def test_on_seeded_data_one_broken_case_fails_alone_and_every_module_still_runs(cast, receive):
    """Issue 10: ``yifa sweep`` over the demo city and ``yifa seed`` data with one deliberately broken record:
    the exit status reports one failure, and every module's daily task is done."""
    from yifa.core.registry import contributions
    from yifa.core.seed import Progress, seed

    for name, module in contributions("demo"):
        if name != "core" and hasattr(module, "load"):
            module.load(cast)
    today = dt.date.today()
    seed(scale=100, today=today, progress=Progress(quiet=True))
    broken = receive(today - dt.timedelta(days=30))  # its 5-working-day review has lapsed
    break_review_clock(broken)
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("sweep", today=today.isoformat(), stdout=out, stderr=err)
    assert failed.value.returncode == 1, err.getvalue()
    assert "每日任务有1项失败" in str(failed.value)
    assert f"#{broken.pk}" in err.getvalue()
    ran = {line.split("：")[0] for line in out.getvalue().splitlines()[1:]}
    modules = {name for name, module in contributions("tasks") if hasattr(module, "daily")}
    assert modules <= ran, modules - ran
