"""Staff pages: validate, call one service or query, render. Acts on a record go through the action
tables in actions.py; the posts here make a record or set a register."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from yifa.core.audit import timeline
from yifa.core.charts import bar_chart, rate
from yifa.core.downloads import file_download
from yifa.core.errors import AccessDenied, NotFound, YifaError
from yifa.core.listing import grid_export
from yifa.core.procedure import LEGAL_OFFICE, form_error_text, show_service_errors
from yifa.core.uploads import attachments_by_subject, attachments_of
from yifa.core.views import staff_view

from . import documents, forms, lists, queries, services, supervision
from .access import access_institution, access_plan, access_report, access_task, works_for_own_unit
from .actions import ASSIGNMENT_ACTIONS, INFO_ACTIONS, PLAN_ACTIONS, REPORT_ACTIONS, TASK_ACTIONS
from .models import ReportKind
from .parsing import plan_text


def _year(request) -> int:
    value = request.GET.get("year") or ""
    return int(value) if value.isdigit() and 2000 <= int(value) <= 2100 else timezone.localdate().year


def _posted(request, form, call, back: str):
    """Run ``call(form)`` on a valid form; a refusal of access stays 403/404, anything else the service
    refuses is said on the page it came from, each message with its field's label."""
    if form.is_valid():
        try:
            return call(form)
        except (AccessDenied, NotFound):
            raise
        except YifaError as exc:
            show_service_errors(form, exc)
    messages.error(request, form_error_text(form))
    return redirect(back)


# ---- annual plans and reports ------------------------------------------------------------------


@staff_view
def reports(request):
    year, today = _year(request), timezone.localdate()
    matrix = queries.compliance_matrix(queries.compliance_board(year=year, today=today, user=request.user))
    if request.GET.get("format") == "xlsx":
        return grid_export(f"{year}年度计划与报告报送情况", *lists.report_grid(matrix, ReportKind))
    return render(
        request,
        "plans/reports.html",
        {
            "year": year,
            "matrix": matrix,
            "kinds": ReportKind,
            "dues": [(kind, queries.due_for(year, kind)) for kind in ReportKind],
            "form": forms.ReportForm(initial={"year": year}),
            "due_form": forms.DueForm(initial={"year": year}),
            "legal": LEGAL_OFFICE(request.user),
            "can_draft": works_for_own_unit(request.user),
        },
    )


@staff_view
@require_POST
def report_create(request):
    def draft(form):
        report = services.report_create(by=request.user, unit=request.user.unit, **form.cleaned_data)
        messages.success(request, f"已保存“{report.title}”")
        return redirect(report)

    form = forms.ReportForm(request.POST, request.FILES)
    return _posted(request, form, draft, reverse("plans:reports"))


@staff_view
@require_POST
def due_set(request):
    def set_due(form):
        services.report_due_set(by=request.user, **form.cleaned_data)
        messages.success(request, "已设置报送时限")
        return redirect(f"{reverse('plans:reports')}?year={form.cleaned_data['year']}")

    return _posted(request, forms.DueForm(request.POST), set_due, reverse("plans:reports"))


@staff_view
def report(request, pk: int, bound=None):
    obj = access_report(request.user, pk)
    return render(
        request,
        "plans/report.html",
        {
            "report": obj,
            "actions": REPORT_ACTIONS.offered(request.user, obj, bound=bound),
            "due": queries.due_for(obj.year, obj.kind),
            "rule": ReportKind(obj.kind).rule,
            "publication": queries.publication_of(obj),
            "files": attachments_of(obj),
            "events": timeline(obj),
        },
    )


# ---- work plans: import, correct, confirm ------------------------------------------------------


@staff_view
def plans(request):
    qs = queries.plans_for(request.user).select_related("unit")
    if lists.PLANS.wants_export(request):
        return lists.PLANS.export(qs, request)
    return render(
        request,
        "plans/plans.html",
        {**lists.PLANS.page(request, qs), "form": forms.ImportForm(), "legal": LEGAL_OFFICE(request.user)},
    )


@staff_view
@require_POST
def plan_import(request):
    def split(form):
        text, upload = form.cleaned_data["text"], form.cleaned_data.get("file")
        if upload:
            try:
                text = plan_text(upload.read(), upload.name)
            except ValueError as exc:
                raise YifaError(str(exc), field="file") from None
        data = form.cleaned_data
        plan = supervision.plan_import(by=request.user, text=text, year=data.get("year"), title=data.get("title") or "")
        messages.success(request, f"已拆分为{plan.sections.count()}个部分、{plan.tasks.count()}项任务，请核对后确认")
        return redirect(plan)

    return _posted(request, forms.ImportForm(request.POST, request.FILES), split, reverse("plans:plans"))


@staff_view
def plan(request, pk: int, bound=None):
    obj = access_plan(request.user, pk)
    today = timezone.localdate()
    offered = PLAN_ACTIONS.offered(request.user, obj, bound=bound)
    correction = next((a for a in offered if a.name == "correct"), None)
    rows = [] if correction else queries.plan_rows(obj)
    for row in rows:
        row.progress = queries.progress_text(row)
        row.is_overdue = row.overdue(today)
    return render(
        request,
        "plans/plan.html",
        {
            "plan": obj,
            "rows": rows,
            "correction": correction,
            "actions": [a for a in offered if a is not correction],
            "by_unit": queries.unit_board(request.user, plan=obj, today=today),
        },
    )


@staff_view
def plan_export(request, pk: int, fmt: str):
    obj = access_plan(request.user, pk)
    content = documents.decomposition_xlsx(obj) if fmt == "xlsx" else documents.decomposition_docx(obj)
    return file_download(content, documents.filename(obj, "xlsx" if fmt == "xlsx" else "docx"))


# ---- tasks: progress, urge, close --------------------------------------------------------------


@staff_view
def task(request, pk: int, bound=None):
    obj = access_task(request.user, pk)
    today = timezone.localdate()
    assignments = queries.shares_with_reports(obj)
    files = attachments_by_subject(r for a in assignments for r in a.reports.all())
    for a in assignments:
        a.is_overdue = a.overdue(today)
        a.history = [(r, files[r.pk]) for r in a.reports.all()]
        a.actions = ASSIGNMENT_ACTIONS.offered(request.user, a)
    legal = LEGAL_OFFICE(request.user)
    return render(
        request,
        "plans/task.html",
        {
            "task": obj,
            "assignments": assignments,
            "actions": TASK_ACTIONS.offered(request.user, obj, bound=bound),
            "institution_form": forms.InstitutionForm(
                initial={
                    "year": obj.plan.year,
                    "name": obj.title,
                    "due": obj.due,
                    "basis": f"{obj.plan.title}{obj.label}",
                    "task": obj.pk,
                }
            )
            if legal
            else None,
            "events": timeline(obj),
        },
    )


def _overdue_chart(by_unit) -> dict:
    return bar_chart(
        "各单位任务逾期率",
        [r["unit__name"] for r in by_unit],
        {"逾期率": [rate(r["overdue"], r["total"]) for r in by_unit]},
        unit="%",
    )


@staff_view
def board(request):
    today = timezone.localdate()
    found = queries.assignments_for(request.user, overdue_on=today)
    if lists.OVERDUE.wants_export(request):
        return lists.OVERDUE.export(found, request)
    listed = lists.OVERDUE.page(request, found)
    overdue = listed.pop("page")
    by_unit = list(queries.unit_board(request.user, plan=None, today=today))
    return render(
        request,
        "plans/board.html",
        {
            "by_unit": by_unit,
            "chart": _overdue_chart(by_unit),
            "overdue": ASSIGNMENT_ACTIONS.selectable(request.user, overdue["rows"], "urge"),
            "overdue_page": overdue,
            "today": today,
            **listed,
        },
    )


# ---- work information and institutions ---------------------------------------------------------


@staff_view
def info(request):
    year = _year(request)
    found = queries.info_items_for(request.user)
    if lists.INFO.wants_export(request):
        return lists.INFO.export(found, request)
    listed = lists.INFO.page(request, found)
    for item in listed["page"]["rows"]:
        item.actions = INFO_ACTIONS.offered(request.user, item)
    return render(
        request,
        "plans/info.html",
        {
            "counts": queries.info_counts(year=year, user=request.user),
            "year": year,
            "form": forms.InfoForm(),
            **listed,
        },
    )


@staff_view
@require_POST
def info_submit(request):
    def submit(form):
        services.info_submit(by=request.user, **form.cleaned_data)
        messages.success(request, "已报送")
        return redirect("plans:info")

    return _posted(request, forms.InfoForm(request.POST), submit, reverse("plans:info"))


@staff_view
def institutions(request):
    year, today = _year(request), timezone.localdate()
    columns, rows = queries.institution_board(year=year, user=request.user, today=today)
    if request.GET.get("format") == "xlsx":
        return grid_export(f"{year}年制度建设清单", *lists.institution_grid(columns, rows))
    return render(
        request,
        "plans/institutions.html",
        {
            "year": year,
            "columns": columns,
            "rows": rows,
            "legal": LEGAL_OFFICE(request.user),
            "define_form": forms.InstitutionForm(initial={"year": year}),
            "record_form": forms.RecordForm(),
            "own_unit": request.user.unit if works_for_own_unit(request.user) else None,
        },
    )


@staff_view
@require_POST
def institution_define(request):
    form = forms.InstitutionForm(request.POST)
    task_pk = form.cleaned_data.pop("task") if form.is_valid() else None
    task = access_task(request.user, task_pk) if task_pk else None

    def define(form):
        services.institution_define(by=request.user, task=task, **form.cleaned_data)
        messages.success(request, "已列入应建制度")
        return redirect(f"{reverse('plans:institutions')}?year={form.cleaned_data['year']}")

    back = task.get_absolute_url() if task else reverse("plans:institutions")
    return _posted(request, form, define, back)


@staff_view
@require_POST
def institution_record(request, pk: int):
    institution = access_institution(pk)
    back = f"{reverse('plans:institutions')}?year={institution.year}"

    def record(form):
        upload = form.cleaned_data.pop("file", None)
        services.institution_record(
            by=request.user,
            institution=institution,
            unit=request.user.unit,
            file=(upload.name, upload.read()) if upload else None,
            **form.cleaned_data,
        )
        messages.success(request, f"已登记“{institution.name}”")
        return redirect(back)

    return _posted(request, forms.RecordForm(request.POST, request.FILES), record, back)
