from yifa.core.access import fetch

from .models import Campaign, CampaignItem, Document


def access_document(user, pk) -> Document:
    return fetch(Document.objects.select_related("unit"), user, pk, "unit")


def access_item(user, pk) -> CampaignItem:
    return fetch(CampaignItem.objects.select_related("campaign", "unit", "document"), user, pk, "unit")


def access_campaign(pk) -> Campaign:
    from yifa.core.errors import NotFound

    campaign = Campaign.objects.filter(pk=pk).first()
    if campaign is None:
        raise NotFound()
    return campaign
