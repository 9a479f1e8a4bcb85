from yifa.normdocs import demo
from yifa.normdocs.models import Campaign, CampaignStatus, DocStatus, Document


def test_demo_city_gets_documents_in_every_stage(cast):
    demo.load(cast)
    statuses = set(Document.objects.values_list("status", flat=True))
    assert {DocStatus.IN_FORCE, DocStatus.REVIEW, DocStatus.REPEALED} <= statuses
    assert Campaign.objects.get().status == CampaignStatus.CLOSED


def test_every_page_renders_on_the_demo_city(cast, login, client):
    demo.load(cast)
    campaign = Campaign.objects.get()
    public = [f"/normdocs/{d.pk}/" for d in Document.objects.exclude(status=DocStatus.REVIEW)]
    for url in ["/normdocs/", "/normdocs/?q=临时救助&status=in_force", f"/normdocs/cleanup/{campaign.pk}/", *public]:
        assert client.get(url).status_code == 200, url
    for who in ("reviewer", "minzheng_liaison"):
        staff = login(cast[who])
        urls = [
            "/staff/normdocs/",
            "/staff/normdocs/filing/",
            "/staff/normdocs/campaigns/",
            f"/staff/normdocs/campaigns/{campaign.pk}/",
            "/staff/normdocs/screening/?text=优先采购本市企业的产品",
            f"/staff/normdocs/campaigns/{campaign.pk}/retained.docx",
            "/staff/",
        ]
        urls += [f"/staff/normdocs/{d.pk}/" for d in Document.objects.filter(unit=cast["民政局"])]
        for url in urls:
            assert staff.get(url).status_code == 200, (who, url)
