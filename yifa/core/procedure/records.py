"""Writes on records that have no procedure of their own (registers, settings, child rows such as a
committee member or an attachment note): the same discipline as ``fire`` — permission, row lock,
optimistic version, one audit event, one transaction — so no module locks rows or writes events by hand."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction

from ..audit import record_event
from ..bulk import insert_rows
from ..concurrency import claim_version
from ..crypto import EncryptedTextField
from ..errors import AccessDenied
from .engine import PublicActor
from .who import Who


def snapshot(obj) -> dict:
    """The row's own fields for the audit event; personal data (encrypted fields) only as “已填写”,
    so the audit log never holds it in clear."""
    values = {}
    for f in obj._meta.concrete_fields:
        value = getattr(obj, f.attname)
        if isinstance(f, EncryptedTextField):
            value = "已填写" if value else ""
        elif isinstance(value, bytes | memoryview):  # an uploaded template or file: its size, not its bytes
            value = f"{len(value)}字节"
        elif hasattr(value, "name") and hasattr(value, "url"):
            value = value.name
        values[f.attname] = value
    return values


def _check(who: Who | None, by, obj, label: str, public: bool) -> None:
    if isinstance(by, PublicActor) or by is None:
        if not public:
            raise AccessDenied(f"“{label}”须由工作人员办理")
        return
    if who is not None and not who(by, obj):
        raise AccessDenied(f"您无权{label}（需{who.label}）")


def _event(*, by, obj, subject, action, label, reason, data, unit):
    record_event(
        actor=by,
        subject=subject if subject is not None else obj,
        action=action,
        action_label=label,
        reason=reason,
        data=data or {},
        unit=unit,
    )


def add(
    obj,
    *,
    by,
    who: Who | None,
    action: str,
    label: str,
    data: dict | None = None,
    reason: str = "",
    subject=None,
    unit=None,
    after: Callable[[Any], None] | None = None,
    public: bool = False,
):
    """Save the new row ``obj`` (and ``after(obj)``'s children) with its event on ``subject``
    (default the row itself), e.g. a hearing record on its case's timeline."""
    with transaction.atomic():
        _check(who, by, obj, label, public)
        obj.save()
        if after:
            after(obj)
        _event(by=by, obj=obj, subject=subject, action=action, label=label, reason=reason, data=data, unit=unit)
    return obj


def add_many(
    model,
    rows: list[dict],
    *,
    by,
    who: Who | None,
    action: str,
    label: str,
    subject,
    data: dict | None = None,
    unit=None,
) -> list[dict]:
    """``add`` for many new rows at once (an import into a register): who may is asked once per unit the rows
    belong to, the rows are inserted in bulk (``core.bulk``: COPY on PostgreSQL) and get their ``id``, and ONE
    audit event on ``subject`` (the import) records ``data`` and the row count, all in one transaction."""
    with transaction.atomic():
        probed = set()
        for row in rows:
            key = row.get("unit")
            if key not in probed:
                probed.add(key)
                _check(who, by, model(**row), label, False)
        for row, id_ in zip(rows, insert_rows(model, rows)):
            row["id"] = id_
        _event(
            by=by,
            obj=None,
            subject=subject,
            action=action,
            label=label,
            reason="",
            data={"rows": len(rows), **(data or {})},
            unit=unit,
        )
    return rows


def change(
    obj,
    *,
    by,
    who: Who | None,
    action: str,
    label: str,
    apply: Callable[[Any], None] | dict,
    expected_version: int | None = None,
    data: dict | None = None,
    reason: str = "",
    subject=None,
    unit=None,
):
    """Lock ``obj``, check who and the version read, apply the change, save, and record before/after."""
    with transaction.atomic():
        current = type(obj).objects.select_for_update().get(pk=obj.pk)
        _check(who, by, current, label, False)
        if hasattr(current, "version"):
            claim_version(current, expected_version)
        before = snapshot(current)
        if callable(apply):
            apply(current)
        else:
            for name, value in apply.items():
                setattr(current, name, value)
        current.save()
        after = snapshot(current)
        changed = {k: {"before": before[k], "after": after[k]} for k in after if before.get(k) != after[k]}
        _event(
            by=by,
            obj=current,
            subject=subject,
            action=action,
            label=label,
            reason=reason,
            data={"changed": changed, **(data or {})},
            unit=unit,
        )
    return current


def remove(obj, *, by, who: Who | None, action: str, label: str, reason: str = "", subject=None, unit=None) -> None:
    """Delete ``obj``, keeping what it was in the event (on ``subject`` when the row itself goes)."""
    with transaction.atomic():
        current = type(obj).objects.select_for_update().get(pk=obj.pk)
        _check(who, by, current, label, False)
        _event(
            by=by,
            obj=current,
            subject=subject if subject is not None else current,
            action=action,
            label=label,
            reason=reason,
            data={"removed": snapshot(current)},
            unit=unit,
        )
        current.delete()


def reveal(obj, field: str, *, by, who: Who, label: str = "查看个人信息") -> str:
    """The clear value of one personal-data field, shown on request: permission, then one audit event
    naming the field (never its value), then the value."""
    _check(who, by, obj, label, public=False)
    verbose = str(obj._meta.get_field(field).verbose_name)
    with transaction.atomic():
        _event(
            by=by,
            obj=obj,
            subject=obj,
            action="personal_data.reveal",
            label=label,
            reason="",
            data={"field": verbose},
            unit=getattr(obj, "unit", None),
        )
    return getattr(obj, field) or ""
