"""Inbox and email. ``key`` makes each message idempotent per person."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.mail import get_connection, send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q

from .models import Notification, Role, Unit, User

KEYS_PER_QUERY = 2000  # keys looked up at once (with their users, well under SQLite's 32,766 parameters)


@dataclass(frozen=True)
class Message:
    users: Iterable
    key: str
    title: str
    body: str = ""
    link: str = ""


def notify(*, users, key: str, title: str, body: str = "", link: str = "") -> int:
    """Send to each user once per key. Returns how many were newly sent. The inbox rows are part of the
    caller's transaction; e-mail goes out only after it commits (never while the audit chain is locked,
    and never for a write that was rolled back)."""
    return notify_many([Message(users, key, title, body, link)])


def notify_many(messages: Iterable[Message]) -> int:
    """``notify`` for many messages at once (a daily job's reminders): which were already sent is read with
    one query per ``KEYS_PER_QUERY`` keys, and the new ones are inserted together, so a run with nothing new
    costs a query, not one per message. Returns how many were newly sent."""
    return len(send(messages))


def send(messages: Iterable[Message]) -> list[Notification]:
    """``notify_many``, returning the notifications newly written (to count them by kind)."""
    wanted: dict[tuple[int, str], tuple[User, Message]] = {}
    for message in messages:
        for user in message.users:
            wanted.setdefault((user.pk, message.key), (user, message))
    if not wanted:
        return []
    keys = sorted({key for _, key in wanted})
    user_ids = sorted({pk for pk, _ in wanted})
    told: set[tuple[int, str]] = set()
    for first in range(0, len(keys), KEYS_PER_QUERY):
        chunk = keys[first : first + KEYS_PER_QUERY]
        # the (user, key) unique index answers this; a key alone has no index of its own
        told.update(
            Notification.objects.filter(user_id__in=user_ids, key__in=chunk).values_list("user_id", "key").iterator()
        )
    new = [
        Notification(user=user, key=m.key, title=m.title, body=m.body, link=m.link)
        for pair, (user, m) in wanted.items()
        if pair not in told
    ]
    if not new:
        return []
    try:
        with transaction.atomic():
            Notification.objects.bulk_create(new, batch_size=1000)
        created = new
    except IntegrityError:  # another run sent some of them meanwhile: one at a time, skipping those
        created = []
        for note in new:
            try:
                with transaction.atomic():
                    note.pk = None
                    note.save(force_insert=True)
            except IntegrityError:
                continue
            created.append(note)
    mailed = [(note, note.user.email) for note in created if note.user.email]
    if mailed:
        transaction.on_commit(lambda: _email(mailed))
    return created


def _email(mailed: list[tuple[Notification, str]]) -> None:
    """After the commit: each message over one mail connection, then the sent ones marked in one UPDATE."""
    sent = []
    with get_connection(fail_silently=True) as connection:
        for note, address in mailed:
            subject, text = f"[依法] {note.title}", f"{note.body}\n\n{note.link}".strip()
            if send_mail(subject, text, None, [address], fail_silently=True, connection=connection):
                sent.append(note.pk)
    for first in range(0, len(sent), KEYS_PER_QUERY):
        Notification.objects.filter(pk__in=sent[first : first + KEYS_PER_QUERY]).update(emailed=True)


def unit_contacts(unit, *roles: str):
    """The people a unit's reminders go to: its liaison (专人负责) and head, by default."""
    roles = roles or (Role.LIAISON, Role.HEAD)
    return User.objects.filter(unit=unit, is_active=True, role_grants__role__in=roles).distinct()


def contacts_by_unit(unit_ids: Iterable[int], *roles: str) -> dict[int, list[User]]:
    """``unit_contacts`` of many units in one query: {unit id: [people]} (a unit with nobody: absent)."""
    roles = roles or (Role.LIAISON, Role.HEAD)
    found: dict[int, list[User]] = {}
    unit_ids = set(unit_ids)
    if not unit_ids:
        return found
    people = User.objects.filter(unit_id__in=unit_ids, is_active=True, role_grants__role__in=roles).distinct()
    for user in people.order_by("unit_id", "pk"):
        found.setdefault(user.unit_id, []).append(user)
    return found


def legal_office_staff():
    """Everyone in the legal office, its divisions (e.g. 行政复议科) included."""
    paths = Unit.objects.filter(is_legal_office=True).values_list("path", flat=True)
    in_office = Q(pk__in=[])
    for path in paths:
        in_office |= Q(unit__path__startswith=path)
    return User.objects.filter(in_office, is_active=True)
