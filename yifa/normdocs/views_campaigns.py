"""Staff pages for cleanup campaigns (清理): their acts run through the kit's action view (actions.py)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from yifa.core.errors import AccessDenied, YifaError
from yifa.core.procedure import LEGAL_OFFICE, show_service_errors
from yifa.core.views import staff_view

from . import actions, campaigns, documents, forms, lists, queries, rules
from .access import access_campaign, access_item
from .flows import CAMPAIGNS
from .models import ItemState

ITEMS_SHOWN = 500


@staff_view
@require_http_methods(["GET", "POST"])
def campaign_list(request):
    may_open = CAMPAIGNS.transition("open").who(request.user)
    form = forms.CampaignForm(request.POST or None) if may_open else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            campaign = campaigns.campaign_open(by=request.user, **form.cleaned_data)
            messages.success(request, f"已开启清理，生成{queries.item_count(campaign)}个清理事项")
            return redirect(campaign.get_absolute_url())
        except YifaError as exc:
            show_service_errors(form, exc)
    found = queries.campaigns().order_by("-baseline", "-id")
    if lists.CAMPAIGNS.wants_export(request):
        return lists.CAMPAIGNS.export(found, request)
    return render(
        request,
        "normdocs/campaigns.html",
        {"campaigns": lists.CAMPAIGNS.ordered(found, request), "form": form, **lists.CAMPAIGNS.around(request)},
    )


@staff_view
def campaign_detail(request, pk, bound=None):
    campaign = access_campaign(request.user, pk)
    state = request.GET.get("state", "")
    found = queries.campaign_items(campaign, request.user, state=state)
    if request.method == "GET" and lists.CAMPAIGN_ITEMS.wants_export(request):
        return lists.CAMPAIGN_ITEMS.export(found, request)
    return render(
        request,
        "normdocs/campaign.html",
        {
            "campaign": campaign,
            "actions": actions.CAMPAIGN_ACTIONS.offered(request.user, campaign, bound=bound),
            "board": queries.campaign_progress(campaign) if LEGAL_OFFICE(request.user) else None,
            "items": lists.CAMPAIGN_ITEMS.ordered(found, request)[:ITEMS_SHOWN],
            **lists.CAMPAIGN_ITEMS.around(request),
            "states": ItemState.choices,
            "state": state,
            "catalogues": queries.CATALOGUES,
        },
    )


@staff_view
def item_detail(request, pk, bound=None):
    item = access_item(request.user, pk)
    return render(
        request,
        "normdocs/item.html",
        {
            "item": item,
            "actions": actions.ITEM_ACTIONS.offered(request.user, item, bound=bound),
            "screening_law": rules.FAIR_COMPETITION_STANDARDS.law.citation,
        },
    )


@staff_view
def campaign_catalogue(request, pk, kind, fmt):
    campaign = access_campaign(request.user, pk)
    if not (campaign.is_published or LEGAL_OFFICE(request.user)):
        raise AccessDenied("清理尚未结束，目录只对法制机构开放")
    try:
        return documents.catalogue_download(campaign, kind, fmt)
    except YifaError as exc:
        return render(request, "core/error.html", {"message": exc.message}, status=404)
