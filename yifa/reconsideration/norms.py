"""行政复议附带审查（行政复议法（2023）第五十六条至第六十条）。

开始审查即中止复议（第三十九条第一款第九项），审理期限停止计算；有权处理的，三十日内处理，
并自中止之日起三个工作日内书面通知制定机关，制定机关十个工作日内答复（第五十八条）；
无权处理的，七个工作日内转送，接受转送的机关六十日内回复（第六十条）。全部处理完毕后恢复审理。
制定机关、接受转送的机关是本平台单位的，其期限由平台计时并通知该单位；外部机关不计时。"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from yifa.core import clocks
from yifa.core.audit import record_event
from yifa.core.errors import AccessDenied, InvalidInput, YifaError
from yifa.core.notify import notify, unit_contacts
from yifa.lib.deadlines import zh_date

from . import rules as R
from .flows import handler
from .models import CaseState, NormConclusion, NormReview, NormSource, SuspensionGround

HANDLE = {NormSource.REQUEST: R.NORM_REQUEST_HANDLE, NormSource.OWN_MOTION: R.NORM_OWN_HANDLE}
FORWARD = {NormSource.REQUEST: R.NORM_REQUEST_FORWARD, NormSource.OWN_MOTION: R.NORM_OWN_FORWARD}


def in_unit(user, unit) -> bool:
    return bool(user.is_superuser or (unit and user.unit_id and unit.path.startswith(user.unit.path)))


def _stop(review, *rules, on):
    for rule in rules:
        for clock in clocks.clocks_of(review, rule=rule):
            clocks.stop_clock(clock, on=on)


def _locked(review) -> NormReview:
    # PostgreSQL cannot lock the nullable side of the outer joins: lock the review row only.
    related = NormReview.objects.select_related("case", "drafter_unit", "forwarded_to_unit")
    return related.select_for_update(of=("self",)).get(pk=review.pk)


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
    from .services import case_suspend

    on = on or timezone.localdate()
    if not handler(by, case):
        raise AccessDenied("只有复议工作人员可以登记附带审查")
    errors = {}
    if source not in NormSource.values:
        errors["source"] = "审查来源：请选择申请人提出附带审查申请（第五十六条）或审查中认为依据不合法（第五十七条）"
    if not (document or "").strip():
        errors["document"] = "规范性文件或依据：须填写名称及相关条款"
    if not started_on:
        errors["started_on"] = "起算日：须填写收到附带审查申请之日或认为依据不合法之日（第五十六条、第五十七条）"
    elif started_on < case.received_on or started_on > on:
        errors["started_on"] = f"起算日须在收到复议申请之日{zh_date(case.received_on)}至登记当日之间"
    if competent and not drafter_unit and not (drafter_name or "").strip():
        errors["drafter"] = f"制定机关：有权处理的，须书面通知制定机关（{R.DRAFTER_NOTICE.citation}），请选择或填写"
    if case.law_year != 2023:
        errors["case"] = "本案适用2017年行政复议法，附带审查依该法第二十六条、第二十七条办理，本功能按2023年法计时"
    if case.state not in (CaseState.ACCEPTED, CaseState.SUSPENDED):
        errors["case"] = "只有已受理、尚未作出决定的案件可以登记附带审查（第三十九条第一款第九项：行政复议期间）"
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        review = NormReview.objects.create(
            case=case,
            source=source,
            document=document.strip(),
            started_on=started_on,
            competent=competent,
            drafter_unit=drafter_unit if competent else None,
            drafter_name=(drafter_name.strip() or (drafter_unit.name if drafter_unit else "")) if competent else "",
            suspended_case=case.state == CaseState.ACCEPTED,
        )
        rule = HANDLE[source] if competent else FORWARD[source]
        main = clocks.start_clock(subject=review, rule=rule, start=started_on, unit=case.office, assignee=case.handler)
        notice = None
        if competent:  # 第五十八条：自行政复议中止之日起三日内书面通知制定机关
            notice = clocks.start_clock(
                subject=review, rule=R.DRAFTER_NOTICE, start=on, unit=case.office, assignee=case.handler
            )
        details = {
            "norm_review": review.pk,
            "source": source,
            "competent": competent,
            "due": main.due,
            "drafter_notice_due": notice.due if notice else None,
        }
        if review.suspended_case:
            case_suspend(
                case=case,
                by=by,
                ground=SuspensionGround.NORM_REVIEW,
                on=on,
                reason=f"附带审查：{review.document}（{R.NORM_REVIEW_SUSPENDS.citation}）",
                expected_version=expected_version,
                details=details,
            )
        else:
            record_event(
                actor=by,
                subject=case,
                action="reconsideration.norm_review",
                action_label="登记附带审查",
                from_state=case.state,
                to_state=case.state,
                unit=case.office,
                data=details,
            )
    return review


def norm_review_notify_drafter(
    *, review, by, on: dt.date | None = None, served_on: dt.date | None = None
) -> NormReview:
    """第五十八条第一款：书面通知制定机关。本平台单位经平台送达，当日收到，十个工作日答复期限自该日起算。"""
    on = on or timezone.localdate()
    with transaction.atomic():
        review = _locked(review)
        case = review.case
        if not handler(by, case):
            raise AccessDenied("只有复议工作人员可以通知制定机关")
        if not review.competent or review.drafter_notified_on or not review.is_open:
            raise YifaError("只有本机关有权处理、尚未通知制定机关的附带审查可以发出通知", field="state")
        if served_on and (served_on < on):
            raise InvalidInput({"served_on": f"制定机关收到通知日期不能早于通知日期{zh_date(on)}"})
        review.drafter_notified_on = on
        review.drafter_served_on = on if review.drafter_unit_id else served_on
        review.save()
        _stop(review, R.DRAFTER_NOTICE, on=on)
        reply = None
        if review.drafter_unit_id:
            reply = clocks.start_clock(
                subject=review,
                rule=R.DRAFTER_REPLY,
                start=on,
                unit=review.drafter_unit,
                link=reverse("reconsideration:norm_inbox"),
            )
            notify(
                users=unit_contacts(review.drafter_unit),
                key=f"fuyi-norm-drafter:{review.pk}",
                title=f"请于{zh_date(reply.due)}前就《{review.document}》相关条款的合法性提出书面答复",
                body=f"行政复议案件{case.number}附带审查。{reply.explanation}",
                link=reverse("reconsideration:norm_inbox"),
            )
        record_event(
            actor=by,
            subject=case,
            action="reconsideration.norm_notify_drafter",
            action_label="书面通知制定机关答复",
            from_state=case.state,
            to_state=case.state,
            unit=case.office,
            data={"norm_review": review.pk, "drafter": review.drafter_name, "reply_due": reply.due if reply else None},
        )
    return review


def norm_review_drafter_reply(*, review, by, text: str, on: dt.date | None = None) -> NormReview:
    """制定机关提交书面答复（第五十八条第一款）：制定机关本单位人员或复议工作人员登记。"""
    on = on or timezone.localdate()
    with transaction.atomic():
        review = _locked(review)
        case = review.case
        if not (handler(by, case) or in_unit(by, review.drafter_unit)):
            raise AccessDenied("只有制定机关或复议工作人员可以提交制定机关的书面答复")
        if not (text or "").strip():
            raise InvalidInput({"drafter_reply": f"书面答复：须填写（{R.DRAFTER_REPLY.citation}）"})
        if not review.drafter_notified_on or review.drafter_reply_on or not review.is_open:
            raise YifaError("尚未通知制定机关或已经答复，不能登记答复", field="state")
        review.drafter_reply_on, review.drafter_reply = on, text.strip()
        review.save()
        _stop(review, R.DRAFTER_REPLY, on=on)
        record_event(
            actor=by,
            subject=case,
            action="reconsideration.norm_drafter_reply",
            action_label="制定机关提交书面答复",
            from_state=case.state,
            to_state=case.state,
            unit=review.drafter_unit or case.office,
            data={"norm_review": review.pk},
        )
    return review


def norm_review_forward(*, review, by, to_unit=None, to_name: str = "", on: dt.date | None = None) -> NormReview:
    """无权处理的，转送有权处理的机关（第五十六条、第五十七条）；本平台单位当日收到，六十日回复期限
    自该日起算（第六十条）。"""
    on = on or timezone.localdate()
    with transaction.atomic():
        review = _locked(review)
        case = review.case
        if not handler(by, case):
            raise AccessDenied("只有复议工作人员可以转送附带审查")
        if review.competent or review.forwarded_on or not review.is_open:
            raise YifaError("只有本机关无权处理、尚未转送的附带审查可以转送", field="state")
        if not to_unit and not (to_name or "").strip():
            raise InvalidInput({"forwarded_to": f"接受转送的机关：请选择或填写（{FORWARD[review.source].citation}）"})
        review.forwarded_on, review.forwarded_to_unit = on, to_unit
        review.forwarded_to_name = (to_name or "").strip() or to_unit.name
        review.save()
        _stop(review, FORWARD[review.source], on=on)
        reply = None
        if to_unit:
            reply = clocks.start_clock(
                subject=review,
                rule=R.FORWARDED_REPLY,
                start=on,
                unit=to_unit,
                link=reverse("reconsideration:norm_inbox"),
            )
            notify(
                users=unit_contacts(to_unit),
                key=f"fuyi-norm-forward:{review.pk}",
                title=f"请于{zh_date(reply.due)}前将《{review.document}》的处理意见回复{case.office}",
                body=f"行政复议案件{case.number}附带审查转送。{reply.explanation}",
                link=reverse("reconsideration:norm_inbox"),
            )
        record_event(
            actor=by,
            subject=case,
            action="reconsideration.norm_forward",
            action_label="转送附带审查",
            from_state=case.state,
            to_state=case.state,
            unit=case.office,
            data={"norm_review": review.pk, "to": review.forwarded_to_name, "reply_due": reply.due if reply else None},
        )
    return review


def norm_review_conclude(*, review, by, conclusion: str, text: str, on: dt.date | None = None) -> NormReview:
    """有权处理的依第五十九条作出处理；转送的，登记接受转送机关的回复（第六十条）。
    本案再无未完结的附带审查且因此中止的，恢复审理（第三十九条第二款）。"""
    from .services import case_resume

    on = on or timezone.localdate()
    with transaction.atomic():
        review = _locked(review)
        case = review.case
        forwarded = not review.competent
        allowed = handler(by, case) or (forwarded and in_unit(by, review.forwarded_to_unit))
        if not allowed:
            raise AccessDenied("只有复议工作人员或接受转送的机关可以登记附带审查处理意见")
        if not review.is_open or (forwarded and not review.forwarded_on):
            raise YifaError("附带审查已处理完毕或尚未转送，不能登记处理意见", field="state")
        errors = {}
        expected = [NormConclusion.FORWARDED_REPLY] if forwarded else [NormConclusion.LAWFUL, NormConclusion.UNLAWFUL]
        if conclusion not in expected:
            errors["conclusion"] = (
                "处理结果：转送的，登记接受转送机关的回复（第六十条）"
                if forwarded
                else "处理结果：请选择相关条款合法或停止执行并责令纠正（第五十九条）"
            )
        if not (text or "").strip():
            errors["conclusion_text"] = "处理意见：须填写"
        if errors:
            raise InvalidInput(errors)
        review.concluded_on, review.conclusion, review.conclusion_text = on, conclusion, text.strip()
        review.save()
        _stop(review, HANDLE[review.source], R.FORWARDED_REPLY, on=on)
        for clock in clocks.clocks_of(review):  # 答复未到而已处理完毕的，其余期限不再计
            clocks.stop_clock(clock, on=on, cancelled=True)
        details = {"norm_review": review.pk, "conclusion": conclusion}
        case.refresh_from_db()
        pending = case.norm_reviews.filter(concluded_on__isnull=True).exists()
        if (
            not pending
            and handler(by, case)
            and case.state == CaseState.SUSPENDED
            and case.suspension_ground == SuspensionGround.NORM_REVIEW
        ):
            case_resume(
                case=case,
                by=by,
                on=on,
                reason=f"附带审查处理完毕（{R.NORM_REVIEW_SUSPENDS.citation}）",
                details=details,
            )
        else:
            record_event(
                actor=by,
                subject=case,
                action="reconsideration.norm_conclude",
                action_label="附带审查处理完毕",
                from_state=case.state,
                to_state=case.state,
                unit=case.office,
                data=details,
            )
    return review


STEPS = {
    "notify": norm_review_notify_drafter,
    "drafter_reply": norm_review_drafter_reply,
    "forward": norm_review_forward,
    "conclude": norm_review_conclude,
}


def steps_for(review, user) -> list[str]:
    """The steps this user may take now on the review (the services check again)."""
    if not review.is_open:
        return []
    staff = handler(user, review.case)
    if review.competent:
        steps = []
        if staff and not review.drafter_notified_on:
            steps.append("notify")
        if review.drafter_notified_on and not review.drafter_reply_on and (staff or in_unit(user, review.drafter_unit)):
            steps.append("drafter_reply")
        return steps + (["conclude"] if staff else [])
    if not review.forwarded_on:
        return ["forward"] if staff else []
    return ["conclude"] if staff or in_unit(user, review.forwarded_to_unit) else []
