"""The closed clocks counted per unit, rule and month (``ClosedClocks``), kept in step with the clocks:
``stop_clock`` adds the clock it closes met or late, deleting a closed clock takes it off (signals.py), both in
the caller's transaction and by one atomic upsert (two closes at once never lose a count). A closed clock is
never reopened (``restart_clock`` refuses it) and nothing else sets ``closed_on``; rows written in bulk
around the engine (``yifa seed``) are counted by ``rebuild()``, which ``yifa tallies rebuild`` also runs.

Each close is counted twice: under its rule, and under ``ALL`` (every rule of the unit that month), so a
figure over all rules but a few reads one row per unit and month and the few rules' rows to take off.
``closed_counts`` answers "met and late between two days" from these rows for the whole months in the range
and from the clocks themselves (their covering index) only for the days of an unfinished last month: its cost
is bounded by units × months (× the rules named), plus one month of closings, not by the number of clocks."""

from __future__ import annotations

import datetime as dt

from django.db import connection, transaction
from django.db.models import Count, DateField, Q, Sum, Value
from django.db.models.functions import TruncMonth

from .models import ClosedClocks, Deadline, DeadlineStatus

COUNTED = (DeadlineStatus.MET, DeadlineStatus.LATE)
ALL = "*"  # the rule_id of a unit's count over every rule


def _upsert_sql() -> str:
    q = connection.ops.quote_name
    table = q(ClosedClocks._meta.db_table)
    return (
        f"INSERT INTO {table} ({q('unit_id')}, {q('rule_id')}, {q('month')}, {q('met')}, {q('late')}) "
        f"VALUES (%s, %s, %s, %s, %s) ON CONFLICT ({q('rule_id')}, {q('month')}, {q('unit_id')}) "
        f"DO UPDATE SET {q('met')} = {table}.{q('met')} + excluded.{q('met')}, "
        f"{q('late')} = {table}.{q('late')} + excluded.{q('late')}"
    )


def count_closing(deadline: Deadline, *, sign: int = 1) -> None:
    """Add (``sign=1``) or take off (``-1``) one clock closed met or late; any other clock is not counted."""
    if deadline.status not in COUNTED or deadline.closed_on is None:
        return
    met = sign if deadline.status == DeadlineStatus.MET else 0
    month = deadline.closed_on.replace(day=1)
    with connection.cursor() as cursor:
        for rule in (deadline.rule_id, ALL):  # this order always: two closings wait for each other, not deadlock
            cursor.execute(_upsert_sql(), [deadline.unit_id, rule, month, met, sign - met])


def counted_afresh(deadlines=Deadline) -> dict[tuple[int, str, dt.date], tuple[int, int]]:
    """{(unit id, rule, month): (met, late)} counted from the clocks themselves (``deadlines``: the model,
    or its historical version in a migration)."""
    rows = (
        deadlines.objects.filter(status__in=COUNTED, closed_on__isnull=False)
        .annotate(m=TruncMonth("closed_on", output_field=DateField()))
        .values("unit_id", "rule_id", "m")
        .annotate(met=Count("unit", filter=Q(status=DeadlineStatus.MET)), late=Count("unit", filter=Q(status="late")))
        .values_list("unit_id", "rule_id", "m", "met", "late")
        .order_by()
    )
    found = {}
    for unit, rule, m, met, late in rows.iterator(chunk_size=5000):
        for key in ((unit, rule, _day(m)), (unit, ALL, _day(m))):
            before = found.get(key, (0, 0))
            found[key] = (before[0] + met, before[1] + late)
    return found


def differences() -> list[str]:
    """Where the stored counts differ from the clocks (empty when they agree), one line each."""
    stored = {(c.unit_id, c.rule_id, c.month): (c.met, c.late) for c in ClosedClocks.objects.all()}
    fresh = counted_afresh()
    return [
        f"单位{unit} {rule} {month:%Y-%m}：记录为按期{stored.get(k, (0, 0))[0]}、逾期{stored.get(k, (0, 0))[1]}，"
        f"实际为按期{fresh.get(k, (0, 0))[0]}、逾期{fresh.get(k, (0, 0))[1]}"
        for k in sorted(set(stored) | set(fresh), key=lambda k: (k[2], k[1], k[0]))
        for unit, rule, month in [k]
        if stored.get(k, (0, 0)) != fresh.get(k, (0, 0))
    ]


def rebuild(deadlines=Deadline, counts=ClosedClocks) -> int:
    """Count every closed clock afresh (after a bulk load, or to repair): returns the rows written. On
    PostgreSQL the table is locked first, so a clock closing meanwhile is counted once, after this."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {connection.ops.quote_name(counts._meta.db_table)} IN EXCLUSIVE MODE")
        counts.objects.all().delete()
        rows = [
            counts(unit_id=unit, rule_id=rule, month=month, met=met, late=late)
            for (unit, rule, month), (met, late) in counted_afresh(deadlines).items()
        ]
        counts.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _day(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    return dt.date.fromisoformat(value[:10]) if isinstance(value, str) else value


def _month_end(day: dt.date) -> bool:
    return (day + dt.timedelta(days=1)).day == 1


def closed_counts(
    first: dt.date, last: dt.date, *, by: str, exclude_rules=(), rules=None
) -> dict[object, tuple[int, int]]:
    """{key: (met, late)} of the clocks closed from ``first`` (the first day of a month) to ``last``, keyed
    ``by="unit"`` (unit id) or ``by="month"`` (its first day), over every rule but ``exclude_rules``, or over
    ``rules`` only; in one query. A key with nothing closed is left out."""
    if first.day != 1:
        raise ValueError("closed_counts counts whole months from their first day")
    if last < first:
        return {}
    partial = None if _month_end(last) else last.replace(day=1)
    key = "unit_id" if by == "unit" else "month"
    named = list(rules) if rules is not None else [ALL, *exclude_rules]
    sign = {r: 1 for r in named} | ({} if rules is not None else {r: -1 for r in exclude_rules})
    counted = ClosedClocks.objects.filter(rule_id__in=named, month__gte=first)
    counted = counted.filter(month__lt=partial) if partial is not None else counted.filter(month__lte=last)
    query = (
        counted.values(key, "rule_id").annotate(m=Sum("met"), n=Sum("late")).values_list(key, "rule_id", "m", "n")
    ).order_by()
    if partial is not None:
        # not ``status IN (…)``: SQLite would read the status index rather than the covering one of closed clocks
        clocks = Deadline.objects.filter(closed_on__isnull=False, closed_on__gte=partial, closed_on__lte=last)
        if rules is not None:
            clocks = clocks.filter(rule_id__in=rules)
        elif exclude_rules:
            clocks = clocks.exclude(rule_id__in=exclude_rules)
        live = clocks.annotate(rule=Value(named[0]))  # counted once, with the sign of the first rule named (+)
        if by == "month":
            live = live.annotate(month=Value(partial, DateField()))
        query = query.union(
            live.values(key, "rule")
            .annotate(m=Count("unit", filter=Q(status=DeadlineStatus.MET)), n=Count("unit", filter=Q(status="late")))
            .values_list(key, "rule", "m", "n")
            .order_by(),
            all=True,
        )
    found: dict[object, tuple[int, int]] = {}
    for k, rule, met, late in query:
        k = _day(k) if by == "month" else k
        before, s = found.get(k, (0, 0)), sign[rule]
        found[k] = (before[0] + s * (met or 0), before[1] + s * (late or 0))
    return {k: v for k, v in found.items() if v != (0, 0)}
