import pytest

from yifa.core.errors import AccessDenied, GateBlocked, InvalidInput, YifaError
from yifa.lib.office import docx_text, xlsx_rows
from yifa.normdocs import campaigns, documents, queries, services
from yifa.normdocs.models import CampaignStatus, DocStatus, Document, ItemState

from .conftest import LOCAL_PROTECTION_TEXT, D, publish_lawfully


@pytest.fixture
def three_in_force(cast, published):
    liaison = cast["minzheng_liaison"]
    protective = services.document_create(
        by=liaison,
        unit=cast.units["民政局"],
        title="江临市养老服务采购办法",
        full_text=LOCAL_PROTECTION_TEXT,
        legal_bases=["合同法"],
    )
    protective = publish_lawfully(cast, protective, number="江民发〔2025〕5号")
    old = services.document_create(
        by=cast["shijian_liaison"],
        unit=cast.units["市场监管局"],
        title="江临市集贸市场管理办法",
        full_text="第一条 为了规范集贸市场，制定本办法。",
    )
    old = publish_lawfully(cast, old, number="江市监发〔2025〕1号", liaison=cast["shijian_liaison"])
    return published, protective, old


def test_cleanup_campaign_runs_end_to_end_and_publishes_catalogues(cast, three_in_force, login):
    kept, protective, old = three_in_force
    legal = cast["reviewer"]
    campaign = campaigns.campaign_open(
        by=legal,
        title="2026年规范性文件全面清理",
        baseline=D(2026, 1, 1),
        units=[cast.units["民政局"], cast.units["市场监管局"]],
    )
    items = {i.document_id: i for i in campaign.items.all()}
    assert set(items) == {kept.pk, protective.pk, old.pk}
    # 预填：筛查结果、有效期、引用已废止法律
    assert items[protective.pk].findings[0]["article"] == "第九条"
    assert any("合同法" in n and "第一千二百六十条" in n for n in items[protective.pk].citation_notes)
    assert "有效期至2030年09月04日" in items[kept.pk].expiry_note
    assert items[old.pk].unit == cast.units["市场监管局"]

    with pytest.raises(AccessDenied):  # 其他单位不能替民政局提出意见
        campaigns.item_propose(by=cast["shijian_liaison"], item=items[kept.pk], proposal="retain", reasons="x")
    campaigns.item_propose(by=cast["minzheng_liaison"], item=items[kept.pk], proposal="retain", reasons="仍然适用")
    campaigns.item_propose(
        by=cast["minzheng_liaison"], item=items[protective.pk], proposal="modify", reasons="第二条含地方保护内容，删除"
    )
    campaigns.item_propose(by=cast["shijian_liaison"], item=items[old.pk], proposal="repeal", reasons="上位法已修改")

    board = {row["unit__name"]: row for row in queries.campaign_progress(campaign)}
    assert board["江临市民政局"]["proposed"] == 2 and board["江临市市场监管局"]["pending"] == 0

    with pytest.raises(GateBlocked) as err:
        campaigns.campaign_close(by=legal, campaign=campaign, on=D(2026, 3, 31))
    assert any("江临市民政局还有2件" in u for u in err.value.unmet)

    for item in campaign.items.all():
        campaigns.item_confirm(by=legal, item=item)
    campaigns.campaign_close(by=legal, campaign=campaign, on=D(2026, 3, 31))

    assert Document.objects.get(pk=kept.pk).status == DocStatus.IN_FORCE
    modified = Document.objects.get(pk=protective.pk)
    assert modified.status == DocStatus.MODIFIED and modified.ended_by_campaign == campaign
    assert Document.objects.get(pk=old.pk).status == DocStatus.REPEALED

    headers, rows = xlsx_rows(documents.catalogue_xlsx(campaign, "retained"))
    assert headers[:3] == ["序号", "文件名称", "文号"] and [r[2] for r in rows] == ["江民发〔2025〕3号"]
    assert "江市监发〔2025〕1号" in docx_text(documents.catalogue_docx(campaign, "repealed"))

    client = login(cast["minzheng_liaison"])
    client.logout()
    page = client.get(f"/normdocs/cleanup/{campaign.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "继续有效的规范性文件目录" in text and "江临市集贸市场管理办法" in text
    download = client.get(f"/normdocs/cleanup/{campaign.pk}/modified.xlsx")
    assert download.status_code == 200 and download["Content-Type"].endswith("sheet")
    detail = client.get(modified.get_public_url()).content.decode()
    assert "2026年规范性文件全面清理" in detail


def test_confirmed_item_can_be_returned_and_closed_campaign_is_frozen(cast, three_in_force):
    legal = cast["reviewer"]
    campaign = campaigns.campaign_open(
        by=legal, title="专项清理", baseline=D(2026, 1, 1), units=[cast.units["市场监管局"]]
    )
    item = campaign.items.get()
    campaigns.item_propose(by=cast["shijian_liaison"], item=item, proposal="retain", reasons="适用")
    with pytest.raises(InvalidInput):
        campaigns.item_confirm(by=legal, item=item, agree=False)
    item = campaigns.item_confirm(by=legal, item=item, agree=False, comments="请说明与新法的关系")
    assert item.state == ItemState.PENDING
    campaigns.item_propose(by=cast["shijian_liaison"], item=item, proposal="retain", reasons="与新法一致")
    campaigns.item_confirm(by=legal, item=item)
    campaign = campaigns.campaign_close(by=legal, campaign=campaign, on=D(2026, 2, 2))
    assert campaign.status == CampaignStatus.CLOSED
    with pytest.raises(YifaError, match="清理活动已结束，不能再修改"):
        campaigns.item_propose(by=cast["shijian_liaison"], item=item, proposal="repeal", reasons="改主意")


def test_unpublished_campaign_is_not_on_the_portal(cast, three_in_force, client):
    campaign = campaigns.campaign_open(
        by=cast["reviewer"], title="未结束的清理", baseline=D(2026, 1, 1), units=[cast.units["民政局"]]
    )
    assert client.get(f"/normdocs/cleanup/{campaign.pk}/").status_code == 404
    assert client.get(f"/normdocs/cleanup/{campaign.pk}/retained.xlsx").status_code == 404


def test_only_the_legal_office_opens_a_campaign(cast):
    with pytest.raises(AccessDenied):
        campaigns.campaign_open(
            by=cast["minzheng_liaison"], title="x", baseline=D(2026, 1, 1), units=[cast.units["民政局"]]
        )


def test_open_campaign_catalogues_are_for_the_legal_office_only(cast, three_in_force, login):
    campaign = campaigns.campaign_open(
        by=cast["reviewer"], title="未结束的清理", baseline=D(2026, 1, 1), units=[cast.units["民政局"]]
    )
    url = f"/staff/normdocs/campaigns/{campaign.pk}/retained.xlsx"
    response = login(cast["minzheng_liaison"]).get(url)
    assert response.status_code == 403 and "清理尚未结束" in response.content.decode()
    assert login(cast["reviewer"]).get(url).status_code == 200
