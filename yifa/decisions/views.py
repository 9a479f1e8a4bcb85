"""Staff pages of the decisions module: validate, call one service, render."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from yifa.core.access import scope
from yifa.core.clocks import clocks_of
from yifa.core.downloads import file_download
from yifa.core.errors import GateBlocked, YifaError
from yifa.core.queries import page_of
from yifa.core.views import staff_view

from . import forms, queries, rules, services
from .access import access_decision, can_see_contacts
from .actions import ACTIONS
from .archive import archive_package
from .flows import DECISION_FLOW, step_gaps
from .models import Catalogue, DecisionRules, DecisionState
from .services.execution import next_feedback_due


@staff_view
def index(request):
    state = request.GET.get("state", "")
    page = page_of(
        queries.decisions_for(request.user, state=state, q=request.GET.get("q", "")), request.GET.get("page")
    )
    return render(request, "decisions/index.html", {"page": page, "states": DecisionState.choices, "state": state})


@staff_view
def new(request):
    form = forms.StartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            decision = services.decision_start(by=request.user, **form.cleaned_data)
            messages.success(request, f"已启动决策程序：{decision}")
            return redirect(decision)
        except YifaError as exc:
            forms.add_service_error(form, exc)
    return render(request, "decisions/new.html", {"form": form})


@staff_view
def detail(request, pk: int):
    decision = access_decision(request.user, pk)
    today = timezone.localdate()
    user = request.user
    available = DECISION_FLOW.available(user, decision)
    context = {
        "d": decision,
        "today": today,
        "steps": rules.required_steps(decision),
        "gaps": step_gaps(decision, today) if decision.state == DecisionState.DRAFTING else [],
        "available": {t.name for t in available},
        "comments": decision.comments.select_related("answered_by").order_by("kind", "paragraph", "id"),
        "experts": decision.expert_opinions.all(),
        "risks": decision.risk_assessments.select_related("report"),
        "hearings": decision.hearings.prefetch_related("participants").select_related("transcript"),
        "reviews": decision.reviews.select_related("reviewer", "submitted_by"),
        "meetings": decision.meetings.all(),
        "feedback": decision.feedback.select_related("by"),
        "evaluations": decision.evaluations.all(),
        "clocks": clocks_of(decision, open_only=False),
        "rounds": queries.rounds_of(decision),
        "next_feedback": next_feedback_due(decision),
        "show_personal": can_see_contacts(user, decision),
        "legal_citation": rules.LEGALITY_REVIEW.citation,
        "f": _blank_forms(decision),
    }
    return render(request, "decisions/detail.html", context)


def _blank_forms(decision):
    v = {"version": decision.version}
    draft = {k: getattr(decision, k) for k in services.procedure.DRAFT_FIELDS}
    return {
        "draft": forms.DraftForm(initial={**v, **draft}),
        "window": forms.CommentWindowForm(initial=v),
        "expert": forms.ExpertForm(),
        "risk": forms.RiskForm(),
        "hearing": forms.HearingForm(),
        "review": forms.ReviewSubmitForm(initial=v),
        "opinion": forms.OpinionForm(),
        "meeting": forms.MeetingForm(initial=v),
        "publish": forms.PublishForm(initial={**v, "decision_text": decision.decision_text or decision.draft_text}),
        "feedback": forms.FeedbackForm(),
        "evaluation": forms.EvaluationStartForm(),
        "reason": forms.ReasonForm(),
        "conclude": forms.EvaluationConcludeForm(),
    }


@staff_view
@require_POST
def act(request, pk: int, action: str):
    decision = access_decision(request.user, pk)
    handler = ACTIONS.get(action)
    if handler is None:
        messages.error(request, f"未定义的操作：{action}")
        return redirect(decision)
    form_class, run, label = handler
    form = form_class(request.POST, request.FILES, **_form_kwargs(form_class, decision, request))
    if not form.is_valid():
        text = "；".join(
            f"{form.fields[f].label if f in form.fields else ''}：{'、'.join(e)}" for f, e in form.errors.items()
        )
        messages.error(request, f"{label}未办理：{text}")
        return redirect(decision)
    try:
        run(request.user, decision, form.cleaned_data)
        messages.success(request, f"已{label}")
    except GateBlocked as exc:
        messages.error(request, f"不能{label}：" + "；".join(exc.unmet))
    except YifaError as exc:
        messages.error(request, f"{label}未办理：{exc.message}")
    return redirect(decision)


def _form_kwargs(form_class, decision, request):
    if form_class is forms.SelectForm:
        hearing = decision.hearings.filter(pk=request.POST.get("hearing") or 0).first()
        return {"participants": hearing.participants.all() if hearing else []}
    return {}


@staff_view
def timeline(request, pk: int):
    decision = access_decision(request.user, pk)
    return render(
        request,
        "decisions/timeline.html",
        {"d": decision, "events": queries.chain_timeline(decision), "rounds": queries.rounds_of(decision)},
    )


@staff_view
def archive(request, pk: int):
    decision = access_decision(request.user, pk)
    return file_download(archive_package(decision), f"{decision.title}决策档案.zip")


@staff_view
def catalogues(request):
    form = forms.CatalogueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.catalogue_create(by=request.user, **form.cleaned_data)
            messages.success(request, "已新建决策事项目录")
            return redirect("decisions:catalogues")
        except YifaError as exc:
            forms.add_service_error(form, exc)
    rows = scope(Catalogue.objects.select_related("unit").prefetch_related("items__lead_unit"), request.user)
    return render(
        request,
        "decisions/catalogues.html",
        {
            "catalogues": rows,
            "form": form,
            "item_form": forms.CatalogueItemForm(),
            "publish_form": forms.CataloguePublishForm(),
        },
    )


@staff_view
@require_POST
def catalogue_act(request, pk: int, action: str):
    catalogue = scope(Catalogue.objects.all(), request.user).filter(pk=pk).first()
    if catalogue is None:
        messages.error(request, "目录不存在或无权访问")
        return redirect("decisions:catalogues")
    form_class = forms.CatalogueItemForm if action == "item" else forms.CataloguePublishForm
    form = form_class(request.POST)
    try:
        if not form.is_valid():
            raise YifaError("；".join("、".join(e) for e in form.errors.values()))
        if action == "item":
            services.catalogue_item_add(by=request.user, catalogue=catalogue, **form.cleaned_data)
        else:
            services.catalogue_publish(by=request.user, catalogue=catalogue, **form.cleaned_data)
        messages.success(request, "已保存")
    except YifaError as exc:
        messages.error(request, exc.message)
    return redirect("decisions:catalogues")


@staff_view
def rules_board(request):
    """Each organ's decision rules against the city's 1 May deadline."""
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year") or today.year)
    except ValueError:
        year = today.year
    form = forms.DecisionRulesForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data.pop("document")
        try:
            services.decision_rules_record(
                by=request.user,
                document=upload.read() if upload else None,
                document_name=upload.name if upload else "",
                **data,
            )
            messages.success(request, "已登记")
            return redirect("decisions:rules_board")
        except YifaError as exc:
            forms.add_service_error(form, exc)
    board = queries.rules_board(request.user, year)
    return render(
        request,
        "decisions/rules_board.html",
        {
            "board": board,
            "year": year,
            "form": form,
            "rule": rules.UNIT_RULES_BY_MAY,
            "today": today,
            "entries": scope(DecisionRules.objects.select_related("unit"), request.user),
        },
    )
