"""Public comment, experts, risk assessment and hearings (第十四条至第二十四条)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from yifa.core.calendar import current_calendar
from yifa.core.concurrency import save_versioned
from yifa.core.errors import YifaError
from yifa.core.services import PHONE
from yifa.core.uploads import store_upload
from yifa.lib.deadlines import zh_date

from .. import rules
from ..models import (
    Comment,
    CommentKind,
    Decision,
    ExpertOpinion,
    Hearing,
    HearingParticipant,
    ParticipantStatus,
    Response,
    RiskAssessment,
    RiskLevel,
)
from ..models import (
    DecisionState as S,
)
from .common import Checks, event, require_lead_or_body, require_lead_unit, state_must_be

MAX_COMMENT = 2000


LEAD = rules.HEARING_MATERIALS_LEAD.days


def comment_window_open(
    *,
    by,
    decision: Decision,
    opens: dt.date | None,
    closes: dt.date | None,
    short_reason: str = "",
    real_name: bool = False,
    expected_version: int | None = None,
) -> Decision:
    """公布草案征求意见 (第十五条第一款): 一般不少于30日；缩短的，公开征求意见时应当予以说明."""
    require_lead_unit(by, decision, "公开征求意见")
    state_must_be(decision, (S.DRAFTING,), "公开征求意见")
    c = Checks()
    c.date("opens", "征求意见开始日期", opens)
    c.date("closes", "征求意见截止日期", closes)
    short_reason = c.text("short_reason", "缩短期限的说明", short_reason, required=False)
    if not decision.draft_text.strip():
        c.fail("draft_text", "决策草案：尚未填写，不能公开征求意见")
    if opens and closes:
        if closes < opens:
            c.fail("closes", "征求意见截止日期：不能早于开始日期")
        minimum = rules.minimum_comment_close(opens, current_calendar())
        if closes < minimum.due and not short_reason:
            c.fail(
                "short_reason",
                f"缩短期限的说明：征求意见期限不足30日（{minimum.sentence}），"
                f"因情况紧急等原因缩短的须说明理由（{rules.PUBLIC_COMMENT_PERIOD.citation}）",
            )
    if decision.comment_open_on(timezone.localdate()):
        c.fail("opens", f"征求意见开始日期：本草案正在征求意见（至{zh_date(decision.comment_closes)}）")
    c.done()
    with transaction.atomic():
        decision.comment_opens, decision.comment_closes = opens, closes
        decision.comment_short_reason, decision.comment_real_name = short_reason, bool(real_name)
        save_versioned(
            decision,
            expected_version=expected_version,
            fields=["comment_opens", "comment_closes", "comment_short_reason", "comment_real_name"],
        )
        event(
            by=by,
            decision=decision,
            action="comment_open",
            label="公开征求意见",
            reason=short_reason,
            data={
                "opens": opens,
                "closes": closes,
                "days": (closes - opens).days,  # 民法典第二百零一条: opening day not counted
                "paragraphs": len(decision.paragraphs()),
            },
        )
    return decision


def comment_submit(
    *,
    decision: Decision,
    body: str,
    paragraph: int | None = None,
    name: str = "",
    phone: str = "",
    anonymous: bool = False,
    kind: str = CommentKind.DRAFT,
    on: dt.date | None = None,
) -> Comment:
    """The public comments on the draft (a paragraph of it) or on its implementation (第三十五条第二款)."""
    on = on or timezone.localdate()
    c = Checks()
    body = c.text("body", "意见内容", body, limit=MAX_COMMENT)
    name = c.text("name", "姓名", name, required=False, limit=50)
    phone = c.text("phone", "联系电话", phone, required=False, limit=20)
    quote = ""
    if kind == CommentKind.DRAFT:
        if not decision.comment_open_on(on):
            raise YifaError("该决策草案当前不在公开征求意见期间", field="body")
        if decision.comment_real_name and (anonymous or not name):
            c.fail("name", "姓名：本草案征求意见须实名提出")
        paragraphs = decision.paragraphs()
        if paragraph is not None:
            if not 1 <= paragraph <= len(paragraphs):
                c.fail("paragraph", f"段落：须为第1至{len(paragraphs)}段")
            else:
                quote = paragraphs[paragraph - 1]
    elif decision.state not in (S.PUBLISHED, S.SUSPENDED):
        raise YifaError("该决策未在实施中，不能对实施情况提出意见", field="body")
    if phone and not PHONE.match(phone):
        c.fail("phone", "联系电话：须为11位手机号或带区号的固定电话")
    c.done()
    with transaction.atomic():
        comment = Comment.objects.create(
            decision=decision,
            kind=kind,
            paragraph=paragraph if kind == CommentKind.DRAFT else None,
            quote=quote,
            body=body,
            name="" if anonymous else name,
            phone=phone,
            anonymous=bool(anonymous) or not name,
            submitted_on=on,
        )
        event(
            by=None,
            decision=decision,
            action="comment",
            label="公众提出意见",
            data={"comment": comment.pk, "kind": kind, "paragraph": comment.paragraph},
        )
    return comment


def comment_answer(*, by, comment: Comment, response: str, reason: str, on: dt.date | None = None) -> Comment:
    """逐条研究论证并答复采纳情况 (第十八条)."""
    on = on or timezone.localdate()
    decision = comment.decision
    require_lead_or_body(by, decision, "答复公众意见")
    c = Checks()
    c.choice("response", "处理结果", response, Response)
    reason = c.text("response_reason", "理由", reason, limit=MAX_COMMENT)
    c.done()
    with transaction.atomic():
        Comment.objects.filter(pk=comment.pk).update(
            response=response, response_reason=reason, answered_by=by, answered_on=on
        )
        comment.refresh_from_db()
        event(
            by=by,
            decision=decision,
            action="comment_answer",
            label="答复公众意见",
            reason=reason,
            data={"comment": comment.pk, "response": response},
        )
    return comment


def comment_summary_text(decision: Decision) -> str:
    rows = dict(
        Comment.objects.filter(decision=decision, kind=CommentKind.DRAFT)
        .values_list("response")
        .annotate(n=Count("id"))
    )
    total = sum(rows.values())
    lines = [
        f"本决策草案于{zh_date(decision.comment_opens)}至{zh_date(decision.comment_closes)}"
        f"向社会公开征求意见，共收到意见{total}条。"
    ]
    if total:
        lines.append("其中" + "，".join(f"{label}{rows.get(value, 0)}条" for value, label in Response.choices) + "。")
    by_paragraph = Comment.objects.filter(decision=decision, kind=CommentKind.DRAFT).order_by("paragraph", "id")
    for comment in by_paragraph:
        where = f"第{comment.paragraph}段" if comment.paragraph else "总体"
        lines.append(f"{where}：{comment.body[:80]}——{comment.get_response_display()}。{comment.response_reason}")
    return "\n".join(lines)


def comment_summary_generate(*, by, decision: Decision, on: dt.date | None = None) -> Decision:
    """意见采纳情况说明 (第十八条、第二十九条第二项、第三十二条)."""
    on = on or timezone.localdate()
    require_lead_unit(by, decision, "生成意见采纳情况说明")
    if not decision.comment_opens:
        raise YifaError("尚未公开征求意见", field="comment_summary")
    if on <= decision.comment_closes:
        raise YifaError(f"征求意见期限至{zh_date(decision.comment_closes)}，届满后方可汇总", field="comment_summary")
    left = Comment.objects.filter(decision=decision, kind=CommentKind.DRAFT, response="").count()
    if left:
        raise YifaError(
            f"尚有{left}条意见未答复，须逐条答复后生成说明（{rules.COMMENT_HANDLING.citation}）",
            field="comment_summary",
        )
    with transaction.atomic():
        text = comment_summary_text(decision)
        Decision.objects.filter(pk=decision.pk).update(comment_summary=text)
        decision.comment_summary = text
        event(by=by, decision=decision, action="comment_summary", label="生成意见采纳情况说明")
    return decision


def expert_invite(
    *,
    by,
    decision: Decision,
    name: str,
    affiliation: str,
    expertise: str = "",
    no_conflict: bool = False,
    on: dt.date | None = None,
) -> ExpertOpinion:
    """专家论证 (第十九条、第二十条): experts without a direct interest."""
    on = on or timezone.localdate()
    require_lead_unit(by, decision, "邀请专家")
    c = Checks()
    name = c.text("name", "专家姓名", name, limit=50)
    affiliation = c.text("affiliation", "工作单位", affiliation, limit=100)
    expertise = c.text("expertise", "专业领域", expertise, required=False, limit=100)
    if not no_conflict:
        c.fail(
            "no_conflict", f"利害关系声明：不得选择与决策事项有直接利害关系的专家（{rules.EXPERT_NEUTRALITY.citation}）"
        )
    c.done()
    with transaction.atomic():
        expert = ExpertOpinion.objects.create(
            decision=decision, name=name, affiliation=affiliation, expertise=expertise, no_conflict=True, invited_on=on
        )
        event(
            by=by,
            decision=decision,
            action="expert_invite",
            label="邀请专家论证",
            data={"expert": expert.pk, "name": name, "affiliation": affiliation},
        )
    return expert


def expert_opinion_record(
    *, by, expert: ExpertOpinion, opinion: str, handling: str = "", on: dt.date | None = None
) -> ExpertOpinion:
    on = on or timezone.localdate()
    require_lead_unit(by, expert.decision, "记录专家论证意见")
    c = Checks()
    opinion = c.text("opinion", "论证意见", opinion)
    handling = c.text("handling", "研究采纳情况", handling, required=False)
    c.done()
    with transaction.atomic():
        ExpertOpinion.objects.filter(pk=expert.pk).update(opinion=opinion, handling=handling, submitted_on=on)
        expert.refresh_from_db()
        event(
            by=by,
            decision=expert.decision,
            action="expert_opinion",
            label="记录专家论证意见",
            data={"expert": expert.pk, "name": expert.name, "affiliation": expert.affiliation},
        )
    return expert


def risk_assess(
    *,
    by,
    decision: Decision,
    assessor: str,
    level: str,
    risk_points: str,
    measures: str,
    contingency: str,
    controllable: bool,
    report: bytes | None = None,
    report_name: str = "",
    on: dt.date | None = None,
) -> RiskAssessment:
    """风险评估 (第二十二条至第二十四条): 风险点、防范措施和处置预案."""
    on = on or timezone.localdate()
    require_lead_unit(by, decision, "记录风险评估")
    c = Checks()
    assessor = c.text("assessor", "评估单位", assessor, limit=100)
    c.choice("level", "风险等级", level, RiskLevel)
    cite = f"（{rules.RISK_REPORT.citation}）"
    risk_points = c.text("risk_points", "风险点" + cite, risk_points)
    measures = c.text("measures", "防范措施" + cite, measures)
    contingency = c.text("contingency", "处置预案" + cite, contingency)
    c.done()
    with transaction.atomic():
        attachment = (
            store_upload(content=report, name=report_name, by=by, subject=decision, purpose="risk_report")
            if report
            else None
        )
        risk = RiskAssessment.objects.create(
            decision=decision,
            assessor=assessor,
            assessed_on=on,
            level=level,
            risk_points=risk_points,
            measures=measures,
            contingency=contingency,
            controllable=bool(controllable),
            report=attachment,
        )
        event(
            by=by,
            decision=decision,
            action="risk",
            label="风险评估",
            data={"risk": risk.pk, "level": level, "controllable": bool(controllable)},
        )
    return risk


def hearing_schedule(
    *,
    by,
    decision: Decision,
    hearing_on: dt.date | None,
    place: str,
    selection_method: str,
    signup_closes: dt.date | None,
    notice_on: dt.date | None = None,
) -> Hearing:
    """听证公告 (第十六条): 公告连同草案、说明和遴选办法发布，听证材料至迟于听证会7日前送达."""
    notice_on = notice_on or timezone.localdate()
    require_lead_unit(by, decision, "发布听证公告")
    state_must_be(decision, (S.DRAFTING,), "发布听证公告")
    c = Checks()
    c.date("hearing_on", "听证日期", hearing_on)
    place = c.text("place", "听证地点", place, limit=200)
    selection_method = c.text("selection_method", "听证参加人遴选办法（第十六条第三款）", selection_method)
    c.date("signup_closes", "报名截止日期", signup_closes)
    if not decision.draft_text.strip():
        c.fail("draft_text", f"决策草案：听证前应当公布决策草案及其说明（{rules.HEARING_NOTICE.citation}）")
    if hearing_on:
        latest = rules.latest_hearing_notice(hearing_on)
        if notice_on > latest:
            c.fail(
                "hearing_on",
                f"听证日期：听证公告和材料应当于听证会{LEAD}日前发布送达，{zh_date(hearing_on)}的听证会"
                f"至迟应于{zh_date(latest)}发布公告，今日（{zh_date(notice_on)}）发布仅提前"
                f"{(hearing_on - notice_on).days}日（{rules.HEARING_MATERIALS_LEAD.citation}）",
            )
        if signup_closes and not notice_on <= signup_closes <= latest:
            c.fail(
                "signup_closes",
                f"报名截止日期：须在公告日至{zh_date(latest)}之间，以便遴选后于听证会{LEAD}日前送达材料"
                f"（{rules.HEARING_MATERIALS_LEAD.citation}）",
            )
    c.done()
    with transaction.atomic():
        hearing = Hearing.objects.create(
            decision=decision,
            hearing_on=hearing_on,
            place=place,
            notice_on=notice_on,
            selection_method=selection_method,
            signup_closes=signup_closes,
        )
        event(
            by=by,
            decision=decision,
            action="hearing_notice",
            label="发布听证公告",
            data={"hearing": hearing.pk, "hearing_on": hearing_on, "notice_on": notice_on},
        )
    return hearing


def hearing_signup(
    *,
    hearing: Hearing,
    name: str,
    phone: str = "",
    affiliation: str = "",
    interest: str = "",
    on: dt.date | None = None,
) -> HearingParticipant:
    on = on or timezone.localdate()
    if on > hearing.signup_closes:
        raise YifaError(f"听证报名已于{zh_date(hearing.signup_closes)}截止", field="name")
    c = Checks()
    name = c.text("name", "姓名", name, limit=50)
    phone = c.text("phone", "联系电话", phone, limit=20)
    affiliation = c.text("affiliation", "单位或身份", affiliation, required=False, limit=100)
    interest = c.text("interest", "利益相关方面", interest, required=False, limit=100)
    if phone and not PHONE.match(phone):
        c.fail("phone", "联系电话：须为11位手机号或带区号的固定电话")
    c.done()
    with transaction.atomic():
        person = HearingParticipant.objects.create(
            hearing=hearing, name=name, phone=phone, affiliation=affiliation, interest=interest
        )
        event(
            by=None,
            decision=hearing.decision,
            action="hearing_signup",
            label="公众报名参加听证",
            data={"hearing": hearing.pk, "participant": person.pk},
        )
    return person


def hearing_select(
    *, by, hearing: Hearing, selected: list[int], invited: list[dict] = (), on: dt.date | None = None
) -> Hearing:
    """公平公开遴选并公布参加人名单 (第十六条第三款), in time to deliver materials 7 days before."""
    on = on or timezone.localdate()
    require_lead_unit(by, hearing.decision, "遴选听证参加人")
    latest = rules.latest_hearing_notice(hearing.hearing_on)
    if on > latest:
        raise YifaError(
            f"遴选日期：听证材料应当于听证会{LEAD}日前（至迟{zh_date(latest)}）送达参加人，"
            f"已来不及（{rules.HEARING_MATERIALS_LEAD.citation}）",
            field="selected",
        )
    applied = set(hearing.participants.values_list("pk", flat=True))
    if not set(selected) <= applied:
        raise YifaError("遴选名单：含有不属于本听证会的报名人", field="selected")
    if not selected and not invited:
        raise YifaError("遴选名单：至少须有一名听证参加人", field="selected")
    with transaction.atomic():
        for guest in invited:
            HearingParticipant.objects.create(
                hearing=hearing,
                name=guest["name"],
                affiliation=guest.get("affiliation", ""),
                interest=guest.get("interest", ""),
                invited=True,
                status=ParticipantStatus.SELECTED,
            )
        hearing.participants.filter(pk__in=selected).update(status=ParticipantStatus.SELECTED)
        hearing.participants.filter(status=ParticipantStatus.APPLIED).update(status=ParticipantStatus.NOT_SELECTED)
        hearing.participants_published_on = on
        save_versioned(hearing, expected_version=None, fields=["participants_published_on"])
        event(
            by=by,
            decision=hearing.decision,
            action="hearing_select",
            label="公布听证参加人名单",
            data={"hearing": hearing.pk, "selected": len(selected) + len(invited)},
        )
    return hearing


def hearing_record(
    *,
    by,
    hearing: Hearing,
    held_on: dt.date | None,
    transcript: bytes | None,
    transcript_name: str = "",
    participants_signed: bool = False,
    transcript_is_basis: bool = False,
) -> Hearing:
    """举行听证，上传经参加人签字确认的笔录 (第十七条)，并列为决策依据 (the city's arrangement)."""
    require_lead_unit(by, hearing.decision, "记录听证会")
    c = Checks()
    c.date("held_on", "举行日期", held_on)
    if held_on and held_on < hearing.hearing_on:
        c.fail("held_on", f"举行日期：不能早于公告的听证日期{zh_date(hearing.hearing_on)}")
    if not transcript and not hearing.transcript_id:
        c.fail("transcript", f"听证笔录：必须上传（{rules.HEARING_RECORD.citation}）")
    c.done()
    with transaction.atomic():
        if transcript:
            hearing.transcript = store_upload(
                content=transcript, name=transcript_name, by=by, subject=hearing.decision, purpose="hearing_transcript"
            )
        hearing.held_on = held_on
        hearing.participants_signed = bool(participants_signed)
        hearing.transcript_is_basis = bool(transcript_is_basis)
        save_versioned(
            hearing,
            expected_version=None,
            fields=["held_on", "transcript", "participants_signed", "transcript_is_basis"],
        )
        event(
            by=by,
            decision=hearing.decision,
            action="hearing_held",
            label="举行听证会",
            data={"hearing": hearing.pk, "held_on": held_on, "basis": hearing.transcript_is_basis},
        )
    return hearing
