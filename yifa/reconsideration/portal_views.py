"""Public pages: apply online (第二十二条), follow the case with its lookup code, read published decisions."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from yifa.core.audit import timeline
from yifa.core.downloads import file_download
from yifa.core.errors import NotFound, YifaError
from yifa.core.procedure import show_service_errors
from yifa.core.public_forms import TooManyRequests, check_misses, missed, public_post, remember, too_many
from yifa.core.uploads import attachments_of

from . import periods, queries
from .intake import apply_online, public_lookup
from .intake_models import OnlineIntake
from .portal_forms import PortalApplicationForm, PortalLookupForm
from .receipt import receipt_docx

APPLIED = "reconsideration_applied"
HELD = "reconsideration_held"
LOOKUP = "reconsideration_lookup"
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


@public_post("reconsideration_apply", files_setting="PUBLIC_UPLOAD_TOTAL_BYTES")
def apply(request):
    form = PortalApplicationForm(request.POST or None, request.FILES or None, request=request)
    if request.method == "POST" and form.is_valid():
        try:
            intake, case = apply_online(received_on=timezone.localdate(), **form.service_kwargs())
            remember(request)
            request.session[APPLIED] = case.pk if case else None
            request.session[HELD] = None if case else intake.pk
            return redirect("portal_reconsideration:applied")
        except TooManyRequests as exc:
            return too_many(request, exc)
        except YifaError as exc:
            if exc.field == "file":  # an upload refused by the core: shown at the files field
                exc.field = "files"
            show_service_errors(form, exc)
    return render(request, "reconsideration/portal_apply.html", {"form": form})


def applied(request):
    case = queries.case_or_none(request.session.get(APPLIED))
    held = OnlineIntake.objects.filter(pk=request.session.get(HELD) or 0).first()
    if held is not None:
        return render(request, "reconsideration/portal_held.html", {"intake": held})
    if case is None:
        return redirect("portal_reconsideration:apply")
    return render(request, "reconsideration/portal_applied.html", {"case": case, "review": periods.review_clock(case)})


def receipt(request):
    case = queries.case_or_none(request.session.get(APPLIED))
    if case is None:
        raise Http404("没有可打印的回执")
    files = [a.name for a in attachments_of(case)]
    return file_download(receipt_docx(case, files), f"行政复议申请回执{case.number}.docx")


@public_post("reconsideration_status")
def status(request):
    form = PortalLookupForm(request.POST or None, request=request)
    case, held, error, steps, clock = None, None, "", [], None
    if request.method == "POST" and form.is_valid():
        try:
            check_misses(request, LOOKUP)
            case, held = public_lookup(form.cleaned_data["number"], form.cleaned_data["code"])
            if case is not None:
                steps = [
                    (e.at, e.action_label)
                    for e in timeline(case)
                    if e.action.removeprefix("reconsideration.") in PUBLIC_STEPS
                ]
                clock = periods.decision_clock(case) or periods.review_clock(case)
        except NotFound as exc:
            missed(request, LOOKUP)
            error = exc.message
            form = PortalLookupForm(initial=form.cleaned_data, request=request)  # now with a captcha
        except TooManyRequests as exc:
            return too_many(request, exc)
    return render(
        request,
        "reconsideration/portal_status.html",
        {"form": form, "case": case, "held": held, "error": error, "steps": steps, "clock": clock},
    )


def decisions(request):
    return render(request, "reconsideration/portal_decisions.html", {"cases": queries.published(100)})


def decision(request, pk: int):
    case = get_object_or_404(queries.published(), pk=pk)
    return render(request, "reconsideration/portal_decision.html", {"case": case})
