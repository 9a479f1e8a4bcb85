"""LEGACY: the engine before the procedure kit (``yifa.core.procedure``); removed once every module
has moved.

The procedure engine. A procedure declares, in its app's ``flows.py``:
states (TextChoices), transitions (source → target), who may fire each, guards
that list every unmet condition, and the statutory clocks each starts or stops.
``fire`` runs one transition: permission, guards, optimistic lock, state, clocks
and one audit event, in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from yifa.lib.law import Rule

from . import clocks
from .access import is_legal_office
from .audit import record_event
from .concurrency import claim_version
from .errors import AccessDenied, GateBlocked, YifaError
from .procedure.engine import FLOWS, state_label  # noqa: E402, F401 - shared while modules move to the kit

Guard = Callable[..., "str | list[str] | None"]
Permission = Callable[..., bool]


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    source: tuple[str, ...]
    target: str
    who: Permission
    who_label: str
    guards: tuple[Guard, ...] = ()
    starts: tuple[Rule | Callable, ...] = ()
    stops: tuple[Rule | Callable, ...] = ()
    pauses: tuple[Rule | Callable, ...] = ()
    resumes: tuple[Rule | Callable, ...] = ()
    reason_required: bool = False
    by_system: bool = False  # may run with by=None (e.g. 视为受理 when a period lapses)


@dataclass
class Flow:
    name: str
    states: type
    transitions: list[Transition]
    state_field: str = "state"
    clock_unit: Callable = field(default=lambda obj, rule: obj.unit)

    def __post_init__(self):
        FLOWS[self.name] = self
        self.by_name = {t.name: t for t in self.transitions}
        valid = set(self.states.values)
        for t in self.transitions:
            bad = [s for s in (*t.source, t.target) if s not in valid]
            if bad:
                raise ValueError(f"{self.name}.{t.name}: unknown states {bad}")

    def state_of(self, obj) -> str:
        return getattr(obj, self.state_field)

    def transition(self, name: str) -> Transition:
        try:
            return self.by_name[name]
        except KeyError:
            raise YifaError(f"未定义的操作：{name}", field="action") from None

    def unmet(self, obj, name: str, **context) -> list[str]:
        t = self.transition(name)
        problems: list[str] = []
        state = self.state_of(obj)
        if state not in t.source:
            problems.append(f"当前状态为“{self.states(state).label}”，不能{t.label}")
        for guard in t.guards:
            result = guard(obj, **context)
            if isinstance(result, str):
                problems.append(result)
            elif result:
                problems.extend(result)
        if t.reason_required and not (context.get("reason") or "").strip():
            problems.append(f"{t.label}须填写理由")
        return problems

    def may(self, user, obj, name: str) -> bool:
        return bool(user and user.is_authenticated and self.transition(name).who(user, obj))

    def available(self, user, obj) -> list[Transition]:
        state = self.state_of(obj)
        return [t for t in self.transitions if state in t.source and t.who(user, obj)]


def fire(
    flow: Flow,
    obj,
    name: str,
    *,
    by,
    reason: str = "",
    data: dict | None = None,
    expected_version: int | None = None,
    on: dt.date | None = None,
    before_save: Callable | None = None,
    **context,
):
    """Run transition ``name`` on ``obj``. ``before_save(obj)`` may set fields that
    the transition writes along with the state (e.g. an opinion)."""
    t = flow.transition(name)
    on = on or timezone.localdate()
    with transaction.atomic():
        obj = type(obj).objects.select_for_update().get(pk=obj.pk)
        if by is None and not t.by_system:
            raise AccessDenied(f"“{t.label}”须由工作人员办理")
        if by is not None and not flow.may(by, obj, name):
            raise AccessDenied(f"您无权{t.label}（需{t.who_label}）")
        problems = flow.unmet(obj, name, reason=reason, by=by, on=on, **context)
        if problems:
            raise GateBlocked(t.label, problems)
        claim_version(obj, expected_version)
        before = flow.state_of(obj)
        setattr(obj, flow.state_field, t.target)
        if before_save:
            before_save(obj)
        obj.save()
        _run_clocks(flow, t, obj, on)
        record_event(
            actor=by,
            subject=obj,
            action=f"{flow.name}.{t.name}",
            action_label=t.label,
            from_state=before,
            to_state=t.target,
            reason=reason,
            data=data,
        )
    return obj


def _rules(entries, obj) -> list[Rule]:
    """A transition names its clocks' rules directly, or by a function of the record
    (the version of the law in force, the simplified procedure …); None means no clock."""
    rules = []
    for entry in entries:
        rule = entry if isinstance(entry, Rule) else entry(obj)
        if rule is not None:
            rules.append(rule)
    return rules


def _run_clocks(flow: Flow, t: Transition, obj, on: dt.date) -> None:
    for rule in _rules(t.stops, obj):
        for deadline in clocks.clocks_of(obj, rule=rule):
            clocks.stop_clock(deadline, on=on)
    for rule in _rules(t.pauses, obj):
        for deadline in clocks.clocks_of(obj, rule=rule):
            if deadline.status == "running":
                clocks.pause_clock(deadline, on=on)
    for rule in _rules(t.resumes, obj):
        for deadline in clocks.clocks_of(obj, rule=rule):
            if deadline.status == "paused":
                clocks.resume_clock(deadline, on=on)
    for rule in _rules(t.starts, obj):
        clocks.start_clock(subject=obj, rule=rule, start=on, unit=flow.clock_unit(obj, rule))


# Permission helpers for declaring ``who``.
def anyone_with(*roles: str) -> Permission:
    return lambda user, obj: user.is_superuser or user.has_role(*roles)


def legal_office(user, obj) -> bool:
    return is_legal_office(user)


def own_unit(*roles: str, unit_attr: str = "unit") -> Permission:
    def check(user, obj) -> bool:
        unit = getattr(obj, unit_attr)
        in_unit = unit is not None and user.unit_id is not None and unit.path.startswith(user.unit.path)
        return user.is_superuser or (in_unit and (not roles or user.has_role(*roles)))

    return check


def either(*checks: Permission) -> Permission:
    return lambda user, obj: any(check(user, obj) for check in checks)
