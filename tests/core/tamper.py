"""What an intruder with the table owner's rights can do: switch off the append-only trigger."""

from contextlib import contextmanager

from django.db import connection


@contextmanager
def trigger_off():
    if connection.vendor != "postgresql":
        yield
        return
    # A superuser's switch: ordinary triggers (the append-only one among them) stop firing.
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET session_replication_role = DEFAULT")
