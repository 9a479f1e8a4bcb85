"""Public pages: published reports only; nothing else of this module is reachable here."""

from django.http import Http404
from django.shortcuts import render

from .queries import published_report, published_reports


def report_list(request):
    return render(request, "plans/portal_reports.html", {"reports": published_reports(200)})


def report_detail(request, pk: int):
    report = published_report(pk)
    if report is None:
        raise Http404("报告不存在或未公开")
    return render(request, "plans/portal_report.html", {"report": report})
