"""Public pages: the published item list with its 办事指南 (许可法第三十条、第三十三条), applying online,
following an application with its lookup code, and a certificate's status — never personal data."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from yifa.core.audit import timeline
from yifa.core.downloads import file_download
from yifa.core.errors import NotFound, YifaError
from yifa.core.procedure import PUBLIC, show_service_errors
from yifa.core.public_forms import (
    TooManyRequests,
    check_misses,
    missed,
    public_post,
    remember,
    too_many,
    without_captcha,
)
from yifa.core.queries import page_of

from . import documents, queries, rules, services
from .forms import CertificateLookupForm, LookupForm, PortalApplicantForm
from .guards import statutory_rule
from .models import Channel

APPLIED = "licensing_applied"
LOOKUP = "licensing_lookup"
PUBLIC_STEPS = {"receive", "request_correction", "receive_correction", "accept", "deem_accept", "not_accept",
                "extend", "exclude", "end_exclusion", "tell_hearing_rights", "request_hearing", "hold_hearing",
                "grant", "refuse", "grant_on_promise", "revoke_grant", "issue"}  # fmt: skip


def catalogue(request):
    q = request.GET.get("q", "").strip()
    page = page_of(queries.public_items(q), request.GET.get("page"))
    return render(request, "licensing/portal_items.html", {"page": page, "q": q, "basis": rules.ITEM_LIST})


def item(request, pk: int):
    found = queries.public_item(pk)
    return render(
        request,
        "licensing/portal_item.html",
        {
            "item": found,
            "statute": statutory_rule(found.handling),
            "publication": rules.PUBLICATION,
            "fees": rules.NO_FEE_WITHOUT_BASIS,
        },
    )


def promise_letter(request, pk: int):
    found = queries.public_item(pk)
    if not found.promise_allowed:
        raise Http404("该事项不实行告知承诺")
    name, content = documents.promise_letter_docx(found)
    return file_download(content, name)


@public_post("licensing_apply")
def apply(request, pk: int):
    found = queries.public_item(pk)
    form = PortalApplicantForm(request.POST or None, promise_allowed=found.promise_allowed, request=request)
    if request.method == "POST" and form.is_valid():
        try:
            app = services.receive(
                by=PUBLIC,
                item=found,
                channel=Channel.ONLINE,
                received_on=timezone.localdate(),
                **without_captcha(form.cleaned_data),
            )
            request.session[APPLIED] = [app.number, app.lookup_code]
            remember(request)
            return redirect("portal_licensing:applied")
        except YifaError as exc:
            show_service_errors(form, exc)
    return render(request, "licensing/portal_apply.html", {"form": form, "item": found})


def applied(request):
    number, code = request.session.get(APPLIED) or ("", "")
    if not number:
        return redirect("portal_licensing:catalogue")
    return render(request, "licensing/portal_applied.html", {"number": number, "code": code})


@public_post("licensing_status")
def status(request):
    form = LookupForm(request.POST or None, request=request)
    app, error, steps, clock = None, "", [], None
    if request.method == "POST" and form.is_valid():
        try:
            check_misses(request, LOOKUP)
            app = queries.public_application(form.cleaned_data["number"], form.cleaned_data["code"])
            steps = [(e.at, e.action_label) for e in timeline(app) if e.action.split(".", 1)[-1] in PUBLIC_STEPS]
            clock = queries.decision_clock(app)
        except NotFound as exc:
            missed(request, LOOKUP)
            error = exc.message
            form = LookupForm(initial=form.cleaned_data, request=request)  # now with a captcha
        except TooManyRequests as exc:
            return too_many(request, exc)
    return render(
        request,
        "licensing/portal_status.html",
        {"form": form, "app": app, "error": error, "steps": steps, "clock": clock},
    )


def certificate(request):
    form = CertificateLookupForm(request.GET or None)
    cert, error = None, ""
    if request.GET and form.is_valid():
        try:
            cert = queries.public_certificate(form.cleaned_data["number"])
        except NotFound as exc:
            error = exc.message
    return render(
        request,
        "licensing/portal_certificate.html",
        {
            "form": form,
            "cert": cert,
            "error": error,
            "today": timezone.localdate(),
            "renewal_by": rules.last_renewal_day(cert.valid_until) if cert and cert.valid_until else None,
            "renewal_rule": rules.RENEWAL_APPLICATION,
        },
    )


def decisions(request):
    q = request.GET.get("q", "").strip()
    page = page_of(queries.published_decisions(q), request.GET.get("page"))
    page["rows"] = [queries.public_decision(app) for app in page["rows"]]
    return render(
        request, "licensing/portal_decisions.html", {"page": page, "q": q, "rule": rules.DECISION_PUBLICATION}
    )
