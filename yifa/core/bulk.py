"""Inserting many new rows at the database's own speed: COPY on PostgreSQL, one executemany on SQLite.

Django's ``bulk_create`` compiles every value of every row through its field (about 0.1 ms a row): an import
of 100,000 rows spent most of its time there. Here each column is converted once per row only when its field
needs it (JSON, date-times, encrypted or custom fields); plain text, numbers, booleans and keys go as they are.
Rows are dicts, not model instances (building 40-field instances cost as much again). They get their ids
(from the sequence on PostgreSQL; SQLite, holding the write lock, numbers them in order), so child rows can
point at them. No signals are sent: the kit's callers write their events."""

from __future__ import annotations

import datetime as dt

from django.db import connection, models
from django.utils import timezone

PLAIN = {
    "AutoField",
    "BigAutoField",
    "BigIntegerField",
    "BooleanField",
    "CharField",
    "ForeignKey",
    "IntegerField",
    "OneToOneField",
    "PositiveBigIntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "SlugField",
    "SmallIntegerField",
    "TextField",
}


def _converter(field, vendor):
    kind = field.get_internal_type()
    if type(field).__module__.startswith("django.db.models") and kind in PLAIN:
        return None
    if kind == "DateField" and type(field) is models.DateField:
        return (lambda v: v.isoformat() if isinstance(v, dt.date) else v) if vendor == "sqlite" else None
    if kind == "DateTimeField" and type(field) is models.DateTimeField:
        # an aware date-time as the backend stores it (SQLite: UTC text; PostgreSQL: as it is), without
        # Django's per-value checks; anything else goes through the field
        def stamp(v, f=field, sqlite=vendor == "sqlite"):
            if isinstance(v, dt.datetime) and v.tzinfo is not None:
                return v.astimezone(dt.timezone.utc).replace(tzinfo=None).isoformat(" ") if sqlite else v
            return f.get_db_prep_save(v, connection)

        return stamp
    return lambda v, f=field: f.get_db_prep_save(v, connection)


def insert_rows(model, rows: list[dict]) -> list[int]:
    """Insert new rows of ``model`` given as dicts (field names or attnames; a relation may be given as its
    object), the other fields taking their defaults, and return their ids in order (the primary key given in
    the rows when it is not automatic). Must run inside the caller's transaction."""
    if not rows:
        return []
    meta = model._meta
    # rows that carry their primary key (e.g. audit events numbered along the chain) keep it
    given = meta.pk.attname in rows[0] or meta.pk.name in rows[0]
    auto = not given and meta.pk.get_internal_type() in ("AutoField", "BigAutoField", "SmallAutoField")
    fields = [f for f in meta.concrete_fields if not (auto and f.primary_key)]
    vendor = connection.vendor
    now = timezone.now()
    columns_values = []
    for f in fields:
        convert = _converter(f, vendor)
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            default = now
        else:
            default = f.get_default() if f.has_default() or f.null or not f.is_relation else None
        columns_values.append((f.name, f.attname, f.is_relation, default, convert))
    values = []
    for row in rows:
        out = []
        for name, attname, relation, default, convert in columns_values:
            if attname in row:
                value = row[attname]
            elif name in row:
                value = row[name]
                if relation and value is not None:
                    value = value.pk
            else:
                value = default
            out.append(value if convert is None or value is None else convert(value))
        values.append(out)
    table, pk = meta.db_table, meta.pk.column
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        if not auto:
            if vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {quote(table)} ({columns}) FROM STDIN") as copy:
                    for row in values:
                        copy.write_row(row)
            else:
                cursor.executemany(f"INSERT INTO {quote(table)} ({columns}) VALUES ({marks})", values)
            key = meta.pk
            return [row.get(key.attname, row.get(key.name)) for row in rows]
        if vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)", [table, pk, len(rows)]
            )
            ids = [r[0] for r in cursor.fetchall()]
            with cursor.cursor.copy(f"COPY {quote(table)} ({quote(pk)}, {columns}) FROM STDIN") as copy:
                for id_, row in zip(ids, values):
                    copy.write_row([id_, *row])
            return ids
        cursor.executemany(f"INSERT INTO {quote(table)} ({columns}) VALUES ({marks})", values)
        cursor.execute("SELECT last_insert_rowid()")
        last = cursor.fetchone()[0]
        return list(range(last - len(rows) + 1, last + 1))


def insert_objects(objs: list, batch: int = 10000) -> list:
    """``bulk_create`` for unsaved model instances built in Python (synthetic data), through ``insert_rows``:
    the instances' own values (defaults already applied by the model), written ``batch`` at a time; each
    instance gets its id. Like ``bulk_create``, ``save()`` and signals are not run."""
    objs = list(objs)
    if not objs:
        return objs
    model = type(objs[0])
    meta = model._meta
    names = [
        (f.attname, bool(getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)))
        for f in meta.concrete_fields
    ]
    pk = meta.pk.attname
    keep_pk = getattr(objs[0], pk) is not None
    for first in range(0, len(objs), batch):
        chunk = objs[first : first + batch]
        rows = []
        for obj in chunk:
            values = obj.__dict__
            rows.append(
                {
                    name: values[name]
                    for name, stamped in names
                    if not (stamped and values.get(name) is None) and (keep_pk or name != pk)
                }
            )
        for obj, id_ in zip(chunk, insert_rows(model, rows)):
            setattr(obj, pk, id_)
            obj._state.adding, obj._state.db = False, "default"
    return objs
