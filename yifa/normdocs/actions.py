"""The page actions of a normative document, a cleanup campaign and a cleanup item: for each act the page may
fire, its form and the service that checks its input. The kit's one view runs them; each page offers exactly the
acts its flow allows the user now."""

from __future__ import annotations

from django.utils import timezone

from yifa.core.procedure import Action, Actions

from . import campaigns, forms, services, views, views_campaigns
from .access import access_campaign, access_document, access_item
from .flows import CAMPAIGNS, DOCUMENTS, ITEMS


def _on_document(service):
    """A document service (keyword ``doc``) as an action's call."""
    return lambda doc, **inputs: service(doc=doc, **inputs)


def _today(*names: str):
    return lambda record: dict.fromkeys(names, timezone.localdate())


def _draft(doc) -> dict:
    return {
        "title": doc.title,
        "full_text": doc.full_text,
        "legal_bases": "\n".join(doc.legal_bases),
        "valid_years": doc.valid_years,
        "involves_business": doc.involves_business,
        "fair_competition_conclusion": doc.fair_competition_conclusion,
    }


def _attach(doc, *, by, expected_version, file):
    name, content = file
    return services.attach(by=by, doc=doc, content=content, name=name, expected_version=expected_version)


def _relate(doc, *, by, target, **inputs):
    """The target is any document the user may open (its number typed on the form)."""
    return services.relation_add(by=by, source=doc, target=access_document(by, target), **inputs)


def _document_page(request, pk, bound=None):
    return views.document_detail(request, pk, bound=bound)


ACTIONS = Actions(
    DOCUMENTS,
    [
        Action("submit_review"),
        Action("edit", form=forms.EditForm, call=_on_document(services.document_update), initial=_draft),
        Action("solicit", form=forms.SolicitForm, call=_on_document(services.document_solicit)),
        Action("end_solicitation", form=forms.SummaryForm, call=_on_document(services.end_solicitation)),
        Action(
            "return_for_fair_competition",
            form=forms.ReturnForFairCompetitionForm,
            done="已退回起草单位补充公平竞争审查结论",
        ),
        Action(
            "review_lawful",
            form=forms.ReviewForm,
            call=_on_document(services.document_review),
            label="出具合法性审核意见",
            initial=_today("on"),
        ),
        Action(
            "meeting", form=forms.MeetingForm, call=_on_document(services.record_meeting), initial=_today("meeting_on")
        ),
        Action(
            "publish",
            form=forms.PublishForm,
            call=_on_document(services.publish),
            initial=_today("signed_on", "published_on"),
            done=lambda doc: f"已签发公布（{doc.number}）",
        ),
        Action("file", form=forms.FileForm, call=_on_document(services.file_with_superior), initial=_today("filed_on")),
        Action(
            "filing_accepted",
            form=forms.FilingResultForm,
            call=_on_document(services.record_filing_result),
            label="记录备案审查结果",
            initial=_today("on"),
        ),
        Action(
            "close_correction",
            form=forms.CorrectionForm,
            call=_on_document(services.close_correction),
            initial=_today("on"),
        ),
        Action("relate", form=forms.RelationForm, call=_relate, initial=_today("on")),
        Action("attach", form=forms.AttachForm, call=_attach),
    ],
    url="normdocs:act",
    access=access_document,
    page=_document_page,
)


def _campaign_page(request, pk, bound=None):
    return views_campaigns.campaign_detail(request, pk, bound=bound)


CAMPAIGN_ACTIONS = Actions(
    CAMPAIGNS,
    [Action("close", done="清理已结束，目录已在门户公布")],
    url="normdocs:campaign_act",
    access=access_campaign,
    page=_campaign_page,
)


def _propose(item, **inputs):
    return campaigns.item_propose(item=item, **inputs)


def _confirm(agree: bool):
    return lambda item, **inputs: campaigns.item_confirm(item=item, agree=agree, **inputs)


def _item_page(request, pk, bound=None):
    return views_campaigns.item_detail(request, pk, bound=bound)


ITEM_ACTIONS = Actions(
    ITEMS,
    [
        Action(
            "propose",
            form=forms.ProposeForm,
            call=_propose,
            initial=lambda item: {"proposal": item.proposal, "reasons": item.reasons},
            done="清理意见已提交，待法制机构确认",
        ),
        Action("confirm", form=forms.ConfirmForm, call=_confirm(True)),
        Action("return", form=forms.ReturnForm, call=_confirm(False)),
    ],
    url="normdocs:item_act",
    access=access_item,
    page=_item_page,
)
