"""The page actions of a case and of a certificate: each act's form; the kit's one view runs them."""

from __future__ import annotations

from yifa.core.procedure import Action, Actions

from . import forms, views
from .access import access_case, access_certificate
from .flows import CASE_FLOW, CERTIFICATE_FLOW

ACTIONS = Actions(
    CASE_FLOW,
    [
        Action("notify", form_for=forms.notice_form),
        Action("request_hearing"),
        Action("schedule_hearing", form=forms.HearingForm),
        Action("hold_hearing"),
        Action("submit_review"),
        Action("review_pass", form=forms.OpinionForm),
        Action("review_fail", form=forms.OpinionForm),
        Action("decide", form=forms.DecideForm),
        Action("serve"),
        Action("publish"),
        Action("credit_publicity"),
        Action("annul", form=forms.AnnulForm),
        Action("withdraw", form=forms.WithdrawForm),
        Action("close"),
        Action("extend", form=forms.ExtendForm),
        Action("assign_officers", form_for=forms.officers_form),
        Action("add_record", form=forms.RecordForm),
        Action("drop", form=forms.ReasonForm),
    ],
    url="enforcement:act",
    access=access_case,
    page=views.case,
)

CERTIFICATE_ACTIONS = Actions(
    CERTIFICATE_FLOW,
    [
        Action("renew", form=forms.RenewForm),
        Action("suspend", form=forms.ReasonForm),
        Action("reinstate", form=forms.ReasonForm),
        Action("revoke", form=forms.ReasonForm),
    ],
    url="enforcement:certificate_act",
    access=access_certificate,
    many=True,
)
