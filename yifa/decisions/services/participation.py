"""Public comment, experts, risk assessment and hearings (第十四条至第二十四条): each service checks its
input and builds the row; the decision's flow writes it with its event."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from yifa.core.calendar import current_calendar
from yifa.core.procedure import PUBLIC, Checks, fire
from yifa.core.services import PHONE
from yifa.lib.deadlines import zh_date

from .. import rules
from ..flows import DECISION_FLOW
from ..models import (
    Comment,
    CommentKind,
    Decision,
    ExpertOpinion,
    Hearing,
    HearingParticipant,
    Response,
    RiskAssessment,
    RiskLevel,
)

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
    c = Checks()
    c.date("opens", "征求意见开始日期", opens)
    c.date("closes", "征求意见截止日期", closes)
    short_reason = c.text("short_reason", "缩短期限的说明", short_reason, required=False)
    if opens and closes:
        if closes < opens:
            c.fail("closes", "征求意见截止日期：不能早于开始日期")
        minimum = rules.minimum_comment_close(opens, current_calendar())
        if closes < minimum.due and not short_reason:
            c.fail(
                "short_reason",
                f"缩短期限的说明：征求意见期限不足{rules.PUBLIC_COMMENT_PERIOD.days}日（{minimum.sentence}），"
                f"因情况紧急等原因缩短的须说明理由（{rules.PUBLIC_COMMENT_PERIOD.citation}）",
            )
    c.done()
    return fire(
        DECISION_FLOW,
        decision,
        "comment_open",
        by=by,
        expected_version=expected_version,
        reason=short_reason,
        opens=opens,
        closes=closes,
        short_reason=short_reason,
        real_name=bool(real_name),
    )


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
    decision = Decision.objects.get(pk=decision.pk)  # the draft and its rules as they stand now
    c = Checks()
    body = c.text("body", "意见内容", body, limit=MAX_COMMENT)
    name = c.text("name", "姓名", name, required=False, limit=50)
    phone = c.text("phone", "联系电话", phone, required=False, limit=20)
    quote = ""
    if kind == CommentKind.DRAFT:
        if decision.comment_real_name and (anonymous or not name):
            c.fail("name", "姓名：本草案征求意见须实名提出")
        paragraphs = decision.paragraphs()
        if paragraph is not None:
            if not 1 <= paragraph <= len(paragraphs):
                c.fail("paragraph", f"段落：须为第1至{len(paragraphs)}段")
            else:
                quote = paragraphs[paragraph - 1]
    if phone and not PHONE.match(phone):
        c.fail("phone", "联系电话：须为11位手机号或带区号的固定电话")
    c.done()
    comment = Comment(
        decision=decision,
        kind=kind,
        paragraph=paragraph if kind == CommentKind.DRAFT else None,
        quote=quote,
        body=body,
        name="" if anonymous else name,
        phone=phone,
        anonymous=bool(anonymous) or not name,
        submitted_on=on or timezone.localdate(),
    )
    fire(DECISION_FLOW, decision, "comment", by=PUBLIC, on=on, comment=comment)
    return comment


def comment_answer(
    *,
    by,
    comment: Comment,
    response: str,
    reason: str,
    expected_version: int | None = None,
    on: dt.date | None = None,
) -> Comment:
    """逐条研究论证并答复采纳情况 (第十八条)."""
    c = Checks()
    c.choice("response", "处理结果", response, Response)
    reason = c.text("reason", "理由", reason, limit=MAX_COMMENT)
    c.done()
    fire(
        DECISION_FLOW,
        comment.decision,
        "comment_answer",
        by=by,
        on=on,
        expected_version=expected_version,
        reason=reason,
        comment=comment,
        response=response,
    )
    comment.refresh_from_db()
    return comment


def comment_summary_generate(
    *, by, decision: Decision, expected_version: int | None = None, on: dt.date | None = None
) -> Decision:
    """意见采纳情况说明 (第十八条、第二十九条第二项、第三十二条), once every comment is answered."""
    return fire(DECISION_FLOW, decision, "comment_summary", by=by, on=on, expected_version=expected_version)


def expert_invite(
    *,
    by,
    decision: Decision,
    name: str,
    affiliation: str,
    expertise: str = "",
    no_conflict: bool = False,
    expected_version: int | None = None,
    on: dt.date | None = None,
) -> ExpertOpinion:
    """专家论证 (第十九条、第二十条): experts without a direct interest."""
    c = Checks()
    name = c.text("name", "专家姓名", name, limit=50)
    affiliation = c.text("affiliation", "工作单位", affiliation, limit=100)
    expertise = c.text("expertise", "专业领域", expertise, required=False, limit=100)
    if not no_conflict:
        c.fail(
            "no_conflict", f"利害关系声明：不得选择与决策事项有直接利害关系的专家（{rules.EXPERT_NEUTRALITY.citation}）"
        )
    c.done()
    expert = ExpertOpinion(
        decision=decision,
        name=name,
        affiliation=affiliation,
        expertise=expertise,
        no_conflict=True,
        invited_on=on or timezone.localdate(),
    )
    fire(DECISION_FLOW, decision, "expert_invite", by=by, on=on, expected_version=expected_version, expert=expert)
    return expert


def expert_opinion_record(
    *,
    by,
    expert: ExpertOpinion,
    opinion: str,
    handling: str = "",
    expected_version: int | None = None,
    on: dt.date | None = None,
) -> ExpertOpinion:
    c = Checks()
    opinion = c.text("opinion", "论证意见", opinion)
    handling = c.text("handling", "研究采纳情况", handling, required=False)
    c.done()
    fire(
        DECISION_FLOW,
        expert.decision,
        "expert_opinion",
        by=by,
        on=on,
        expected_version=expected_version,
        expert=expert,
        opinion=opinion,
        handling=handling,
    )
    expert.refresh_from_db()
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
    expected_version: int | None = None,
    on: dt.date | None = None,
) -> RiskAssessment:
    """风险评估 (第二十二条至第二十四条): 风险点、防范措施和处置预案."""
    c = Checks()
    assessor = c.text("assessor", "评估单位", assessor, limit=100)
    c.choice("level", "风险等级", level, RiskLevel)
    cite = f"（{rules.RISK_REPORT.citation}）"
    risk_points = c.text("risk_points", "风险点" + cite, risk_points)
    measures = c.text("measures", "防范措施" + cite, measures)
    contingency = c.text("contingency", "处置预案" + cite, contingency)
    c.done()
    risk = RiskAssessment(
        decision=decision,
        assessor=assessor,
        assessed_on=on or timezone.localdate(),
        level=level,
        risk_points=risk_points,
        measures=measures,
        contingency=contingency,
        controllable=bool(controllable),
    )
    fire(
        DECISION_FLOW,
        decision,
        "risk",
        by=by,
        on=on,
        expected_version=expected_version,
        risk=risk,
        report=(report_name, report) if report else None,
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
    expected_version: int | None = None,
) -> Hearing:
    """听证公告 (第十六条): 公告连同草案、说明和遴选办法发布，听证材料至迟于听证会7日前送达."""
    notice_on = notice_on or timezone.localdate()
    c = Checks()
    c.date("hearing_on", "听证日期", hearing_on)
    place = c.text("place", "听证地点", place, limit=200)
    selection_method = c.text(
        "selection_method", f"听证参加人遴选办法（{rules.HEARING_NOTICE.citation}）", selection_method
    )
    c.date("signup_closes", "报名截止日期", signup_closes)
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
    hearing = Hearing(
        decision=decision,
        hearing_on=hearing_on,
        place=place,
        notice_on=notice_on,
        selection_method=selection_method,
        signup_closes=signup_closes,
    )
    fire(
        DECISION_FLOW,
        decision,
        "hearing_notice",
        by=by,
        on=notice_on,
        expected_version=expected_version,
        hearing=hearing,
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
    c = Checks()
    name = c.text("name", "姓名", name, limit=50)
    phone = c.text("phone", "联系电话", phone, limit=20)
    affiliation = c.text("affiliation", "单位或身份", affiliation, required=False, limit=100)
    interest = c.text("interest", "利益相关方面", interest, required=False, limit=100)
    if phone and not PHONE.match(phone):
        c.fail("phone", "联系电话：须为11位手机号或带区号的固定电话")
    c.done()
    person = HearingParticipant(hearing=hearing, name=name, phone=phone, affiliation=affiliation, interest=interest)
    fire(DECISION_FLOW, hearing.decision, "hearing_signup", by=PUBLIC, on=on, participant=person)
    return person


def hearing_select(
    *,
    by,
    hearing: Hearing,
    selected: list[int],
    invited: list[dict] = (),
    expected_version: int | None = None,
    on: dt.date | None = None,
) -> Hearing:
    """公平公开遴选并公布参加人名单 (第十六条第三款), in time to deliver materials 7 days before."""
    fire(
        DECISION_FLOW,
        hearing.decision,
        "hearing_select",
        by=by,
        on=on,
        expected_version=expected_version,
        hearing=hearing,
        selected=list(selected),
        invited=list(invited),
    )
    hearing.refresh_from_db()
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
    expected_version: int | None = None,
) -> Hearing:
    """举行听证，上传经参加人签字确认的笔录 (第十七条)，并列为决策依据 (the city's arrangement)."""
    c = Checks()
    c.date("held_on", "举行日期", held_on)
    if held_on and held_on < hearing.hearing_on:
        c.fail("held_on", f"举行日期：不能早于公告的听证日期{zh_date(hearing.hearing_on)}")
    if not transcript and not hearing.transcript_id:
        c.fail("transcript", f"听证笔录：必须上传（{rules.HEARING_RECORD.citation}）")
    c.done()
    fire(
        DECISION_FLOW,
        hearing.decision,
        "hearing_held",
        by=by,
        expected_version=expected_version,
        hearing=hearing,
        held_on=held_on,
        transcript=(transcript_name, transcript) if transcript else None,
        participants_signed=bool(participants_signed),
        transcript_is_basis=bool(transcript_is_basis),
    )
    hearing.refresh_from_db()
    return hearing
