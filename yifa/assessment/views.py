"""Staff pages: the cockpit, a unit's score with the records behind it, the leaders' reports."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from yifa.core.audit import timeline
from yifa.core.errors import AccessDenied, NotFound, YifaError
from yifa.core.procedure import LEGAL_OFFICE, form_error_text, show_service_errors
from yifa.core.queries import int_param
from yifa.core.uploads import attachments_of
from yifa.core.views import staff_view

from . import chart, forms, lists, queries, rules, services, settings_services, system, trends
from . import duties as duties_mod
from .access import access_objection, access_report, access_unit
from .flows import DRAFTER, OBJECTING
from .models import Duty, DutyRecord, Objection


def _year_and_date(request):
    today = timezone.localdate()
    year = int_param(request.GET.get("year"), low=2000, high=2100, default=today.year)
    as_of = today if year == today.year else min(today, dt.date(year, 12, 31))
    return year, as_of


@staff_view
def cockpit(request):
    year, as_of = _year_and_date(request)
    indicators = system.counted(year)
    total = system.total(indicators)
    rows = queries.scores(request.user, year=year, as_of=as_of, indicators=indicators)
    return render(
        request,
        "assessment/cockpit.html",
        {
            "year": year,
            "as_of": as_of,
            "rows": rows,
            "indicators": indicators,
            "total": total,
            "basis": rules.ASSESSMENT,
            "worst": queries.worst_indicators(rows),
            "chart": chart.bars([(r.unit.short_name or r.unit.name, r.total) for r in rows], total),
            "confirmed": queries.confirmation(year),
            "may_confirm": LEGAL_OFFICE(request.user, None),
            "trends": trends.trends(year, as_of),
        },
    )


@staff_view
def unit(request, pk: int):
    year, as_of = _year_and_date(request)
    unit = access_unit(request.user, pk)
    score = queries.unit_score(unit, year=year, as_of=as_of, rows=False)  # each indicator's records on demand
    may_object = request.user.unit_id == unit.pk and OBJECTING(request.user, Objection(unit=unit))
    filed = {o.code: o for o in queries.objections(request.user, year=year).filter(unit=unit)}
    for line in score.lines:
        line.objection = filed.get(line.indicator.code)
    return render(
        request,
        "assessment/unit.html",
        {
            "score": score,
            "year": year,
            "as_of": as_of,
            "total": system.total([line.indicator for line in score.lines]),
            "objection_form": forms.ObjectionForm(initial={"year": year}) if may_object else None,
        },
    )


@staff_view
def unit_records(request, pk: int, code: str):
    """The records behind one indicator of a unit's score, each linked to its page: the fragment the score page
    loads when a line is opened (htmx), or a page of its own without JavaScript."""
    year, as_of = _year_and_date(request)
    unit = access_unit(request.user, pk)
    indicator = system.find(year, code)
    if indicator is None or not indicator.has_rows:
        raise NotFound("没有该考核指标的记录")
    template = "assessment/_records.html" if request.htmx else "assessment/unit_records.html"
    context = {"unit": unit, "indicator": indicator, "year": year, "as_of": as_of}
    return render(request, template, {**context, "rows": indicator.rows(unit.pk, year, as_of)})


@staff_view
def reports(request):
    year = int_param(request.GET.get("year"), low=2000, high=2100, default=timezone.localdate().year)
    found = queries.reports(request.user, year=year)
    if lists.REPORTS.wants_export(request):
        return lists.REPORTS.export(found, request)
    return render(
        request,
        "assessment/reports.html",
        {
            **lists.REPORTS.around(request),
            "year": year,
            "reports": lists.REPORTS.ordered(found, request),
            "form": forms.DraftForm(initial={"year": year}),
            "may_draft": request.user.unit_id is not None and DRAFTER(request.user, request.user),
            "basis": (rules.FIRST_RESPONSIBLE, rules.RULE_OF_LAW_REPORT_PARTS),
        },
    )


@staff_view
@require_POST
def report_draft(request):
    form = forms.DraftForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_error_text(form))
        return redirect("assessment:reports")
    report = services.report_draft(by=request.user, unit=request.user.unit, **form.cleaned_data)
    messages.success(request, f"已按本单位数据起草“{report.title}”，请修改后提交")
    return redirect(report)


@staff_view
def report(request, pk: int, bound=None):
    from .actions import REPORT_ACTIONS

    obj = access_report(request.user, pk)
    return render(
        request,
        "assessment/report.html",
        {"report": obj, "actions": REPORT_ACTIONS.offered(request.user, obj, bound=bound), "timeline": timeline(obj)},
    )


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


def _indicators_url(year: int) -> str:
    return f"{reverse('assessment:indicators')}?year={year}"


def _setting_form(i, year: int):
    own = i.setting if i.setting is not None and i.setting.year == year else None
    initial = {"year": year, "code": i.code, "level": i.level, "points": i.points, "enabled": i.enabled}
    initial["version"] = own.version if own else None
    return forms.IndicatorSettingForm(initial=initial, auto_id=f"id_%s-{i.code}")


@staff_view
def indicators(request):
    year, _ = _year_and_date(request)
    legal = LEGAL_OFFICE(request.user, None)
    found = system.system(year)
    return render(
        request,
        "assessment/indicators.html",
        {
            "year": year,
            "rows": [(i, _setting_form(i, year) if legal else None) for i in found],
            "total": system.total([i for i in found if i.enabled]),
            "legal": legal,
            "new_form": forms.ManualIndicatorForm(initial={"year": year}) if legal else None,
            "basis": rules.EVALUATION,
        },
    )


@staff_view
@require_POST
def indicator_set(request):
    def save(form):
        item = settings_services.indicator_set(by=request.user, **form.cleaned_data)
        messages.success(request, f"已设置“{item.name}”：{item.level}，{item.points}分，自{item.year}年度起")
        return redirect(_indicators_url(item.year))

    form = forms.IndicatorSettingForm(request.POST)
    return _posted(request, form, save, _indicators_url(int_param(request.POST.get("year"), low=2000, high=2100)))


@staff_view
@require_POST
def manual_indicator_add(request):
    def save(form):
        item = settings_services.manual_indicator_add(by=request.user, **form.cleaned_data)
        messages.success(request, f"已新增人工评分指标“{item.name}”（{item.points}分）")
        return redirect(_indicators_url(item.year))

    form = forms.ManualIndicatorForm(request.POST)
    return _posted(request, form, save, _indicators_url(int_param(request.POST.get("year"), low=2000, high=2100)))


def _manual_indicator(year: int, code: str):
    indicator = system.find(year, code)
    if indicator is None:
        raise NotFound("没有该考核指标")
    return indicator


@staff_view
def manual_scores(request, code: str):
    year, _ = _year_and_date(request)
    indicator = _manual_indicator(year, code)
    legal = LEGAL_OFFICE(request.user, None)
    given = queries.manual_scores_of(code, year)
    units = list(queries.assessed_units(request.user))
    for unit in units:
        unit.manual = given.get(unit.pk)
        unit.form = (
            forms.ManualScoreForm(
                initial={
                    "year": year,
                    "unit": unit.pk,
                    "points": unit.manual.points if unit.manual else indicator.points,
                    "evidence": unit.manual.evidence if unit.manual else "",
                    "version": unit.manual.version if unit.manual else None,
                },
                auto_id=f"id_%s-{unit.pk}",
            )
            if legal
            else None
        )
    return render(
        request,
        "assessment/manual_scores.html",
        {"year": year, "indicator": indicator, "units": units, "legal": legal},
    )


@staff_view
@require_POST
def manual_score_set(request, code: str):
    form = forms.ManualScoreForm(request.POST)
    back = f"{reverse('assessment:manual_scores', args=[code])}?year={request.POST.get('year', '')}"

    def save(form):
        data = form.cleaned_data
        unit = access_unit(request.user, data.pop("unit"))
        settings_services.manual_score_set(by=request.user, code=code, unit=unit, **data)
        messages.success(request, f"已为{unit.name}评分：{data['points']}分")
        return redirect(back)

    return _posted(request, form, save, back)


@staff_view
def objections(request):
    year, _ = _year_and_date(request)
    found = queries.objections(request.user, year=year)
    if lists.OBJECTIONS.wants_export(request):
        return lists.OBJECTIONS.export(found, request)
    return render(request, "assessment/objections.html", {"year": year, **lists.OBJECTIONS.page(request, found)})


@staff_view
@require_POST
def objection_file(request):
    form = forms.ObjectionForm(request.POST, request.FILES)
    unit = request.user.unit
    back = reverse("assessment:unit", args=[unit.pk]) if unit else reverse("assessment:cockpit")

    def save(form):
        data = form.cleaned_data
        files = [(f.name, f.read()) for f in data.pop("files")]
        item = services.objection_file(by=request.user, unit=unit, files=files, **data)
        messages.success(request, f"已提出异议，等待法制机构答复（{item.indicator_name}）")
        return redirect(item)

    return _posted(request, form, save, f"{back}?year={request.POST.get('year', '')}")


@staff_view
def objection(request, pk: int, bound=None):
    from .actions import OBJECTION_ACTIONS

    obj = access_objection(request.user, pk)
    return render(
        request,
        "assessment/objection.html",
        {
            "objection": obj,
            "files": attachments_of(obj),
            "actions": OBJECTION_ACTIONS.offered(request.user, obj, bound=bound),
            "timeline": timeline(obj),
        },
    )


@staff_view
@require_POST
def ranking_confirm(request):
    year = int_param(request.POST.get("year"), low=2000, high=2100)
    back = f"{reverse('assessment:cockpit')}?year={year or ''}"
    if year is None:
        messages.error(request, "年度：须为2000至2100之间的年份")
        return redirect(back)
    try:
        settings_services.ranking_confirm(by=request.user, year=year)
    except (AccessDenied, NotFound):
        raise
    except YifaError as exc:
        messages.error(request, "；".join(getattr(exc, "errors", {}).values()) or exc.message)
    else:
        messages.success(request, f"已确认{year}年度考核排名")
    return redirect(back)


# ---- the first responsible person's duties ---------------------------------------------------------------


def _retire_form(duty, year: int):
    return forms.DutyRetireForm(initial={"last_year": year - 1, "version": duty.version}, auto_id=f"id_%s-{duty.pk}")


@staff_view
def duty_list(request):
    year = int_param(request.GET.get("year"), low=2000, high=2100, default=timezone.localdate().year)
    legal = LEGAL_OFFICE(request.user, None)
    duties = list(duties_mod.in_force(year))
    return render(
        request,
        "assessment/duties.html",
        {
            "year": year,
            "duties": [(d, _retire_form(d, year) if legal else None) for d in duties],
            "form": forms.DutyForm(initial={"from_year": year}) if legal else None,
            "basis": rules.FIRST_RESPONSIBLE,
            "own_unit": request.user.unit if request.user.unit_id else None,
        },
    )


@staff_view
@require_POST
def duty_add(request):
    def save(form):
        duty = duties_mod.duty_add(by=request.user, **{**form.cleaned_data, "sort": form.cleaned_data["sort"] or 0})
        messages.success(request, f"已增加职责“{duty.title[:30]}”")
        return redirect(f"{reverse('assessment:duties')}?year={duty.from_year}")

    return _posted(request, forms.DutyForm(request.POST), save, reverse("assessment:duties"))


@staff_view
@require_POST
def duty_retire(request, pk: int):
    duty = Duty.objects.filter(pk=pk).first()
    if duty is None:
        raise NotFound()

    def save(form):
        data = form.cleaned_data
        duties_mod.duty_retire(by=request.user, duty=duty, last_year=data["last_year"], version=data["version"])
        messages.success(request, f"职责“{duty.title[:30]}”适用至{data['last_year']}年度")
        return redirect(f"{reverse('assessment:duties')}?year={data['last_year']}")

    return _posted(request, forms.DutyRetireForm(request.POST), save, reverse("assessment:duties"))


@staff_view
def unit_duties(request, pk: int):
    year = int_param(request.GET.get("year"), low=2000, high=2100, default=timezone.localdate().year)
    unit = access_unit(request.user, pk)
    may = duties_mod.UNIT_LEADERS(request.user, DutyRecord(unit=unit))
    rows = []
    for duty, record in duties_mod.checklist(unit, year):
        form = None
        if may:
            initial = {"year": year, "state": record.state if record else "", "note": record.note if record else ""}
            initial["version"] = record.version if record else None
            form = forms.DutyRecordForm(initial=initial, auto_id=f"id_%s-{duty.pk}")
        rows.append((duty, record, form))
    return render(
        request,
        "assessment/unit_duties.html",
        {"unit": unit, "year": year, "rows": rows, "basis": rules.FIRST_RESPONSIBLE},
    )


@staff_view
@require_POST
def unit_duty_record(request, pk: int, duty: int):
    unit = access_unit(request.user, pk)
    item = Duty.objects.filter(pk=duty).first()
    if item is None:
        raise NotFound()
    back = f"{reverse('assessment:unit_duties', args=[unit.pk])}?year={request.POST.get('year', '')}"

    def save(form):
        data = form.cleaned_data
        duties_mod.duty_record(by=request.user, unit=unit, duty=item, **data)
        messages.success(request, f"已记录“{item.title[:30]}”的履行情况")
        return redirect(f"{reverse('assessment:unit_duties', args=[unit.pk])}?year={data['year']}")

    return _posted(request, forms.DutyRecordForm(request.POST), save, back)
