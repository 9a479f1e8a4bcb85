"""Helpers the decision services share: permission, input checks, events on records."""

from __future__ import annotations

from types import SimpleNamespace

from yifa.core.audit import record_event
from yifa.core.errors import AccessDenied, InvalidInput, YifaError

from ..flows import decision_body, lead_unit

MAX_TEXT = 5000


def require(check, user, obj, what: str) -> None:
    if not (user and user.is_authenticated and check(user, obj)):
        raise AccessDenied(f"您无权{what}")


def require_lead_unit(user, decision, what: str) -> None:
    require(lead_unit, user, decision, f"{what}（需承办单位联络员或负责人）")


def require_decision_body(user, decision, what: str) -> None:
    require(decision_body, user, decision, f"{what}（需决策机关）")


def require_lead_or_body(user, decision, what: str) -> None:
    if not (user and user.is_authenticated and (lead_unit(user, decision) or decision_body(user, decision))):
        raise AccessDenied(f"您无权{what}（需承办单位或决策机关）")


class Checks:
    """Collects every bad field, then raises once (nothing is written before)."""

    def __init__(self):
        self.errors: dict[str, str] = {}

    def text(self, field: str, label: str, value, *, required: bool = True, limit: int = MAX_TEXT) -> str:
        value = (value or "").strip()
        if required and not value:
            self.errors[field] = f"{label}：必须填写"
        elif len(value) > limit:
            self.errors[field] = f"{label}：不能超过{limit}字"
        return value

    def choice(self, field: str, label: str, value, choices) -> str:
        if value not in choices.values:
            self.errors[field] = f"{label}：须为" + "、".join(choices.labels) + "之一"
        return value

    def date(self, field: str, label: str, value, *, required: bool = True):
        if value is None and required:
            self.errors[field] = f"{label}：必须填写"
        return value

    def fail(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def done(self) -> None:
        if self.errors:
            raise InvalidInput(self.errors)


# A member of the public: no account, named in the audit chain as such.
PUBLIC = SimpleNamespace(pk=None, display_name="公众", unit=None)


def event(*, by, decision, action: str, label: str, data: dict | None = None, reason: str = ""):
    return record_event(
        actor=by or PUBLIC,
        subject=decision,
        action=f"decision.{action}",
        action_label=label,
        reason=reason,
        data=data,
        unit=getattr(by, "unit", None) or decision.lead_unit,
    )


def state_must_be(decision, states, what: str) -> None:
    if decision.state not in states:
        raise YifaError(f"决策当前状态为“{decision.get_state_display()}”，不能{what}", field="state")
