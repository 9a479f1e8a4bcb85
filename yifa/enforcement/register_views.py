"""Staff pages of the registers: bodies (with 相对集中处罚权 transfers), officers and their certificates, and the
powers catalogue. Reading is open to staff; writing goes through the kit's ``add``/``change`` (who, version,
before/after in the audit), and each record's page shows its change history."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone

from yifa.core.errors import NotFound, YifaError
from yifa.core.procedure import LEGAL_OFFICE, show_service_errors
from yifa.core.views import staff_view

from . import forms, lists, queries, rules, services
from .models import Body, Power, PowerKind


def _save(request, form, save, done):
    """Run ``save(cleaned_data)`` for a valid form; the record on success, else None with the errors on the form."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        obj = save(form.cleaned_data)
    except YifaError as exc:
        show_service_errors(form, exc)
        return None
    messages.success(request, done(obj))
    return obj


def _public(qs, pk):
    """Bodies and powers are published on the portal: every staff member may read them."""
    found = qs.filter(pk=pk).first()
    if found is None:
        raise NotFound()
    return found


def _status(form) -> int:
    return 400 if form.is_bound and form.errors else 200


def _fields(data: dict, *names) -> dict:
    return {k: v for k, v in data.items() if k not in ("version", *names)}


def _new(request, *, form_class, add, title, rule, may, done):
    """A register's 'new' page: the form, then the kit's ``add`` (which checks who again)."""
    form = form_class(request.POST or None)
    created = _save(request, form, lambda d: add(by=request.user, **_fields(d, "active")), done)
    if created:
        return redirect(created)
    context = {"form": form, "title": title, "rule": rule, "may": may}
    return render(request, "enforcement/register_form.html", context, status=_status(form))


@staff_view
def body_new(request):
    return _new(
        request,
        form_class=forms.BodyForm,
        add=services.body_add,
        title="登记执法主体",
        rule=rules.BODY_REGISTER,
        may=LEGAL_OFFICE(request.user),
        done=lambda b: f"已登记执法主体“{b.name}”",
    )


@staff_view
def officer_new(request):
    return _new(
        request,
        form_class=forms.OfficerForm,
        add=services.officer_add,
        title="登记执法人员",
        rule=rules.CERTIFICATE,
        may=LEGAL_OFFICE(request.user),
        done=lambda o: f"已登记执法人员“{o.name}”",
    )


@staff_view
def power_new(request):
    return _new(
        request,
        form_class=forms.PowerForm,
        add=services.power_add,
        title="登记执法事项",
        rule=rules.POWER_CATALOGUE,
        may=True,  # the body's unit or the legal office: the kit checks against the chosen body
        done=lambda p: f"已登记执法事项“{p}”",
    )


@staff_view
def body(request, pk: int):
    found = _public(Body.objects.select_related("unit"), pk)
    initial = {f: getattr(found, f) for f in forms.BodyForm.base_fields if f not in ("unit", "version")}
    form = forms.BodyForm(request.POST or None, initial={**initial, "unit": found.unit_id, "version": found.version})
    changed = _save(
        request,
        form,
        lambda d: services.body_change(
            by=request.user, body=found, expected_version=d["version"], **_fields(d, "unit")
        ),
        lambda b: f"已保存执法主体“{b.name}”",
    )
    if changed:
        return redirect("enforcement:body", pk=pk)
    context = {
        "b": found,
        "form": form,
        "may": LEGAL_OFFICE(request.user, found),
        "powers": found.powers.order_by("code"),
        "history": queries.history(found),
        "rule": rules.CONSOLIDATION,
    }
    return render(request, "enforcement/body.html", context, status=_status(form))


def officer_forms(request, found):
    """The officer page's forms (edit the officer, issue a certificate, record a year's 评议考核), each bound only
    when posted."""
    posted = request.POST.get("form") if request.method == "POST" else None
    edit = forms.OfficerForm(
        request.POST if posted == "officer" else None,
        initial={"body": found.body_id, "name": found.name, "version": found.version},
        prefix="officer",
    )
    issue = forms.CertificateIssueForm(
        request.POST if posted == "certificate" else None, initial={"field": found.body.fields}, prefix="cert"
    )
    appraise = forms.AppraisalForm(
        request.POST if posted == "appraisal" else None,
        initial={"year": timezone.localdate().year - 1},
        prefix="appraisal",
    )
    saved = (
        _save(
            request,
            edit,
            lambda d: services.officer_change(
                by=request.user, officer=found, expected_version=d["version"], **_fields(d)
            ),
            lambda o: f"已保存“{o.name}”的信息",
        )
        or _save(
            request,
            issue,
            lambda d: services.certificate_issue(by=request.user, officer=found, on=timezone.localdate(), **d),
            lambda c: f"已核发{c}",
        )
        or _save(
            request,
            appraise,
            lambda d: services.appraisal_add(by=request.user, officer=found, on=timezone.localdate(), **d),
            lambda a: f"已登记{a}",
        )
    )
    return edit, issue, appraise, saved


@staff_view
def powers(request):
    kind = request.GET.get("kind", "")
    q = request.GET.get("q", "")[:50]
    found = queries.powers(kind=kind, q=q)
    if lists.POWERS.wants_export(request):
        return lists.POWERS.export(found, request)
    return render(
        request,
        "enforcement/powers.html",
        {
            **lists.POWERS.page(request, found),
            "kinds": PowerKind.choices,
            "kind": kind,
            "rule": rules.POWER_CATALOGUE,
            "responsibility": rules.RESPONSIBILITY,
        },
    )


@staff_view
def power(request, pk: int):
    found = _public(Power.objects.select_related("body__unit"), pk)
    initial = {f: getattr(found, f) for f in forms.PowerForm.base_fields if f not in ("body", "version")}
    form = forms.PowerForm(request.POST or None, initial={**initial, "body": found.body_id, "version": found.version})
    changed = _save(
        request,
        form,
        lambda d: services.power_change(by=request.user, power=found, expected_version=d["version"], **_fields(d)),
        lambda p: f"已保存执法事项“{p}”",
    )
    if changed:
        return redirect(changed)
    context = {
        "p": found,
        "form": form,
        "may": services.power_keeper(request.user, found),
        "benchmarks": queries.power_benchmarks(found),
        "history": queries.history(found),
        "rule": rules.RESPONSIBILITY,
    }
    return render(request, "enforcement/power.html", context, status=_status(form))
