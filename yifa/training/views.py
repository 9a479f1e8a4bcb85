"""Staff pages: validate, call one service or query, render."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from yifa.core.audit import timeline
from yifa.core.errors import AccessDenied, NotFound, YifaError
from yifa.core.procedure import LEGAL_OFFICE, form_error_text, show_service_errors
from yifa.core.queries import int_param
from yifa.core.views import staff_view

from . import forms, lists, queries, rules, services, signin
from .access import access_course, access_outline, access_person, access_plan, access_study
from .models import StudyKind


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
    found, need = queries.people_hours(request.user, year=year, short_only=short_only), queries.requirements(year)
    listing = lists.hours(need)
    if listing.wants_export(request):
        return listing.export(found, request)
    listed = listing.page(request, found)
    listed["page"]["rows"] = queries.with_requirement(listed["page"]["rows"], year)
    return render(
        request,
        "training/hours.html",
        {
            **listed,
            "year": year,
            "short_only": short_only,
            "requirements": need,
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
    found = queries.courses(request.user, year=year)
    if lists.COURSES.wants_export(request):
        return lists.COURSES.export(lists.with_attendees(found), request)
    listed = lists.COURSES.page(request, found)
    listed["page"]["rows"] = queries.with_attendee_counts(list(listed["page"]["rows"]))
    return render(
        request,
        "training/courses.html",
        {
            **listed,
            "year": year,
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


def _exam_form(course, exam, attendance, data=None):
    initial = {"subject": course.topic, "held_on": course.held_on, "full_mark": 100, "pass_mark": 60}
    if exam is not None:
        initial = {
            "subject": exam.subject,
            "held_on": exam.held_on,
            "full_mark": exam.full_mark,
            "pass_mark": exam.pass_mark,
            "version": exam.version,
        }
    return forms.ExamForm(data, initial=initial, attendance=attendance)


@staff_view
def course(request, pk: int, exam_bound=None):
    item = access_course(request.user, pk)
    may_open = services.UNIT_STAFF(request.user, item)
    window = None
    if may_open:
        window = forms.SigninWindowForm(
            initial={"signin_opens": item.signin_opens, "signin_closes": item.signin_closes, "version": item.version}
        )
    attendance = list(queries.course_attendance(item))
    exam = getattr(item, "exam_record", None) if item.exam else None
    exam_form = None
    if item.exam and may_open and attendance:
        exam_form = exam_bound or _exam_form(item, exam, attendance)
    return render(
        request,
        "training/course.html",
        {
            "course": item,
            "attendance": attendance,
            "exam": exam,
            "exam_form": exam_form,
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
    found = queries.studies(request.user, year=year)
    if lists.STUDIES.wants_export(request):
        return lists.STUDIES.export(found, request)
    return render(
        request,
        "training/studies.html",
        {
            **lists.STUDIES.page(request, found),
            "year": year,
            "counts": queries.study_counts(request.user, year=year),
            "warned": {u.pk for u, _ in queries.units_short_of_study(year=year, today=today)},
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
    attach = None
    if item.kind == StudyKind.PRE_MEETING and services.UNIT_STAFF(request.user, item):
        meetings = queries.meetings_for(item)
        attach = forms.AttachMeetingForm(
            meetings=meetings, initial={"version": item.version, "meeting_record": item.meeting_record_id}
        )
    return render(
        request,
        "training/study.html",
        {
            "study": item,
            "attendees": item.attendees.select_related("unit"),
            "timeline": timeline(item),
            "attach_form": attach,
            "rule": rules.PRE_MEETING_STUDY,
        },
    )


@staff_view
@require_POST
def exam_record(request, pk: int):
    item = access_course(request.user, pk)
    attendance = list(queries.course_attendance(item))
    form = _exam_form(item, getattr(item, "exam_record", None), attendance, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.exam_record(
                by=request.user,
                course=item,
                subject=data["subject"],
                held_on=data["held_on"],
                full_mark=data["full_mark"],
                pass_mark=data["pass_mark"],
                scores=form.scores(),
                version=data.get("version"),
            )
        except (AccessDenied, NotFound):
            raise
        except YifaError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, "已录入考试成绩")
            return redirect(item)
    messages.error(request, form_error_text(form))
    response = course(request, pk, exam_bound=form)
    response.status_code = 400
    return response


@staff_view
def person(request, pk: int):
    """One person's training record for the year: courses, hours against the requirement, exam results."""
    who = access_person(request.user, pk)
    year = _year(request)
    rows = list(queries.training_record(who.pk, year))
    kind = queries.officer_kind(who)
    required, basis = queries.requirements(year)[kind]
    total = sum((r.hours for r in rows), start=Decimal(0))
    return render(
        request,
        "training/person.html",
        {
            "person": who,
            "year": year,
            "rows": rows,
            "total": queries.hours_text(total),
            "required": queries.hours_text(required),
            "basis": basis,
            "short": total < required,
        },
    )


# ---- the year's outline and the units' training plans ---------------------------------------------------


def _plans(request, outline):
    """The units' plans under ``outline``: a page of them (and its headers), or their Excel file."""
    listing, found = lists.plans(timezone.localdate()), queries.unit_plans(request.user, outline)
    return listing.export(found, request) if listing.wants_export(request) else listing.page(request, found)


@staff_view
def plans(request):
    year = _year(request)
    outline = queries.outline_of(year)
    legal = LEGAL_OFFICE(request.user)
    listed = _plans(request, outline) if outline else {"page": None}
    if not isinstance(listed, dict):
        return listed
    return render(
        request,
        "training/plans.html",
        {
            **listed,
            "year": year,
            "outline": outline,
            "form": forms.OutlineForm(initial={"year": year, "plans_due": rules.plans_due_default(year)})
            if legal and outline is None
            else None,
            "rule": rules.TRAINING_PLAN,
            "today": timezone.localdate(),
        },
    )


@staff_view
@require_POST
def outline_create(request):
    def save(form):
        outline = services.outline_draft(by=request.user, **form.cleaned_data)
        messages.success(request, f"已起草“{outline.title}”，核对后发布")
        return redirect(outline)

    return _posted(request, forms.OutlineForm(request.POST), save, reverse("training:plans"))


@staff_view
def outline(request, pk: int, bound=None):
    from .actions import OUTLINE_ACTIONS

    item = access_outline(request.user, pk)
    listed = _plans(request, item)
    if not isinstance(listed, dict):
        return listed
    return render(
        request,
        "training/outline.html",
        {
            **listed,
            "outline": item,
            "year": item.year,
            "actions": OUTLINE_ACTIONS.offered(request.user, item, bound=bound),
            "timeline": timeline(item),
            "rule": rules.TRAINING_PLAN,
            "today": timezone.localdate(),
        },
    )


@staff_view
def plan(request, pk: int, bound=None):
    from .actions import PLAN_ACTIONS

    item = access_plan(request.user, pk)
    return render(
        request,
        "training/plan.html",
        {
            "plan": item,
            "actions": PLAN_ACTIONS.offered(request.user, item, bound=bound),
            "timeline": timeline(item),
            "rule": rules.TRAINING_PLAN,
            "late": item.filed_on is not None and item.filed_on > item.outline.plans_due,
        },
    )


@staff_view
@require_POST
def study_attach(request, pk: int):
    item = access_study(request.user, pk)

    def save(form):
        services.study_attach_meeting(
            by=request.user,
            study=item,
            meeting_record=form.cleaned_data["meeting_record"],
            version=form.cleaned_data["version"],
        )
        messages.success(request, "已将本次会前学法附于该会议")
        return redirect(item)

    form = forms.AttachMeetingForm(request.POST, meetings=queries.meetings_for(item))
    return _posted(request, form, save, item.get_absolute_url())
