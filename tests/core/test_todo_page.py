"""The to-do page lists each kind of work a person has, read with one query per kind: documents awaiting
legality review and corrections still open (the legal office), the count of cleanup opinions to confirm and of
those still to give, decisions awaiting review and decisions for their decision body."""

from django.urls import reverse

from tests.perf.test_query_budget import load_demo
from yifa.decisions.models import Decision, DecisionState
from yifa.normdocs.models import Campaign, CampaignItem, CampaignStatus, DocStatus, Document, ItemState


def todo(login, person) -> str:
    return login(person).get(reverse("core:todo")).content.decode()


def test_each_kind_of_work_is_listed_with_its_count(cast, login):
    load_demo(cast)
    review, correction = Document.objects.order_by("pk")[:2]
    Document.objects.filter(pk=review.pk).update(status=DocStatus.REVIEW, correction_open=False)
    Document.objects.filter(pk=correction.pk).update(correction_open=True, filing_comments="第三条与上位法不一致")
    campaign = Campaign.objects.first()
    Campaign.objects.filter(pk=campaign.pk).update(status=CampaignStatus.OPEN)
    items = CampaignItem.objects.filter(campaign=campaign)
    proposed = items.filter(state=ItemState.PROPOSED).count()
    reviewing = Decision.objects.order_by("pk").first()
    Decision.objects.filter(pk=reviewing.pk).update(state=DecisionState.REVIEWING)

    page = todo(login, cast["reviewer"])
    assert f"合法性审核：{Document.objects.get(pk=review.pk).title}" in page
    assert f"跟踪纠正：{Document.objects.get(pk=correction.pk)}" in page and "第三条与上位法不一致" in page
    assert (f"确认清理意见{proposed}件" in page) == bool(proposed)
    assert f"{Decision.objects.get(pk=reviewing.pk)}：出具合法性审查意见" in page

    assert items.exists()
    items.update(state=ItemState.PROPOSED)
    assert f"确认清理意见{items.count()}件" in todo(login, cast["reviewer"])
    liaison = cast["minzheng_liaison"]
    items.filter(pk__in=list(items.values_list("pk", flat=True)[:2])).update(unit=liaison.unit)
    mine = items.filter(unit=liaison.unit)
    mine.update(state=ItemState.PENDING)
    assert f"提出清理意见{mine.count()}件" in todo(login, liaison)
    assert "合法性审核：" not in todo(login, liaison)


def test_the_decision_body_sees_reviewed_drafts_to_discuss(cast, login):
    load_demo(cast)
    mayor = cast["mayor"]
    draft = Decision.objects.order_by("pk").first()
    Decision.objects.filter(pk=draft.pk).update(state=DecisionState.REVIEWED, decision_body=mayor.unit)
    assert f"{Decision.objects.get(pk=draft.pk)}：提交集体讨论" in todo(login, mayor)
    assert "：出具合法性审查意见" not in todo(login, mayor)
