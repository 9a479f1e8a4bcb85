"""附带审查的页面：案件页上的步骤表单，以及制定机关、接受转送机关的待办页。"""
from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from yifa.core import clocks
from yifa.core.access import fetch, scope
from yifa.core.errors import YifaError
from yifa.core.views import staff_view

from . import norms
from .forms import NORM_STEP_LABELS, norm_step_form
from .models import NormReview

REVIEW_UNITS = ("case__office", "case__respondent_unit", "drafter_unit", "forwarded_to_unit")


def form_errors(form) -> str:
    return "；".join(f"{form.fields[f].label}：{'、'.join(e)}" for f, e in form.errors.items() if f in form.fields)


def reviews_with_steps(reviews, user):
    """(review, its clocks, [(step, label, form)]) for a page."""
    rows = []
    for review in reviews:
        steps = [(s, NORM_STEP_LABELS[s], norm_step_form(s)) for s in norms.steps_for(review, user)]
        rows.append((review, clocks.clocks_of(review, open_only=False).order_by("id"), steps))
    return rows


@staff_view
@require_POST
def norm_step(request, pk: int, step: str):
    qs = NormReview.objects.select_related("case", "case__office", "drafter_unit", "forwarded_to_unit")
    review = fetch(qs, request.user, pk, *REVIEW_UNITS)
    back = request.POST.get("next") or review.get_absolute_url()
    if not back.startswith("/"):
        back = review.get_absolute_url()
    if step not in norms.STEPS:
        return redirect(back)
    form = norm_step_form(step, request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect(back)
    try:
        norms.STEPS[step](review=review, by=request.user, **form.cleaned_data)
        messages.success(request, f"已{NORM_STEP_LABELS[step]}")
    except YifaError as exc:
        messages.error(request, exc.message)
    return redirect(back)


@staff_view
def norm_inbox(request):
    """制定机关答复（第五十八条）、接受转送机关回复（第六十条）的待办。"""
    qs = NormReview.objects.select_related("case", "case__office", "drafter_unit", "forwarded_to_unit")
    reviews = scope(qs, request.user, "drafter_unit", "forwarded_to_unit").filter(concluded_on__isnull=True)
    return render(request, "reconsideration/norm_inbox.html", {
        "rows": reviews_with_steps(reviews, request.user), "today": timezone.localdate()})
