"""Each app contributes by convention, so no app edits another's files:
- ``<app>/rules.py``: its statutory rules (registered on import);
- ``<app>/demo.py``: ``load(cast)`` adds its part of the demo city;
- ``<app>/seed.py``: ``seed(scale, progress)`` adds benchmark data;
- ``<app>/portal.py``: ``PORTAL_SECTIONS``, ``search(q)`` and ``SERVICES`` for the public portal;
- ``<app>/todo.py``: ``items_for(user)`` for the staff to-do list;
- ``<app>/nav.py``: ``NAV`` = [Link(label, url name, who)] for the staff menu (``core.navigation``).
"""

from importlib import import_module

from django.conf import settings


def _optional(app_name: str, module: str):
    try:
        return import_module(f"{app_name}.{module}")
    except ModuleNotFoundError as exc:
        if exc.name == f"{app_name}.{module}":
            return None
        raise


def contributions(module: str):
    for app_name in settings.YIFA_APPS:
        found = _optional(app_name, module)
        if found is not None:
            yield app_name.split(".")[-1], found


def autodiscover() -> None:
    for _ in contributions("rules"):
        pass
