"""The detail page's actions: which form parses each, and which service it calls."""

from __future__ import annotations

from yifa.core.errors import NotFound

from . import forms, services
from .models import Comment, ExpertOpinion


def _file(data, key):
    upload = data.pop(key, None)
    return (upload.read(), upload.name) if upload else (None, "")


def _child(qs, pk):
    obj = qs.filter(pk=pk).first()
    if obj is None:
        raise NotFound()
    return obj


def _draft(user, d, data):
    version = data.pop("version")
    services.decision_draft(by=user, decision=d, expected_version=version, **data)


def _window(user, d, data):
    services.comment_window_open(by=user, decision=d, expected_version=data.pop("version"), **data)


def _answer(user, d, data):
    comment = _child(Comment.objects.filter(decision=d), data["comment"])
    services.comment_answer(by=user, comment=comment, response=data["response"], reason=data["reason"])


def _risk(user, d, data):
    report, name = _file(data, "report")
    services.risk_assess(by=user, decision=d, report=report, report_name=name, **data)


def _expert_opinion(user, d, data):
    expert = _child(ExpertOpinion.objects.filter(decision=d), data.pop("expert"))
    services.expert_opinion_record(by=user, expert=expert, **data)


def _select(user, d, data):
    hearing = _child(d.hearings.all(), data["hearing"])
    services.hearing_select(by=user, hearing=hearing, selected=data["selected"])


def _hearing_record(user, d, data):
    hearing = _child(d.hearings.all(), data.pop("hearing"))
    transcript, name = _file(data, "transcript")
    services.hearing_record(by=user, hearing=hearing, transcript=transcript, transcript_name=name, **data)


def _review(user, d, data):
    services.review_submit(by=user, decision=d, expected_version=data.pop("version"), **data)


def _discuss(user, d, data):
    services.decision_discuss(by=user, decision=d, expected_version=data.pop("version"), **data)


def _publish(user, d, data):
    services.decision_publish(by=user, decision=d, expected_version=data.pop("version"), **data)


def _conclude(user, d, data):
    evaluation = _child(d.evaluations.all(), data.pop("evaluation"))
    services.evaluation_conclude(by=user, evaluation=evaluation, **data)


ACTIONS = {
    "draft": (forms.DraftForm, _draft, "保存草案"),
    "window": (forms.CommentWindowForm, _window, "公开征求意见"),
    "answer": (forms.AnswerForm, _answer, "答复意见"),
    "summary": (
        forms.forms.Form,
        lambda u, d, _: services.comment_summary_generate(by=u, decision=d),
        "生成意见采纳情况说明",
    ),
    "expert": (forms.ExpertForm, lambda u, d, data: services.expert_invite(by=u, decision=d, **data), "邀请专家"),
    "expert_opinion": (forms.ExpertOpinionForm, _expert_opinion, "记录专家意见"),
    "risk": (forms.RiskForm, _risk, "记录风险评估"),
    "hearing": (
        forms.HearingForm,
        lambda u, d, data: services.hearing_schedule(by=u, decision=d, **data),
        "发布听证公告",
    ),
    "select": (forms.SelectForm, _select, "公布听证参加人名单"),
    "hearing_record": (forms.HearingRecordForm, _hearing_record, "记录听证会"),
    "review": (forms.ReviewSubmitForm, _review, "送请合法性审查"),
    "opinion": (
        forms.OpinionForm,
        lambda u, d, data: services.review_opinion(by=u, decision=d, **data),
        "出具合法性审查意见",
    ),
    "discuss": (forms.MeetingForm, _discuss, "记录集体讨论决定"),
    "publish": (forms.PublishForm, _publish, "公布决策"),
    "archive": (forms.forms.Form, lambda u, d, _: services.decision_archive(by=u, decision=d), "归档"),
    "feedback": (
        forms.FeedbackForm,
        lambda u, d, data: services.feedback_file(by=u, decision=d, **data),
        "报告执行情况",
    ),
    "evaluate": (
        forms.EvaluationStartForm,
        lambda u, d, data: services.evaluation_start(by=u, decision=d, **data),
        "启动决策后评估",
    ),
    "conclude": (forms.EvaluationConcludeForm, _conclude, "作出后评估决定"),
    "suspend": (forms.ReasonForm, lambda u, d, data: services.decision_suspend(by=u, decision=d, **data), "中止执行"),
    "terminate": (
        forms.ReasonForm,
        lambda u, d, data: services.decision_terminate(by=u, decision=d, **data),
        "终止决策程序",
    ),
}
