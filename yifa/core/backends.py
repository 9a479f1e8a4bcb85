"""The password backend, reading the signed-in person on each request in one statement: their row (without the
encrypted personal fields, read only when asked for), their unit, whether that unit is or lies below a legal-office
unit, and their roles. Written as SQL because compiling the equivalent ORM queries cost more than running them
(about 2-3 ms a request against well under 1 ms of SQL; bench/README in the performance section)."""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend
from django.db import connections, router

from .models import Unit, User

DEFERRED = ("phone", "id_number")


def _statement(vendor: str) -> tuple[str, list, list]:
    user_fields = [f for f in User._meta.concrete_fields if f.name not in DEFERRED]
    unit_fields = list(Unit._meta.concrete_fields)
    roles = "group_concat(r.role, ',')" if vendor == "sqlite" else "string_agg(r.role, ',')"
    columns = [f'u."{f.column}"' for f in user_fields] + [f'n."{f.column}"' for f in unit_fields]
    sql = (
        f"SELECT {', '.join(columns)}, "
        "EXISTS(SELECT 1 FROM core_unit l WHERE l.is_legal_office AND n.path LIKE l.path || '%%'), "
        f"(SELECT {roles} FROM core_rolegrant r WHERE r.user_id = u.id) "
        "FROM core_user u LEFT JOIN core_unit n ON n.id = u.unit_id WHERE u.id = %s"
    )
    return sql, user_fields, unit_fields


def session_user(user_id) -> User | None:
    db = router.db_for_read(User)
    connection = connections[db]
    sql, user_fields, unit_fields = _statement(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, [user_id])
        row = cursor.fetchone()
    if row is None:
        return None
    values = [_from_db(f, v, connection) for f, v in zip(user_fields + unit_fields, row, strict=False)]
    n = len(user_fields)
    user = User.from_db(db, [f.attname for f in user_fields], values[:n])
    if user.unit_id is not None:
        user.unit = Unit.from_db(db, [f.attname for f in unit_fields], values[n : n + len(unit_fields)])
    legal, roles = row[-2], row[-1]
    user._in_legal_office = bool(user.unit_id and legal)
    user._role_cache = frozenset(roles.split(",")) if roles else frozenset()
    return user


def _from_db(field, value, connection):
    """As the ORM converts a column read (SQLite's datetimes and booleans, an encrypted field)."""
    col = field.get_col(field.model._meta.db_table)
    for convert in connection.ops.get_db_converters(col) + col.get_db_converters(connection):
        value = convert(value, col, connection)
    return value


class UserBackend(ModelBackend):
    def get_user(self, user_id):
        user = session_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
