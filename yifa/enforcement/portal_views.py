"""Public pages: published decisions (personal data masked), withdrawals with their reasons, the bodies and
their transferred powers, published benchmarks, and the certificate check behind each QR code."""

from __future__ import annotations

import io

import segno
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from yifa.core.queries import page_of

from . import queries, rules
from .models import Certificate


def decisions(request):
    page = page_of(queries.public_decisions(), request.GET.get("page"))
    return render(
        request,
        "enforcement/portal/decisions.html",
        {"page": page, "withdrawn": queries.withdrawn_decisions()[:20], "rule": rules.PUBLICATION},
    )


def bodies(request):
    return render(request, "enforcement/portal/bodies.html", {"bodies": queries.bodies(), "rule": rules.CONSOLIDATION})


def powers(request):
    """执法事项清单公示: the powers in use, their basis, holder, benchmark and responsible post."""
    q = request.GET.get("q", "")[:50]
    page = page_of(queries.powers(q=q, active_only=True), request.GET.get("page"))
    context = {"page": page, "rule": rules.POWER_CATALOGUE, "responsibility": rules.RESPONSIBILITY}
    return render(request, "enforcement/portal/powers.html", context)


def benchmarks(request):
    rows = queries.benchmarks().filter(state="published")[:1000]
    return render(request, "enforcement/portal/benchmarks.html", {"rows": rows, "rule": rules.BENCHMARK})


def _certificate(code: str) -> Certificate:
    found = Certificate.objects.select_related("officer__body").filter(code=code).first()
    if found is None:
        raise Http404("没有该执法证")
    return found


def certificate(request, code: str):
    """What a QR scan shows: the number, field, issuer, validity and status; nothing personal."""
    cert = _certificate(code)
    today = timezone.localdate()
    return render(
        request,
        "enforcement/portal/certificate.html",
        {"c": cert, "status": cert.status_label_on(today), "usable": cert.usable_on(today), "today": today},
    )


def certificate_qr(request, code: str):
    """The QR image, made here (segno), pointing at the check page."""
    cert = _certificate(code)
    url = request.build_absolute_uri(reverse("portal_enforcement:certificate", args=[cert.code]))
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=4, border=2)
    return HttpResponse(out.getvalue(), content_type="image/svg+xml")
