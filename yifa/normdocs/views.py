"""Staff pages for normative documents: validate, call one service or query, render."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from yifa.core.charts import bar_chart, rate
from yifa.core.errors import YifaError
from yifa.core.imports import schedule_import
from yifa.core.procedure import LEGAL_OFFICE, show_service_errors
from yifa.core.views import staff_view

from . import actions, forms, importer, lists, queries, rules, services
from .access import access_document
from .models import DocStatus
from .screener import rule_save, screen_text

PREVIEW_ROWS = 200  # a 100,000-row catalogue is previewed by its wrong rows (or its first), not all of it


@staff_view
def document_list(request):
    status = request.GET.get("status", "")
    unit = request.GET.get("unit", "")
    qs = queries.staff_documents(
        request.user, q=request.GET.get("q", ""), status=status, unit_id=int(unit) if unit.isdigit() else None
    )
    if lists.DOCUMENTS.wants_export(request):
        return lists.DOCUMENTS.export(qs, request)
    return render(
        request,
        "normdocs/list.html",
        {
            **lists.DOCUMENTS.page(
                request, qs, pager=lambda ordered, number: queries.page_of_documents(ordered, number, size=50)
            ),
            "statuses": DocStatus.choices,
            "units": queries.issuing_units(request.user),
            "q": request.GET.get("q", ""),
            "status": status,
            "unit": unit,
        },
    )


@staff_view
@require_http_methods(["GET", "POST"])
def document_create(request):
    form = forms.DocumentForm(
        request.POST or None, request.FILES or None, user=request.user, initial={"unit": request.user.unit_id}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data.pop("upload")
        try:
            doc = services.document_create(
                by=request.user, upload=(upload.read(), upload.name) if upload else None, **data
            )
            messages.success(request, f"已登记草案“{doc.title}”")
            return redirect(doc.get_absolute_url())
        except YifaError as exc:
            show_service_errors(form, exc)
    return render(request, "normdocs/create.html", {"form": form})


@staff_view
def document_detail(request, pk, bound=None):
    """The document's page; the kit's action view re-renders it with a refused form's errors (``bound``)."""
    doc = access_document(request.user, pk)
    relations_out, relations_in = queries.relations_of(doc)
    return render(
        request,
        "normdocs/detail.html",
        {
            "doc": doc,
            "actions": actions.ACTIONS.offered(request.user, doc, bound=bound),
            "findings": screen_text(doc.full_text),
            "history": queries.history(doc),
            "filing_clock": queries.filing_clock(doc),
            "review_clock": queries.review_clock(doc),
            "relations_out": relations_out,
            "relations_in": relations_in,
            "files": queries.files_of(doc, public=False),
            "joint": queries.joint_issuers(doc),
            "screening_basis": rules.FAIR_COMPETITION_STANDARDS.citation,
            "conclusion_basis": rules.FAIR_COMPETITION_CONCLUSION.citation,
        },
    )


def _timeliness_chart(by_unit) -> dict:
    option = bar_chart(
        "各制定机关报送备案及时性",
        [r["unit__name"] for r in by_unit],
        {
            "按期报送": [r["on_time"] for r in by_unit],
            "迟报": [r["late"] for r in by_unit],
            "逾期未报": [r["overdue"] for r in by_unit],
            "期限内待报": [r["running"] for r in by_unit],
        },
        unit="件",
    )
    for series in option["series"]:
        series["stack"] = "filing"
    return option


@staff_view
def filing_board(request):
    today = timezone.localdate()
    filing = queries.filing_deadlines(request.user, today=today)
    if lists.FILING.wants_export(request):
        return lists.FILING.export(filing, request)
    by_unit = queries.filing_by_unit(request.user, today=today)
    for row in by_unit:
        row["rate"] = rate(row["on_time"], row["on_time"] + row["late"] + row["overdue"])
    return render(
        request,
        "normdocs/filing.html",
        {
            "by_unit": by_unit,
            "chart": _timeliness_chart(by_unit) if by_unit else None,
            "stats": queries.filing_stats(request.user, today=today),
            "today": today,
            **lists.FILING.page(request, filing),
            "expiring": queries.expiring(request.user, today=today)[:100],
        },
    )


@staff_view
@require_http_methods(["GET", "POST"])
def screen_rules(request):
    legal = LEGAL_OFFICE(request.user)
    form = forms.ScreenRuleForm(request.POST or None, prefix="rule")
    try_form = forms.ScreenTryForm(request.GET or None)
    if request.method == "POST" and form.is_valid():
        try:
            rule_save(by=request.user, **form.cleaned_data)
            messages.success(request, "规则已保存")
            return redirect("normdocs:screen_rules")
        except YifaError as exc:
            show_service_errors(form, exc)
    findings = screen_text(try_form.cleaned_data["text"]) if try_form.is_valid() else None
    edit = queries.screen_rule(request.GET.get("edit", ""))
    if edit and request.method == "GET":
        form = forms.ScreenRuleForm(prefix="rule", initial={f: getattr(edit, f) for f in form.fields})
    return render(
        request,
        "normdocs/screen_rules.html",
        {
            "rules": queries.screen_rules(),
            "basis": rules.FAIR_COMPETITION_STANDARDS.citation,
            "form": form if legal else None,
            "try_form": try_form,
            "findings": findings,
        },
    )


@staff_view
@require_http_methods(["GET", "POST"])
def import_catalogue(request):
    """Preview (every row checked, the wrong ones listed); a clean file is then written by the task worker,
    its progress on the job's page."""
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    rows = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        try:
            rows = importer.parse(by=request.user, content=content)
            if form.cleaned_data["commit"] and not any(r.errors for r in rows):
                job = schedule_import(
                    "yifa.normdocs.importer.run",
                    label="导入规范性文件目录",
                    by=request.user,
                    file_name=upload.name,
                    content=content,
                    next_url=reverse("normdocs:list"),
                )
                return redirect("core:import_job", job.pk)
        except YifaError as exc:
            show_service_errors(form, exc)
    wrong = [r for r in rows or [] if r.errors]
    return render(
        request,
        "normdocs/import.html",
        {
            "form": form,
            "rows": rows,
            "shown": (wrong or rows or [])[:PREVIEW_ROWS],
            "errors": len(wrong),
            "preview_rows": PREVIEW_ROWS,
        },
    )
