"""Staff pages: validate, call one service or query, render."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from yifa.core.access import is_legal_office
from yifa.core.audit import timeline
from yifa.core.downloads import file_download
from yifa.core.errors import AccessDenied, NotFound, YifaError
from yifa.core.models import Role, Unit
from yifa.core.uploads import attachments_by_subject, attachments_of
from yifa.core.views import staff_view

from . import documents, forms, queries, services, supervision
from .access import access_assignment, access_info, access_plan, access_report, access_task, in_unit
from .flows import REPORT, TASK
from .models import AssignmentStatus, Institution, PlanState, ReportKind, ReportState, TaskState
from .parsing import plan_text


def acting(view):
    """A POST that calls a service: its Chinese error (unmet conditions, bad input) is shown on the
    page it came from; refusals of access stay 403/404."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except (AccessDenied, NotFound):
            raise
        except YifaError as exc:
            messages.error(request, exc.message)
        return redirect(request.POST.get("next") or request.META.get("HTTP_REFERER") or "plans:reports")

    return wrapped


def _year(request) -> int:
    value = request.GET.get("year") or ""
    return int(value) if value.isdigit() and 2000 <= int(value) <= 2100 else timezone.localdate().year


def _files(request, field="files"):
    return [(f.name, f.read()) for f in request.FILES.getlist(field)]


# ---- annual plans and reports ------------------------------------------------------------------


@staff_view
def reports(request):
    year, today = _year(request), timezone.localdate()
    rows = queries.compliance_board(year=year, today=today, user=request.user)
    return render(
        request,
        "plans/reports.html",
        {
            "year": year,
            "matrix": queries.compliance_matrix(rows),
            "kinds": ReportKind,
            "dues": [(kind, queries.due_for(year, kind)) for kind in ReportKind],
            "form": forms.ReportForm(initial={"year": year}),
            "due_form": forms.DueForm(initial={"year": year}),
            "legal": is_legal_office(request.user),
            "can_draft": bool(request.user.unit_id) and request.user.has_role(Role.LIAISON, Role.HEAD),
        },
    )


@staff_view
@require_POST
@acting
def report_create(request):
    form = forms.ReportForm(request.POST)
    if not form.is_valid():
        raise YifaError(forms.first_error(form))
    report = services.report_save(by=request.user, unit=request.user.unit, files=_files(request), **form.cleaned_data)
    messages.success(request, f"已保存“{report.title}”")
    return redirect(report)


@staff_view
@require_POST
@acting
def due_set(request):
    form = forms.DueForm(request.POST)
    if not form.is_valid():
        raise YifaError(forms.first_error(form))
    services.report_due_set(by=request.user, **form.cleaned_data)
    messages.success(request, "已设置报送时限")
    return redirect(f"{reverse('plans:reports')}?year={form.cleaned_data['year']}")


@staff_view
def report(request, pk: int):
    obj = access_report(request.user, pk)
    editable = obj.state in (ReportState.DRAFT, ReportState.RETURNED) and in_unit(request.user, obj.unit)
    return render(
        request,
        "plans/report.html",
        {
            "report": obj,
            "actions": REPORT.available(request.user, obj),
            "editable": editable,
            "form": forms.ReportForm(
                initial={
                    "title": obj.title,
                    "body": obj.body,
                    "is_public": obj.is_public,
                    "year": obj.year,
                    "kind": obj.kind,
                }
            ),
            "due": queries.due_for(obj.year, obj.kind),
            "rule": ReportKind(obj.kind).rule,
            "publication": queries.publication_of(obj),
            "files": attachments_of(obj),
            "events": timeline(obj),
        },
    )


@staff_view
@require_POST
@acting
def report_edit(request, pk: int):
    obj = access_report(request.user, pk)
    form = forms.ReportForm(request.POST)
    if not form.is_valid():
        raise YifaError(forms.first_error(form))
    data = {**form.cleaned_data, "year": obj.year, "kind": obj.kind}
    services.report_save(
        by=request.user,
        unit=obj.unit,
        report=obj,
        files=_files(request),
        expected_version=request.POST.get("version"),
        **data,
    )
    messages.success(request, "已保存修改")
    return redirect(obj)


REPORT_ACTIONS = {
    "approve": services.report_approve,
    "submit": services.report_submit,
    "accept": services.report_accept,
}


@staff_view
@require_POST
@acting
def report_act(request, pk: int, action: str):
    obj = access_report(request.user, pk)
    version = request.POST.get("version")
    if action == "return":
        services.report_return(
            by=request.user, report=obj, comment=request.POST.get("reason", ""), expected_version=version
        )
    elif action in REPORT_ACTIONS:
        REPORT_ACTIONS[action](by=request.user, report=obj, expected_version=version)
    else:
        raise YifaError(f"未定义的操作：{action}", field="action")
    messages.success(request, f"已{REPORT.transition(action).label}")
    return redirect(obj)


# ---- work plans: import, correct, confirm ------------------------------------------------------


@staff_view
def plans(request):
    return render(
        request,
        "plans/plans.html",
        {"plans": queries.plans_for(request.user), "form": forms.ImportForm(), "legal": is_legal_office(request.user)},
    )


@staff_view
@require_POST
@acting
def plan_import(request):
    form = forms.ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        raise YifaError(forms.first_error(form))
    text = form.cleaned_data["text"]
    upload = form.cleaned_data.get("file")
    if upload:
        try:
            text = plan_text(upload.read(), upload.name)
        except ValueError as exc:
            raise YifaError(str(exc), field="file") from None
    plan = supervision.plan_import(
        by=request.user, text=text, year=form.cleaned_data.get("year"), title=form.cleaned_data.get("title") or ""
    )
    messages.success(request, f"已拆分为{plan.sections.count()}个部分、{plan.tasks.count()}项任务，请核对后确认")
    return redirect(plan)


@staff_view
def plan(request, pk: int):
    obj = access_plan(request.user, pk)
    today = timezone.localdate()
    rows = queries.plan_rows(obj)
    for row in rows:
        row.progress = queries.progress_text(row)
    return render(
        request,
        "plans/plan.html",
        {
            "plan": obj,
            "rows": rows,
            "today": today,
            "draft": obj.state == PlanState.DRAFT,
            "legal": is_legal_office(request.user),
            "units": Unit.objects.filter(active=True).order_by("path"),
            "by_unit": queries.unit_board(request.user, plan=obj, today=today) if obj.state != PlanState.DRAFT else [],
        },
    )


@staff_view
@require_POST
@acting
def plan_correct(request, pk: int):
    obj = access_plan(request.user, pk)
    units = {u.pk: u for u in Unit.objects.filter(active=True)}
    rows = []
    for task in obj.tasks.all():
        p = f"t{task.pk}_"
        if p + "title" not in request.POST:
            continue
        rows.append(
            {
                "task": task.pk,
                "title": request.POST.get(p + "title", ""),
                "due": forms.parse_date(request.POST.get(p + "due", ""), f"{task.label}的完成时限"),
                "units": [units[int(i)] for i in request.POST.getlist(p + "units") if i.isdigit() and int(i) in units],
                "drop": bool(request.POST.get(p + "drop")),
                "version": request.POST.get(p + "version"),
            }
        )
    supervision.plan_correct(by=request.user, plan=obj, rows=rows)
    if request.POST.get("confirm"):
        supervision.plan_confirm(by=request.user, plan=obj)
        messages.success(request, "已确认分解，任务已交办各责任单位")
    else:
        messages.success(request, "已保存修改")
    return redirect(obj)


@staff_view
@require_POST
@acting
def plan_urge(request, pk: int):
    obj = access_plan(request.user, pk)
    count = supervision.urge_all_overdue(by=request.user, plan=obj)
    messages.success(request, f"已向{count}个逾期事项的责任单位发出催办通知")
    return redirect(obj)


@staff_view
def plan_export(request, pk: int, fmt: str):
    obj = access_plan(request.user, pk)
    content = documents.decomposition_xlsx(obj) if fmt == "xlsx" else documents.decomposition_docx(obj)
    return file_download(content, documents.filename(obj, "xlsx" if fmt == "xlsx" else "docx"))


# ---- tasks: progress, urge, close --------------------------------------------------------------


@staff_view
def task(request, pk: int):
    obj = access_task(request.user, pk)
    today = timezone.localdate()
    assignments = list(obj.assignments.select_related("unit").prefetch_related("reports"))
    files = attachments_by_subject(r for a in assignments for r in a.reports.all())
    for a in assignments:
        a.mine = in_unit(request.user, a.unit) and request.user.has_role(Role.LIAISON, Role.HEAD)
        a.is_overdue = a.overdue(today)
        a.history = [(r, files[r.pk]) for r in a.reports.all()]
    return render(
        request,
        "plans/task.html",
        {
            "task": obj,
            "assignments": assignments,
            "legal": is_legal_office(request.user),
            "institution_form": forms.InstitutionForm(
                initial={
                    "year": obj.plan.year,
                    "name": obj.title,
                    "due": obj.due,
                    "basis": f"{obj.plan.title}{obj.label}",
                }
            ),
            "statuses": AssignmentStatus.choices,
            "can_close": TASK.may(request.user, obj, "close") and obj.state == TaskState.OPEN,
            "events": timeline(obj),
        },
    )


@staff_view
@require_POST
@acting
def progress(request, pk: int):
    assignment = access_assignment(request.user, pk)
    supervision.progress_report(
        by=request.user,
        assignment=assignment,
        status=request.POST.get("status", ""),
        percent=request.POST.get("percent", ""),
        narrative=request.POST.get("narrative", ""),
        files=_files(request),
        expected_version=request.POST.get("version"),
    )
    messages.success(request, "已报告进展")
    return redirect(assignment.task)


@staff_view
@require_POST
@acting
def urge(request, pk: int):
    assignment = access_assignment(request.user, pk)
    supervision.task_urge(by=request.user, assignment=assignment, note=request.POST.get("note", ""))
    messages.success(request, f"已向{assignment.unit.name}发出催办通知")
    return redirect(assignment.task)


@staff_view
@require_POST
@acting
def task_close(request, pk: int):
    obj = access_task(request.user, pk)
    supervision.task_close(by=request.user, task=obj, expected_version=request.POST.get("version"))
    messages.success(request, "任务已确认办结")
    return redirect(obj)


@staff_view
def board(request):
    today = timezone.localdate()
    overdue = queries.assignments_for(request.user, overdue_on=today)
    return render(
        request,
        "plans/board.html",
        {
            "by_unit": queries.unit_board(request.user, plan=None, today=today),
            "overdue": overdue,
            "today": today,
            "legal": is_legal_office(request.user),
        },
    )


# ---- work information and institutions ---------------------------------------------------------


@staff_view
def info(request):
    year = _year(request)
    return render(
        request,
        "plans/info.html",
        {
            "items": queries.info_items_for(request.user)[:200],
            "counts": queries.info_counts(year=year, user=request.user),
            "year": year,
            "legal": is_legal_office(request.user),
            "form": forms.InfoForm(),
        },
    )


@staff_view
@require_POST
@acting
def info_submit(request):
    form = forms.InfoForm(request.POST)
    if not form.is_valid():
        raise YifaError(forms.first_error(form))
    services.info_submit(by=request.user, **form.cleaned_data)
    messages.success(request, "已报送")
    return redirect("plans:info")


@staff_view
@require_POST
@acting
def info_decide(request, pk: int):
    item = access_info(request.user, pk)
    services.info_decide(by=request.user, item=item, adopt=request.POST.get("adopt") == "1")
    messages.success(request, "已处理")
    return redirect("plans:info")


@staff_view
def institutions(request):
    year, today = _year(request), timezone.localdate()
    columns, rows = queries.institution_board(year=year, user=request.user, today=today)
    return render(
        request,
        "plans/institutions.html",
        {
            "year": year,
            "columns": columns,
            "rows": rows,
            "legal": is_legal_office(request.user),
            "define_form": forms.InstitutionForm(initial={"year": year}),
            "record_form": forms.RecordForm(),
            "own_unit": request.user.unit if request.user.has_role(Role.LIAISON, Role.HEAD) else None,
        },
    )


@staff_view
@require_POST
@acting
def institution_define(request):
    form = forms.InstitutionForm(request.POST)
    if not form.is_valid():
        raise YifaError(forms.first_error(form))
    task = access_task(request.user, request.POST["task"]) if request.POST.get("task") else None
    services.institution_define(by=request.user, task=task, **form.cleaned_data)
    messages.success(request, "已列入应建制度")
    return redirect(f"{reverse('plans:institutions')}?year={form.cleaned_data['year']}")


@staff_view
@require_POST
@acting
def institution_record(request, pk: int):
    institution = Institution.objects.filter(pk=pk).first()
    if institution is None:
        raise YifaError("应建制度不存在", field="institution")
    form = forms.RecordForm(request.POST, request.FILES)
    if not form.is_valid():
        raise YifaError(forms.first_error(form))
    upload = form.cleaned_data.pop("file", None)
    services.institution_record(
        by=request.user,
        institution=institution,
        unit=request.user.unit,
        file=(upload.name, upload.read()) if upload else None,
        **form.cleaned_data,
    )
    messages.success(request, f"已登记“{institution.name}”")
    return redirect(f"{reverse('plans:institutions')}?year={institution.year}")
