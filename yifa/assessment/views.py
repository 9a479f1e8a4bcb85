"""Staff pages: the cockpit, a unit's score with the records behind it, the leaders' reports."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from yifa.core.audit import timeline
from yifa.core.procedure import form_error_text
from yifa.core.queries import int_param
from yifa.core.views import staff_view

from . import chart, forms, queries, rules, services
from .access import access_report, access_unit
from .flows import DRAFTER
from .indicators import INDICATORS, TOTAL


def _year_and_date(request):
    today = timezone.localdate()
    year = int_param(request.GET.get("year"), low=2000, high=2100, default=today.year)
    as_of = today if year == today.year else min(today, dt.date(year, 12, 31))
    return year, as_of


@staff_view
def cockpit(request):
    year, as_of = _year_and_date(request)
    rows = queries.scores(request.user, year=year, as_of=as_of)
    return render(
        request,
        "assessment/cockpit.html",
        {
            "year": year,
            "as_of": as_of,
            "rows": rows,
            "indicators": INDICATORS,
            "total": TOTAL,
            "basis": rules.ASSESSMENT,
            "worst": queries.worst_indicators(rows),
            "chart": chart.bars([(r.unit.short_name or r.unit.name, r.total) for r in rows], TOTAL),
        },
    )


@staff_view
def unit(request, pk: int):
    year, as_of = _year_and_date(request)
    score = queries.unit_score(access_unit(request.user, pk), year=year, as_of=as_of)
    return render(request, "assessment/unit.html", {"score": score, "year": year, "as_of": as_of, "total": TOTAL})


@staff_view
def reports(request):
    year = int_param(request.GET.get("year"), low=2000, high=2100, default=timezone.localdate().year)
    return render(
        request,
        "assessment/reports.html",
        {
            "year": year,
            "reports": queries.reports(request.user, year=year),
            "form": forms.DraftForm(initial={"year": year}),
            "may_draft": request.user.unit_id is not None and DRAFTER(request.user, request.user),
            "basis": (rules.FIRST_RESPONSIBLE, rules.RULE_OF_LAW_REPORT_PARTS),
        },
    )


@staff_view
@require_POST
def report_draft(request):
    form = forms.DraftForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_error_text(form))
        return redirect("assessment:reports")
    report = services.report_draft(by=request.user, unit=request.user.unit, **form.cleaned_data)
    messages.success(request, f"已按本单位数据起草“{report.title}”，请修改后提交")
    return redirect(report)


@staff_view
def report(request, pk: int, bound=None):
    from .actions import REPORT_ACTIONS

    obj = access_report(request.user, pk)
    return render(
        request,
        "assessment/report.html",
        {"report": obj, "actions": REPORT_ACTIONS.offered(request.user, obj, bound=bound), "timeline": timeline(obj)},
    )
