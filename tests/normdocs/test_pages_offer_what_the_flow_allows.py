"""Each page offers exactly the acts the procedure allows this person now, runs them through one action view,
and puts a refusal beside the form that caused it."""

import re

import pytest

from yifa.core.audit import timeline
from yifa.normdocs import campaigns, services
from yifa.normdocs.models import CampaignStatus, DocStatus, Document, ItemState

from .conftest import D


def offered(client, url) -> list[str]:
    return re.findall(r"<summary>(.*?)</summary>", client.get(url).content.decode())


def test_the_document_page_follows_the_procedure_for_each_person(cast, login, draft):
    url = f"/staff/normdocs/{draft.pk}/"
    liaison = ["送法制机构合法性审核", "修改草案", "征求意见", "签发公布", "上传附件"]
    assert offered(login(cast["minzheng_liaison"]), url) == liaison
    services.submit_review(by=cast["minzheng_liaison"], doc=draft, on=D(2025, 8, 1))
    assert offered(login(cast["minzheng_liaison"]), url) == ["签发公布", "上传附件"]
    assert "出具合法性审核意见" in offered(login(cast["reviewer"]), url)
    services.document_review(by=cast["reviewer"], doc=draft, opinion="lawful", on=D(2025, 8, 5))
    assert offered(login(cast["minzheng_liaison"]), url) == ["记录集体讨论", "签发公布", "上传附件"]


def test_a_meeting_dated_before_the_review_is_refused_at_its_field_in_the_partial(cast, login, draft):
    services.submit_review(by=cast["minzheng_liaison"], doc=draft, on=D(2025, 8, 1))
    doc = services.document_review(by=cast["reviewer"], doc=draft, opinion="lawful", on=D(2025, 8, 5))
    response = login(cast["minzheng_liaison"]).post(
        f"/staff/normdocs/{doc.pk}/act/meeting/",
        {
            "meeting-version": doc.version,
            "meeting-meeting_on": "2025-08-04",
            "meeting-meeting_name": "局务会议",
            "meeting-record": "通过",
        },
        HTTP_HX_REQUEST="true",
    )
    text = response.content.decode()
    assert response.status_code == 200 and 'id="action-meeting"' in text
    assert re.search(r'id="id_meeting-meeting_on".*?集体讨论日期：不能早于合法性审核日期', text)
    assert Document.objects.get(pk=doc.pk).meeting_on is None


def test_an_act_the_page_does_not_offer_is_refused_with_its_reason_above_the_page(cast, login, draft):
    response = login(cast["reviewer"]).post(
        f"/staff/normdocs/{draft.pk}/act/review_lawful/",
        {"review_lawful-version": draft.version, "review_lawful-opinion": "lawful", "review_lawful-on": "2025-08-05"},
    )
    assert (
        response.status_code == 400
        and "当前状态为“起草中”，不能出具合法性审核意见（合法）" in response.content.decode()
    )
    assert login(cast["mayor"]).post(f"/staff/normdocs/{draft.pk}/act/nonsense/", {}).status_code == 404
    assert Document.objects.get(pk=draft.pk).status == DocStatus.DRAFT


@pytest.fixture
def campaign(cast, published):
    return campaigns.campaign_open(
        by=cast["reviewer"], title="2026年清理", baseline=D(2026, 1, 1), units=[cast.units["民政局"]]
    )


def test_cleanup_opinions_go_through_the_item_page_and_stand_on_the_documents_record(cast, login, campaign, published):
    item = campaign.items.get()
    url = f"/staff/normdocs/items/{item.pk}/"
    assert offered(login(cast["minzheng_liaison"]), url) == ["提出清理意见"]
    assert offered(login(cast["reviewer"]), url) == ["提出清理意见"]
    login(cast["minzheng_liaison"]).post(
        f"{url}act/propose/",
        {"propose-version": item.version, "propose-proposal": "retain", "propose-reasons": "仍然适用"},
    )
    assert offered(login(cast["reviewer"]), url) == ["提出清理意见", "确认清理意见", "退回清理意见"]
    refused = login(cast["reviewer"]).post(f"{url}act/return/", {"return-version": item.version + 1})
    assert refused.status_code == 400 and "这个字段是必填项" in refused.content.decode()
    login(cast["reviewer"]).post(
        f"{url}act/return/", {"return-version": item.version + 1, "return-comments": "请说明与新法的关系"}
    )
    item.refresh_from_db()
    assert item.state == ItemState.PENDING and item.version == 3
    labels = [(e.action_label, e.reason) for e in timeline(published) if e.action.startswith("normdocs_item.")]
    assert labels == [("清理意见：保留", "仍然适用"), ("退回清理意见", "请说明与新法的关系")]


def test_closing_a_campaign_from_its_page_lists_each_unit_still_open_then_ends_the_documents(
    cast, login, campaign, published
):
    legal = login(cast["reviewer"])
    url = f"/staff/normdocs/campaigns/{campaign.pk}/"
    assert offered(legal, url) == ["结束清理并公布目录"]
    assert offered(login(cast["minzheng_liaison"]), url) == []
    refused = login(cast["reviewer"]).post(f"{url}act/close/", {"close-version": campaign.version})
    assert refused.status_code == 400 and "江临市民政局还有1件文件的清理意见未经确认" in refused.content.decode()
    item = campaign.items.get()
    campaigns.item_propose(by=cast["minzheng_liaison"], item=item, proposal="repeal", reasons="上位法已废止")
    campaigns.item_confirm(by=cast["reviewer"], item=item)
    done = login(cast["reviewer"]).post(f"{url}act/close/", {"close-version": campaign.version}, follow=True)
    assert "清理已结束，目录已在门户公布" in [str(m) for m in done.context["messages"]]
    assert campaign.__class__.objects.get(pk=campaign.pk).status == CampaignStatus.CLOSED
    doc = Document.objects.get(pk=published.pk)
    assert (doc.status, doc.ended_by_campaign_id) == (DocStatus.REPEALED, campaign.pk)
    assert timeline(doc).get(action="normdocs.cleanup_repeal").reason == "上位法已废止"
    assert offered(login(cast["reviewer"]), url) == []
