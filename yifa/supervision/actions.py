"""The page actions of campaigns, files, notices, filings and 问责 cases; the kit's one view runs them."""

from __future__ import annotations

from yifa.core.procedure import Action, Actions

from . import forms, services, views
from .access import (
    access_accountability,
    access_campaign,
    access_complaint,
    access_dispute,
    access_file,
    access_filing,
    access_inspection,
    access_notice,
)
from .flows import (
    ACC_FLOW,
    CAMPAIGN_FLOW,
    COMPLAINT_FLOW,
    DISPUTE_FLOW,
    FILE_FLOW,
    FILING_FLOW,
    INSPECTION_FLOW,
    NOTICE_FLOW,
)

CAMPAIGN_ACTIONS = Actions(
    CAMPAIGN_FLOW,
    [
        Action("draw", form=forms.DrawForm, done=lambda c: f"已抽取{c.files.count()}件案卷，随机种子{c.seed}"),
        Action("conclude"),
        Action("publish", form=forms.BulletinForm),
    ],
    url="supervision:campaign_act",
    access=access_campaign,
    page=views.campaign,
)
FILE_ACTIONS = Actions(
    FILE_FLOW,
    [
        Action(
            "score",
            form_for=forms.score_form,
            initial=forms.score_initial,
            done=lambda f: f"已评分：{f.total}分，{f.result_label}",
        )
    ],
    url="supervision:file_act",
    access=access_file,
    page=views.review_file,
)
NOTICE_ACTIONS = Actions(
    NOTICE_FLOW,
    [Action("report", form=forms.ReportForm)],
    url="supervision:notice_act",
    access=access_notice,
    page=views.notice,
)
FILING_ACTIONS = Actions(
    FILING_FLOW,
    [Action("file", form=forms.FileForm), Action("review", form=forms.FilingReviewForm)],
    url="supervision:filing_act",
    access=access_filing,
    page=views.filing,
)
ACC_ACTIONS = Actions(
    ACC_FLOW,
    [
        Action("record_findings", form=forms.FindingsForm),
        Action("decide", form=forms.DecisionForm),
        Action("appeal"),
        Action("decide_appeal", form=forms.AppealResultForm),
        Action("close"),
        Action("publish", form=forms.PublicationForm),
    ],
    url="supervision:accountability_act",
    access=access_accountability,
    page=views.accountability,
)
COMPLAINT_ACTIONS = Actions(
    COMPLAINT_FLOW,
    [
        Action("link_case", form=forms.LinkCaseForm),
        Action("reply", form=forms.ComplaintReplyForm),
        Action(
            "escalate",
            form=forms.EscalateForm,
            call=lambda c, **inputs: services.complaint_escalate(c, **inputs),
            done=lambda c: f"已交办{c.unit.name}督办，时限{c.escalation_due:%Y-%m-%d}",
        ),
    ],
    url="supervision:complaint_act",
    access=access_complaint,
    page=views.complaint,
)
DISPUTE_ACTIONS = Actions(
    DISPUTE_FLOW,
    [
        Action("coordinate", form=forms.SettlementForm),
        Action("refer", form=forms.ReasonForm),
        Action("record_ruling", form=forms.SettlementForm),
        Action("comply"),
    ],
    url="supervision:dispute_act",
    access=access_dispute,
    page=views.dispute,
)
INSPECTION_ACTIONS = Actions(
    INSPECTION_FLOW,
    [
        Action("start"),
        Action("record_finding", form_for=forms.finding_form, done=lambda i: "已记录检查发现"),
        Action("conclude", form=forms.ConcludeInspectionForm),
        Action("publish", form=forms.TypicalBulletinForm),
    ],
    url="supervision:inspection_act",
    access=access_inspection,
    page=views.inspection,
)
