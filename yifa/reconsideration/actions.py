"""The page actions: for each act a page may offer, its form and, where the act checks the shape of its
input or does more than its declared transition, the service that runs it. One generic view per record
type runs them (``urls.py``); each page offers exactly what the flows allow its user now."""

from __future__ import annotations

from yifa.core.procedure import Action, ActionForm, Actions

from . import forms, norms, opinions, services, submissions, views
from . import rules as R
from .access import access_case, access_letter, access_review, access_submission
from .flows import FLOW


def via(service, record: str = "case"):
    """A keyword-only service as the generic view calls it: the record first, then the form's inputs."""
    return lambda obj, **inputs: service(**{record: obj}, **inputs)


def _issue_opinion(case, *, by, expected_version=None, **inputs):
    opinions.opinion_issue(case=case, by=by, **inputs)  # a new letter: the case's version is not at stake
    return case


def _case_page(request, pk, bound=None):
    return views.case_page(request, pk, bound=bound)


ACTIONS = Actions(
    FLOW,
    [
        Action("request_correction", form=forms.RequestCorrectionForm, call=via(services.case_request_correction)),
        Action("serve_correction", form=forms.ServeCorrectionForm),
        Action("extend_correction", form=forms.ExtendCorrectionForm),
        Action("receive_correction", form=forms.OnForm),
        Action("abandon", form=forms.OnForm),
        Action("accept", form=forms.AcceptForm, call=via(services.case_accept)),
        Action("not_accept", form=forms.NotAcceptForm),
        Action("send_copy", form=forms.SendCopyForm, call=via(services.case_send_copy)),
        Action(
            "serve_copy", form=forms.ServeCopyForm, call=via(services.case_serve_copy), label="登记外部机关收到副本日期"
        ),
        Action("reply", form=forms.ReplyForm, call=via(services.case_reply), label="提交书面答复"),
        Action(
            "add_third_party",
            form=forms.ThirdPartyForm,
            call=via(services.case_add_third_party),
            done=lambda case: "已追加第三人，可在“文书”中制作第三人参加行政复议通知书",
        ),
        Action("record_hearing", form=forms.HearingForm, call=via(services.case_record_hearing)),
        Action("to_normal", form=forms.ToNormalForm),
        Action("extend", form=forms.ExtendForm),
        Action("suspend", form=forms.SuspendForm),
        Action("resume", form=forms.ResumeForm),
        Action(
            "norm_review",
            flow=norms.NORM_FLOW,
            form=forms.NormReviewForm,
            call=via(norms.norm_review_open),
            label="登记附带审查（中止审理）",
        ),
        Action("terminate", form=forms.TerminateForm),
        Action("mediate", form=forms.MediateForm),
        Action("opinion", flow=opinions.LETTER_FLOW, form=forms.OpinionForm, call=_issue_opinion),
        Action("exclude_time", form=forms.ExcludeTimeForm),
        Action("stay", form=forms.StayForm),
        Action("order_performance", form=forms.PerformanceOrderForm),
        Action("justify_overdue", form=forms.JustifyForm, call=via(services.case_justify_overdue)),
        Action("propose", form=forms.ProposeForm),
        Action("return_draft", form=forms.ReturnForm),
        Action("approve", form=forms.ApproveForm, done=lambda case: f"已作出行政复议决定（{case.number}）"),
        Action(
            "approve_collective",
            form=forms.CollectiveForm,
            done=lambda case: f"已登记集体讨论通过并作出行政复议决定（{case.number}）",
        ),
        Action(
            "publish",
            form=forms.OnForm,
            label="公开决定书（去除个人信息）",
            done=f"已公开决定书，个人信息已去除（{R.PUBLICATION.citation}）",
        ),
    ],
    url="reconsideration:act",
    access=access_case,
    page=_case_page,
)

NORM_ACTIONS = Actions(
    norms.NORM_FLOW,
    [
        Action("notify_drafter", form=forms.NotifyDrafterForm, call=via(norms.norm_review_notify_drafter, "review")),
        Action("drafter_reply", form=forms.DrafterReplyForm, call=via(norms.norm_review_drafter_reply, "review")),
        Action("forward", form=forms.ForwardForm, call=via(norms.norm_review_forward, "review")),
        Action("conclude", form=forms.ConcludeForm, call=via(norms.norm_review_conclude, "review")),
    ],
    url="reconsideration:norm_act",
    many=True,
    access=access_review,
)

LETTER_ACTIONS = Actions(
    opinions.LETTER_FLOW,
    [Action("feedback", form=forms.FeedbackForm, call=via(opinions.opinion_feedback, "letter"), label="报送")],
    url="reconsideration:letter_act",
    many=True,
    access=access_letter,
)

SUBMISSION_ACTIONS = Actions(
    submissions.SUBMISSION_FLOW,
    [
        Action("forward", form=ActionForm, call=via(submissions.submission_forward, "submission")),
        Action("resolve", form=forms.ResolveForm, call=via(submissions.submission_resolve, "submission")),
    ],
    url="reconsideration:submission_act",
    many=True,
    access=access_submission,
)


def with_offered(table: Actions, rows, user) -> list[tuple]:
    """Each (record, its clocks) of a list page with the acts this user may take on it now."""
    return [(record, extra, table.offered(user, record)) for record, extra in rows]
