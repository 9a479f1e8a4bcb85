"""The public portal: only what the modules publish (each app's portal.py)."""

from django.shortcuts import render

from yifa.core.registry import contributions

MAX_QUERY = 50


def _sections():
    for name, module in contributions("portal"):
        if name != "portal":
            yield name, module


def home(request):
    sections, services = [], []
    for _, module in _sections():
        for title, items_fn in getattr(module, "SECTIONS", []):
            sections.append({"title": title, "items": list(items_fn(limit=8))})
        services.extend(getattr(module, "SERVICES", []))
    return render(request, "portal/home.html", {"sections": sections, "services": services})


def search(request):
    q = (request.GET.get("q") or "").strip()[:MAX_QUERY]
    results = []
    if q:
        for _, module in _sections():
            if hasattr(module, "search"):
                results.extend(module.search(q, limit=50))
    return render(request, "portal/search.html", {"q": q, "results": results})
