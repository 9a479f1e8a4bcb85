"""The counts of closed clocks by unit, rule and month (what the assessment's cockpit and scores sum) always
equal a count of the clocks themselves: after clocks close met and late across month and year ends, are
cancelled, are refused a restart once closed, recomputed, or deleted with their record."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.models import Count, Q

from yifa.core import clocks
from yifa.core.closed_counts import closed_counts, differences, rebuild
from yifa.core.errors import YifaError
from yifa.core.models import ClosedClocks, Deadline, DeadlineStatus
from yifa.lib.law import get_rule

D = dt.date
RULE = "licensing.decision"  # 20 working days (行政许可法第四十二条)
REPLY = "disclosure.reply"  # 20 working days (政府信息公开条例第三十三条): assessed by an indicator of its own


def _live(first, last, by, exclude=(), only=None):
    key = "unit_id" if by == "unit" else "closed_on"
    clocks = Deadline.objects.filter(closed_on__gte=first, closed_on__lte=last, status__in=("met", "late"))
    clocks = clocks.exclude(rule_id__in=exclude) if only is None else clocks.filter(rule_id__in=only)
    rows = (
        clocks.values(key)
        .annotate(met=Count("pk", filter=Q(status="met")), late=Count("pk", filter=Q(status="late")))
        .order_by()
    )
    found = {}
    for r in rows:
        k = r[key] if by == "unit" else r[key].replace(day=1)
        met, late = found.get(k, (0, 0))
        found[k] = (met + r["met"], late + r["late"])
    return found


def _close(subject, unit, start, on, cancelled=False, rule=RULE):
    clock = clocks.start_clock(subject=subject, rule=get_rule(rule), start=start, unit=unit)
    return clocks.stop_clock(clock, on=on, cancelled=cancelled)


WINDOWS = [
    (D(2025, 1, 1), D(2025, 12, 31)),  # a past year
    (D(2025, 1, 1), D(2025, 1, 31)),  # a month end
    (D(2025, 1, 1), D(2025, 2, 1)),  # as of the first day of a month
    (D(2026, 1, 1), D(2026, 1, 15)),  # as of a day within the month
    (D(2021, 1, 1), D(2026, 3, 31)),  # the trends' five years
]


def _agree():
    for first, last in WINDOWS:
        for by in ("unit", "month"):
            assert closed_counts(first, last, by=by) == _live(first, last, by), (first, last, by)
            assert closed_counts(first, last, by=by, exclude_rules=[REPLY]) == _live(first, last, by, [REPLY])
            assert closed_counts(first, last, by=by, rules=[REPLY]) == _live(first, last, by, only=[REPLY])
    assert differences() == []


@pytest.fixture
def closed(cast):
    market, minzheng = cast["市场监管局"], cast["民政局"]
    start = D(2024, 12, 20)  # due 2025-01-20 (20 working days, New Year's day skipped)
    made = [
        _close(market, market, start, D(2025, 1, 10)),  # met
        _close(market, market, start, D(2025, 1, 31)),  # late, last day of a month
        _close(market, market, start, D(2025, 2, 1)),  # late, first day of the next
        _close(minzheng, minzheng, D(2025, 12, 1), D(2025, 12, 31)),  # met, last day of the year
        _close(minzheng, minzheng, D(2025, 12, 1), D(2026, 1, 2)),  # late: due 2025-12-29, closed next year
        _close(minzheng, minzheng, D(2026, 1, 5), D(2026, 1, 15)),  # met, mid-month
        _close(minzheng, minzheng, D(2026, 1, 5), D(2026, 1, 16), cancelled=True),  # not counted
        _close(market, market, D(2025, 1, 2), D(2025, 1, 20), rule=REPLY),  # met, another rule
        _close(minzheng, minzheng, D(2025, 12, 1), D(2026, 1, 14), rule=REPLY),  # late
    ]
    return made


def test_counts_follow_met_and_late_closings_across_month_and_year_ends(closed, cast):
    _agree()
    market = cast["市场监管局"].pk
    assert closed_counts(D(2025, 1, 1), D(2025, 12, 31), by="unit")[market] == (2, 2)
    assert closed_counts(D(2025, 1, 1), D(2025, 12, 31), by="unit", exclude_rules=[REPLY])[market] == (1, 2)
    assert closed_counts(D(2025, 1, 1), D(2025, 1, 31), by="month", exclude_rules=[REPLY]) == {D(2025, 1, 1): (1, 1)}
    assert closed_counts(D(2026, 1, 1), D(2026, 1, 15), by="unit") == {cast["民政局"].pk: (1, 2)}
    assert closed_counts(D(2026, 1, 1), D(2026, 1, 13), by="unit") == {cast["民政局"].pk: (0, 1)}


def test_a_closed_clock_is_not_reopened_and_recomputing_does_not_count_it_twice(closed):
    with pytest.raises(YifaError, match="已于2025-01-10结束，不能重新起算"):
        clocks.restart_clock(closed[0], on=D(2025, 2, 3))
    clocks.stop_clock(closed[0], on=D(2025, 3, 3))  # closing it again is a no-op
    clocks.recompute(closed[0])
    clocks.recompute_open_clocks()
    _agree()
    assert ClosedClocks.objects.get(month=D(2025, 1, 1), rule_id=RULE).met == 1


def test_deleting_a_closed_clock_takes_it_off_the_counts(closed, cast):
    Deadline.objects.filter(pk__in=[closed[1].pk, closed[4].pk]).delete()
    closed[5].delete()
    _agree()
    assert closed_counts(D(2025, 1, 1), D(2025, 12, 31), by="unit")[cast["市场监管局"].pk] == (2, 1)


def test_rebuild_repairs_counts_and_check_names_what_differs(closed, capsys):
    ClosedClocks.objects.filter(month=D(2025, 1, 1), rule_id=RULE).update(met=5)
    Deadline.objects.filter(pk=closed[2].pk).update(status=DeadlineStatus.MET)  # written around stop_clock
    problems = differences()
    assert len(problems) == 3  # January's count of the rule; February's of the rule and of every rule
    assert f"{RULE} 2025-01：记录为按期5、逾期1，实际为按期1、逾期1" in problems[0]
    with pytest.raises(CommandError, match="汇总计数与记录不符：3处，请运行 yifa tallies rebuild"):
        call_command("tallies", "check")
    call_command("tallies", "rebuild")
    assert "已重新计数" in capsys.readouterr().out
    _agree()
    assert rebuild() == ClosedClocks.objects.count()


# serialized_rollback: the flush after a transactional test must leave the seeded content (content types, the
# calendar) for the browser tests that follow; skipif as a mark, so that no fixture is set up on SQLite.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite lets one writer in at a time")
def test_clocks_closing_at_once_in_two_transactions_lose_no_count(cast):
    import threading

    from django.db import transaction

    market = cast["市场监管局"]
    opened = [
        clocks.start_clock(subject=market, rule=get_rule(RULE), start=D(2025, 3, 3), unit=market) for _ in range(40)
    ]
    ready = threading.Barrier(2)
    failures = []

    def close(part):
        try:
            ready.wait()
            with transaction.atomic():
                for clock in part:
                    clocks.stop_clock(clock, on=D(2025, 3, 10))
        except Exception as exc:  # reported below: an exception in a thread would not fail the test
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=close, args=(opened[i::2],)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures
    assert ClosedClocks.objects.get(rule_id=RULE, month=D(2025, 3, 1), unit=market).met == 40
    assert differences() == []
