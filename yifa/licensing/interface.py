"""What other modules may read of licensing (the credit system, supervision): plain values, never this
module's models.

A false promise found on a post-approval check (告知承诺不实) fires ``FALSE_PROMISE_EVENT``; a module that
keeps credit records lists it in its ``receivers.py`` and reads the record with ``credit_record(obj)``."""

from __future__ import annotations

from .flows import PROMISE_CHECKS
from .models import CheckState, PromiseCheck
from .rules import FALSE_PROMISE

__all__ = ["FALSE_PROMISE_EVENT", "credit_record", "false_promises"]

FALSE_PROMISE_EVENT = f"{PROMISE_CHECKS.name}.find_false"


def credit_record(check: PromiseCheck) -> dict:
    """The facts of one false promise: who promised (name and 统一社会信用代码 or ID number, for the
    credit system's own encrypted store), what was licensed, when it was found, and the revocation."""
    app = check.application
    return {
        "holder_name": app.applicant_name,
        "holder_id_number": app.applicant_id_number,
        "item": app.item.name,
        "unit_id": check.unit_id,
        "decision_number": app.decision_number,
        "found_on": check.checked_on,
        "findings": check.findings,
        "consequence": "撤销行政许可",
        "basis": FALSE_PROMISE.citation,
        "link": check.get_absolute_url(),
    }


def false_promises(year: int) -> list[dict]:
    """Every false promise found in ``year`` (one query)."""
    checks = PromiseCheck.objects.select_related("application__item").filter(
        state=CheckState.FALSE, checked_on__year=year
    )
    return [credit_record(c) for c in checks.order_by("checked_on", "id")]
