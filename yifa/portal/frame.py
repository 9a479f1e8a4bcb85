"""The government-site frame around every portal page: the city, one top link per module, the
breadcrumb trail and the footer (主办单位, contact, 网站标识码), from settings."""

from __future__ import annotations

from django.apps import apps
from django.conf import settings

from yifa.core.registry import contributions


def modules() -> list[tuple[str, str, str]]:
    """(app name, label, landing address) of each module that publishes on the portal."""
    return [
        (name, apps.get_app_config(name).verbose_name, f"/{name}/")
        for name, _ in contributions("portal")
        if name != "portal"
    ]


def module_of(path: str):
    first = path.strip("/").split("/", 1)[0]
    return next((m for m in modules() if m[0] == first), None)


def frame(path: str) -> dict:
    current = module_of(path)
    crumbs = [("首页", "/")]
    if current:
        crumbs.append((current[1], current[2]))
    return {
        "city": settings.SITE_CITY,
        "sponsor": settings.SITE_SPONSOR,
        "operator": settings.SITE_OPERATOR,
        "contact": settings.SITE_CONTACT,
        "site_code": settings.SITE_CODE,
        "modules": modules(),
        "current": current[0] if current else "",
        "crumbs": crumbs,
        "at_landing": bool(current) and path.rstrip("/") == current[2].rstrip("/"),
    }
