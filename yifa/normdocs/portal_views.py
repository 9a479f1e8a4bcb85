"""Public catalogue: only published documents; search, filters, a page per document, open data."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render

from yifa.core.errors import YifaError

from . import documents, queries
from .models import PUBLISHED_STATUSES, DocStatus


def _filters(request):
    unit, year = request.GET.get("unit", ""), request.GET.get("year", "")
    return {
        "q": (request.GET.get("q") or "").strip()[: queries.MAX_QUERY],
        "status": request.GET.get("status", ""),
        "unit_id": int(unit) if unit.isdigit() else None,
        "year": int(year) if year.isdigit() else None,
    }


def catalogue(request):
    filters = _filters(request)
    page = queries.page_of_documents(queries.public_documents(**filters), request.GET.get("page"), size=20)
    return render(
        request,
        "normdocs/portal/catalogue.html",
        {
            "page": page,
            **filters,
            "statuses": [(s, DocStatus(s).label) for s in PUBLISHED_STATUSES],
            "issuers": queries.public_issuers(),
            "years": queries.public_years(),
            "query_string": request.GET.urlencode(),
            "campaigns": queries.campaigns(published_only=True)[:10],
        },
    )


def detail(request, pk):
    doc = queries.public_document(pk)
    if doc is None:
        raise Http404("没有这份公开的规范性文件")
    relations_out, relations_in = queries.relations_of(doc)
    return render(
        request,
        "normdocs/portal/detail.html",
        {
            "doc": doc,
            "relations_out": [r for r in relations_out if r.target.is_published],
            "relations_in": relations_in,
            "history": queries.public_history(doc),
            "joint": queries.joint_issuers(doc),
            "files": queries.files_of(doc, public=True),
        },
    )


def export(request, fmt):
    qs = queries.open_data(**_filters(request))
    base = request.build_absolute_uri("/").rstrip("/")
    if fmt == "csv":
        response = HttpResponse(documents.open_data_csv(qs, base), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="normdocs.csv"'
        return response
    if fmt == "json":
        return HttpResponse(documents.open_data_json(qs, base), content_type="application/json; charset=utf-8")
    raise Http404("只提供 csv 和 json 格式")


def _published_campaign(pk):
    found = queries.published_campaign(pk)
    if found is None:
        raise Http404("没有这次已公布的清理")
    return found


def campaign(request, pk):
    found = _published_campaign(pk)
    lists = []
    for kind, title, _ in queries.CATALOGUES:
        _, items = queries.catalogue(found, kind)
        lists.append({"kind": kind, "title": title, "items": items})
    return render(request, "normdocs/portal/campaign.html", {"campaign": found, "lists": lists})


def campaign_file(request, pk, kind, fmt):
    found = _published_campaign(pk)
    try:
        return documents.catalogue_download(found, kind, fmt)
    except YifaError as exc:
        raise Http404(exc.message) from None
