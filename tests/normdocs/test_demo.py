from yifa.normdocs import demo
from yifa.normdocs.models import CampaignStatus, Campaign, DocStatus, Document


def test_demo_city_gets_documents_in_every_stage(cast):
    demo.load(cast)
    statuses = set(Document.objects.values_list("status", flat=True))
    assert {DocStatus.IN_FORCE, DocStatus.REVIEW, DocStatus.REPEALED} <= statuses
    assert Campaign.objects.get().status == CampaignStatus.CLOSED
