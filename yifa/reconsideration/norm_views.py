"""附带审查的页面（案件页上的步骤表单，制定机关、接受转送机关的待办页）；经原机关提交的复议申请页（第三十二条）。"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from yifa.core import clocks
from yifa.core.access import fetch, scope
from yifa.core.errors import YifaError
from yifa.core.views import staff_view

from . import norms, submissions
from .forms import NORM_STEP_LABELS, OrganSubmissionForm, norm_step_form
from .models import NormReview, OrganSubmission

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
    return render(
        request,
        "reconsideration/norm_inbox.html",
        {"rows": reviews_with_steps(reviews, request.user), "today": timezone.localdate()},
    )


@staff_view
def organ_submissions(request):
    """第三十二条第二款：作出处罚决定的机关认为需要维持的，自收到申请之日起五个工作日内转送复议机关。"""
    today = timezone.localdate()
    form = OrganSubmissionForm(request.POST if request.POST.get("step") == "receive" else None)
    if request.method == "POST":
        try:
            step = request.POST.get("step")
            if step == "receive":
                if form.is_valid():
                    submissions.submission_receive(
                        by=request.user, unit=request.user.unit, on=today, **form.cleaned_data
                    )
                    messages.success(request, "已登记，转送期限已起算")
                    return redirect("reconsideration:submissions")
                messages.error(request, form_errors(form))
            else:
                item = fetch(
                    OrganSubmission.objects.select_related("unit"), request.user, request.POST.get("item"), "unit"
                )
                if step == "forward":
                    submissions.submission_forward(submission=item, by=request.user, on=today)
                    messages.success(request, "已转送复议机关")
                elif step == "resolve":
                    submissions.submission_resolve(
                        submission=item, by=request.user, on=today, resolution=request.POST.get("resolution", "")
                    )
                    messages.success(request, "已记录处理情况")
                return redirect("reconsideration:submissions")
        except YifaError as exc:
            messages.error(request, exc.message)
    items = scope(OrganSubmission.objects.select_related("unit"), request.user, "unit")[:200]
    items = list(items)
    by_item = clocks.clocks_by_subject(items, open_only=False)
    rows = [(i, next(iter(by_item[i.pk]), None)) for i in items]
    return render(
        request,
        "reconsideration/submissions.html",
        {"form": form, "rows": rows, "today": today, "can_register": bool(request.user.unit_id)},
    )
