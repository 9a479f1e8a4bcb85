"""Staff pages of the decisions module: validate, call one service or query, render. The acts on a decision
or a catalogue run through the kit's action view (actions.py)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.html import escape
from django.views.decorators.http import require_POST

from yifa.core.clocks import clocks_of
from yifa.core.downloads import file_download
from yifa.core.errors import NotFound, YifaError
from yifa.core.listing import grid_export
from yifa.core.procedure import Who, show_service_errors
from yifa.core.procedure import reveal as reveal_field
from yifa.core.views import staff_view

from . import actions, forms, lists, queries, rules, services
from .access import access_catalogue, access_decision, can_see_contacts
from .archive import archive_package
from .flows import DECISION_FLOW
from .guards import step_gaps
from .models import Comment, DecisionState, HearingParticipant
from .services.procedure import DRAFT_FIELDS


@staff_view
def index(request):
    state = request.GET.get("state", "")
    qs = queries.decisions_for(request.user, state=state, q=request.GET.get("q", ""))
    if lists.DECISIONS.wants_export(request):
        return lists.DECISIONS.export(qs, request)
    return render(
        request,
        "decisions/index.html",
        {**lists.DECISIONS.page(request, qs), "states": DecisionState.choices, "state": state},
    )


@staff_view
def new(request):
    form = forms.StartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            decision = services.decision_start(by=request.user, **form.cleaned_data)
            messages.success(request, f"已启动决策程序：{decision}")
            return redirect(decision)
        except YifaError as exc:
            show_service_errors(form, exc)
    return render(request, "decisions/new.html", {"form": form, "rule": rules.START})


@staff_view
def detail(request, pk: int, bound=None):
    decision = access_decision(request.user, pk)
    today = timezone.localdate()
    acts, row_acts = actions.offered_on_page(request.user, decision, bound=bound)
    for refusal in actions.refusals(bound, [*acts, *row_acts.values()]):
        messages.error(request, refusal)
    record = queries.record_of(decision)
    actions.attach_row_acts(record, row_acts, bound)
    context = {
        **record,
        "d": decision,
        "today": today,
        "rules": rules,
        "steps": rules.required_steps(decision),
        "gaps": step_gaps(decision, today) if DECISION_FLOW.is_open(decision, "submit_review") else [],
        "actions": acts,
        "draft": [(label, getattr(decision, name)) for name, label in DRAFT_FIELDS.items()],
        "clocks": clocks_of(decision, open_only=False),
        "rounds": queries.rounds_of(decision),
        "next_feedback": queries.next_feedback_due(decision),
        "show_personal": can_see_contacts(request.user, decision),
    }
    return render(request, "decisions/detail.html", context)


@staff_view
@require_POST
def reveal(request, pk: int, kind: str, row: int):
    """One commenter's or hearing applicant's phone in clear, for those who must contact them (the lead
    unit); each look is audited (the field named, never the value)."""
    decision = access_decision(request.user, pk)
    rows = {
        "comment": Comment.objects.filter(decision=decision),
        "participant": HearingParticipant.objects.filter(hearing__decision=decision),
    }
    target = rows[kind].filter(pk=row).first() if kind in rows else None
    if target is None:
        raise NotFound("没有这项个人信息")
    who = Who(lambda user, obj: can_see_contacts(user, decision), "承办单位或可查看个人信息的人员")
    return HttpResponse(escape(reveal_field(target, "phone", by=request.user, who=who)))


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
            catalogue = services.catalogue_create(by=request.user, **form.cleaned_data)
            messages.success(request, "已新建决策事项目录")
            return redirect(catalogue)
        except YifaError as exc:
            show_service_errors(form, exc)
    if lists.CATALOGUE_ITEMS.wants_export(request):
        return lists.CATALOGUE_ITEMS.export(queries.catalogue_items_for(request.user), request)
    items = lists.ITEMS.ordered(queries.catalogue_item_rows(), request)
    return render(
        request,
        "decisions/catalogues.html",
        {
            "catalogues": queries.catalogues_for(request.user, items),
            "form": form,
            "rule": rules.CATALOGUE,
            **lists.ITEMS.around(request),
        },
    )


@staff_view
def catalogue(request, pk: int, bound=None):
    found = access_catalogue(request.user, pk)
    return render(
        request,
        "decisions/catalogue.html",
        {
            "c": found,
            "rule": rules.CATALOGUE,
            "actions": actions.CATALOGUE_ACTIONS.offered(request.user, found, bound=bound),
        },
    )


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
            show_service_errors(form, exc)
    board = queries.rules_board(request.user, year)
    if request.method == "GET" and request.GET.get("format") == "xlsx":
        return grid_export(f"重大事项决策规则（{year}年）", *lists.rules_grid(board, today))
    return render(
        request,
        "decisions/rules_board.html",
        {
            "board": board,
            "year": year,
            "form": form,
            "rule": rules.UNIT_RULES_BY_MAY,
            "today": today,
            "entries": queries.rules_entries_for(request.user),
        },
    )
