"""The page actions of a decision and of a catalogue: for each act a page may fire, its form and the service
that checks its input. The kit's one view runs them; a page offers exactly the acts its flow allows the user
now. Acts on one row of the decision (a comment, an expert, a hearing, an evaluation) are offered beside
that row, with the row's number in the form."""

from __future__ import annotations

from dataclasses import replace

from yifa.core.errors import NotFound
from yifa.core.procedure import Action, Actions, Offered, form_error_text

from . import forms, services, views
from .access import access_catalogue, access_decision
from .flows import CATALOGUE_FLOW, DECISION_FLOW
from .services.procedure import DRAFT_FIELDS


def _child(rows, pk):
    found = rows.filter(pk=pk).first()
    if found is None:
        raise NotFound("该记录不属于本决策事项")
    return found


def _act(service, record: str | None = "decision", files=(), **rows):
    """An action's call: ``service`` with the page's record (as ``record``), each row input (``rows``:
    input → related name) as that row of the record, and each upload in ``files`` as (bytes, name)."""

    def call(obj, **inputs):
        for name, related in rows.items():
            inputs[name] = _child(getattr(obj, related), inputs[name])
        for name in files:
            upload = inputs.pop(name, None)
            inputs[name], inputs[f"{name}_name"] = (upload[1], upload[0]) if upload else (None, "")
        if record:
            inputs[record] = obj
        service(**inputs)
        return obj  # the page to go back to

    return call


def _draft(decision) -> dict:
    return {name: getattr(decision, name) for name in DRAFT_FIELDS}


ACTIONS = Actions(
    DECISION_FLOW,
    [
        Action("draft", form=forms.DraftForm, call=_act(services.decision_draft), initial=_draft, label="保存草案"),
        Action("comment_open", form=forms.CommentWindowForm, call=_act(services.comment_window_open)),
        Action("comment_summary", call=_act(services.comment_summary_generate)),
        Action("expert_invite", form=forms.ExpertForm, call=_act(services.expert_invite)),
        Action("risk", form=forms.RiskForm, call=_act(services.risk_assess, files=("report",)), label="记录风险评估"),
        Action("hearing_notice", form=forms.HearingForm, call=_act(services.hearing_schedule)),
        Action("submit_review", form=forms.ReviewSubmitForm, call=_act(services.review_submit)),
        # The opinion chooses which review_* transition fires; they share their source and who.
        Action("review_lawful", form=forms.OpinionForm, call=_act(services.review_opinion), label="出具审查意见"),
        # The outcome chooses decide or return_to_drafting; they share their source and who.
        Action("decide", form=forms.MeetingForm, call=_act(services.decision_discuss), label="记录集体讨论"),
        Action(
            "publish",
            form=forms.PublishForm,
            call=_act(services.decision_publish),
            initial=lambda d: {"decision_text": d.decision_text or d.draft_text},
        ),
        Action("archive", call=_act(services.decision_archive)),
        Action("feedback", form=forms.FeedbackForm, call=_act(services.feedback_file)),
        Action("evaluation_start", form=forms.EvaluationStartForm, call=_act(services.evaluation_start)),
        Action("suspend", form=forms.ReasonForm, call=_act(services.decision_suspend), label="紧急中止执行"),
        Action("terminate", form=forms.ReasonForm, call=_act(services.decision_terminate)),
        # Acts on one row of the decision.
        Action(
            "comment_answer",
            form=forms.AnswerForm,
            call=_act(services.comment_answer, record=None, comment="comments"),
            label="答复",
            done="已答复该条公众意见",
        ),
        Action(
            "expert_opinion",
            form=forms.ExpertOpinionForm,
            call=_act(services.expert_opinion_record, record=None, expert="expert_opinions"),
            label="记录",
            done="已记录专家论证意见",
        ),
        Action(
            "hearing_select",
            form=forms.SelectForm,
            call=_act(services.hearing_select, record=None, hearing="hearings"),
            label="公布参加人名单",
        ),
        Action(
            "hearing_held",
            form=forms.HearingRecordForm,
            call=_act(services.hearing_record, record=None, files=("transcript",), hearing="hearings"),
            label="记录听证会",
        ),
        Action(
            "evaluation_conclude",
            form=forms.EvaluationConcludeForm,
            call=_act(services.evaluation_conclude, record=None, evaluation="evaluations"),
            label="作出决定",
        ),
    ],
    url="decisions:act",
    access=access_decision,
    page=lambda request, pk, bound=None: views.detail(request, pk, bound=bound),
)

# Row acts: the input naming the row, and the row's own initial values.
ROWS = {
    "comment_answer": ("comment", None),
    "expert_opinion": ("expert", None),
    "hearing_select": ("hearing", None),
    "hearing_held": ("hearing", lambda hearing: {"held_on": hearing.hearing_on}),
    "evaluation_conclude": ("evaluation", None),
}


def offered_on_page(user, decision, *, bound=None) -> tuple[list[Offered], dict[str, Offered]]:
    """The acts for the page's 办理 section, and the row acts (by name) to offer beside their rows."""
    offered = ACTIONS.offered(user, decision, bound=bound)
    return [a for a in offered if a.name not in ROWS], {a.name: a for a in offered if a.name in ROWS}


def for_row(offered: Offered | None, row, bound=None) -> Offered | None:
    """A row act's form for this row: the refused one if it was this row's, else a blank one."""
    if offered is None:
        return None
    key, initial = ROWS[offered.name]
    form = (bound or {}).get(offered.name)
    if form is None or str(form.data.get(f"{offered.name}-{key}")) != str(row.pk):
        values = {**offered.form.initial, key: row.pk, **(initial(row) if initial else {})}
        form = type(offered.form)(initial=values, prefix=offered.name, auto_id=f"id_%s-{row.pk}")
    return replace(offered, form=form)


def refusals(bound, offered: list[Offered]) -> list[str]:
    """What the page says at its top when an act it still offers was refused (the long page may hide the
    form), as before the kit: “不能送请合法性审查：…”; each error also stands beside its field. An act the
    page no longer offers is the kit's to explain."""
    shown = {a.name for a in offered}
    return [
        f"不能{ACTIONS.label(ACTIONS.by_name[name])}：{form_error_text(form)}"
        for name, form in (bound or {}).items()
        if form.errors and name in shown
    ]


def attach_row_acts(record: dict, offered: dict[str, Offered], bound=None) -> None:
    """Each open row gets its act's form: an unanswered comment, an expert without an opinion, a hearing
    whose participants are not yet published or which is not yet recorded, an evaluation without a verdict."""
    for comment in record["comments"]:
        comment.act = None if comment.response else for_row(offered.get("comment_answer"), comment, bound)
    for expert in record["experts"]:
        expert.act = None if expert.submitted_on else for_row(offered.get("expert_opinion"), expert, bound)
    for hearing in record["hearings"]:
        hearing.select = (
            None if hearing.participants_published_on else for_row(offered.get("hearing_select"), hearing, bound)
        )
        hearing.record = None if hearing.held_on else for_row(offered.get("hearing_held"), hearing, bound)
    for evaluation in record["evaluations"]:
        evaluation.act = None if evaluation.verdict else for_row(offered.get("evaluation_conclude"), evaluation, bound)


CATALOGUE_ACTIONS = Actions(
    CATALOGUE_FLOW,
    [
        Action(
            "item",
            form=forms.CatalogueItemForm,
            call=_act(services.catalogue_item_add, record="catalogue"),
            label="列入事项",
        ),
        Action("publish", form=forms.CataloguePublishForm, call=_act(services.catalogue_publish, record="catalogue")),
    ],
    url="decisions:catalogue_act",
    access=access_catalogue,
    page=lambda request, pk, bound=None: views.catalogue(request, pk, bound=bound),
)
