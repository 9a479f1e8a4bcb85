"""Public pages: each 行政机关's disclosure page (guide, catalogue, reports, answered requests in their
public copies), applying online, and the applicant's status lookup with number and code."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from yifa.core.audit import timeline
from yifa.core.clocks import clocks_of
from yifa.core.errors import NotFound, YifaError
from yifa.core.procedure import show_service_errors
from yifa.core.public_forms import (
    TooManyRequests,
    check_misses,
    missed,
    public_post,
    remember,
    too_many,
    without_captcha,
)

from . import queries, rules, services
from .access import public_request
from .forms import ApplyForm, LookupForm, disclosure_units
from .models import AnnualReport, Guide, Request

APPLIED = "disclosure_applied"
LOOKUP = "disclosure_lookup"
# Steps the applicant is told about (internal notes stay inside).
PUBLIC_STEPS = {
    "apply",
    "register",
    "confirm",
    "request_clarification",
    "receive_supplement",
    "abandon",
    "consult",
    "end_consultation",
    "extend",
    "reply",
}


def units(request):
    return render(request, "disclosure/portal_units.html", {"units": disclosure_units().order_by("path")})


def unit_page(request, pk: int):
    unit = get_object_or_404(disclosure_units(), pk=pk)
    return render(
        request,
        "disclosure/portal_unit.html",
        {
            "unit": unit,
            "guide": Guide.objects.filter(unit=unit).first(),
            "items": queries.catalogue(unit, published_only=True)[:100],
            "reports": AnnualReport.objects.filter(unit=unit, published_on__isnull=False).order_by("-year"),
            "replies": [r for r in queries.public_replies(unit) if r.redaction_confirmed],
        },
    )


@public_post("disclosure_apply")
def apply(request):
    form = ApplyForm(request.POST or None, initial={"unit": request.GET.get("unit")}, request=request)
    if request.method == "POST" and form.is_valid():
        try:
            data = without_captcha(form.cleaned_data)
            r = services.request_apply(submitted_on=timezone.localdate(), **data)
            remember(request)
            request.session[APPLIED] = r.pk
            return redirect("portal_disclosure:applied")
        except YifaError as exc:
            show_service_errors(form, exc)
    return render(
        request,
        "disclosure/portal_apply.html",
        {"form": form, "rules": (rules.RECEIPT, rules.REPLY)},
        status=400 if form.errors else 200,
    )


def applied(request):
    r = Request.objects.select_related("unit").filter(pk=request.session.get(APPLIED) or 0).first()
    if r is None:
        return redirect("portal_disclosure:apply")
    return render(request, "disclosure/portal_applied.html", {"r": r})


@public_post("disclosure_status")
def status(request):
    form = LookupForm(request.POST or None, request=request)
    r, error, steps, clock = None, "", [], None
    if request.method == "POST" and form.is_valid():
        try:
            check_misses(request, LOOKUP)
            r = public_request(form.cleaned_data["number"], form.cleaned_data["code"])
            steps = [
                (e.at, e.action_label) for e in timeline(r) if e.action.removeprefix("disclosure.") in PUBLIC_STEPS
            ]
            clock = clocks_of(r, rule=rules.REPLY).first()
        except NotFound as exc:
            missed(request, LOOKUP)
            error = exc.message
            form = LookupForm(initial=form.cleaned_data, request=request)  # now with a captcha
        except TooManyRequests as exc:
            return too_many(request, exc)
    return render(
        request,
        "disclosure/portal_status.html",
        {"form": form, "r": r, "error": error, "steps": steps, "clock": clock},
        status=400 if form.errors else 200,
    )
