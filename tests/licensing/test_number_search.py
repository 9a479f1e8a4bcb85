"""Staff find an application by its number, whole or begun, through an index: never a scan of every
application (the list may hold hundreds of thousands)."""

import datetime as dt

from django.db import connection

from yifa.licensing import queries
from yifa.licensing.models import Application

D = dt.date


def found(user, q):
    return {a.number for a in queries.applications(user, q=q)}


def test_an_application_is_found_by_its_number_in_any_usual_form(cast, receive):
    first, second = receive(D(2025, 11, 3)), receive(D(2025, 11, 4))
    reviewer = cast["reviewer"]
    assert found(reviewer, first.number) == {first.number}
    seq = str(first.pk)
    assert found(reviewer, f"（2025）许{seq}") == {first.number}
    by_sequence = Application.objects.filter(queries.number_matches(seq))  # (the item code SD-001 holds a 1 too)
    assert [a.number for a in by_sequence] == [first.number]
    assert found(reviewer, f"２０２５许{first.number[5:]}") == {first.number}  # full-width digits
    assert found(reviewer, "2025许") == {first.number, second.number}  # the year's numbers, by prefix
    assert found(reviewer, "2024许") == set() and found(reviewer, f"2024许{seq}") == set()
    assert found(reviewer, "食品经营") == {first.number, second.number}  # the item's name still finds them
    assert found(reviewer, "好味") == set()  # a word is not a number


def _plan(qs) -> str:
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            return "\n".join(str(row[-1]) for row in cursor.fetchall())
        cursor.execute("SET LOCAL enable_seqscan = off")  # would a scan still be needed? then no index serves
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def reads_every_row(plan: str) -> bool:
    """A scan of the table, or (PostgreSQL) a walk of the whole date index filtering each row."""
    return any(
        scan in plan
        for scan in ("SCAN licensing_application", "Seq Scan on licensing_application", "application_received_on")
    )


def test_the_number_search_reads_an_index_not_every_application(cast, receive):
    app = receive(D(2025, 11, 3))
    for typed in (app.number, "2025许0000", str(app.pk)):
        plan = _plan(Application.objects.filter(queries.number_matches(typed)))
        assert not reads_every_row(plan), plan
        plan = _plan(queries.applications(cast["reviewer"], q=typed)[:21])
        assert not reads_every_row(plan), plan
