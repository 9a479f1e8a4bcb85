"""Public pages: drafts open for comment, hearing notices, published decisions. Only published data."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from yifa.core.errors import YifaError

from . import forms, queries, services
from .models import Comment, CommentKind, Hearing, HearingParticipant


def index(request):
    today = timezone.localdate()
    return render(
        request,
        "decisions/portal/index.html",
        {
            "today": today,
            "open": [(d, d.comment_days_left(today)) for d in queries.open_for_comment(today)],
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
        "open": d.comment_open_on(today),
        "days_left": d.comment_days_left(today),
        "paragraphs": [(i, text, answered.get(i, [])) for i, text in enumerate(paragraphs, start=1)],
        "general": answered.get(None, []),
        "form": form
        or forms.PublicCommentForm(paragraphs=paragraphs, initial={"paragraph": chosen} if chosen else None),
        "impl_form": impl_form or forms.PublicCommentForm(),
        "hearings": queries.public_hearings(d, today),
        "feedback": queries.latest_feedback(d) if d.is_public else None,
        "impl_comments": d.comments.filter(kind=CommentKind.IMPLEMENTATION).exclude(response="") if d.is_public else [],
        "in_force": d.state in queries.in_force_states(),
    }
    return render(request, "decisions/portal/decision.html", context)


@require_POST
def comment(request, pk: int):
    d = _public(pk)
    kind = CommentKind.IMPLEMENTATION if request.POST.get("kind") == "implementation" else CommentKind.DRAFT
    form = forms.PublicCommentForm(request.POST, paragraphs=d.paragraphs() if kind == CommentKind.DRAFT else ())
    if form.is_valid():
        try:
            saved = services.comment_submit(decision=d, kind=kind, **form.cleaned_data)
            return redirect("portal_decisions:receipt", code=saved.code)
        except YifaError as exc:
            forms.add_service_error(form, exc)
    if kind == CommentKind.IMPLEMENTATION:
        return decision(request, pk, impl_form=form)
    return decision(request, pk, form=form)


def receipt(request, code: str):
    found = Comment.objects.select_related("decision").filter(code=code).first()
    if found is None:
        raise Http404("查询码不存在")
    return render(request, "decisions/portal/receipt.html", {"c": found})


def hearing(request, pk: int):
    today = timezone.localdate()
    h = Hearing.objects.select_related("decision").filter(pk=pk, notice_on__lte=today).first()
    if h is None:
        raise Http404("没有该听证公告")
    form = forms.SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.hearing_signup(hearing=h, **form.cleaned_data)
            return redirect("portal_decisions:signup", code=person.code)
        except YifaError as exc:
            forms.add_service_error(form, exc)
    selected = h.participants.filter(status="selected") if h.participants_published_on else []
    return render(
        request,
        "decisions/portal/hearing.html",
        {"h": h, "form": form, "today": today, "selected": selected, "open": today <= h.signup_closes},
    )


def signup(request, code: str):
    person = HearingParticipant.objects.select_related("hearing__decision").filter(code=code).first()
    if person is None:
        raise Http404("查询码不存在")
    return render(request, "decisions/portal/signup.html", {"p": person, "h": person.hearing})


def catalogues(request):
    return render(request, "decisions/portal/catalogues.html", {"catalogues": queries.published_catalogues()})
