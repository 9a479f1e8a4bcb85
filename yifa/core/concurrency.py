"""Optimistic locking: a write names the version it read; a stale write is refused."""

from django.db.models import F

from .errors import Conflict


def claim_version(obj, expected_version: int | None) -> None:
    """Bump ``obj.version`` in the database iff it still equals ``expected_version``
    (None means the version ``obj`` was loaded with). Call inside the write's transaction."""
    expected = obj.version if expected_version is None else int(expected_version)
    updated = type(obj).objects.filter(pk=obj.pk, version=expected).update(version=F("version") + 1)
    if not updated:
        current = type(obj).objects.filter(pk=obj.pk).values_list("version", flat=True).first()
        raise Conflict(
            f"“{obj}”已被他人修改（您打开的是第{expected}版，当前为第{current}版），"
            "为避免覆盖他人的修改，本次保存未生效，请刷新后重试",
            field="version",
        )
    obj.version = expected + 1


def save_versioned(obj, *, expected_version: int | None, fields: list[str]) -> None:
    claim_version(obj, expected_version)
    obj.save(update_fields=[*fields, "version"])


VERSION_MISSING = "版本号：修改已有记录须带上读取时的版本号，以免覆盖他人的修改"
