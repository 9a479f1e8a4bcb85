"""Each app contributes by convention, so no app edits another's files:
- ``<app>/rules.py``: its statutory rules (registered on import);
- ``<app>/demo.py``: ``load(cast)`` adds its part of the demo city;
- ``<app>/seed.py``: ``seed(scale, progress)`` adds benchmark data;
- ``<app>/portal.py``: ``PORTAL_SECTIONS``, ``search(q)`` and ``SERVICES`` for the public portal;
- ``<app>/todo.py``: ``items_for(user)`` for the staff to-do list;
- ``<app>/nav.py``: ``NAV`` = [(label, url name)] for the staff menu;
- ``<app>/hooks.py``: functions other apps ask by name through ``refusals(hook_name, **kwargs)``; each
  returns None, a refusal message or a list of them (e.g. ``renewal_refusals(officer=, on=)``: why a
  certificate may not be renewed, asked by enforcement and answered by training).
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


def refusals(hook_name: str, **kwargs) -> list[str]:
    """Every app's answer to ``hooks.<hook_name>(**kwargs)``: the refusal messages, in app order."""
    found: list[str] = []
    for _, hooks in contributions("hooks"):
        hook = getattr(hooks, hook_name, None)
        if hook is None:
            continue
        result = hook(**kwargs)
        if isinstance(result, str):
            found.append(result)
        elif result:
            found.extend(result)
    return found
