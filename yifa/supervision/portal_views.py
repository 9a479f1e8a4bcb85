"""The supervision part of the public portal: the complaint form (behind the public-form limits)."""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.utils import timezone

from yifa.core.errors import YifaError
from yifa.core.procedure import PUBLIC, show_service_errors
from yifa.core.public_forms import public_post, without_captcha

from . import queries, rules, services
from .forms import PublicComplaintForm
from .models import Channel

COMPLAINED = "supervision_complained"


@public_post("supervision_complaint")
def complain(request):
    form = PublicComplaintForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        try:
            found = services.complaint_receive(
                by=PUBLIC,
                channel=Channel.PORTAL,
                received_on=timezone.localdate(),
                **without_captcha(form.cleaned_data),
            )
            request.session[COMPLAINED] = found.number
            return redirect("portal_supervision:complained")
        except YifaError as exc:
            show_service_errors(form, exc)
    return render(request, "supervision/portal_complain.html", {"form": form, "rule": rules.COMPLAINT_REPLY})


def complained(request):
    number = request.session.get(COMPLAINED)
    if not number:
        return redirect("portal_supervision:complain")
    return render(request, "supervision/portal_complained.html", {"number": number, "rule": rules.COMPLAINT_REPLY})


def bulletins(request):
    context = {
        "bulletins": queries.public_bulletins(),
        "exposures": queries.public_exposures(),
        "inspections": queries.public_inspections(),
    }
    return render(request, "supervision/portal_bulletins.html", {**context, "rule": rules.CASE_FILE_REVIEW})
