"""Staff workspace pages of the core: validate, call one service or query, render."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.html import escape
from django.views.decorators.http import require_http_methods

from yifa.lib.law import all_rules

from . import lists, queries, services
from .access import can_see_personal_data, fetch, is_admin, require_admin, visible_unit_ids
from .calendar import current_calendar, next_year_missing
from .errors import NotFound, YifaError
from .forms import (
    AuditFilterForm,
    CalendarDayForm,
    PersonForm,
    PersonUpdateForm,
    UnitDeactivateForm,
    UnitEditForm,
    UnitForm,
    UnitMoveForm,
)
from .imports import job_for
from .jobs import recent_jobs
from .models import Attachment, CalendarDay, CalendarYear, Role, Unit, User
from .procedure import Who
from .procedure import reveal as reveal_field
from .registry import contributions

MAX_ID = 2**63 - 1


def staff_view(view):
    """Login required; our errors become a Chinese message on the page."""

    @login_required
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except YifaError as exc:
            # Anything a service refuses (no permission, stale version, unmet gate…) reaches the
            # user as its Chinese message with the matching status, never as a server error.
            return render(
                request,
                "core/error.html",
                {"message": exc.message, "unmet": getattr(exc, "unmet", None)},
                status=exc.status,
            )

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@staff_view
def todo(request):
    today = timezone.localdate()
    items = []
    for _, module in contributions("todo"):
        items.extend(module.items_for(request.user, today))
    items.sort(key=lambda i: (i.get("due") is None, i.get("due") or dt.date.max))
    return render(
        request,
        "core/todo.html",
        {
            "items": items,
            "today": today,
            "calendar_missing": request.user.has_role(Role.ADMIN) and next_year_missing(today),
        },
    )


@staff_view
def deadlines(request):
    today = timezone.localdate()
    status = request.GET.get("status", "open")
    unit_id = queries.int_param(request.GET.get("unit"), low=1, high=MAX_ID)
    qs = queries.deadlines_for(request.user, status=status, today=today, unit_id=unit_id)
    return _deadline_list(request, qs, today, status, "本单位期限")


def _deadline_list(request, qs, today, status, title):
    if lists.DEADLINES.wants_export(request):
        return lists.DEADLINES.export(qs, request)
    template = "core/_deadline_rows.html" if request.htmx else "core/deadlines.html"
    return render(
        request,
        template,
        {
            **lists.DEADLINES.page(request, qs),
            "today": today,
            "status": status,
            "title": title,
            "units": _unit_choices(request.user),
        },
    )


@staff_view
def overdue(request):
    today = timezone.localdate()
    qs = queries.deadlines_for(request.user, status="overdue", today=today)
    return _deadline_list(request, qs, today, "overdue", "逾期事项")


def _unit_choices(user):
    ids = visible_unit_ids(user)
    qs = Unit.objects.order_by("path")
    return qs if ids is None else qs.filter(pk__in=ids)


def _show_errors(form, exc: YifaError) -> None:
    """Each service error under the field it names (all of them, for InvalidInput)."""
    errors = getattr(exc, "errors", None) or {exc.field: exc.message}
    for field, message in errors.items():
        form.add_error(field if field in form.fields else None, message)


def _refuse_non_admin_writes(request) -> None:
    if request.method == "POST":
        require_admin(request.user)


@staff_view
@require_http_methods(["GET", "POST"])
def units(request):
    _refuse_non_admin_writes(request)
    form = UnitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            unit = services.unit_create(by=request.user, **form.cleaned_data)
            messages.success(request, f"已新建单位“{unit.name}”")
            return redirect("core:units")
        except YifaError as exc:
            _show_errors(form, exc)
    status = 400 if form.errors else 200
    return render(
        request,
        "core/units.html",
        {"units": queries.units_tree(), "form": form, "can_admin": is_admin(request.user)},
        status=status,
    )


UNIT_ACTIONS = {"update": "已保存单位“{}”", "move": "已调整“{}”的上级单位", "deactivate": "已停用单位“{}”"}


@staff_view
@require_http_methods(["GET", "POST"])
def unit_edit(request, pk: int):
    """Edit, move or deactivate one unit: administrators only, reading included."""
    require_admin(request.user)
    unit = fetch(Unit.objects.select_related("parent"), request.user, pk)
    action = request.POST.get("action") if request.method == "POST" else None
    version = services.unit_version(unit)
    forms = {
        "update": UnitEditForm(
            request.POST if action == "update" else None,
            prefix="edit",
            initial={
                "name": unit.name,
                "short_name": unit.short_name,
                "kind": unit.kind,
                "is_legal_office": unit.is_legal_office,
                "expected_version": version,
            },
        ),
        "move": UnitMoveForm(
            request.POST if action == "move" else None,
            prefix="move",
            initial={"parent": unit.parent_id, "expected_version": version},
        ),
        "deactivate": UnitDeactivateForm(
            request.POST if action == "deactivate" else None, prefix="off", initial={"expected_version": version}
        ),
    }
    forms["move"].fields["parent"].queryset = (
        Unit.objects.filter(active=True).exclude(path__startswith=unit.path).order_by("path")
    )
    unmet = []
    if request.method == "POST":
        form = forms.get(action)
        if form is None:
            raise YifaError("操作：须为修改、调整上级单位或停用之一", field="action")
        if form.is_valid():
            try:
                data = form.cleaned_data
                if action == "update":
                    done = services.unit_update(
                        by=request.user,
                        unit=unit,
                        name=data["name"],
                        short_name=data["short_name"],
                        kind=data["kind"],
                        is_legal_office=data["is_legal_office"],
                        expected_version=data["expected_version"],
                    )
                elif action == "move":
                    done = services.unit_move(
                        by=request.user, unit=unit, parent=data["parent"], expected_version=data["expected_version"]
                    )
                else:
                    done = services.unit_deactivate(
                        by=request.user, unit=unit, reason=data["reason"], expected_version=data["expected_version"]
                    )
                messages.success(request, UNIT_ACTIONS[action].format(done.name))
                return redirect("core:unit_edit", pk=unit.pk)
            except YifaError as exc:
                unmet = getattr(exc, "unmet", None) or []
                if not unmet:
                    _show_errors(form, exc)
    failed = any(f.errors for f in forms.values()) or unmet
    template = "core/_unit_edit.html" if getattr(request, "htmx", False) else "core/unit_edit.html"
    return render(
        request,
        template,
        {"unit": unit, "forms": forms, "unmet": unmet, "blocked": unmet and f"不能停用“{unit.name}”"},
        status=(409 if unmet else 400) if failed else 200,
    )


@staff_view
@require_http_methods(["GET", "POST"])
def people(request):
    _refuse_non_admin_writes(request)
    updating = request.method == "POST" and request.POST.get("action") == "update"
    form = PersonForm(request.POST if request.method == "POST" and not updating else None)
    update_form = PersonUpdateForm(request.POST if updating else None, prefix="upd")
    if updating and update_form.is_valid():
        try:
            person = services.person_update(by=request.user, **update_form.cleaned_data)
            messages.success(request, f"已调整“{person.display_name}”的角色和状态")
            return redirect("core:people")
        except YifaError as exc:
            _show_errors(update_form, exc)
    elif request.method == "POST" and not updating and form.is_valid():
        try:
            person = services.person_create(by=request.user, **form.cleaned_data)
            messages.success(request, f"已新增人员“{person.display_name}”")
            return redirect("core:people")
        except YifaError as exc:
            _show_errors(form, exc)
    found = queries.people(request.user, request.GET.get("q", ""))
    if request.method == "GET" and lists.PEOPLE.wants_export(request):
        return lists.PEOPLE.export(found, request)
    return render(
        request,
        "core/people.html",
        {
            **lists.PEOPLE.page(request, found),
            "form": form,
            "show_personal": can_see_personal_data(request.user),
            "q": request.GET.get("q", ""),
            "can_admin": is_admin(request.user),
            "update_form": update_form,
        },
        status=400 if (form.errors or update_form.errors) else 200,
    )


def _year(text, default: int) -> int:
    try:
        year = int(text or default)
    except ValueError:
        return default
    return year if services.FIRST_CALENDAR_YEAR <= year <= services.LAST_CALENDAR_YEAR else default


@staff_view
@require_http_methods(["GET", "POST"])
def calendar(request):
    _refuse_non_admin_writes(request)
    today = timezone.localdate()
    year = _year(request.GET.get("year") or request.POST.get("year"), today.year)
    setting_day = request.method == "POST" and not (request.POST.get("remove") or request.POST.get("publish"))
    form = CalendarDayForm(request.POST if setting_day else None)
    error = ""
    if request.method == "POST":
        try:
            if request.POST.get("remove"):
                services.calendar_day_remove(by=request.user, date=_date_or_error(request.POST["remove"]))
                messages.success(request, "已删除，受影响的未结期限正在后台重新计算")
            elif request.POST.get("publish"):
                services.calendar_year_publish(
                    by=request.user, year=year, source=request.POST.get("source") or "国务院办公厅通知"
                )
                messages.success(request, f"已确认{year}年放假安排，涉及该年的未结期限正在后台重新计算")
            elif form.is_valid():
                services.calendar_day_set(by=request.user, **form.cleaned_data)
                messages.success(request, "已保存，受影响的未结期限正在后台重新计算")
                year = form.cleaned_data["date"].year
            if not form.errors:
                return redirect(f"{request.path}?year={year}")
        except YifaError as exc:
            if setting_day:
                _show_errors(form, exc)
            else:
                error = exc.message
    days = CalendarDay.objects.filter(date__year=year)
    return render(
        request,
        "core/calendar.html",
        {
            "year": year,
            "days": days,
            "form": form,
            "years": CalendarYear.objects.all(),
            "error": error,
            "published": current_calendar().is_published(year),
            "missing_next": next_year_missing(today),
            "can_admin": is_admin(request.user),
            **recent_jobs(),
        },
        status=400 if (form.errors or error) else 200,
    )


@staff_view
def calendar_jobs(request):
    """The recomputation progress on the calendar page, polled by htmx while a job is queued or running."""
    return render(request, "core/_recompute_jobs.html", recent_jobs())


@staff_view
def import_job(request, pk: int):
    """An upload's import: its progress, polled by htmx while it runs; then the result or the refusal."""
    job = job_for(request.user, pk)
    template = "core/_import_job.html" if request.htmx else "core/import_job.html"
    return render(request, template, {"job": job})


def _date_or_error(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise YifaError(f"日期：“{text}”不是YYYY-MM-DD格式的日期", field="date") from None


@staff_view
def rules(request):
    return render(request, "core/rules.html", {"rules": all_rules()})


@staff_view
def audit_log(request):
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    qs = queries.audit_events(request.user, **{k: v for k, v in filters.items() if v})
    if lists.AUDIT.wants_export(request):
        return lists.AUDIT.export(qs, request)
    return render(request, "core/audit.html", {**lists.AUDIT.page(request, qs), "form": form})


@staff_view
def inbox(request):
    if request.method == "POST":
        queries.inbox(request.user).filter(read_at__isnull=True).update(read_at=timezone.now())
    page = queries.page_of(queries.inbox(request.user), request.GET.get("page"))
    return render(request, "core/inbox.html", {"page": page})


@staff_view
def attachment_download(request, pk: int):
    """Always as a download with a fixed type, so nothing uploaded runs in the browser."""
    attachment = Attachment.objects.filter(pk=pk, uploaded_by=request.user).first() or fetch(
        Attachment.objects.all(), request.user, pk
    )
    if not attachment.file:
        raise Http404
    response = FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.name, content_type=attachment.mime
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


REVEALABLE = ("phone", "id_number")
REVEAL_WHO = Who(lambda user, obj: can_see_personal_data(user), "复议工作人员、法制机构或系统管理员")


@staff_view
@require_http_methods(["POST"])
def reveal(request, pk: int, field: str):
    """One person's phone or ID number in clear, for those who need it; each look is audited."""
    if field not in REVEALABLE:
        raise NotFound("没有这项个人信息")
    person = fetch(User.objects.select_related("unit"), request.user, pk)
    value = reveal_field(person, field, by=request.user, who=REVEAL_WHO)
    return HttpResponse(escape(value))
