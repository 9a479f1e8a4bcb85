"""Inbox and email. ``key`` makes each message idempotent per person."""

from __future__ import annotations

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q

from .models import Notification, Role, Unit, User


def notify(*, users, key: str, title: str, body: str = "", link: str = "") -> int:
    """Send to each user once per key. Returns how many were newly sent. The inbox rows are part of the
    caller's transaction; e-mail goes out only after it commits (never while the audit chain is locked,
    and never for a write that was rolled back)."""
    sent = 0
    users = list(users)
    told = set(Notification.objects.filter(key=key, user__in=users).values_list("user_id", flat=True))
    for user in users:
        if user.pk in told:  # the usual case on a repeated run: one query, no failed insert per person
            continue
        try:
            with transaction.atomic():
                note = Notification.objects.create(user=user, key=key, title=title, body=body, link=link)
        except IntegrityError:
            continue
        sent += 1
        if user.email:
            transaction.on_commit(lambda note=note, address=user.email: _email(note, address))
    return sent


def _email(note: Notification, address: str) -> None:
    send_mail(f"[依法] {note.title}", f"{note.body}\n\n{note.link}".strip(), None, [address], fail_silently=True)
    Notification.objects.filter(pk=note.pk).update(emailed=True)


def unit_contacts(unit, *roles: str):
    """The people a unit's reminders go to: its liaison (专人负责) and head, by default."""
    roles = roles or (Role.LIAISON, Role.HEAD)
    return User.objects.filter(unit=unit, is_active=True, role_grants__role__in=roles).distinct()


def legal_office_staff():
    """Everyone in the legal office, its divisions (e.g. 行政复议科) included."""
    paths = Unit.objects.filter(is_legal_office=True).values_list("path", flat=True)
    in_office = Q(pk__in=[])
    for path in paths:
        in_office |= Q(unit__path__startswith=path)
    return User.objects.filter(in_office, is_active=True)
