"""Staff pages: validate, call one service or query, render. Acts run through the kit's action views."""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from yifa.core.access import can_see_personal_data, is_legal_office, require_legal_office
from yifa.core.charts import bar_chart
from yifa.core.clocks import clocks_of
from yifa.core.downloads import file_download
from yifa.core.errors import YifaError
from yifa.core.procedure import create_page, show_service_errors
from yifa.core.views import staff_view
from yifa.lib.office import xlsx_table
from yifa.plans import interface as plans

from . import forms, lists, queries, rules, services, stats
from .access import (
    access_accountability,
    access_campaign,
    access_complaint,
    access_dispute,
    access_file,
    access_filing,
    access_inspection,
    access_notice,
    accountability_visible,
    disputes_visible,
)
from .models import FileKind, FilingState, NoticeSource, WarningKind, WarningState
from .sources import source


def record_page(request, actions, found, template: str, bound=None, **context):
    """A record's page: its statutory clocks, the acts this user may fire now, and what the page adds."""
    clocks = clocks_of(found, open_only=False).order_by("id")
    offered = actions.offered(request.user, found, bound=bound)
    return render(request, template, {"clocks": clocks, "actions": offered, **context})


@staff_view
def cockpit(request):
    by_unit = queries.alerts_by_unit(request.user)
    chart = bar_chart(
        "各单位执法预警",
        [r["unit"] for r in by_unit],
        {label: [r["counts"][i] for r in by_unit] for i, label in enumerate(WarningKind.labels)},
    )
    state = request.GET.get("state", WarningState.OPEN)
    state = state if state in WarningState.values else ""
    found = queries.alerts_for(request.user, state=state)
    if lists.ALERTS.wants_export(request):
        return lists.ALERTS.export(found, request)
    context = {"by_unit": by_unit, "chart": chart, "kinds": WarningKind.choices, "state": state}
    return render(
        request,
        "supervision/cockpit.html",
        {**context, **lists.ALERTS.page(request, found), "states": WarningState.choices},
    )


@staff_view
def campaigns(request):
    require_legal_office(request.user)
    found = queries.campaigns().order_by("-id")
    if lists.CAMPAIGNS.wants_export(request):
        return lists.CAMPAIGNS.export(found, request)
    return create_page(
        request,
        forms.CampaignForm(request.POST or None),
        make=partial(services.campaign_create, by=request.user),
        done=lambda c: f"已创建评查活动：{c.name}",
        template="supervision/campaigns.html",
        context={**lists.CAMPAIGNS.page(request, found), "rule": rules.CASE_FILE_REVIEW},
    )


@staff_view
def campaign(request, pk: int, bound=None):
    from .actions import CAMPAIGN_ACTIONS

    found = access_campaign(request.user, pk)
    context = {
        "c": found,
        "units": found.units.order_by("path"),
        "files": queries.campaign_files(found),
        "results": queries.results_by_unit(found),
        "actions": CAMPAIGN_ACTIONS.offered(request.user, found, bound=bound),
        "rule": rules.CASE_FILE_REVIEW,
    }
    return render(request, "supervision/campaign.html", context)


@staff_view
def review_file(request, pk: int, bound=None, notice_form=None):
    from .actions import FILE_ACTIONS

    found = access_file(request.user, pk)
    legal = is_legal_office(request.user)
    context = {
        "f": found,
        "scores": found.scores.select_related("item"),
        "actions": FILE_ACTIONS.offered(request.user, found, bound=bound),
        "case_link": source(found.campaign.kind).link(found.case_id),
        "notices": queries.notices_for(request.user).filter(link=found.get_absolute_url()),
        "notice_form": (notice_form or forms.NoticeForm()) if legal and found.passed is False else None,
    }
    return render(request, "supervision/file.html", context)


@staff_view
@require_POST
def file_notice(request, pk: int):
    """整改通知 for a file found 不合格 (山东条例第二十八条)."""
    found = access_file(request.user, pk)
    form = forms.NoticeForm(request.POST)
    if form.is_valid():
        try:
            notice = services.notice_issue(
                by=request.user,
                unit=found.unit,
                source=NoticeSource.REVIEW,
                subject=f"{found}评查{found.result_label}",
                link=found.get_absolute_url(),
                **form.cleaned_data,
            )
            messages.success(request, f"已送达整改通知：{notice.number}")
            return redirect(notice)
        except YifaError as exc:
            show_service_errors(form, exc)
    response = review_file(request, pk, notice_form=form)
    response.status_code = 400
    return response


@staff_view
def notices(request):
    found = queries.notices_for(request.user)
    if lists.NOTICES.wants_export(request):
        return lists.NOTICES.export(found, request)
    return render(request, "supervision/notices.html", lists.NOTICES.page(request, found))


@staff_view
def notice(request, pk: int, bound=None):
    from .actions import NOTICE_ACTIONS

    found = access_notice(request.user, pk)
    return record_page(request, NOTICE_ACTIONS, found, "supervision/notice.html", bound, n=found)


@staff_view
def filings(request):
    state = request.GET.get("state", "")
    state = state if state in FilingState.values else ""
    found = queries.filings_for(request.user, state=state)
    if lists.FILINGS.wants_export(request):
        return lists.FILINGS.export(found, request)
    context = {**lists.FILINGS.page(request, found), "states": FilingState.choices, "state": state}
    context["rule"] = rules.MAJOR_PENALTY_FILING
    return render(request, "supervision/filings.html", context)


@staff_view
def filing(request, pk: int, bound=None):
    from .actions import FILING_ACTIONS

    found = access_filing(request.user, pk)
    return record_page(
        request,
        FILING_ACTIONS,
        found,
        "supervision/filing.html",
        bound,
        f=found,
        notices=queries.notices_for(request.user).filter(link=found.get_absolute_url()),
        rule=rules.MAJOR_PENALTY_FILING,
        case_link=source(FileKind.PENALTY).link(found.case_id),
    )


@staff_view
def accountabilities(request):
    found = accountability_visible(request.user).order_by("-id")
    if lists.ACCOUNTABILITIES.wants_export(request):
        return lists.ACCOUNTABILITIES.export(found, request)
    context = {**lists.ACCOUNTABILITIES.page(request, found), "legal": is_legal_office(request.user)}
    return render(request, "supervision/accountabilities.html", context)


@staff_view
def accountability_new(request):
    require_legal_office(request.user)
    return create_page(
        request,
        forms.AccountabilityForm(request.POST or None, initial={"source_link": request.GET.get("from", "")[:300]}),
        make=partial(services.accountability_open, by=request.user),
        done=lambda a: f"已问责立案：{a.number}",
        template="supervision/accountability_new.html",
        context={"rule": rules.ACCOUNTABILITY},
    )


@staff_view
def accountability(request, pk: int, bound=None):
    from .actions import ACC_ACTIONS

    found = access_accountability(request.user, pk)
    return record_page(
        request,
        ACC_ACTIONS,
        found,
        "supervision/accountability.html",
        bound,
        a=found,
        investigators=found.investigators.all(),
        today=timezone.localdate(),
    )


@staff_view
def complaints(request):
    found, show_personal = queries.complaints_for(request.user), can_see_personal_data(request.user)
    listing = lists.complaints(show_personal)
    if listing.wants_export(request):
        return listing.export(found, request)
    context = {**listing.page(request, found), "rule": rules.COMPLAINT_REPLY, "show_personal": show_personal}
    return render(request, "supervision/complaints.html", context)


@staff_view
def complaint_new(request):
    """A complaint from the 12345 hotline (or a letter), entered by staff."""
    return create_page(
        request,
        forms.ComplaintForm(request.POST or None),
        make=partial(services.complaint_receive, by=request.user),
        done=lambda c: f"已登记投诉：{c.number}",
        template="supervision/complaint_new.html",
        context={"rule": rules.COMPLAINT_REPLY},
    )


@staff_view
def complaint(request, pk: int, bound=None):
    from .actions import COMPLAINT_ACTIONS

    found = access_complaint(request.user, pk)
    return record_page(
        request,
        COMPLAINT_ACTIONS,
        found,
        "supervision/complaint.html",
        bound,
        c=found,
        show_personal=can_see_personal_data(request.user),
        legal=is_legal_office(request.user),
        case_link=source(FileKind.PENALTY).link(found.case_id) if found.case_id else "",
        task=plans.escalated_task(services.escalation_source(found)) if found.escalated_on else None,
    )


@staff_view
def disputes(request):
    found = disputes_visible(request.user).order_by("-id")
    if lists.DISPUTES.wants_export(request):
        return lists.DISPUTES.export(found, request)
    return create_page(
        request,
        forms.DisputeForm(request.POST or None),
        make=partial(services.dispute_submit, by=request.user, unit=request.user.unit),
        done=lambda d: f"已提请协调：{d.number}",
        template="supervision/disputes.html",
        context={**lists.DISPUTES.page(request, found), "rule": rules.DISPUTE},
    )


@staff_view
def dispute(request, pk: int, bound=None):
    from .actions import DISPUTE_ACTIONS

    found = access_dispute(request.user, pk)
    return record_page(
        request,
        DISPUTE_ACTIONS,
        found,
        "supervision/dispute.html",
        bound,
        d=found,
        others=found.other_units.all(),
        rule=rules.DISPUTE,
    )


@staff_view
def inspections(request):
    require_legal_office(request.user)
    found = queries.inspections()
    if lists.INSPECTIONS.wants_export(request):
        return lists.INSPECTIONS.export(found, request)
    return create_page(
        request,
        forms.InspectionForm(request.POST or None),
        make=partial(services.inspection_create, by=request.user),
        done=lambda i: f"已制定专项检查方案：{i.number}",
        template="supervision/inspections.html",
        context={**lists.INSPECTIONS.page(request, found), "rule": rules.SPECIAL_INSPECTION},
    )


@staff_view
def inspection(request, pk: int, bound=None):
    from .actions import INSPECTION_ACTIONS

    found = access_inspection(request.user, pk)
    return record_page(
        request,
        INSPECTION_ACTIONS,
        found,
        "supervision/inspection.html",
        bound,
        i=found,
        units=found.units.order_by("path"),
        findings=queries.inspection_findings(found),
        rule=rules.SPECIAL_INSPECTION,
    )


@staff_view
def statistics(request):
    """执法监督统计 of a year, per unit (the legal office consolidates it); ?format=xlsx downloads it."""
    require_legal_office(request.user)
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year") or today.year)
    except ValueError:
        year = today.year
    year = min(max(year, 2000), today.year + 1)
    headers, rows = stats.table(year)
    if request.GET.get("format") == "xlsx":
        content = xlsx_table(f"{year}年执法监督统计", headers, rows)
        return file_download(content, f"{year}年执法监督统计.xlsx")
    return render(request, "supervision/statistics.html", {"year": year, "headers": headers, "rows": rows})
