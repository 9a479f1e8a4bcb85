"""Staff pages for normative documents: validate, call one service or query, render."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from yifa.core.access import is_legal_office
from yifa.core.errors import AccessDenied, GateBlocked, NotFound, YifaError
from yifa.core.queries import page_of
from yifa.core.views import staff_view

from . import forms, importer, queries, services
from .access import access_document
from .flows import DRAFTING
from .models import DocStatus
from .screener import screen_text


@staff_view
def document_list(request):
    status = request.GET.get("status", "")
    unit = request.GET.get("unit", "")
    qs = queries.staff_documents(
        request.user, q=request.GET.get("q", ""), status=status, unit_id=int(unit) if unit.isdigit() else None
    )
    return render(
        request,
        "normdocs/list.html",
        {
            "page": queries.page_of_documents(qs, request.GET.get("page"), size=50),
            "statuses": DocStatus.choices,
            "units": forms.unit_choices(request.user),
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
            _form_error(form, exc)
    return render(request, "normdocs/create.html", {"form": form})


def _form_error(form, exc: YifaError):
    if isinstance(exc, (AccessDenied, NotFound)):
        raise exc
    errors = getattr(exc, "errors", None) or {exc.field: exc.message}
    for field, message in errors.items():
        form.add_error(field if field in form.fields else None, message)


ACTION_FORMS = {
    "edit": forms.EditForm,
    "solicit": forms.SolicitForm,
    "end_solicitation": forms.SummaryForm,
    "submit_review": None,
    "review": forms.ReviewForm,
    "meeting": forms.MeetingForm,
    "publish": forms.PublishForm,
    "file": forms.FileForm,
    "filing_result": forms.FilingResultForm,
    "close_correction": forms.CorrectionForm,
    "relation": forms.RelationForm,
    "attach": forms.AttachForm,
}


def _run(request, doc, action, data):
    by, version = request.user, request.POST.get("expected_version")
    version = int(version) if version and version.isdigit() else None
    if action == "edit":
        return services.document_update(by=by, doc=doc, expected_version=data.pop("version"), **data)
    if action == "solicit":
        return services.solicit(by=by, doc=doc, expected_version=version, **data)
    if action == "end_solicitation":
        return services.end_solicitation(by=by, doc=doc, expected_version=version, **data)
    if action == "submit_review":
        return services.submit_review(by=by, doc=doc, on=timezone.localdate(), expected_version=version)
    if action == "review":
        return services.review(by=by, doc=doc, expected_version=version, **data)
    if action == "meeting":
        return services.record_meeting(by=by, doc=doc, expected_version=version, **data)
    if action == "publish":
        return services.publish(by=by, doc=doc, expected_version=version, **data)
    if action == "file":
        return services.file_with_superior(by=by, doc=doc, **data)
    if action == "filing_result":
        return services.record_filing_result(by=by, doc=doc, **data)
    if action == "close_correction":
        return services.close_correction(by=by, doc=doc, **data)
    if action == "relation":
        target = access_document(by, data.pop("target"))
        return services.relation_add(by=by, source=doc, target=target, **data)
    if action == "attach":
        upload = data["file"]
        return services.attach(by=by, doc=doc, content=upload.read(), name=upload.name)
    raise YifaError(f"未定义的操作：{action}", field="action")


@staff_view
@require_http_methods(["GET", "POST"])
def document_detail(request, pk):
    doc = access_document(request.user, pk)
    bound, unmet = {}, []
    if request.method == "POST":
        action = request.POST.get("action", "")
        form_class = ACTION_FORMS.get(action)
        form = form_class(request.POST, request.FILES, prefix=action) if form_class else None
        if form is None or form.is_valid():
            try:
                _run(request, doc, action, dict(form.cleaned_data) if form else {})
                messages.success(request, "已保存")
                return redirect(doc.get_absolute_url())
            except GateBlocked as exc:
                unmet = exc.unmet
                messages.error(request, exc.message.split("：")[0])
            except (AccessDenied, NotFound):
                raise
            except YifaError as exc:
                if form is None:
                    messages.error(request, exc.message)
                else:
                    _form_error(form, exc)
        if form is not None:
            bound[action] = form
    return render(request, "normdocs/detail.html", _detail_context(request, doc, bound, unmet))


def _detail_context(request, doc, bound, unmet):
    today = timezone.localdate()
    may_edit = services.may_edit(request.user, doc)
    legal = is_legal_office(request.user)
    forms_ = {}

    def offer(name, allowed, initial=None):
        if allowed:
            forms_[name] = bound.get(name) or ACTION_FORMS[name](prefix=name, initial=initial)

    def flow_allows(transition):
        """The procedure's own table decides, so the page never drifts from the flow."""
        return doc.status in DRAFTING.transition(transition).source and DRAFTING.may(request.user, doc, transition)

    drafting = doc.status in (DocStatus.DRAFT, DocStatus.SOLICITING)
    offer(
        "edit",
        may_edit and drafting,
        {
            "version": doc.version,
            "title": doc.title,
            "full_text": doc.full_text,
            "legal_bases": "\n".join(doc.legal_bases),
            "valid_years": doc.valid_years,
            "involves_business": doc.involves_business,
            "fair_competition_conclusion": doc.fair_competition_conclusion,
        },
    )
    offer("solicit", flow_allows("solicit"))
    offer("end_solicitation", flow_allows("end_solicitation"))
    offer("review", flow_allows("review_lawful"), {"on": today})
    offer("meeting", may_edit and doc.status == DocStatus.APPROVED, {"meeting_on": today})
    offer("publish", flow_allows("publish"), {"signed_on": today, "published_on": today})
    offer("file", may_edit and doc.is_published and not doc.filed_on, {"filed_on": today})
    offer("filing_result", legal and doc.filed_on and not doc.filing_result, {"on": today})
    offer("close_correction", legal and doc.correction_open, {"on": today})
    offer("relation", may_edit and doc.is_published, {"on": today})
    offer("attach", may_edit)
    relations_out, relations_in = queries.relations_of(doc)
    return {
        "doc": doc,
        "forms": forms_,
        "unmet": unmet,
        "today": today,
        "can_submit": flow_allows("submit_review"),
        "findings": screen_text(doc.full_text),
        "history": queries.history(doc),
        "filing_clock": queries.filing_clock(doc),
        "review_clock": queries.review_clock(doc),
        "relations_out": relations_out,
        "relations_in": relations_in,
        "files": queries.files_of(doc, public=False),
        "joint": doc.joint_issuers.all(),
    }


@staff_view
def filing_board(request):
    today = timezone.localdate()
    return render(
        request,
        "normdocs/filing.html",
        {
            "stats": queries.filing_stats(request.user, today=today),
            "today": today,
            "page": page_of(queries.filing_deadlines(request.user, today=today), request.GET.get("page")),
            "expiring": queries.expiring(request.user, today=today)[:100],
        },
    )


@staff_view
@require_http_methods(["GET", "POST"])
def screen_rules(request):
    from .models import ScreenRule
    from .screener import rule_save

    legal = is_legal_office(request.user)
    form = forms.ScreenRuleForm(request.POST or None, prefix="rule")
    try_form = forms.ScreenTryForm(request.GET or None)
    if request.method == "POST" and form.is_valid():
        try:
            rule_save(by=request.user, **form.cleaned_data)
            messages.success(request, "规则已保存")
            return redirect("normdocs:screen_rules")
        except YifaError as exc:
            _form_error(form, exc)
    findings = screen_text(try_form.cleaned_data["text"]) if try_form.is_valid() else None
    edit = ScreenRule.objects.filter(code=request.GET.get("edit", "")).first()
    if edit and request.method == "GET":
        form = forms.ScreenRuleForm(prefix="rule", initial={f: getattr(edit, f) for f in form.fields})
    return render(
        request,
        "normdocs/screen_rules.html",
        {
            "rules": ScreenRule.objects.all(),
            "form": form if legal else None,
            "try_form": try_form,
            "findings": findings,
        },
    )


@staff_view
@require_http_methods(["GET", "POST"])
def import_catalogue(request):
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    rows, created = None, None
    if request.method == "POST" and form.is_valid():
        try:
            rows = importer.parse(by=request.user, content=form.cleaned_data["file"].read())
            if form.cleaned_data["commit"]:
                created = importer.commit(by=request.user, rows=rows)
                messages.success(request, f"已导入{len(created)}件")
                return redirect("normdocs:list")
        except YifaError as exc:
            _form_error(form, exc)
    return render(
        request, "normdocs/import.html", {"form": form, "rows": rows, "errors": sum(bool(r.errors) for r in rows or [])}
    )
