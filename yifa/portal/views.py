"""The public portal: only what the modules publish (each app's portal.py)."""

from django.apps import apps
from django.http import Http404, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from yifa.core.registry import contributions

MAX_QUERY = 50


def _sections():
    for name, module in contributions("portal"):
        if name != "portal":
            yield name, module


def _gather(modules):
    sections, services = [], []
    for module in modules:
        for title, items_fn in getattr(module, "SECTIONS", []):
            sections.append({"title": title, "items": list(items_fn(limit=8))})
        services.extend(getattr(module, "SERVICES", []))
    return {"sections": sections, "services": services}


def home(request):
    return render(request, "portal/home.html", _gather(module for _, module in _sections()))


def module_home(request, module: str):
    """A module's landing page (its services and what it publishes) where the module has none of its own."""
    found = dict(_sections()).get(module)
    if found is None:
        raise Http404("没有这个栏目")
    return render(
        request, "portal/module.html", {**_gather([found]), "title": apps.get_app_config(module).verbose_name}
    )


def not_found(request, exception=None):
    return render(request, "portal/404.html" if not request.path.startswith("/staff/") else "core/404.html", status=404)


def server_error(request):
    """No database and no context processors here: the error may be theirs."""
    name = "core/500.html" if request.path.startswith("/staff/") else "portal/500.html"
    return HttpResponseServerError(loader.get_template(name).render({"request": request}))


def search(request):
    q = (request.GET.get("q") or "").strip()[:MAX_QUERY]
    results = []
    if q:
        for _, module in _sections():
            if hasattr(module, "search"):
                results.extend(module.search(q, limit=50))
    return render(request, "portal/search.html", {"q": q, "results": results})
