"""Public pages: drafts open for comment, hearing notices, published decisions. Only published data."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from yifa.core.errors import YifaError
from yifa.core.procedure import show_service_errors
from yifa.core.public_forms import public_post, remember
from yifa.core.public_forms import without_captcha as _without_captcha
from yifa.core.queries import page_of

from . import forms, queries, rules, services
from .models import CommentKind


def index(request):
    today = timezone.localdate()
    opened = page_of(queries.open_for_comment(today), request.GET.get("page"))
    return render(
        request,
        "decisions/portal/index.html",
        {
            "today": today,
            "open": [(d, d.comment_days_left(today)) for d in queries.with_comment_counts(opened["rows"])],
            "open_page": opened,
            "hearings": queries.upcoming_hearings(today),
            "published": queries.published_decisions()[:50],
        },
    )


def _public(pk):
    decision = queries.public_decision(pk, timezone.localdate())
    if decision is None:
        raise Http404("没有该决策事项")
    return decision


def decision(request, pk: int, form=None, impl_form=None):
    d = _public(pk)
    today = timezone.localdate()
    paragraphs = d.paragraphs()
    chosen = request.GET.get("p")
    answered = queries.comments_by_paragraph(d, answered_only=True)
    context = {
        "d": d,
        "today": today,
        "period": rules.PUBLIC_COMMENT_PERIOD,
        "open": d.comment_open_on(today),
        "days_left": d.comment_days_left(today),
        "paragraphs": [(i, text, answered.get(i, [])) for i, text in enumerate(paragraphs, start=1)],
        "general": answered.get(None, []),
        "form": form
        or forms.PublicCommentForm(
            paragraphs=paragraphs, initial={"paragraph": chosen} if chosen else None, request=request
        ),
        "impl_form": impl_form or forms.PublicCommentForm(request=request),
        "hearings": queries.public_hearings(d, today),
        "feedback": queries.latest_feedback(d) if d.is_public else None,
        "impl_comments": queries.answered_implementation_comments(d) if d.is_public else [],
    }
    return render(request, "decisions/portal/decision.html", context)


@require_POST
@public_post("decisions_comment")
def comment(request, pk: int):
    d = _public(pk)
    kind = CommentKind.IMPLEMENTATION if request.POST.get("kind") == "implementation" else CommentKind.DRAFT
    paragraphs = d.paragraphs() if kind == CommentKind.DRAFT else ()
    form = forms.PublicCommentForm(request.POST, paragraphs=paragraphs, request=request)
    if form.is_valid():
        try:
            saved = services.comment_submit(decision=d, kind=kind, **_without_captcha(form.cleaned_data))
            remember(request)
            return redirect("portal_decisions:receipt", code=saved.code)
        except YifaError as exc:
            show_service_errors(form, exc)
    if kind == CommentKind.IMPLEMENTATION:
        return decision(request, pk, impl_form=form)
    return decision(request, pk, form=form)


def receipt(request, code: str):
    found = queries.comment_by_code(code)
    if found is None:
        raise Http404("查询码不存在")
    return render(request, "decisions/portal/receipt.html", {"c": found})


@public_post("decisions_signup")
def hearing(request, pk: int):
    today = timezone.localdate()
    h = queries.public_hearing(pk, today)
    if h is None:
        raise Http404("没有该听证公告")
    form = forms.SignupForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.hearing_signup(hearing=h, **_without_captcha(form.cleaned_data))
            remember(request)
            return redirect("portal_decisions:signup", code=person.code)
        except YifaError as exc:
            show_service_errors(form, exc)
    return render(
        request,
        "decisions/portal/hearing.html",
        {
            "h": h,
            "form": form,
            "today": today,
            "selected": queries.selected_participants(h),
            "open": today <= h.signup_closes,
        },
    )


def signup(request, code: str):
    person = queries.signup_by_code(code)
    if person is None:
        raise Http404("查询码不存在")
    return render(
        request,
        "decisions/portal/signup.html",
        {"p": person, "h": person.hearing, "lead": rules.HEARING_MATERIALS_LEAD},
    )


def catalogues(request):
    return render(request, "decisions/portal/catalogues.html", {"catalogues": queries.published_catalogues()})
