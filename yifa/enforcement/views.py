"""Staff pages: validate, call one service or query, render. Acts on a case or certificate run through the
kit's action view (actions.py)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone

from yifa.core.access import can_see_personal_data, scope
from yifa.core.clocks import clocks_of
from yifa.core.downloads import file_download
from yifa.core.errors import YifaError
from yifa.core.procedure import LEGAL_OFFICE, show_service_errors
from yifa.core.queries import int_param
from yifa.core.views import staff_view

from . import forms, guards, importer, lists, queries, rules, services
from .access import access_case, access_officer
from .documents import statistics_xlsx
from .models import Body, CaseState

MAX_ID = 2**63 - 1


@staff_view
def index(request):
    state = request.GET.get("state", "")
    q = request.GET.get("q", "")[:50]
    after = int_param(request.GET.get("after"), low=1, high=MAX_ID, default=None)
    before = int_param(request.GET.get("before"), low=1, high=MAX_ID, default=None)
    order = queries.case_order(lists.CASES.sort_key(request))
    found = queries.cases_for(request.user, state=state, q=q)
    if lists.CASES.wants_export(request):
        return lists.CASES.export(found.order_by(*order), request)
    page = queries.keyset_page(found, after=after, before=before, order=order)
    context = {"page": page, "states": CaseState.choices, "state": state, "q": q, **lists.CASES.around(request)}
    return render(request, "enforcement/index.html", context)


@staff_view
def new(request):
    bodies = scope(Body.objects.select_related("unit"), request.user)
    form = forms.FileCaseForm(request.POST or None, bodies=bodies)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_file(by=request.user, **form.cleaned_data)
            messages.success(request, f"已立案：{case.number}")
            return redirect(case)
        except YifaError as exc:
            show_service_errors(form, exc)
    return render(request, "enforcement/new.html", {"form": form, "rule": rules.FILING})


@staff_view
def case(request, pk: int, bound=None):
    from .actions import ACTIONS

    found = access_case(request.user, pk)
    today = timezone.localdate()
    context = {
        "c": found,
        "today": today,
        "actions": ACTIONS.offered(request.user, found, bound=bound),
        "officers": _with_status(found.officers.select_related("certificate__officer"), today),
        "records": found.records.select_related("attachment"),
        "missing": guards.records_complete(found),
        "clocks": clocks_of(found, open_only=False).order_by("id"),
        "major": guards.is_major(found),
        "hearing_right": guards.hearing_right(found),
        "show_personal": can_see_personal_data(request.user),
        "transfers": found.transfers.order_by("id"),
        "execution": _execution(found, today),
        "hand_over_rule": rules.HAND_OVER,
    }
    return render(request, "enforcement/case.html", context)


def _execution(case, today) -> dict | None:
    """The fine's execution as the case page shows it: when it is due, the 加处罚款 so far, when it may be enforced."""
    due = guards.payment_due(case)
    if due is None:
        return None
    enforce_from = guards.late_fine_thirtieth_day(case) + dt.timedelta(days=1) if case.late_fine_from else None
    return {
        "due": due,
        "late_fine": case.late_fine_on(today),
        "enforce_from": enforce_from,
        "payment_rule": rules.FINE_PAYMENT,
        "late_fine_rule": rules.LATE_FINE,
        "enforcement_rule": rules.LATE_FINE_ENFORCEMENT,
    }


def _with_status(case_officers, today):
    rows = list(case_officers)
    for row in rows:
        row.status = row.certificate.status_label_on(today)
    return rows


@staff_view
def officers(request):
    found = queries.officers_for(request.user)
    if lists.OFFICERS.wants_export(request):
        return lists.OFFICERS.export(queries.with_newest_certificate(found), request)
    context = {**lists.OFFICERS.page(request, found), "today": timezone.localdate()}
    return render(request, "enforcement/officers.html", context)


@staff_view
def officer(request, pk: int):
    from .actions import CERTIFICATE_ACTIONS
    from .register_views import officer_forms

    found = access_officer(request.user, pk)
    edit, issue, appraise, saved = officer_forms(request, found)
    if saved:
        return redirect("enforcement:officer", pk=pk)
    today = timezone.localdate()
    certs = [
        (c, CERTIFICATE_ACTIONS.offered(request.user, c))
        for c in found.certificates.prefetch_related("reviews__reviewer")
    ]
    for cert, _ in certs:
        cert.status_now = cert.status_label_on(today)
        cert.review_overdue = cert.review_overdue_on(today)
    context = {
        "o": found,
        "certs": certs,
        "today": today,
        "show_personal": can_see_personal_data(request.user),
        "edit": edit,
        "issue": issue,
        "appraise": appraise,
        "appraisals": found.appraisals.all(),
        "review_rule": rules.CERTIFICATE_REVIEW,
        "appraisal_rule": rules.APPRAISAL,
        "may": LEGAL_OFFICE(request.user, found),
        "history": queries.history(found),
    }
    status = 400 if edit.errors or issue.errors or appraise.errors else 200
    return render(request, "enforcement/officer.html", context, status=status)


@staff_view
def bodies(request):
    found = queries.bodies()
    if lists.BODIES.wants_export(request):
        return lists.BODIES.export(found, request)
    context = {"bodies": lists.BODIES.ordered(found, request), "rule": rules.BODY_REGISTER}
    return render(request, "enforcement/bodies.html", {**context, **lists.BODIES.around(request)})


@staff_view
def benchmarks(request):
    form = forms.BenchmarkImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            count = importer.import_benchmarks(
                by=request.user, unit=request.user.unit, content=upload.read(), file_name=upload.name
            )
            messages.success(request, f"已导入{count}条裁量基准，待法制机构审核公布")
            return redirect("enforcement:benchmarks")
        except YifaError as exc:
            show_service_errors(form, exc)
    rows = scope(queries.benchmarks(), request.user)
    if lists.BENCHMARKS.wants_export(request):
        return lists.BENCHMARKS.export(rows, request)
    context = {"form": form, "rows": lists.BENCHMARKS.ordered(rows, request)[:500], "rule": rules.BENCHMARK}
    return render(request, "enforcement/benchmarks.html", {**context, **lists.BENCHMARKS.around(request)})


@staff_view
def statistics(request):
    year = int_param(request.GET.get("year"), low=2000, high=2100, default=timezone.localdate().year)
    stats = queries.statistics(request.user, year)
    if request.GET.get("format") == "xlsx":
        return file_download(statistics_xlsx(year, stats), f"{year}年度行政处罚统计.xlsx")
    return render(request, "enforcement/statistics.html", {**stats, "year": year})


@staff_view
def outside(request):
    found = queries.outside_benchmark(request.user)
    if lists.OUTSIDE.wants_export(request):
        return lists.OUTSIDE.export(found, request)
    return render(
        request, "enforcement/outside.html", {**lists.OUTSIDE.page(request, found), "rule": rules.OUTSIDE_BENCHMARK}
    )
