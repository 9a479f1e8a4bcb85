"""The page actions on a request and on the catalogue: each act's form; one generic view runs them."""

from __future__ import annotations

from yifa.core.procedure import Action, ActionForm, Actions

from . import forms, views
from .access import access_item, access_request
from .flows import CATALOGUE_FLOW, FLOW


def _request_page(request, pk, bound=None):
    return views.request_page(request, pk, bound=bound)


ACTIONS = Actions(
    FLOW,
    [
        Action("confirm", form=forms.ConfirmForm),
        Action("request_clarification", form=forms.ClarificationForm),
        Action("receive_supplement", form=forms.OnForm),
        Action("abandon", form=forms.OnForm),
        Action("consult", form=forms.ConsultForm),
        Action("end_consultation", form=forms.OnForm),
        Action("extend", form=forms.ExtendForm),
        Action("reply", form=forms.ReplyForm, done=lambda r: f"已答复（{r.get_outcome_display()}）"),
        Action("confirm_redaction", form=forms.PublicCopyForm, initial=lambda r: {"public_text": r.public_text}),
    ],
    url="disclosure:act",
    access=access_request,
    page=_request_page,
)

CATALOGUE_ACTIONS = Actions(
    CATALOGUE_FLOW,
    [Action("publish", form=forms.OnForm)],
    url="disclosure:item_act",
    access=access_item,
    many=True,
)

__all__ = ["ACTIONS", "CATALOGUE_ACTIONS", "ActionForm"]
