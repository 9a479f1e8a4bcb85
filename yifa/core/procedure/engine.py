"""The procedure engine. A module declares, in its ``flows.py``, its states and transitions: who may
fire each (``Who``), when the page offers it, the guards that list every unmet condition, the fields it
writes, the statutory clocks it starts, stops, pauses, resumes, restarts or extends, and whom it tells.
A transition with no ``target`` keeps the state (sending a copy, recording a hearing, publishing).

``fire`` runs one transition and ``create`` one that makes a record: permission, guards, row lock,
optimistic version, fields, state, clocks, one audit event, the module events, in one transaction.
Notifications are written in the transaction; their e-mail goes out after the commit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from yifa.lib.law import Rule

from .. import bus, clocks
from ..audit import record_event
from ..bulk import insert_rows
from ..calendar import current_calendar
from ..concurrency import claim_version
from ..errors import AccessDenied, GateBlocked, YifaError
from ..models import Deadline
from ..notify import Message, notify_many
from .who import NOBODY, Who

FLOWS: dict[str, Flow] = {}

Guard = Callable[..., "str | list[str] | None"]
RuleRef = "Rule | Callable[..., Rule | None]"


@dataclass(frozen=True)
class Clock:
    """A clock a transition starts: its rule (or a function of the record choosing it, e.g. by the law
    version), the day it starts from (default the day of the act; None from ``start`` means “not yet”),
    and whose to-do it lands on. A gate rule (no period) runs to the date ``due`` gives (one fixed by a
    plan or decision; None: no clock). ``each`` runs the clock on each of these records instead of the
    record itself (each unit's share of a task); ``stops`` and the other verbs take it too."""

    rule: Any
    start: Callable[..., dt.date | None] | None = None
    assignee: Callable[..., Any] | None = None
    title: Callable[..., str] | None = None
    due: Callable[..., dt.date | None] | None = None
    each: Callable[[Any], Iterable] | None = None


@dataclass(frozen=True)
class Extend:
    """Extend the running clock of ``rule`` by the act's ``days`` input (the rule caps the total)."""

    rule: Any
    max_times: int | None = 1


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    source: tuple[str, ...]
    target: str | None = None  # None: the act keeps the state
    who: Who = NOBODY
    when: tuple[Callable[[Any], bool], ...] = ()  # offered on the page only while these hold
    guards: tuple[Guard, ...] = ()
    apply: Callable[..., None] | None = None  # sets the fields written with the state
    after: Callable[..., None] | None = None  # child rows, uploads: inside the transaction, after clocks
    after_many: Callable[..., None] | None = None  # ``after`` for the rows of ``create_many``, in bulk
    starts: tuple = ()
    stops: tuple = ()
    cancels: tuple = ()
    pauses: tuple = ()
    resumes: tuple = ()
    restarts: tuple = ()
    extends: tuple[Extend, ...] = ()
    notifies: Callable[..., Iterable[Message]] | None = None
    event_data: Callable[..., dict] | None = None
    event_label: Callable[..., str] | None = None  # the event's label when the inputs decide it (默认 label)
    reason_required: bool = False
    by_system: bool = False  # may run with by=None (e.g. 视为受理 when a period lapses)
    public: bool = False  # may run for the public on the portal (by=PUBLIC)
    confirm: str = ""  # the page asks before firing (签发公布、批准并作出决定……)

    @property
    def keeps_state(self) -> bool:
        return self.target is None


NEW = ()  # the source of a transition that creates its record


@dataclass
class Flow:
    name: str
    states: type
    transitions: list[Transition]
    state_field: str = "state"
    clock_unit: Callable = field(default=lambda obj, rule: obj.unit)
    event_unit: Callable | None = None  # the unit an event is filed under (default: the actor's)
    event_subject: Callable | None = None  # the record whose timeline shows the event (default: the record)

    def __post_init__(self):
        FLOWS[self.name] = self
        self.by_name = {t.name: t for t in self.transitions}
        valid = set(self.states.values)
        for t in self.transitions:
            bad = [s for s in (*t.source, *([t.target] if t.target else [])) if s not in valid]
            if bad:
                raise ValueError(f"{self.name}.{t.name}: unknown states {bad}")

    def state_of(self, obj) -> str:
        return getattr(obj, self.state_field)

    def transition(self, name: str) -> Transition:
        try:
            return self.by_name[name]
        except KeyError:
            raise YifaError(f"未定义的操作：{name}", field="action") from None

    def may(self, user, obj, name: str) -> bool:
        return self.transition(name).who(user, obj)

    def is_open(self, obj, name: str) -> bool:
        """The record is where the act applies: its state, and every ``when`` of the act."""
        t = self.transition(name)
        return (not t.source or self.state_of(obj) in t.source) and all(cond(obj) for cond in t.when)

    def available(self, user, obj) -> list[Transition]:
        """What this user may do to this record now (the page's buttons)."""
        return [t for t in self.transitions if t.source and self.is_open(obj, t.name) and t.who(user, obj)]

    def unmet(self, obj, name: str, **context) -> list[str]:
        t = self.transition(name)
        problems: list[str] = []
        if t.source and self.state_of(obj) not in t.source:
            problems.append(f"当前状态为“{self.states(self.state_of(obj)).label}”，不能{t.label}")
        elif not all(cond(obj) for cond in t.when):
            problems.append(f"此时不能{t.label}")
        for guard in t.guards:
            result = guard(obj, **context)
            if isinstance(result, str):
                problems.append(result)
            elif result:
                problems.extend(result)
        if t.reason_required and not (context.get("reason") or "").strip():
            problems.append(f"{t.label}须填写理由")
        return problems


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
    **inputs,
):
    """Run transition ``name`` on ``obj``; ``inputs`` reach its guards, fields, clocks and messages."""
    t = flow.transition(name)
    on = on or timezone.localdate()
    context = {**inputs, "by": by, "on": on, "reason": reason}
    with transaction.atomic():
        obj = type(obj).objects.select_for_update().get(pk=obj.pk)
        _check_actor(flow, t, obj, by)
        problems = flow.unmet(obj, name, **context)
        if problems:
            raise GateBlocked(t.label, problems)
        if hasattr(obj, "version"):
            claim_version(obj, expected_version)
        before = flow.state_of(obj)
        if t.apply:
            t.apply(obj, **context)
        if t.target:
            setattr(obj, flow.state_field, t.target)
        obj.save()
        _finish(flow, t, obj, context, before=before, data=data)
    return obj


def create(
    flow: Flow,
    name: str,
    *,
    build: Callable[[], Any],
    by,
    reason: str = "",
    data: dict | None = None,
    on: dt.date | None = None,
    **inputs,
):
    """Run a transition that makes its record: ``build()`` returns the unsaved row (its unit decides who
    may); the guards see it before anything is written."""
    t = flow.transition(name)
    if t.source:
        raise ValueError(f"{flow.name}.{name} is not a creating transition (source=NEW)")
    on = on or timezone.localdate()
    context = {**inputs, "by": by, "on": on, "reason": reason}
    with transaction.atomic():
        obj = build()
        _check_actor(flow, t, obj, by)
        problems = flow.unmet(obj, name, **context)
        if problems:
            raise GateBlocked(t.label, problems)
        if t.apply:
            t.apply(obj, **context)
        if t.target:
            setattr(obj, flow.state_field, t.target)
        obj.save()
        _finish(flow, t, obj, context, before="", data=data)
    return obj


def create_many(
    flow: Flow,
    name: str,
    *,
    model,
    rows: list[dict],
    by,
    subject,
    data: dict | None = None,
    reason: str = "",
    on: dt.date | None = None,
) -> list[dict]:
    """Run a creating transition on many new records at once (an import), given as dicts of field values:
    who may (asked once per unit: a new record's permission follows its unit), bulk inserts (``core.bulk``:
    COPY on PostgreSQL), ``after_many(rows)`` with each row's ``id`` set, and ONE audit event on ``subject``
    (the import itself) carrying ``data`` and the row count, all in one transaction. ``starts`` clocks that
    count a period from a day of the record (``Clock(rule, start=…)``; None: no clock for that row) start on
    every row, inserted in bulk too. Only for transitions without guards, fields to apply, fixed-date or
    per-share clocks, messages or a per-row ``after``."""
    t = flow.transition(name)
    if t.source:
        raise ValueError(f"{flow.name}.{name} is not a creating transition (source=NEW)")
    if t.guards or t.apply or t.notifies or t.reason_required or (t.after and not t.after_many):
        raise ValueError(f"{flow.name}.{name} has guards, fields, messages or a per-row after: not in bulk")
    if any(isinstance(e, Clock) and (e.due or e.each) for e in t.starts):
        raise ValueError(f"{flow.name}.{name} starts fixed-date or per-share clocks: not in bulk")
    on = on or timezone.localdate()
    context = {"by": by, "on": on, "reason": reason}
    with transaction.atomic():
        probes = {}
        for row in rows:
            unit = row.get("unit")
            if unit not in probes:
                probes[unit] = model(**row)
                _check_actor(flow, t, probes[unit], by)
            if t.target:
                row[flow.state_field] = t.target
        for row, id_ in zip(rows, insert_rows(model, rows)):
            row["id"] = id_
        if t.starts:
            _start_many(flow, t, model, rows, context)
        if t.after_many:
            t.after_many(rows, **context)
        record_event(
            actor=by,
            subject=subject,
            action=f"{flow.name}.{t.name}",
            action_label=t.label,
            reason=reason,
            data={"rows": len(rows), **(data or {})},
        )
    return rows


class PublicActor:
    """A member of the public on the portal: no account, named in the audit chain as “公众”."""

    pk = None
    unit = None
    unit_id = None
    is_authenticated = False
    is_active = False
    is_superuser = False
    display_name = "公众"

    def __str__(self):
        return self.display_name


PUBLIC = PublicActor()


def _check_actor(flow: Flow, t: Transition, obj, by) -> None:
    if by is None:
        if not t.by_system:
            raise AccessDenied(f"“{t.label}”须由工作人员办理")
    elif isinstance(by, PublicActor):
        if not t.public:
            raise AccessDenied(f"“{t.label}”须由工作人员办理")
    elif not t.who(by, obj):
        raise AccessDenied(f"您无权{t.label}（需{t.who.label}）")


def _finish(flow: Flow, t: Transition, obj, context: dict, *, before: str, data: dict | None) -> None:
    _run_clocks(flow, t, obj, context)
    if t.after:
        t.after(obj, **context)
    after_state = flow.state_of(obj)
    extra = t.event_data(obj, **context) if t.event_data else {}
    record_event(
        actor=context["by"],
        subject=flow.event_subject(obj) if flow.event_subject else obj,
        action=f"{flow.name}.{t.name}",
        action_label=t.event_label(obj, **context) if t.event_label else t.label,
        from_state=before,
        to_state=after_state,
        reason=context["reason"],
        data={**extra, **(data or {})},
        unit=flow.event_unit(obj) if flow.event_unit else None,
    )
    if t.notifies:
        notify_many(t.notifies(obj, **context))
    bus.emit(f"{flow.name}.{t.name}", obj=obj, **context)


def _rule(entry, obj) -> Rule | None:
    """A clock's rule is named directly, or chosen by a function of the record (the law version in force,
    the procedure …); None means no clock."""
    return entry if isinstance(entry, Rule) else entry(obj)


def _each_clock(entries, obj, context):
    for entry in entries:
        rule = _rule(entry.rule if isinstance(entry, Clock | Extend) else entry, obj)
        if rule is not None:
            yield entry, rule


def _subjects(entry, obj) -> Iterable:
    """The records a clock entry runs on: ``Clock.each`` of the record, or the record itself."""
    return entry.each(obj) if isinstance(entry, Clock) and entry.each else (obj,)


def _open_clocks(entries, obj, context):
    for entry, rule in _each_clock(entries, obj, context):
        for subject in _subjects(entry, obj):
            yield from clocks.clocks_of(subject, rule=rule)


def _run_clocks(flow: Flow, t: Transition, obj, context: dict) -> None:
    on = context["on"]
    for deadline in _open_clocks(t.stops, obj, context):
        clocks.stop_clock(deadline, on=on)
    for deadline in _open_clocks(t.cancels, obj, context):
        clocks.stop_clock(deadline, on=on, cancelled=True)
    for deadline in _open_clocks(t.pauses, obj, context):
        if deadline.status == "running":
            clocks.pause_clock(deadline, on=on)
    for deadline in _open_clocks(t.resumes, obj, context):
        if deadline.status == "paused":
            clocks.resume_clock(deadline, on=on)
    for _, rule in _each_clock(t.restarts, obj, context):
        deadline = clocks.open_clock(obj, rule)
        if deadline is None:
            raise YifaError(f"“{rule.title}”未在计时，不能重新起算（{rule.citation}）", field="state")
        clocks.restart_clock(deadline, on=on)
    for entry, rule in _each_clock(t.extends, obj, context):
        deadline = clocks.open_clock(obj, rule)
        if deadline is None:
            raise YifaError(f"“{rule.title}”未在计时，不能延长", field="days")
        clocks.extend_clock(deadline, days=context.get("days"), max_times=entry.max_times)
    for entry, rule in _each_clock(t.starts, obj, context):
        spec = entry if isinstance(entry, Clock) else Clock(rule)
        start = on if spec.start is None else spec.start(obj, **context)
        if start is None:
            continue
        for subject in _subjects(spec, obj):
            _start(flow, spec, rule, subject, start, context)


def _start_many(flow: Flow, t: Transition, model, rows: list[dict], context: dict) -> None:
    """The period clocks of ``create_many``'s rows: computed on one calendar, inserted in one batch."""
    calendar = current_calendar()
    found = []
    for row in rows:
        obj = model(**row)
        for entry, rule in _each_clock(t.starts, obj, context):
            spec = entry if isinstance(entry, Clock) else Clock(rule)
            start = context["on"] if spec.start is None else spec.start(obj, **context)
            if start is None:
                continue
            if not rule.is_period:
                raise ValueError(f"{flow.name}.{t.name}: {rule.id} has no period to count in bulk")
            found.append(
                clocks.new_clock(
                    subject=obj,
                    rule=rule,
                    start=start,
                    unit=flow.clock_unit(obj, rule),
                    assignee=spec.assignee(obj) if spec.assignee else None,
                    title=spec.title(obj) if spec.title else None,
                    calendar=calendar,
                )
            )
    Deadline.objects.bulk_create(found, batch_size=1000)


def _start(flow: Flow, spec: Clock, rule: Rule, subject, start: dt.date, context: dict) -> None:
    where = {
        "subject": subject,
        "rule": rule,
        "start": start,
        "unit": flow.clock_unit(subject, rule),
        "assignee": spec.assignee(subject) if spec.assignee else None,
        "title": spec.title(subject) if spec.title else None,
    }
    if rule.is_period:
        clocks.start_clock(**where)
    elif spec.due is not None:
        due = spec.due(subject, **context)
        if due is not None:
            clocks.start_fixed_clock(due=due, **where)


def assign(**fields) -> Callable[..., None]:
    """``apply=assign(closed_on=ON, reason=INPUT("reason"))``: set fields from constants, the day of the
    act (``ON``) or the act's inputs."""

    def apply(obj, **context):
        for name, value in fields.items():
            setattr(obj, name, value(obj, context) if callable(value) else value)

    return apply


def ON(obj, context):  # noqa: N802 - reads as a value in declarations
    return context["on"]


def INPUT(name: str, default=None, *, strip: bool = True):  # noqa: N802
    def value(obj, context):
        found = context.get(name, default)
        return found.strip() if strip and isinstance(found, str) else found

    return value


_all_flows_loaded = False


def state_label(action: str, state: str) -> str:
    """The Chinese label of ``state`` in the flow that wrote an event (action "<flow>.<transition>")."""
    global _all_flows_loaded
    if not state:
        return ""
    if not _all_flows_loaded:
        from ..registry import contributions

        for _ in contributions("flows"):
            pass
        _all_flows_loaded = True
    flow = FLOWS.get(action.split(".", 1)[0])
    if flow is None or state not in flow.states.values:
        return _known_labels().get(state, state)
    return flow.states(state).label


def _known_labels() -> dict[str, str]:
    """Every state any flow or clock knows, for events whose action names no flow (clock.start …)."""
    from ..models import DeadlineStatus

    labels = dict(DeadlineStatus.choices)
    for flow in FLOWS.values():
        labels.update(flow.states.choices)
    return labels
