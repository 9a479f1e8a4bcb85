"""Staff pages for cleanup campaigns (清理)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from yifa.core.access import is_legal_office, scope
from yifa.core.downloads import file_download
from yifa.core.errors import AccessDenied, GateBlocked, NotFound, YifaError
from yifa.core.views import staff_view

from . import campaigns, documents, forms, queries
from .access import access_campaign, access_item
from .models import CampaignStatus, ItemState


@staff_view
@require_http_methods(["GET", "POST"])
def campaign_list(request):
    legal = is_legal_office(request.user)
    form = forms.CampaignForm(request.POST or None) if legal else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            campaign = campaigns.campaign_open(by=request.user, **form.cleaned_data)
            messages.success(request, f"已开启清理，生成{campaign.items.count()}个清理事项")
            return redirect(campaign.get_absolute_url())
        except (AccessDenied, NotFound):
            raise
        except YifaError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
    return render(request, "normdocs/campaigns.html", {"campaigns": queries.campaigns(), "form": form})


@staff_view
@require_http_methods(["GET", "POST"])
def campaign_detail(request, pk):
    campaign = access_campaign(pk)
    legal = is_legal_office(request.user)
    unmet = []
    if request.method == "POST" and request.POST.get("action") == "close":
        try:
            campaigns.campaign_close(by=request.user, campaign=campaign, on=timezone.localdate())
            messages.success(request, "清理已结束，目录已在门户公布")
            return redirect(campaign.get_absolute_url())
        except GateBlocked as exc:
            unmet = exc.unmet
        except (AccessDenied, NotFound):
            raise
        except YifaError as exc:
            messages.error(request, exc.message)
    items = scope(campaign.items.select_related("document", "unit"), request.user, "unit")
    state = request.GET.get("state", "")
    if state in ItemState.values:
        items = items.filter(state=state)
    return render(
        request,
        "normdocs/campaign.html",
        {
            "campaign": campaign,
            "board": campaigns.progress(campaign) if legal else None,
            "legal": legal,
            "items": items[:500],
            "unmet": unmet,
            "states": ItemState.choices,
            "state": state,
            "is_open": campaign.status == CampaignStatus.OPEN,
            "catalogues": campaigns.CATALOGUES,
        },
    )


@staff_view
@require_http_methods(["GET", "POST"])
def item_detail(request, pk):
    item = access_item(request.user, pk)
    form = forms.ProposeForm(
        request.POST or None, initial={"version": item.version, "proposal": item.proposal, "reasons": item.reasons}
    )
    if request.method == "POST":
        try:
            if request.POST.get("action") in ("confirm", "return"):
                campaigns.item_confirm(
                    by=request.user,
                    item=item,
                    agree=request.POST["action"] == "confirm",
                    comments=request.POST.get("comments", ""),
                    expected_version=request.POST.get("version"),
                )
                return redirect(item.campaign.get_absolute_url())
            if form.is_valid():
                data = form.cleaned_data
                campaigns.item_propose(
                    by=request.user,
                    item=item,
                    proposal=data["proposal"],
                    reasons=data["reasons"],
                    expected_version=data["version"],
                )
                messages.success(request, "清理意见已提交，待法制机构确认")
                return redirect(item.campaign.get_absolute_url())
        except (AccessDenied, NotFound):
            raise
        except YifaError as exc:
            errors = getattr(exc, "errors", None) or {exc.field: exc.message}
            for field, message in errors.items():
                form.add_error(field if field in form.fields else None, message)
    return render(
        request,
        "normdocs/item.html",
        {
            "item": item,
            "form": form,
            "is_open": item.campaign.status == CampaignStatus.OPEN,
            "legal": is_legal_office(request.user),
        },
    )


def catalogue_file(campaign, kind: str, fmt: str) -> HttpResponse:
    title, _ = campaigns.catalogue(campaign, kind)
    if fmt == "xlsx":
        body = documents.catalogue_xlsx(campaign, kind)
    elif fmt == "docx":
        body = documents.catalogue_docx(campaign, kind)
    else:
        raise YifaError("格式只能是 xlsx 或 docx", field="fmt")
    return file_download(body, f"{campaign.title}{title}.{fmt}")


@staff_view
def campaign_catalogue(request, pk, kind, fmt):
    campaign = access_campaign(pk)
    if campaign.status != CampaignStatus.CLOSED and not is_legal_office(request.user):
        raise AccessDenied("清理尚未结束，目录只对法制机构开放")
    try:
        return catalogue_file(campaign, kind, fmt)
    except YifaError as exc:
        return render(request, "core/error.html", {"message": exc.message}, status=404)
