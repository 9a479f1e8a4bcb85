"""Public pages: published 述法 reports only; nothing else of this module is reachable here."""

from django.http import Http404
from django.shortcuts import render

from yifa.core.queries import page_of

from . import rules
from .queries import published_shufa


def shufa_list(request):
    page = page_of(published_shufa(), request.GET.get("page"))
    return render(request, "assessment/portal_shufa_list.html", {"page": page, "rule": rules.FIRST_RESPONSIBLE})


def shufa(request, pk: int):
    report = published_shufa().filter(pk=pk).first()
    if report is None:
        raise Http404("报告不存在或未公开")
    return render(request, "assessment/portal_shufa.html", {"report": report})
