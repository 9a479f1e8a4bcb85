"""Staff pages: the item list and its imports, applications with their clocks, certificates."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone

from yifa.core.access import can_see_personal_data
from yifa.core.audit import timeline
from yifa.core.charts import bar_chart
from yifa.core.crypto import mask_id_number, mask_phone
from yifa.core.downloads import file_download
from yifa.core.errors import AccessDenied, NotFound, YifaError
from yifa.core.imports import schedule_import
from yifa.core.listing import grid_export
from yifa.core.procedure import LEGAL_OFFICE, show_service_errors
from yifa.core.views import staff_view

from . import documents, importer, lists, promise, queries, reform, rules, services
from .access import access_application, access_certificate, access_draw, access_item, access_reform, draws_for
from .flows import list_keeper, organ_staff
from .forms import CounterForm, DrawForm, ImportForm, ReformForm, TemplateForm
from .models import AppState, CertState, ItemState, ReformKind


@staff_view
def item_list(request):
    q, state = request.GET.get("q", "").strip(), request.GET.get("state", "")
    found = queries.items(q=q, state=state)
    if lists.ITEMS.wants_export(request):
        return lists.ITEMS.export(found, request)
    listed = lists.ITEMS.page(request, found)
    return render(request, "licensing/items.html", {**listed, "q": q, "state": state, "states": ItemState.choices})


@staff_view
def item_page(request, pk: int, bound=None):
    from .actions import ITEM_ACTIONS

    item = access_item(request.user, pk)
    return render(
        request,
        "licensing/item.html",
        {"item": item, "actions": ITEM_ACTIONS.offered(request.user, item, bound=bound), "events": timeline(item)},
    )


def _import(request, *, table, run, label, template, extra=None):
    """Preview (every row checked, the wrong ones listed); a clean file is then written by the task worker,
    its progress on the job's page."""
    form = ImportForm(request.POST or None, request.FILES or None)
    rows = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        try:
            rows = table.preview(content=content, by=request.user)
            if form.cleaned_data["commit"] and not any(r.errors for r in rows):
                table.refuse_if_wrong(rows)
                job = schedule_import(
                    run, label=label, by=request.user, file_name=upload.name, content=content, next_url=request.path
                )
                return redirect("core:import_job", job.pk)
        except YifaError as exc:
            show_service_errors(form, exc)
    context = {"form": form, "rows": rows, "errors": sum(bool(r.errors) for r in rows or []), **(extra or {})}
    return render(request, template, context)


@staff_view
def import_items(request):
    return _import(
        request,
        table=importer.ITEM_LIST,
        run=importer.RUN_ITEMS,
        label="导入行政许可事项清单",
        template="licensing/import_items.html",
        extra={"inheritance": rules.LIST_INHERITANCE, "fees": rules.NO_FEE_WITHOUT_BASIS},
    )


@staff_view
def higher_list(request):
    if request.method == "POST" and not LEGAL_OFFICE(request.user):
        raise AccessDenied(f"只有{LEGAL_OFFICE.label}可以导入上级清单")
    if request.method == "GET" and request.GET.get("format") == "xlsx":
        return grid_export("上级清单与本级清单的差异", *importer.difference_rows(importer.differences()))
    return _import(
        request,
        table=importer.HIGHER_LIST,
        run=importer.RUN_HIGHER,
        label="导入上级行政许可事项清单",
        template="licensing/higher.html",
        extra={"diff": importer.differences(), "inheritance": rules.LIST_INHERITANCE},
    )


@staff_view
def application_list(request):
    q, state = request.GET.get("q", "").strip(), request.GET.get("state", "")
    found = queries.applications(request.user, state=state, q=q)
    if lists.APPLICATIONS.wants_export(request):
        return lists.APPLICATIONS.export(found, request)
    listed = lists.APPLICATIONS.page(request, found)
    page = listed.pop("page")
    page["rows"] = queries.with_clocks(page["rows"])
    return render(
        request,
        "licensing/applications.html",
        {
            "page": page,
            "q": q,
            "state": state,
            "states": AppState.choices,
            "today": timezone.localdate(),
            **listed,
        },
    )


@staff_view
def intake(request):
    items = queries.public_items()
    form = CounterForm(request.POST or None, items=items, initial={"received_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        item = data.pop("item")
        try:
            app = services.receive(by=request.user, channel=CounterForm.channel, item=item, **data)
            messages.success(request, f"已登记{app.number}，查询码{app.lookup_code}")
            return redirect(app)
        except YifaError as exc:
            show_service_errors(form, exc)
    return render(request, "licensing/intake.html", {"form": form})


@staff_view
def application_page(request, pk: int, bound=None):
    from .actions import APPLICATION_ACTIONS

    app = access_application(request.user, pk)
    sees = can_see_personal_data(request.user) or organ_staff(request.user, app)
    return render(
        request,
        "licensing/application.html",
        {
            "app": app,
            "id_number": app.applicant_id_number if sees else mask_id_number(app.applicant_id_number),
            "phone": app.applicant_phone if sees else mask_phone(app.applicant_phone),
            "clocks": queries.application_clocks(app),
            "promised": queries.promised_due(app),
            "actions": APPLICATION_ACTIONS.offered(request.user, app, bound=bound),
            "events": timeline(app),
            "certificate": getattr(app, "certificate", None) if app.state == AppState.ISSUED else None,
            "documents": documents.offered(app),
        },
    )


@staff_view
def certificate_list(request):
    today = timezone.localdate()
    soon = request.GET.get("soon") == "1"
    rows = queries.certificates(
        request.user,
        state=request.GET.get("state", ""),
        expiring_by=today + dt.timedelta(days=rules.REMIND_DAYS_BEFORE_RENEWAL + rules.RENEWAL_APPLICATION.days)
        if soon
        else None,
    )
    if lists.CERTIFICATES.wants_export(request):
        return lists.CERTIFICATES.export(rows, request)
    return render(
        request,
        "licensing/certificates.html",
        {
            **lists.CERTIFICATES.page(request, rows),
            "soon": soon,
            "states": CertState.choices,
            "state": request.GET.get("state", ""),
            "today": today,
        },
    )


@staff_view
def certificate_page(request, pk: int, bound=None):
    from .actions import CERTIFICATE_ACTIONS

    cert = access_certificate(request.user, pk)
    return render(
        request,
        "licensing/certificate.html",
        {
            "cert": cert,
            "renewal_by": rules.last_renewal_day(cert.valid_until) if cert.valid_until else None,
            "renewal_rule": rules.RENEWAL_APPLICATION,
            "actions": CERTIFICATE_ACTIONS.offered(request.user, cert, bound=bound),
            "events": timeline(cert),
            "today": timezone.localdate(),
        },
    )


@staff_view
def statistics(request):
    from yifa.core.queries import int_param

    today = timezone.localdate()
    year = int_param(request.GET.get("year"), low=2000, high=today.year + 1, default=today.year)
    rows = queries.statistics(request.user, year)
    totals = {k: sum(r[k] for r in rows) for k in ("applied", "accepted", "granted", "refused", "revoked")}
    on_time = queries.timeliness(request.user, year)
    chart = (
        bar_chart(f"{year}年各实施机关按期作出决定的比率", [r["unit__name"] for r in on_time],
                  {"按期办结率": [r["rate"] for r in on_time]}, unit="%")
        if on_time
        else None
    )  # fmt: skip
    taken = queries.time_taken(request.user, year)
    taken_chart = (
        bar_chart(f"{year}年各实施机关作出决定的办理用时", [r["unit__name"] for r in taken],
                  {"平均用时": [r["average"] for r in taken], "最长用时": [r["longest"] for r in taken]},
                  unit="个工作日")
        if taken
        else None
    )  # fmt: skip
    return render(
        request,
        "licensing/statistics.html",
        {"rows": rows, "totals": totals, "year": year, "on_time": on_time, "chart": chart, "taken": taken,
         "taken_chart": taken_chart},
    )  # fmt: skip


@staff_view
def promise_draws(request):
    form = DrawForm(request.POST or None, initial={"granted_to": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            made = promise.draw(by=request.user, unit=request.user.unit, on=timezone.localdate(), **form.cleaned_data)
            messages.success(request, f"已抽取{made.checks.count()}件，随机种子{made.seed}")
            return redirect(made)
        except YifaError as exc:
            show_service_errors(form, exc)
    found = draws_for(request.user)
    if request.method == "GET" and lists.DRAWS.wants_export(request):
        return lists.DRAWS.export(found, request)
    return render(
        request,
        "licensing/draws.html",
        {
            **lists.DRAWS.page(request, found),
            "form": form,
            "can_draw": request.user.unit_id is not None,
            "rule": rules.PROMISE_CHECK,
        },
    )


@staff_view
def draw_page(request, pk: int):
    from .actions import CHECK_ACTIONS

    found = access_draw(request.user, pk)
    checks = list(found.checks.select_related("application__item", "unit"))
    rows = [(c, CHECK_ACTIONS.offered(request.user, c)) for c in checks]
    return render(
        request,
        "licensing/draw.html",
        {
            "draw": found,
            "rows": rows,
            "replayed": promise.sample(found.population, found.seed, found.percent),
            "rule": rules.PROMISE_CHECK,
            "false_rule": rules.FALSE_PROMISE,
        },
    )


@staff_view
def application_document(request, pk: int, kind: str):
    app = access_application(request.user, pk)
    if kind not in documents.KINDS:
        raise NotFound(f"没有名为“{kind}”的文书")
    name, content = documents.generate(app, kind)
    return file_download(content, name)


@staff_view
def certificate_document(request, pk: int):
    name, content = documents.certificate_docx(access_certificate(request.user, pk))
    return file_download(content, name)


def _reform_fields(form) -> dict:
    return {k: v for k, v in form.cleaned_data.items() if k != "version"}


@staff_view
def reform_list(request):
    from yifa.core.queries import int_param

    year = int_param(request.GET.get("year"), low=1990, high=timezone.localdate().year + 1)
    kind = request.GET.get("kind", "") if request.GET.get("kind", "") in ReformKind.values else ""
    can_record = reform.may_record(request.user)
    form = ReformForm(request.POST or None)
    if request.method == "POST":
        if not can_record:
            raise AccessDenied(f"您无权登记改革事项（需{list_keeper.label}）")
        if form.is_valid():
            try:
                entry = reform.record(by=request.user, **_reform_fields(form))
                messages.success(request, f"已登记：{entry}")
                return redirect("licensing:reform")
            except YifaError as exc:
                show_service_errors(form, exc)
    stats = reform.statistics()
    return render(
        request,
        "licensing/reform.html",
        {
            **lists.REFORM.page(request, reform.entries(year=year, kind=kind)),
            "form": form,
            "can_record": can_record,
            "stats": stats,
            "chart": reform.chart(stats) if stats else None,
            "kinds": ReformKind.choices,
            "year": year,
            "kind": kind,
            "rules": (rules.REFORM_WAYS, rules.REFORM_CANCELLED, rules.REFORM_SERVICE, rules.REFORM_REDUCTION),
        },
    )


@staff_view
def reform_entry(request, pk: int):
    entry = access_reform(request.user, pk)
    can_edit = list_keeper(request.user, entry)
    initial = {f: getattr(entry, f) for f in reform.FIELDS} | {"version": entry.version}
    form = ReformForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if not can_edit:
            raise AccessDenied(f"您无权修改改革事项（需{list_keeper.label}）")
        if form.is_valid():
            try:
                reform.edit(
                    entry, by=request.user, expected_version=form.cleaned_data["version"], **_reform_fields(form)
                )
                messages.success(request, "已保存")
                return redirect(entry)
            except YifaError as exc:
                show_service_errors(form, exc)
    return render(
        request,
        "licensing/reform_entry.html",
        {"entry": entry, "form": form, "can_edit": can_edit, "events": timeline(entry)},
    )


@staff_view
def reform_export(request):
    from yifa.core.queries import int_param

    year = int_param(request.GET.get("year"), low=1990, high=timezone.localdate().year + 1)
    kind = request.GET.get("kind", "") if request.GET.get("kind", "") in ReformKind.values else ""
    name = f"审批制度改革台账{f'（{year}年）' if year else ''}.xlsx"
    return file_download(reform.export_xlsx(lists.REFORM.ordered(reform.entries(year=year, kind=kind), request)), name)


@staff_view
def template_list(request):
    keeper = documents.TEMPLATE_KEEPER(request.user)
    kinds = [(t["kind"], t["title"]) for t in documents.templates()]
    form = TemplateForm(request.POST or None, request.FILES or None, kinds=kinds)
    if request.method == "POST":
        if not keeper:
            raise AccessDenied(f"您无权更换文书模板（需{documents.TEMPLATE_KEEPER.label}）")
        try:
            if request.POST.get("reset"):
                documents.template_reset(by=request.user, kind=request.POST["reset"])
                messages.success(request, "已恢复默认模板")
                return redirect("licensing:templates")
            if form.is_valid():
                kind = form.cleaned_data["kind"]
                documents.template_set(by=request.user, kind=kind, content=form.cleaned_data["file"].read())
                messages.success(request, f"{documents.TITLES[kind]}模板已更换")
                return redirect("licensing:templates")
        except YifaError as exc:
            show_service_errors(form, exc)
    return render(
        request,
        "licensing/templates.html",
        {"rows": documents.templates(), "form": form, "keeper": keeper, "label": documents.TEMPLATE_KEEPER.label},
    )


@staff_view
def template_download(request, kind: str):
    if kind not in documents.TITLES:
        raise NotFound(f"没有名为“{kind}”的文书")
    return file_download(documents.template_for(kind), f"{documents.TITLES[kind]}模板.docx")
