"""Staff pages: validate, call one service or query, render."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from yifa.core.audit import timeline
from yifa.core.errors import AccessDenied, NotFound, YifaError
from yifa.core.procedure import LEGAL_OFFICE, form_error_text, show_service_errors
from yifa.core.queries import int_param, page_of
from yifa.core.views import staff_view

from . import forms, queries, rules, services, signin
from .access import access_course, access_study


def _year(request) -> int:
    return int_param(request.GET.get("year"), low=2000, high=2100, default=timezone.localdate().year)


def _posted(request, form, call, back: str):
    if form.is_valid():
        try:
            return call(form)
        except (AccessDenied, NotFound):
            raise
        except YifaError as exc:
            show_service_errors(form, exc)
    messages.error(request, form_error_text(form))
    return redirect(back)


def _may_record(user) -> bool:
    return user.unit_id is not None and services.UNIT_STAFF(user, user)


@staff_view
def hours(request):
    year = _year(request)
    short_only = request.GET.get("short") == "1"
    page = page_of(queries.people_hours(request.user, year=year, short_only=short_only), request.GET.get("page"))
    page["rows"] = queries.with_requirement(page["rows"], year)
    return render(
        request,
        "training/hours.html",
        {
            "year": year,
            "short_only": short_only,
            "page": page,
            "requirements": queries.requirements(year),
            "rules": (rules.TRAINING_HOURS, rules.ENFORCEMENT_TRAINING),
            "legal": LEGAL_OFFICE(request.user),
            "form": forms.RequirementForm(initial={"year": year}),
        },
    )


@staff_view
@require_POST
def requirement_set(request):
    def save(form):
        item = services.requirement_set(by=request.user, **form.cleaned_data)
        messages.success(request, f"已设置{item}")
        return redirect(f"{reverse('training:hours')}?year={item.year}")

    return _posted(request, forms.RequirementForm(request.POST), save, reverse("training:hours"))


@staff_view
def courses(request):
    year = _year(request)
    page = page_of(queries.courses(request.user, year=year), request.GET.get("page"))
    page["rows"] = queries.with_attendee_counts(list(page["rows"]))
    return render(
        request,
        "training/courses.html",
        {
            "year": year,
            "page": page,
            "form": forms.CourseForm(user=request.user) if _may_record(request.user) else None,
            "rule": rules.TRAINING_PLAN,
        },
    )


@staff_view
@require_POST
def course_create(request):
    def save(form):
        course = services.course_record(by=request.user, unit=request.user.unit, **form.cleaned_data)
        messages.success(request, f"已登记培训“{course.topic}”，{len(form.cleaned_data['attendees'])}人计入学时")
        return redirect(course)

    return _posted(request, forms.CourseForm(request.POST, user=request.user), save, reverse("training:courses"))


@staff_view
def course(request, pk: int):
    item = access_course(request.user, pk)
    may_open = services.UNIT_STAFF(request.user, item)
    window = None
    if may_open:
        window = forms.SigninWindowForm(
            initial={"signin_opens": item.signin_opens, "signin_closes": item.signin_closes, "version": item.version}
        )
    return render(
        request,
        "training/course.html",
        {
            "course": item,
            "attendance": queries.course_attendance(item),
            "timeline": timeline(item),
            "qr": signin.qr_svg(request, item) if item.signin_code and may_open else "",
            "window_text": signin.window_text(item),
            "window_form": window,
            "open_now": item.signin_open_at(timezone.now()),
        },
    )


@staff_view
@require_POST
def signin_window(request, pk: int):
    item = access_course(request.user, pk)

    def save(form):
        data = form.cleaned_data
        signin.window_open(
            by=request.user,
            course=item,
            opens=data["signin_opens"],
            closes=data["signin_closes"],
            version=data["version"],
        )
        messages.success(request, "已设置扫码签到时间，请向参训人员展示二维码")
        return redirect(item)

    return _posted(request, forms.SigninWindowForm(request.POST), save, item.get_absolute_url())


@staff_view
def signin_page(request, code: str):
    """What the phone opens after the scan: the course, the window, and one button (or why not)."""
    item = signin.course_for_code(code)
    if item is None:
        raise NotFound("没有该培训的签到码，请重新扫描现场二维码")
    if request.method == "POST":
        try:
            row = signin.sign_in(by=request.user, course=item)
        except (AccessDenied, NotFound):
            raise
        except YifaError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"签到成功，计入{queries.hours_text(row.hours)}学时")
        return redirect("training:signin", code=code)
    mine = queries.attendance_of(item, request.user)
    return render(
        request,
        "training/signin.html",
        {
            "course": item,
            "mine": mine,
            "open_now": item.signin_open_at(timezone.now()),
            "window_text": signin.window_text(item),
            "hours": queries.hours_text(item.hours),
        },
    )


@staff_view
def studies(request):
    year, today = _year(request), timezone.localdate()
    return render(
        request,
        "training/studies.html",
        {
            "year": year,
            "counts": queries.study_counts(request.user, year=year),
            "warned": {u.pk for u, _ in queries.units_short_of_study(year=year, today=today)},
            "page": page_of(queries.studies(request.user, year=year), request.GET.get("page")),
            "form": forms.StudyForm(user=request.user) if _may_record(request.user) else None,
            "rule": rules.LEADERSHIP_STUDY,
            "minimum": rules.STUDY_SESSIONS_MINIMUM,
        },
    )


@staff_view
@require_POST
def study_create(request):
    def save(form):
        session = services.study_record(by=request.user, unit=request.user.unit, **form.cleaned_data)
        messages.success(request, f"已登记{session}")
        return redirect(session)

    return _posted(request, forms.StudyForm(request.POST, user=request.user), save, reverse("training:studies"))


@staff_view
def study(request, pk: int):
    item = access_study(request.user, pk)
    return render(
        request,
        "training/study.html",
        {"study": item, "attendees": item.attendees.select_related("unit"), "timeline": timeline(item)},
    )
