"""Reads for the workspace pages and API: scoped, with their joins, paginated."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, Window
from django.db.models.functions import RowNumber

from .access import scope
from .models import Deadline, Event, Notification, Unit, User
from .models.deadlines import OPEN_STATUSES

PAGE_SIZE = 50
MAX_PAGE = 100_000  # far past any real list; an OFFSET beyond the database's integers is a server error


def int_param(text, *, low: int, high: int, default=None):
    """A number from a query string, or ``default`` if it is missing, not a whole number or out of range."""
    try:
        value = int(str(text).strip())
    except (TypeError, ValueError):
        return default
    return value if low <= value <= high else default


def deadlines_for(
    user, *, status: str = "open", today: dt.date, unit_id: int | None = None, within_days: int | None = None
):
    qs = scope(Deadline.objects.select_related("unit", "assignee"), user)
    if status == "open":
        qs = qs.filter(status__in=OPEN_STATUSES)
    elif status == "overdue":
        qs = qs.filter(status="running", due__lt=today)
    elif status:
        qs = qs.filter(status=status)
    if unit_id:
        qs = qs.filter(unit_id=unit_id)
    if within_days is not None:
        qs = qs.filter(due__gte=today, due__lte=today + dt.timedelta(days=within_days))
    # Status first lets the (status, due) index deliver rows in order: paused clocks
    # (no due date while stopped) head the list, then running ones by due date.
    return qs.order_by("status", "due", "id")


def page_of(qs, number, size: int = PAGE_SIZE):
    """A page without COUNT(*) over the whole table: one row more tells if there is a next page."""
    try:
        number = min(max(1, int(number or 1)), MAX_PAGE)
    except (TypeError, ValueError):
        number = 1
    offset = (number - 1) * size
    rows = list(qs[offset : offset + size + 1])
    return {"rows": rows[:size], "number": number, "has_next": len(rows) > size, "has_previous": number > 1}


def audit_events(
    user,
    *,
    subject_type: int | None = None,
    action: str = "",
    actor: str = "",
    subject: str = "",
    since: dt.date | None = None,
    until: dt.date | None = None,
):
    qs = Event.objects.select_related("unit").order_by("-id")
    if not user.sees_everything:
        qs = scope(qs, user)
    if action:
        qs = qs.filter(Q(action__startswith=action) | Q(action_label__contains=action))
    if actor:
        qs = qs.filter(actor_name__contains=actor)
    if subject:
        qs = qs.filter(subject_label__contains=subject)
    if since:
        qs = qs.filter(at__gte=_day_start(since))
    if until:
        qs = qs.filter(at__lt=_day_start(until + dt.timedelta(days=1)))
    return qs


def _day_start(day: dt.date) -> dt.datetime:
    from django.utils import timezone

    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def units_tree():
    return Unit.objects.order_by("path")


def people(user, q: str = ""):
    qs = scope(User.objects.select_related("unit").prefetch_related("role_grants"), user)
    if q:
        qs = qs.filter(Q(full_name__contains=q) | Q(username__contains=q) | Q(unit__name__contains=q))
    return qs.order_by("unit__path", "username")


def unread_count(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def inbox(user):
    return Notification.objects.filter(user=user).order_by("-created_at")


def first_of_each(qs, kind, *, order, limit: int) -> dict:
    """The first ``limit`` rows of ``qs`` for each value of ``kind`` (an expression over a row), in ``order``,
    by one query: ``{kind value: [rows]}``. A to-do list shows a few of each kind of item without one query
    per kind."""
    ranked = qs.annotate(kind_of_row=kind, rank_in_kind=Window(RowNumber(), partition_by=[kind], order_by=order))
    found: dict = {}
    for row in ranked.filter(rank_in_kind__lte=limit).order_by(*order):
        found.setdefault(row.kind_of_row, []).append(row)
    return found


def first_with_count(qs):
    """``qs``'s first row with ``total``, the number of rows of ``qs``, by one query (``None`` when empty)."""
    return qs.annotate(total=Window(Count("pk"))).order_by("pk").first()


def counted_by(qs, field: str, rows) -> dict:
    """{row pk: number of ``qs``'s records whose ``field`` is that row}, for the listed ``rows`` only (one query):
    a page's counts without a join over the whole related table."""
    return dict(
        qs.filter(**{f"{field}__in": [r.pk for r in rows]})
        .values_list(field)
        .annotate(n=Count("pk"))
        .values_list(field, "n")
        .order_by()
    )
