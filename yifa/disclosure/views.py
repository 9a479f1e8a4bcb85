"""Staff pages: validate, call one service or query, render. Acts on a request run through the generic
action view (``actions.ACTIONS``); each page offers what the flow allows its user now."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from yifa.core.access import fetch
from yifa.core.audit import timeline
from yifa.core.clocks import clocks_of
from yifa.core.downloads import file_download
from yifa.core.errors import AccessDenied, YifaError
from yifa.core.imports import schedule_import
from yifa.core.models import Unit
from yifa.core.procedure import show_service_errors
from yifa.core.views import staff_view

from . import actions, challenges, documents, fees, ledger, lists, queries, registers, rules, services
from .access import access_challenge, access_request
from .forms import CatalogueForm, ChallengeForm, GuideForm, ImportForm, RegisterForm, ReportTextForm
from .models import Guide, RequestState
from .report import ENTERED as REPORT_ENTERED
from .report import TABLE4_COLUMNS
from .similarity import repeated_topics
from .who import intake_units, may_act_for


def _unit(user, unit_pk) -> Unit:
    return fetch(Unit.objects.all(), user, unit_pk, "pk")


def _require_staff(user, unit, what: str) -> None:
    if not may_act_for(user, unit):
        raise AccessDenied(f"只有{unit.name}的政府信息公开工作人员可以{what}")


def _year(request) -> int:
    try:
        return min(max(int(request.GET.get("year") or timezone.localdate().year), 2008), 2100)
    except ValueError:
        return timezone.localdate().year


@staff_view
def board(request):
    today = timezone.localdate()
    year = _year(request)
    stats = queries.unit_statistics(request.user, year)
    found = queries.reply_clocks(request.user)
    if lists.CLOCKS.wants_export(request):
        return lists.CLOCKS.export(found, request)
    top = max([s["received"] for s in stats] or [1]) or 1
    return render(
        request,
        "disclosure/board.html",
        {
            "clocks": list(lists.CLOCKS.ordered(found, request)[:200]),
            **lists.CLOCKS.around(request),
            "stats": [{**s, "width": round(100 * s["received"] / top)} for s in stats],
            "year": year,
            "today": today,
            "units": queries.disclosure_units(request.user).order_by("path"),
            "rules": (rules.REPLY, rules.CLARIFICATION_NOTICE, rules.PUBLICATION),
        },
    )


@staff_view
def request_list(request):
    state, unit, q = request.GET.get("state", ""), request.GET.get("unit", ""), request.GET.get("q", "").strip()
    found = queries.request_list(request.user, state=state, unit=unit, q=q)
    if lists.REQUESTS.wants_export(request):
        return lists.REQUESTS.export(found, request)
    listed = lists.REQUESTS.page(request, found)
    page = listed.pop("page")
    page["rows"] = queries.with_clocks(page["rows"])
    return render(
        request,
        "disclosure/requests.html",
        {
            "page": page,
            "states": RequestState.choices,
            "state": state,
            "unit": unit,
            "q": q,
            "units": queries.disclosure_units(request.user).order_by("path"),
            "today": timezone.localdate(),
            **listed,
        },
    )


@staff_view
def register(request):
    units = intake_units(request.user)
    if not units:
        raise AccessDenied("只有行政机关的政府信息公开工作人员可以登记申请")
    form = RegisterForm(request.POST or None, units=Unit.objects.filter(pk__in=[u.pk for u in units]))
    if request.method == "POST" and form.is_valid():
        try:
            r = services.request_register(by=request.user, **form.cleaned_data)
            messages.success(request, f"已登记{r.number}，查询码{r.lookup_code}")
            return redirect(r)
        except YifaError as exc:
            show_service_errors(form, exc)
    return render(
        request, "disclosure/register.html", {"form": form, "rule": rules.RECEIPT}, status=400 if form.errors else 200
    )


@staff_view
def request_page(request, pk: int, bound=None):
    r = access_request(request.user, pk)
    today = timezone.localdate()
    return render(
        request,
        "disclosure/request.html",
        {
            "r": r,
            "today": today,
            "clocks": clocks_of(r, open_only=False).order_by("id"),
            "actions": actions.ACTIONS.offered(request.user, r, bound=bound),
            "events": timeline(r),
            "show_personal": may_act_for(request.user, r.unit),
            "can_handle": may_act_for(request.user, r.unit),
            "documents": documents.available(r),
            "fee": fees.fee_of(r)[2],
        },
    )


@staff_view
def document(request, pk: int, kind: str):
    r = access_request(request.user, pk)
    _require_staff(request.user, r.unit, "生成文书")
    name, content = documents.generate(r, kind)
    return file_download(content, name)


@staff_view
def catalogue_page(request, unit_pk: int):
    unit = _unit(request.user, unit_pk)
    can = may_act_for(request.user, unit)
    form = CatalogueForm(request.POST or None)
    if request.method == "POST":
        _require_staff(request.user, unit, "登记主动公开信息")
        if form.is_valid():
            try:
                services.catalogue_record(by=request.user, unit=unit, **form.cleaned_data)
                messages.success(request, "已登记，20个工作日内须公开")
                return redirect("disclosure:catalogue", unit.pk)
            except YifaError as exc:
                show_service_errors(form, exc)
    found = queries.catalogue(unit)
    if request.method == "GET" and lists.CATALOGUE.wants_export(request):
        return lists.CATALOGUE.export(found, request)
    listed = lists.CATALOGUE.page(request, found)
    page = listed.pop("page")
    clocks = queries.with_clocks(page["rows"])
    rows = [(item, cl, actions.CATALOGUE_ACTIONS.offered(request.user, item)) for item, cl in clocks]
    return render(
        request,
        "disclosure/catalogue.html",
        {
            "unit": unit,
            "page": page,
            "rows": rows,
            **listed,
            "form": form,
            "can": can,
            "today": timezone.localdate(),
            "guide": Guide.objects.filter(unit=unit).first(),
            "rule": rules.PUBLICATION,
            "repeated": repeated_topics(unit),
            "to_proactive": rules.TO_PROACTIVE,
        },
        status=400 if form.errors else 200,
    )


@staff_view
def guide_edit(request, unit_pk: int):
    unit = _unit(request.user, unit_pk)
    _require_staff(request.user, unit, "编制政府信息公开指南")
    guide = Guide.objects.filter(unit=unit).first()
    initial = {f: getattr(guide, f) for f in ("office", "address", "hours", "contact", "text")} if guide else {}
    form = GuideForm(request.POST or None, initial={**initial, "version": guide.version if guide else None})
    if request.method == "POST" and form.is_valid():
        try:
            registers.save_guide(by=request.user, unit=unit, guide=guide, **form.cleaned_data)
            messages.success(request, "指南已保存，门户同步显示")
            return redirect("disclosure:catalogue", unit.pk)
        except YifaError as exc:
            show_service_errors(form, exc)
    return render(request, "disclosure/guide.html", {"unit": unit, "form": form, "rule": rules.GUIDE})


@staff_view
def report_page(request, unit_pk: int, year: int):
    unit = _unit(request.user, unit_pk)
    report = registers.report_of(unit, year)
    figures = registers.figures_for(unit, year, report)
    fields = ("overview", "problems", "other", *REPORT_ENTERED, "version")
    form = ReportTextForm(request.POST or None, initial={f: getattr(report, f) for f in fields} if report.pk else None)
    if request.method == "POST":
        _require_staff(request.user, unit, "编制年度报告")
        if form.is_valid():
            try:
                publish = request.POST.get("publish") == "1"
                registers.save_report(by=request.user, unit=unit, year=year, publish=publish, **form.cleaned_data)
                messages.success(request, "年度报告已公布" if publish else "年度报告已保存")
                return redirect("disclosure:report", unit.pk, year)
            except YifaError as exc:
                show_service_errors(form, exc)
    return render(
        request,
        "disclosure/report.html",
        {
            "unit": unit,
            "year": year,
            "report": report,
            "f": figures,
            "form": form,
            "can": may_act_for(request.user, unit),
            "due": registers.report_due(unit, year),
            "columns": registers.COLUMN_LABELS,
            "table4_columns": TABLE4_COLUMNS,
            "rules": (rules.PROACTIVE_COUNTS, rules.CHALLENGES),
        },
        status=400 if form.errors else 200,
    )


@staff_view
def import_ledger(request):
    """The file is kept and queued for the task worker; its page shows the rows checked, then written (or
    every bad line, and nothing written)."""
    units = intake_units(request.user)
    if not units:
        raise AccessDenied("只有行政机关的政府信息公开工作人员可以导入台账")
    form = ImportForm(
        request.POST or None, request.FILES or None, units=Unit.objects.filter(pk__in=[u.pk for u in units])
    )
    if request.method == "POST" and form.is_valid():
        upload, unit = form.cleaned_data["file"], form.cleaned_data["unit"]
        job = schedule_import(
            ledger.RUN,
            label=f"{ledger.LABEL}（{unit.name}）",
            by=request.user,
            file_name=upload.name,
            content=upload.read(),
            next_url=reverse("disclosure:requests"),
            options={"unit": unit.pk},
        )
        return redirect("core:import_job", job.pk)
    return render(
        request,
        "disclosure/import.html",
        {"form": form, "columns": ledger.COLUMNS, "outcomes": ledger.OUTCOMES},
        status=400 if form.errors else 200,
    )


@staff_view
def challenge_list(request, unit_pk: int):
    """Table 四's register of one unit: its own entries editable, the reconsideration module's read-only."""
    unit = _unit(request.user, unit_pk)
    can = may_act_for(request.user, unit)
    form = ChallengeForm(request.POST or None)
    if request.method == "POST":
        _require_staff(request.user, unit, "登记行政复议、行政诉讼")
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
            try:
                challenges.challenge_add(by=request.user, unit=unit, **data)
                messages.success(request, "已登记，计入年度报告表四")
                return redirect("disclosure:challenges", unit.pk)
            except YifaError as exc:
                show_service_errors(form, exc)
    found = queries.challenges(unit)
    if request.method == "GET" and lists.CHALLENGES.wants_export(request):
        return lists.CHALLENGES.export(found, request)
    return render(
        request,
        "disclosure/challenges.html",
        {"unit": unit, **lists.CHALLENGES.page(request, found), "form": form, "can": can, "rule": rules.CHALLENGES},
        status=400 if form.errors else 200,
    )


@staff_view
def challenge_edit(request, pk: int):
    challenge = access_challenge(request.user, pk)
    _require_staff(request.user, challenge.unit, "修改复议诉讼登记")
    form = ChallengeForm.for_challenge(challenge, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            challenges.challenge_change(challenge, by=request.user, **data)
            messages.success(request, "已更新")
            return redirect("disclosure:challenges", challenge.unit_id)
        except YifaError as exc:
            show_service_errors(form, exc)
    return render(
        request,
        "disclosure/challenge.html",
        {"challenge": challenge, "form": form, "rule": rules.CHALLENGES},
        status=400 if form.errors else 200,
    )
