"""行政复议附带审查（行政复议法（2023）第五十六条至第六十条）: its procedure and its acts.

开始审查即中止复议（第三十九条第一款第九项），审理期限停止计算；有权处理的，三十日内处理，
并自中止之日起三个工作日内书面通知制定机关，制定机关十个工作日内答复（第五十八条）；
无权处理的，七个工作日内转送，接受转送的机关六十日内回复（第六十条）。全部处理完毕后恢复审理。
制定机关、接受转送的机关是本平台单位的，其期限由平台计时并通知该单位；外部机关不计时。
每一步记在案件的办理记录上。"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from yifa.core import clocks
from yifa.core.notify import unit_contacts
from yifa.core.procedure import INPUT, NEW, ON, Checks, Clock, Flow, Message, Transition, assign, create, fire
from yifa.lib.deadlines import zh_date

from . import rules as R
from .flows import FLOW, case_of
from .models import Case, CaseState, NormConclusion, NormReview, NormSource, NormState, SuspensionGround
from .who import DRAFTER, NORM_CONCLUDER, STAFF

HANDLE = {NormSource.REQUEST: R.NORM_REQUEST_HANDLE, NormSource.OWN_MOTION: R.NORM_OWN_HANDLE}
FORWARD = {NormSource.REQUEST: R.NORM_REQUEST_FORWARD, NormSource.OWN_MOTION: R.NORM_OWN_FORWARD}
DURING_REVIEW = (CaseState.ACCEPTED, CaseState.SUSPENDED)  # 第三十九条第一款第九项：行政复议期间


def under_review(record) -> bool:
    case = case_of(record)
    return case.state in DURING_REVIEW and case.law_year == 2023


def why_not_under_review(review, **_):
    case, problems = review.case, []
    if case.law_year != 2023:
        problems.append("本案适用2017年行政复议法，附带审查依该法第二十六条、第二十七条办理，本功能按2023年法计时")
    if case.state not in DURING_REVIEW:
        problems.append(f"只有已受理、尚未作出决定的案件可以登记附带审查（{R.NORM_REVIEW_SUSPENDS.citation}）")
    return problems


def handle_rule(review):
    return HANDLE[review.source]


def forward_rule(review):
    return FORWARD[review.source]


def first_rule(review):
    """第五十六条、第五十七条：有权处理的三十日内处理，无权处理的七个工作日内转送。"""
    return handle_rule(review) if review.competent else forward_rule(review)


def _clock_unit(review, rule):
    """A drafting or receiving organ on the platform answers on its own clock; the office times the rest."""
    if rule == R.DRAFTER_REPLY:
        return review.drafter_unit
    if rule == R.FORWARDED_REPLY:
        return review.forwarded_to_unit
    return review.case.office


def _due(review, rule) -> dt.date | None:
    clock = clocks.open_clock(review, rule)
    return clock.due if clock else None


def _notify_drafter(review, *, on, served_on=None, **_):
    """本平台单位经平台送达，当日收到；外部制定机关自登记的收到日起。"""
    review.drafter_notified_on = on
    review.drafter_served_on = on if review.drafter_unit_id else served_on


def _forward(review, *, to_unit=None, to_name="", on, **_):
    review.forwarded_on, review.forwarded_to_unit = on, to_unit
    review.forwarded_to_name = (to_name or "").strip() or to_unit.name


def _ask(review, unit, rule, key: str, title, body: str):
    """The organ on the platform whose clock starts is told its due date (``title(due)``)."""
    if unit is None:
        return []
    clock = clocks.open_clock(review, rule)
    return [
        Message(
            users=unit_contacts(unit),
            key=f"{key}:{review.pk}",
            title=title(zh_date(clock.due)),
            body=f"{body}{clock.explanation}",
            link=review.get_absolute_url(),  # the drafting organ lands in its to-do
        )
    ]


NORM_FLOW = Flow(
    name="reconsideration_norm",
    states=NormState,
    clock_unit=_clock_unit,
    event_subject=case_of,
    transitions=[
        Transition(
            "norm_review",
            "登记附带审查",
            NEW,
            NormState.OPEN,
            who=STAFF,
            when=(under_review,),
            guards=(why_not_under_review,),
            starts=(
                # 第五十六条、第五十七条：自收到附带审查申请或认为依据不合法之日起处理或转送。
                Clock(
                    first_rule,
                    start=lambda r, **_: r.started_on,
                    assignee=lambda r: r.case.handler,
                ),
                # 第五十八条：自行政复议中止之日起三日内书面通知制定机关。
                Clock(lambda r: R.DRAFTER_NOTICE if r.competent else None, assignee=lambda r: r.case.handler),
            ),
            event_data=lambda review, **_: {
                "norm_review": review.pk,
                "source": review.source,
                "competent": review.competent,
                "due": _due(review, first_rule(review)),
                "drafter_notice_due": _due(review, R.DRAFTER_NOTICE),
            },
        ),
        Transition(
            "notify_drafter",
            "书面通知制定机关",
            (NormState.OPEN,),
            who=STAFF,
            when=(lambda review: review.competent and not review.drafter_notified_on,),
            apply=_notify_drafter,
            stops=(R.DRAFTER_NOTICE,),
            starts=(Clock(lambda r: R.DRAFTER_REPLY if r.drafter_unit_id else None),),
            notifies=lambda review, **_: _ask(
                review,
                review.drafter_unit,
                R.DRAFTER_REPLY,
                "fuyi-norm-drafter",
                lambda due: f"请于{due}前就《{review.document}》相关条款的合法性提出书面答复",
                f"行政复议案件{review.case.number}附带审查。",
            ),
            event_data=lambda review, **_: {
                "norm_review": review.pk,
                "drafter": review.drafter_name,
                "reply_due": _due(review, R.DRAFTER_REPLY),
            },
        ),
        Transition(
            "drafter_reply",
            "登记制定机关书面答复",
            (NormState.OPEN,),
            who=STAFF | DRAFTER,
            when=(lambda review: bool(review.drafter_notified_on) and not review.drafter_reply_on,),
            apply=assign(drafter_reply_on=ON, drafter_reply=INPUT("text")),
            stops=(R.DRAFTER_REPLY,),
            event_data=lambda review, **_: {"norm_review": review.pk},
        ),
        Transition(
            "forward",
            "转送有权处理的机关",
            (NormState.OPEN,),
            NormState.FORWARDED,
            who=STAFF,
            when=(lambda review: not review.competent,),
            apply=_forward,
            stops=(forward_rule,),
            starts=(Clock(lambda r: R.FORWARDED_REPLY if r.forwarded_to_unit_id else None),),
            notifies=lambda review, **_: _ask(
                review,
                review.forwarded_to_unit,
                R.FORWARDED_REPLY,
                "fuyi-norm-forward",
                lambda due: f"请于{due}前将《{review.document}》的处理意见回复{review.case.office}",
                f"行政复议案件{review.case.number}附带审查转送。",
            ),
            event_data=lambda review, **_: {
                "norm_review": review.pk,
                "to": review.forwarded_to_name,
                "reply_due": _due(review, R.FORWARDED_REPLY),
            },
        ),
        # 有权处理的依第五十九条作出处理；转送的，登记接受转送机关的回复（第六十条）。答复未到而已处理完毕的，
        # 其余期限不再计。
        Transition(
            "conclude",
            "登记处理结果",
            (NormState.OPEN, NormState.FORWARDED),
            NormState.CONCLUDED,
            who=NORM_CONCLUDER,
            when=(lambda review: review.competent or bool(review.forwarded_on),),
            apply=assign(concluded_on=ON, conclusion=INPUT("conclusion"), conclusion_text=INPUT("text")),
            stops=(handle_rule, R.FORWARDED_REPLY),
            cancels=(forward_rule, R.DRAFTER_NOTICE, R.DRAFTER_REPLY),
            event_data=lambda review, **_: {"norm_review": review.pk, "conclusion": review.conclusion},
        ),
    ],
)


def norm_review_open(
    *,
    case,
    by,
    source: str,
    document: str,
    started_on: dt.date | None,
    competent: bool,
    drafter_unit=None,
    drafter_name: str = "",
    on: dt.date | None = None,
    expected_version=None,
) -> NormReview:
    """登记附带审查并中止复议（第三十九条第一款第九项）；起算处理或转送期限（第五十六条、第五十七条）。"""
    on = on or timezone.localdate()
    case = Case.objects.get(pk=case.pk)  # whether it is still to be suspended is what the case is now
    checks = Checks()
    if source not in NormSource.values:
        checks.fail(
            "source",
            f"审查来源：请选择申请人提出附带审查申请（{R.NORM_REQUEST_HANDLE.citation}）"
            f"或审查中认为依据不合法（{R.NORM_OWN_HANDLE.citation}）",
        )
    if not (document or "").strip():
        checks.fail("document", "规范性文件或依据：须填写名称及相关条款")
    if not started_on:
        checks.fail(
            "started_on",
            "起算日：须填写收到附带审查申请之日或认为依据不合法之日"
            f"（{R.NORM_REQUEST_HANDLE.citation}、{R.NORM_OWN_HANDLE.citation}）",
        )
    elif started_on < case.received_on or started_on > on:
        checks.fail("started_on", f"起算日须在收到复议申请之日{zh_date(case.received_on)}至登记当日之间")
    if competent and not drafter_unit and not (drafter_name or "").strip():
        checks.fail("drafter", f"制定机关：有权处理的，须书面通知制定机关（{R.DRAFTER_NOTICE.citation}），请选择或填写")
    checks.done()

    def build() -> NormReview:
        return NormReview(
            case=case,
            source=source,
            document=document.strip(),
            started_on=started_on,
            competent=competent,
            drafter_unit=drafter_unit if competent else None,
            drafter_name=(drafter_name.strip() or (drafter_unit.name if drafter_unit else "")) if competent else "",
            suspended_case=FLOW.is_open(case, "suspend"),  # 已中止的（其他情形）不再另行中止
        )

    with transaction.atomic():
        review = create(NORM_FLOW, "norm_review", build=build, by=by, on=on)
        if review.suspended_case:
            fire(
                FLOW,
                case,
                "suspend",
                by=by,
                on=on,
                ground=SuspensionGround.NORM_REVIEW,
                reason=f"附带审查：{review.document}（{R.NORM_REVIEW_SUSPENDS.citation}）",
                data={"norm_review": review.pk},
                expected_version=expected_version,
            )
    return review


def norm_review_notify_drafter(
    *, review, by, on: dt.date | None = None, served_on: dt.date | None = None, expected_version=None
) -> NormReview:
    """第五十八条第一款：书面通知制定机关。本平台单位经平台送达，当日收到，十个工作日答复期限自该日起算。"""
    on = on or timezone.localdate()
    checks = Checks()
    if served_on and served_on < on:
        checks.fail("served_on", f"制定机关收到通知日期不能早于通知日期{zh_date(on)}")
    checks.done()
    return fire(
        NORM_FLOW, review, "notify_drafter", by=by, on=on, served_on=served_on, expected_version=expected_version
    )


def norm_review_drafter_reply(*, review, by, text: str, on: dt.date | None = None, expected_version=None) -> NormReview:
    """制定机关提交书面答复（第五十八条第一款）：制定机关本单位人员或复议工作人员登记。"""
    checks = Checks()
    if not (text or "").strip():
        checks.fail("text", f"书面答复：须填写（{R.DRAFTER_REPLY.citation}）")
    checks.done()
    return fire(NORM_FLOW, review, "drafter_reply", by=by, on=on, text=text, expected_version=expected_version)


def norm_review_forward(
    *, review, by, to_unit=None, to_name: str = "", on: dt.date | None = None, expected_version=None
) -> NormReview:
    """无权处理的，转送有权处理的机关（第五十六条、第五十七条）；本平台单位当日收到，六十日回复期限
    自该日起算（第六十条）。"""
    checks = Checks()
    if not to_unit and not (to_name or "").strip():
        checks.fail("to_unit", f"接受转送的机关：请选择或填写（{FORWARD[review.source].citation}）")
    checks.done()
    return fire(
        NORM_FLOW,
        review,
        "forward",
        by=by,
        on=on,
        to_unit=to_unit,
        to_name=to_name,
        expected_version=expected_version,
    )


def norm_review_conclude(
    *, review, by, conclusion: str, text: str, on: dt.date | None = None, expected_version=None
) -> NormReview:
    """有权处理的依第五十九条作出处理；转送的，登记接受转送机关的回复（第六十条）。
    本案再无未完结的附带审查且因此中止的，恢复审理（第三十九条第二款）。"""
    on = on or timezone.localdate()
    checks = Checks()
    forwarded = not review.competent
    expected = [NormConclusion.FORWARDED_REPLY] if forwarded else [NormConclusion.LAWFUL, NormConclusion.UNLAWFUL]
    if conclusion not in expected:
        checks.fail(
            "conclusion",
            f"处理结果：转送的，登记接受转送机关的回复（{R.FORWARDED_REPLY.citation}）"
            if forwarded
            else "处理结果：请选择相关条款合法或停止执行并责令纠正（第五十九条）",
        )
    if not (text or "").strip():
        checks.fail("text", "处理意见：须填写")
    checks.done()
    with transaction.atomic():
        review = fire(
            NORM_FLOW,
            review,
            "conclude",
            by=by,
            on=on,
            conclusion=conclusion,
            text=text,
            expected_version=expected_version,
        )
        case = Case.objects.get(pk=review.case_id)
        if (
            case.suspension_ground == SuspensionGround.NORM_REVIEW
            and FLOW.is_open(case, "resume")
            and FLOW.may(by, case, "resume")
            and not case.norm_reviews.filter(concluded_on__isnull=True).exists()
        ):
            fire(
                FLOW,
                case,
                "resume",
                by=by,
                on=on,
                reason=f"附带审查处理完毕（{R.NORM_REVIEW_SUSPENDS.citation}）",
                data={"norm_review": review.pk, "conclusion": conclusion},
            )
    return review
