"""The staff menu: each app's ``nav.py`` lists ``Link(label, url name, who)``; a person sees a link only
when ``who`` lets them open its page (the same ``Who`` the page checks). A plain ``(label, url name)``
means a unit-scoped page: every member of an organ, not an outside expert."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from django.apps import apps

from .procedure.who import MEMBER, Who
from .registry import contributions


class Link(NamedTuple):
    label: str
    url_name: str
    who: Who = MEMBER
    count: Callable | None = None  # count(user): a number shown beside the link (unread notices)


def _links(entries) -> list[Link]:
    return [entry if isinstance(entry, Link) else Link(*entry) for entry in entries]


def groups() -> list[tuple[str, list[Link]]]:
    """Every group of the menu, in app order (core's administration group after core's own)."""
    found = []
    for name, module in contributions("nav"):
        found.append((apps.get_app_config(name).verbose_name, _links(module.NAV)))
        if hasattr(module, "ADMIN_NAV"):
            found.append(("系统管理", _links(module.ADMIN_NAV)))
    return found


def groups_for(user) -> list[tuple[str, list[tuple[Link, int]]]]:
    """The menu this person may use: links whose page they may open (each with its count, 0 if none),
    groups with at least one link."""
    shown = []
    for title, links in groups():
        mine = [(link, link.count(user) if link.count else 0) for link in links if link.who(user)]
        if mine:
            shown.append((title, mine))
    return shown
