"""Events between modules. Every fired transition is published as "<flow>.<transition>"; a module that
must react declares it in its ``receivers.py`` (``RECEIVERS = {"decisions.record_rules": handler}``)
instead of importing the other module. Receivers run in the sender's transaction, so the two writes
stand or fall together; anything slow or outside the database goes on ``transaction.on_commit``."""

from __future__ import annotations

from collections.abc import Callable

from .registry import contributions

_receivers: dict[str, list[Callable]] | None = None


def receivers(name: str) -> list[Callable]:
    global _receivers
    if _receivers is None:
        found: dict[str, list[Callable]] = {}
        for _, module in contributions("receivers"):
            for event, handler in module.RECEIVERS.items():
                found.setdefault(event, []).append(handler)
        _receivers = found
    return _receivers.get(name, [])


def emit(name: str, **payload) -> None:
    for handler in receivers(name):
        handler(**payload)
