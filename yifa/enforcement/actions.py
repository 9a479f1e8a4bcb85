"""The page actions of a case and of a certificate: each act's form; the kit's one view runs them."""

from __future__ import annotations

from yifa.core.procedure import Action, Actions

from . import forms, procedure_views, views
from .access import access_case, access_certificate, access_coercion, access_inspection, access_transfer
from .coercion_flow import COERCION_FLOW
from .flows import CASE_FLOW, CERTIFICATE_FLOW
from .inspection_flow import INSPECTION_FLOW
from .transfer_flow import TRANSFER_FLOW

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
        Action("late_fine"),
        Action("pay"),
        Action("publish"),
        Action("credit_publicity"),
        Action("annul", form=forms.AnnulForm),
        Action("withdraw", form=forms.WithdrawForm),
        Action("close"),
        Action("extend", form=forms.ExtendForm),
        Action("assign_officers", form_for=forms.officers_form),
        Action("add_record", form=forms.RecordForm),
        Action("drop", form=forms.ReasonForm),
        Action("hand_over", form=forms.HandOverForm, done=lambda c: f"已移送{c.handed_to}"),
    ],
    url="enforcement:act",
    access=access_case,
    page=views.case,
)

CERTIFICATE_ACTIONS = Actions(
    CERTIFICATE_FLOW,
    [
        Action("renew", form=forms.RenewForm),
        Action("annual_review", form=forms.AnnualReviewForm),
        Action("suspend", form=forms.ReasonForm),
        Action("reinstate", form=forms.ReasonForm),
        Action("revoke", form=forms.ReasonForm),
    ],
    url="enforcement:certificate_act",
    access=access_certificate,
    many=True,
)

COERCION_ACTIONS = Actions(
    COERCION_FLOW,
    [
        Action("deliver_notice"),
        Action("extend", form=forms.ExtendForm),
        Action("dispose", form=forms.DisposeForm),
        Action("serve_urge", form=forms.ServeUrgeForm),
        Action("execute", form=forms.ExecuteForm),
        Action("apply_court", form=forms.ApplyCourtForm),
        Action("decide_substitute", form=forms.SubstituteDecisionForm),
        Action("urge_substitute", form=forms.SubstituteUrgeForm),
        Action("perform_substitute", form=forms.SubstitutePerformedForm),
        Action("notify_party"),
        Action("complied"),
        Action("close"),
    ],
    url="enforcement:coercion_act",
    access=access_coercion,
    page=procedure_views.coercion,
)

INSPECTION_ACTIONS = Actions(
    INSPECTION_FLOW,
    [Action("conclude", form=forms.ConcludeForm)],
    url="enforcement:inspection_act",
    access=access_inspection,
    page=procedure_views.inspection,
)

TRANSFER_ACTIONS = Actions(
    TRANSFER_FLOW,
    [
        Action("approve"),
        Action("refuse", form=forms.ReasonForm),
        Action("send", form=forms.SendForm),
        Action("police_filed"),
        Action("hand_over"),
        Action("police_declined"),
        Action("close", form=forms.ReasonForm),
    ],
    url="enforcement:transfer_act",
    access=access_transfer,
    page=procedure_views.transfer,
)
