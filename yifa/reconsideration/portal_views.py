"""Public pages: apply online (第二十二条), follow the case with its lookup code, read published decisions."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from yifa.core.audit import timeline
from yifa.core.errors import NotFound, YifaError
from yifa.core.procedure import PUBLIC, show_service_errors

from . import periods, queries, services
from .access import public_case
from .forms import ApplicationForm, LookupForm
from .models import Channel

APPLIED = "reconsideration_applied"
# Steps the applicant is told about; internal deliberation (drafts, committee, returns) stays inside.
PUBLIC_STEPS = {
    "receive",
    "request_correction",
    "serve_correction",
    "receive_correction",
    "abandon",
    "accept",
    "deemed_accept",
    "not_accept",
    "send_copy",
    "reply",
    "extend",
    "suspend",
    "resume",
    "terminate",
    "mediate",
    "approve",
    "publish",
    "to_normal",
}


def apply(request):
    form = ApplicationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_receive(
                by=PUBLIC, channel=Channel.ONLINE, received_on=timezone.localdate(), **form.service_kwargs()
            )
            request.session[APPLIED] = case.pk
            return redirect("portal_reconsideration:applied")
        except YifaError as exc:
            if exc.field == "file":  # an upload refused by the core: shown at the files field
                exc.field = "files"
            show_service_errors(form, exc)
    return render(request, "reconsideration/portal_apply.html", {"form": form})


def applied(request):
    case = queries.case_or_none(request.session.get(APPLIED))
    if case is None:
        return redirect("portal_reconsideration:apply")
    return render(request, "reconsideration/portal_applied.html", {"case": case, "review": periods.review_clock(case)})


def status(request):
    form = LookupForm(request.GET or None)
    case, error, steps, clock = None, "", [], None
    if request.GET and form.is_valid():
        try:
            case = public_case(form.cleaned_data["number"], form.cleaned_data["code"])
            steps = [
                (e.at, e.action_label)
                for e in timeline(case)
                if e.action.removeprefix("reconsideration.") in PUBLIC_STEPS
            ]
            clock = periods.decision_clock(case) or periods.review_clock(case)
        except NotFound as exc:
            error = exc.message
    return render(
        request,
        "reconsideration/portal_status.html",
        {"form": form, "case": case, "error": error, "steps": steps, "clock": clock},
    )


def decisions(request):
    return render(request, "reconsideration/portal_decisions.html", {"cases": queries.published(100)})


def decision(request, pk: int):
    case = get_object_or_404(queries.published(), pk=pk)
    return render(request, "reconsideration/portal_decision.html", {"case": case})
