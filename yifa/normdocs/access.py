from yifa.core.access import fetch

from . import queries
from .models import Campaign, CampaignItem, Document


def access_document(user, pk) -> Document:
    return fetch(Document.objects.select_related("unit"), user, pk, "unit")


def access_item(user, pk) -> CampaignItem:
    return fetch(CampaignItem.objects.select_related("campaign", "unit", "document"), user, pk, "unit")


def access_campaign(user, pk) -> Campaign:
    """Every member of staff may open a campaign's page; its items are shown within their scope."""
    return queries.campaign(pk)
