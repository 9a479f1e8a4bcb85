"""Statutory clocks on records: start, pause, resume, extend, restart, stop.

Each call recomputes ``due`` from the stored inputs with the one engine in
``yifa.lib.deadlines``; nothing shifts a date by hand. Run these inside the
calling service's transaction: the service writes the event.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q

from yifa.lib.deadlines import Pause, zh_date
from yifa.lib.law import REGISTRY, Rule, get_rule

from .calendar import current_calendar
from .closed_counts import count_closing
from .errors import YifaError
from .models import Deadline, DeadlineStatus
from .models.deadlines import OPEN_STATUSES


def _pauses(pauses: list) -> list[Pause]:
    return [Pause(dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for a, b in pauses]


def counted(rule: Rule, calendar, *, status, paused_since, start, pauses, extension_days, restart) -> tuple:
    """(due, explanation) of a running or paused clock of a period ``rule``, from its stored inputs."""
    if status == DeadlineStatus.PAUSED:
        return None, f"自{paused_since:%Y年%m月%d日}起中止计时，恢复后重新计算届满日"
    result = rule.due(start, calendar, pauses=_pauses(pauses), extension=extension_days, restart=restart)
    return result.due, "，".join(result.explanation)


def recompute(deadline: Deadline, *, save: bool = True, calendar=None) -> Deadline:
    rule = get_rule(deadline.rule_id)
    if not rule.is_period:  # a fixed date set by a plan or decision: nothing to count
        return deadline
    deadline.due, deadline.explanation = counted(
        rule,
        calendar or current_calendar(),
        **{name: getattr(deadline, name) for name in _INPUTS if name != "rule_id"},
    )
    if save:
        deadline.save(update_fields=["due", "explanation"])
    return deadline


def new_clock(
    *, subject, rule: Rule, start: dt.date, unit, title: str | None = None, assignee=None, link: str = "", calendar=None
) -> Deadline:
    """The clock ``start_clock`` starts, with its due date computed, not yet saved (``calendar``: the one
    calendar read once for many clocks, as an import starts them in bulk)."""
    deadline = Deadline(
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=str(subject.pk),
        subject_label=str(subject)[:200],
        link=link or _link(subject),
        rule_id=rule.id,
        title=title or rule.title,
        unit=unit,
        assignee=assignee,
        start=start,
    )
    return recompute(deadline, save=False, calendar=calendar)


def start_clock(
    *, subject, rule: Rule, start: dt.date, unit, title: str | None = None, assignee=None, link: str = ""
) -> Deadline:
    deadline = new_clock(subject=subject, rule=rule, start=start, unit=unit, title=title, assignee=assignee, link=link)
    deadline.save()
    return deadline


def start_fixed_clock(
    *, subject, rule: Rule, due: dt.date, unit, start: dt.date, title: str | None = None, assignee=None, link: str = ""
) -> Deadline:
    """A due date fixed by a plan or decision (``rule`` is the gate that requires it), not counted
    from an event: it joins the deadline pages, reminders and overdue marks like any clock."""
    if rule.is_period:
        raise ValueError(f"{rule.id} is a period: use start_clock")
    return Deadline.objects.create(
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=str(subject.pk),
        subject_label=str(subject)[:200],
        link=link or _link(subject),
        rule_id=rule.id,
        title=title or rule.title,
        unit=unit,
        assignee=assignee,
        start=start,
        due=due,
        explanation=f"完成时限为{zh_date(due)}，依据{rule.citation}",
    )


def _link(subject) -> str:
    return subject.get_absolute_url() if hasattr(subject, "get_absolute_url") else ""


def clocks_of(subject, *, rule: Rule | None = None, open_only: bool = True):
    qs = Deadline.objects.filter(subject_type=ContentType.objects.get_for_model(subject), subject_id=str(subject.pk))
    if rule is not None:
        qs = qs.filter(rule_id=rule.id)
    if open_only:
        qs = qs.filter(status__in=OPEN_STATUSES)
    return qs


def clocks_of_model(model):
    """Every clock on records of ``model``: a module's query over its own clocks, filtered by the caller."""
    return Deadline.objects.filter(subject_type=ContentType.objects.get_for_model(model))


def clocks_of_rule(rule: Rule):
    """Every clock of ``rule``, whatever its record or status: a module's board of one period."""
    return Deadline.objects.filter(rule_id=rule.id)


def clocks_by_subject(subjects, *, open_only: bool = True) -> dict[int, list[Deadline]]:
    """Clocks of many records of one model in one query: {pk: [clocks by due date]}."""
    subjects = list(subjects)
    grouped: dict[int, list[Deadline]] = {s.pk: [] for s in subjects}
    if not subjects:
        return grouped
    qs = Deadline.objects.filter(
        subject_type=ContentType.objects.get_for_model(subjects[0]), subject_id__in=[str(s.pk) for s in subjects]
    ).select_related("unit")
    if open_only:
        qs = qs.filter(status__in=OPEN_STATUSES)
    for deadline in qs.order_by("due", "id"):
        grouped[int(deadline.subject_id)].append(deadline)
    return grouped


def open_clock(subject, rule: Rule) -> Deadline | None:
    return clocks_of(subject, rule=rule).order_by("-id").first()


def pause_clock(deadline: Deadline, *, on: dt.date) -> Deadline:
    """The clock stops from ``on`` (inclusive) until resumed."""
    if deadline.status != DeadlineStatus.RUNNING:
        raise YifaError(f"“{deadline.title}”未在计时，不能中止", field="status")
    deadline.status, deadline.paused_since = DeadlineStatus.PAUSED, on
    deadline.save(update_fields=["status", "paused_since"])
    return recompute(deadline)


def resume_clock(deadline: Deadline, *, on: dt.date) -> Deadline:
    """Counting resumes on ``on``; the paused days (paused_since … on-1) do not count."""
    if deadline.status != DeadlineStatus.PAUSED:
        raise YifaError(f"“{deadline.title}”未中止，无需恢复", field="status")
    if on < deadline.paused_since:
        raise YifaError("恢复日期不能早于中止日期", field="on")
    if on > deadline.paused_since:
        last = on - dt.timedelta(days=1)
        deadline.pauses = [*deadline.pauses, [deadline.paused_since.isoformat(), last.isoformat()]]
    deadline.status, deadline.paused_since = DeadlineStatus.RUNNING, None
    deadline.save(update_fields=["status", "paused_since", "pauses"])
    return recompute(deadline)


def add_pause(deadline: Deadline, *, first: dt.date, last: dt.date) -> Deadline:
    """A closed interval that does not count (e.g. 听证、鉴定 time)."""
    if last < first:
        raise YifaError(f"不计入期限的区间：结束日{last}早于开始日{first}", field="last")
    deadline.pauses = [*deadline.pauses, [first.isoformat(), last.isoformat()]]
    deadline.save(update_fields=["pauses"])
    return recompute(deadline)


def extend_clock(deadline: Deadline, *, days: int, max_times: int | None = 1) -> Deadline:
    """Extend within the rule's cap on the total; ``max_times`` None where the law caps only the
    total (行政复议法第六十二条第一款：延长期限最多不得超过三十日)."""
    rule = get_rule(deadline.rule_id)
    if not rule.extension_days:
        raise YifaError(f"{rule.citation}未规定可以延长“{rule.title}”", field="days")
    if max_times is not None and deadline.extensions_used >= max_times:
        raise YifaError(f"“{rule.title}”只能延长{max_times}次（{rule.citation}）", field="days")
    if not deadline.is_open:
        raise YifaError("期限已结束，不能延长", field="days")
    left = rule.extension_days - deadline.extension_days
    if days <= 0 or days > left:
        raise YifaError(
            f"延长天数须为1至{left}{rule.unit.label}：{rule.citation}规定延长最多不超过"
            f"{rule.extension_days}{rule.unit.label}，已延长{deadline.extension_days}{rule.unit.label}",
            field="days",
        )
    deadline.extension_days += days
    deadline.extensions_used += 1
    deadline.save(update_fields=["extension_days", "extensions_used"])
    return recompute(deadline)


def restart_clock(deadline: Deadline, *, on: dt.date) -> Deadline:
    """The period runs anew from ``on`` (e.g. 补正材料收到之日起重新计算); old pauses no longer matter."""
    if not deadline.is_open:
        raise YifaError(f"“{deadline.title}”已于{deadline.closed_on}结束，不能重新起算", field="on")
    if on < deadline.start:
        raise YifaError(f"重新起算日{on}不能早于原起算日{deadline.start}", field="on")
    deadline.restart, deadline.pauses = on, []
    deadline.status, deadline.paused_since = DeadlineStatus.RUNNING, None
    deadline.overdue_marked = False
    deadline.save(update_fields=["restart", "pauses", "status", "paused_since", "overdue_marked"])
    return recompute(deadline)


def stop_clock(deadline: Deadline, *, on: dt.date, cancelled: bool = False) -> Deadline:
    if not deadline.is_open:
        return deadline
    if cancelled:
        deadline.status = DeadlineStatus.CANCELLED
    elif deadline.due is not None and on > deadline.due:
        deadline.status = DeadlineStatus.LATE
    else:
        deadline.status = DeadlineStatus.MET
    deadline.closed_on = on
    deadline.save(update_fields=["status", "closed_on"])
    count_closing(deadline)
    return deadline


def clocks_touching(*, day: dt.date | None = None, year: int | None = None):
    """Open clocks whose counting window can contain ``day`` (or any day of ``year``).
    A clock that started after the day, or fell due before it, cannot change."""
    qs = Deadline.objects.filter(status__in=OPEN_STATUSES)
    if day is not None:
        qs = qs.filter(start__lt=day).filter(Q(due__gte=day) | Q(due__isnull=True))
    if year is not None:
        qs = qs.filter(start__year__lte=year).filter(Q(due__year__gte=year) | Q(due__isnull=True))
    return qs


RECOMPUTE_BATCH = 5000
_INPUTS = ("rule_id", "status", "paused_since", "start", "pauses", "extension_days", "restart")


def recompute_open_clocks(progress=None, *, day: dt.date | None = None, year: int | None = None) -> int:
    """After a calendar edit: the open clocks it can move, again from their inputs (all open clocks when
    neither ``day`` nor ``year`` is given). Rows are read as tuples, clocks with the same inputs are computed
    once, and only the rows whose date or explanation moved are written, each batch in one statement and its
    own transaction. ``progress(done, total)`` after each batch. Returns how many changed."""
    calendar = current_calendar()
    touching = clocks_touching(day=day, year=year).order_by("pk").values_list("pk", *_INPUTS, "due", "explanation")
    total = touching.count() if progress else 0
    computed: dict[tuple, tuple | None] = {}
    changed = done = last = 0
    while True:
        with transaction.atomic():
            batch = list(touching.filter(pk__gt=last)[:RECOMPUTE_BATCH])
            if not batch:
                break
            moved = []
            for pk, *inputs, due, explanation in batch:
                now = _computed(dict(zip(_INPUTS, inputs)), calendar, computed)
                if now is not None and now != (due, explanation):
                    moved.append(Deadline(pk=pk, due=now[0], explanation=now[1]))
            Deadline.objects.bulk_update(moved, ["due", "explanation"], batch_size=500)
        changed, done, last = changed + len(moved), done + len(batch), batch[-1][0]
        if progress:
            progress(done, total)
    return changed


def _computed(inputs: dict, calendar, computed: dict) -> tuple | None:
    """(due, explanation) of a clock with these inputs, computed once per distinct inputs; None for a date
    set by a plan or decision (it stays) or a rule no longer declared (its stored date stays: the edit goes on)."""
    paused = inputs["status"] == DeadlineStatus.PAUSED
    key = (
        inputs["rule_id"],
        paused and inputs["paused_since"],
        inputs["start"],
        tuple(map(tuple, inputs["pauses"])),
        inputs["extension_days"],
        inputs["restart"],
    )
    if key not in computed:
        rule = REGISTRY.get(inputs["rule_id"])
        if rule is None or not rule.is_period:
            computed[key] = None
        else:
            computed[key] = counted(rule, calendar, **{k: v for k, v in inputs.items() if k != "rule_id"})
    return computed[key]
