"""行政复议文书：.docx generated from templates the office can replace (``DocTemplate``).
Default templates are built here with {{字段}} placeholders; ``yifa.lib.office.fill_docx`` fills them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from yifa.core import clocks
from yifa.core.audit import timeline
from yifa.core.errors import GateBlocked, NotFound
from yifa.lib.deadlines import zh_date
from yifa.lib.office import PLACEHOLDER, docx_text, fill_docx, placeholders
from yifa.lib.official_docx import Heading, official_docx

from . import periods
from . import rules as R
from .models import (
    ApprovalMode,
    Case,
    CaseState,
    DocTemplate,
    Hearing,
    HearingKind,
    PartyKind,
    PartyRole,
    TerminationGround,
)
from .who import organ_of


@dataclass(frozen=True)
class Doc:
    """One kind of document: its title, addressee and body (with {{字段}}), and when a case may offer it —
    declared here from the case's facts, so that no page or template tests a state by name."""

    title: str
    body: list
    addressee: str = ""
    offered: Callable[[Case], bool] = lambda case: True
    sealed: bool = True
    number: str = "{{案号}}"  # the 文号 under the title

    def __getitem__(self, i):  # (title, body) as before, for callers that unpack
        return (self.title, self.body)[i]


PARTIES = ["申请人：{{申请人信息}}", "被申请人：{{被申请人}}"]
DECISION_PARTIES = [*PARTIES, "{{第三人信息}}"]
APPLICANT_AND_RESPONDENT = "{{申请人}}、{{被申请人}}："
OPERATIVE = "根据{{决定依据}}之规定，本机关决定："


def _formal_hearing(case) -> bool:
    return any(h.kind == HearingKind.FORMAL for h in case.hearings.all())  # the page fetched them once


def _inspection(case) -> bool:
    return any(h.kind == HearingKind.INSPECTION for h in case.hearings.all())


def _was_suspended(case) -> bool:
    events = getattr(case, "_timeline", None)  # the case page has read the timeline already
    if events is not None:
        return any(e.action == "reconsideration.resume" for e in events)
    return timeline(case).filter(action="reconsideration.resume").exists()


def _third_parties(case) -> list:
    return [p for p in case.parties.all() if p.role == PartyRole.THIRD_PARTY]


KINDS: dict[str, Doc] = {
    "acceptance": Doc(
        "行政复议受理通知书",
        [
            "你（单位）对{{被申请人}}作出的{{行政行为}}不服提出的行政复议申请，本机关于{{收到日期}}收到。"
            "经审查，该申请符合{{受理依据}}规定的受理条件，本机关决定自{{受理日期}}起受理，"
            "适用{{审理程序}}审理。",
            "案件查询码：{{查询码}}（可在本市依法行政公众门户查询办理进度）。",
        ],
        addressee="{{申请人}}：",
        offered=lambda case: bool(case.accepted_on),
    ),
    "not_accepted": Doc(
        "不予受理行政复议申请决定书",
        [
            *PARTIES,
            "申请人对被申请人作出的{{行政行为}}不服，于{{收到日期}}向本机关申请行政复议。",
            "经审查，{{不予受理理由}}",
            "根据{{不予受理依据}}之规定，本机关决定：不予受理。{{管辖告知}}",
            "申请人如不服本决定，可以自收到本决定书之日起十五日内依法向人民法院提起行政诉讼。",
        ],
        offered=lambda case: bool(case.not_accepted_reason),
        number="{{不予受理文号}}",
    ),
    "correction": Doc(
        "行政复议申请补正通知书",
        [
            "本机关于{{收到日期}}收到你（单位）的行政复议申请。经审查，申请材料不齐全或者表述不清楚，"
            "请一次性补正下列事项：",
            "{{补正事项}}",
            "请于{{补正期限}}前提交补正材料（{{补正依据}}）。无正当理由逾期不补正的，视为放弃行政复议申请。",
        ],
        addressee="{{申请人}}：",
        offered=lambda case: bool(case.correction_sent_on),
    ),
    "third_party": Doc(
        "第三人参加行政复议通知书",
        [
            "{{申请人}}对{{被申请人}}作出的{{行政行为}}不服，向本机关申请行政复议，本机关已于{{受理日期}}受理。"
            "经审查，你（单位）同被申请行政复议的行政行为或者行政复议案件处理结果有利害关系，"
            "根据{{第三人依据}}之规定，本机关通知你（单位）作为第三人参加行政复议。",
            "第三人不参加行政复议，不影响行政复议案件的审理（第十六条第二款）。",
        ],
        addressee="{{第三人}}：",
        offered=lambda case: bool(case.accepted_on) and bool(_third_parties(case)),
    ),
    "reply_notice": Doc(
        "提出行政复议答复通知书",
        [
            "{{申请人}}对你单位作出的{{行政行为}}不服，向本机关申请行政复议，本机关已于{{受理日期}}受理。"
            "现将行政复议申请书副本发送你单位，请于{{答复期限}}前提出书面答复，并提交作出行政行为的证据、依据"
            "和其他有关材料（{{答复依据}}）。",
            "{{未答复后果}}（{{未答复依据}}）。",
        ],
        addressee="{{被申请人}}：",
        offered=lambda case: bool(case.copy_sent_on),
    ),
    "stay": Doc(
        "停止执行通知书",
        [
            "{{申请人}}对你单位作出的{{行政行为}}不服申请的行政复议，本机关已于{{受理日期}}受理。"
            "因{{停止执行情形}}，根据{{停止执行依据}}之规定，本机关决定：该行政行为自{{停止执行日期}}起停止执行。",
        ],
        addressee="{{被申请人}}：",
        offered=lambda case: bool(case.stayed_on),
    ),
    "hearing": Doc(
        "行政复议听证通知书",
        [
            "本机关审理的{{案号}}行政复议案件，定于{{听证日期}}在{{听证地点}}举行听证。",
            "听证事项：{{听证事项}}",
            "听证人员：{{听证人员}}",
            "依据{{听证依据}}。申请人无正当理由拒不参加听证的，视为放弃听证权利（第五十一条第二款）。",
        ],
        addressee=APPLICANT_AND_RESPONDENT,
        offered=_formal_hearing,
    ),
    "hearing_record": Doc(
        "行政复议听证笔录",
        [
            "案号：{{案号}}",
            "时间：{{听证日期}}　　地点：{{听证地点}}",
            "听证人员：{{听证人员}}",
            "申请人：{{申请人信息}}　　被申请人：{{被申请人}}",
            "听证事项：{{听证事项}}",
            "听证记录：{{听证记录}}",
            "当事人核对无误后签名：　　　　　　听证人员签名：　　　　　　记录人签名：",
        ],
        offered=_formal_hearing,
        sealed=False,
    ),
    "inquiry_record": Doc(
        "行政复议调查笔录",
        [
            "案号：{{案号}}",
            "时间：{{调查日期}}　　地点：{{调查地点}}",
            "调查人员（不少于二人，已出示证件）：{{调查人员}}",
            "调查事项：{{调查事项}}",
            "调查记录：{{调查记录}}",
            "被调查人核对无误后签名：　　　　　　调查人员签名：",
        ],
        offered=_inspection,
        sealed=False,
    ),
    "extension": Doc(
        "行政复议延期审理通知书",
        [
            "本机关受理的{{案号}}行政复议案件，因{{延长理由}}，不能在规定期限内作出行政复议决定。经{{延长批准人}}批准，"
            "审理期限延长{{延长天数}}日（累计延长{{累计延长天数}}日），至{{审理期限}}届满（{{延长依据}}）。",
        ],
        addressee=APPLICANT_AND_RESPONDENT,
        offered=lambda case: case.extension_days > 0,
    ),
    "suspension": Doc(
        "行政复议中止审理通知书",
        [
            "本机关审理的{{案号}}行政复议案件，因{{中止情形}}，根据{{中止依据}}之规定，"
            "自{{中止日期}}起中止审理。中止原因消除后，本机关将及时恢复审理并书面告知。",
        ],
        addressee=APPLICANT_AND_RESPONDENT,
        offered=lambda case: case.state == CaseState.SUSPENDED,
    ),
    "resumption": Doc(
        "行政复议恢复审理通知书",
        [
            "本机关中止审理的{{案号}}行政复议案件，中止原因已经消除，根据{{恢复依据}}之规定，"
            "自{{日期}}起恢复审理。审理期限至{{审理期限}}届满。",
        ],
        addressee=APPLICANT_AND_RESPONDENT,
        offered=lambda case: case.state == CaseState.ACCEPTED and _was_suspended(case),
    ),
    "termination": Doc(
        "行政复议终止决定书",
        [
            *PARTIES,
            "申请人对被申请人作出的{{行政行为}}不服申请的行政复议，因{{终止情形}}，"
            "根据{{终止依据}}之规定，本机关决定：终止行政复议。",
        ],
        offered=lambda case: bool(case.termination_ground),
    ),
    "decision": Doc(
        "行政复议决定书",
        [
            *DECISION_PARTIES,
            "申请人对被申请人作出的{{行政行为}}（{{行政行为日期}}）不服，于{{收到日期}}向本机关申请行政复议，"
            "本机关于{{受理日期}}依法受理，适用{{审理程序}}审理。本案现已审理终结。",
            "申请人请求：{{复议请求}}",
            "申请人称：{{事实和理由}}",
            "被申请人称：{{答复}}",
            Heading("经审理查明："),
            "{{查明事实}}",
            Heading("本机关认为："),
            "{{决定内容}}",
            OPERATIVE,
            "{{决定主文}}{{赔偿}}",
            "本决定经{{审批方式}}（{{审批依据}}）。",
            "申请人如不服本决定，可以自收到本决定书之日起十五日内依法向人民法院提起行政诉讼。",
        ],
        offered=lambda case: bool(case.decision_type),
    ),
    "mediation": Doc(
        "行政复议调解书",
        [
            *PARTIES,
            "申请人对被申请人作出的{{行政行为}}不服申请行政复议。行政复议请求：{{复议请求}}",
            "事实和理由：{{事实和理由}}",
            "经本机关主持调解，双方自愿达成如下协议：",
            "{{调解内容}}",
            "本调解书经各方当事人签字或者签章，并加盖行政复议机关印章，即具有法律效力（{{调解依据}}）。",
            "申请人（签字）：　　　　被申请人（签章）：",
        ],
        offered=lambda case: bool(case.mediation_text),
    ),
    "performance_order": Doc(
        "责令履行行政复议决定通知书",
        [
            "本机关于{{结案日期}}就{{申请人}}对你单位作出的{{行政行为}}不服申请的行政复议作出{{结案文书}}。"
            "你单位至今未履行（或者无正当理由拖延履行）下列事项：",
            "{{履行事项}}",
            "根据{{责令履行依据}}之规定，本机关责令你单位于{{履行期限}}前履行，并将履行情况书面报告本机关。",
        ],
        addressee="{{被申请人}}：",
        offered=lambda case: bool(case.enforce_on),
    ),
    "opinion": Doc(
        "行政复议意见书",
        [
            "本机关在办理{{案号}}行政复议案件过程中，发现你单位的有关行政行为存在以下问题：",
            "{{意见内容}}",
            "请自收到本意见书之日起六十日内（{{反馈期限}}前），将纠正相关违法或者不当行政行为的情况报送本机关"
            "（{{意见书依据}}）。",
        ],
        addressee="{{意见书送达机关}}：",
        offered=lambda case: bool(case.opinion_letters.all()),
    ),
    "service": Doc(
        "送达回证",
        [
            "送达文书：{{案号}}号行政复议案件文书（名称、份数）：",
            "受送达人：",
            "送达地点：",
            "送达方式：直接送达／邮寄送达／电子送达／委托送达／公告送达",
            "受送达人签名或者盖章：　　　　　　　　年　　月　　日",
            "代收人及代收理由：",
            "送达人签名：　　　　　　　　　　　　　年　　月　　日",
            "备注：送达依照{{送达依据}}及民事诉讼法关于送达的规定。",
        ],
        offered=lambda case: True,
    ),
}


def default_template(kind: str) -> bytes:
    doc = KINDS[kind]
    return official_docx(
        organ="{{复议机关}}",
        title=doc.title,
        number=doc.number,
        addressee=doc.addressee,
        body=doc.body,
        signature="{{复议机关}}" if doc.sealed else "",
        date="{{日期}}" if doc.sealed else "",
        seal=doc.sealed,
    )


def offered(case) -> dict[str, Doc]:
    """The documents this case's facts allow now."""
    return {kind: doc for kind, doc in KINDS.items() if doc.offered(case)}


def template_for(kind: str) -> bytes:
    if kind not in KINDS:
        raise NotFound(f"没有名为“{kind}”的文书")
    row = DocTemplate.objects.filter(kind=kind).first()
    return bytes(row.content) if row else default_template(kind)


def check_template(kind: str, content: bytes) -> set[str]:
    """Placeholders an uploaded template uses that yifa does not know (shown as a warning)."""
    return placeholders(content) - set(KNOWN_FIELDS)


def _d(day: dt.date | None) -> str:
    return zh_date(day) if day else "（未定）"


def _applicant_lines(case) -> str:
    return "；".join(f"{p.name}（{p.get_kind_display()}）" for p in case.applicants)


def approval_sentence(case) -> str:
    """第六十一条第一款：复议机关负责人同意，或者集体讨论通过（写明会议）。"""
    if case.approval_mode == ApprovalMode.COLLECTIVE:
        return f"{_d(case.collective_on)}{case.collective_meeting}集体讨论通过"
    return "本机关负责人同意"


def termination_rules(case) -> list:
    """第四十一条；和解后撤回申请而终止的，并依第七十四条。"""
    return [R.SETTLEMENT, R.TERMINATION] if case.termination_ground == TerminationGround.SETTLED else [R.TERMINATION]


def _in_document(rule) -> str:
    """A citation as an operative clause gives it: the act and the article, without the version year."""
    return f"《{rule.law.name}》{rule.article}"


def _operative(case) -> str:
    """决定书主文：按决定类型的标准表述。"""
    act = f"被申请人作出的{case.act_title}"
    return {
        "change": f"变更{act}。",
        "revoke": f"撤销{act}。",
        "revoke_redo": f"撤销{act}，责令被申请人在法定期限内重新作出行政行为。",
        "illegal": f"确认{act}违法。",
        "perform": "责令被申请人在法定期限内履行法定职责。",
        "void": f"确认{act}无效。",
        "uphold": f"维持{act}。",
        "reject_claim": "驳回申请人的行政复议请求。",
        "reject_application": "驳回申请人的行政复议申请。",
    }.get(case.decision_type, "")


def _decision_basis(case, today) -> str:
    if not case.decision_type:
        return ""
    return _in_document(R.DECISION_BASIS[case.decision_type].on(case.closed_on or today))


def _decision_clock(case):
    return clocks.clocks_of(case, rule=periods.decision_rule(case), open_only=False).order_by("-id").first()


def _latest(case, kind):
    return Hearing.objects.filter(case=case, kind=kind).order_by("-id").first()


def _party_lines(parties) -> str:
    return "；".join(f"{p.name}（{p.get_kind_display()}）" for p in parties)


def context(case, *, today: dt.date | None = None) -> dict[str, str]:
    today = today or timezone.localdate()
    decision = _decision_clock(case)
    reply = periods.reply_clock(case)
    hearing = _latest(case, HearingKind.FORMAL)
    inquiry = _latest(case, HearingKind.INSPECTION)
    letter = case.opinion_letters.order_by("-id").first()
    letter_clock = periods.feedback_clock(letter) if letter else None
    correction_rule = periods.correction_rule(case)
    correction_due = periods.correction_due(case)
    no_reply = periods.no_reply_rule(case)
    third = _third_parties(case)
    extension = R.EXTENSION_APPROVAL.on(today)
    return {
        "复议机关": organ_of(case.office).name,
        "案号": case.number,
        "不予受理文号": case.not_accepted_number or case.number,
        "查询码": case.lookup_code,
        "申请人": case.applicant_names,
        "申请人信息": _applicant_lines(case),
        "第三人": "、".join(p.name for p in third),
        "第三人信息": f"第三人：{_party_lines(third)}" if third else "",
        "第三人依据": _in_document(R.THIRD_PARTY),
        "被申请人": case.respondent_name,
        "行政行为": case.act_title,
        "行政行为日期": _d(case.act_date),
        "收到日期": _d(case.received_on),
        "受理日期": _d(case.accepted_on),
        "审理程序": case.get_procedure_display(),
        "复议请求": case.requests,
        "事实和理由": case.facts_reasons,
        "补正事项": case.correction_items,
        "补正期限": _d(correction_due),
        "补正依据": correction_rule.citation,
        "受理依据": periods.review_rule(case).citation,
        "答复期限": _d(reply.due if reply else None),
        "答复依据": periods.reply_rule(case).citation,
        "未答复后果": no_reply.title,
        "未答复依据": no_reply.citation,
        "答复": case.reply_text or "被申请人未在法定期限内提出书面答复",
        "不予受理理由": case.not_accepted_reason,
        "不予受理依据": _in_document(R.NOT_COMPETENT),
        "管辖告知": f"本案不属于本机关管辖，申请人可以向{case.competent_organ}申请行政复议。"
        if case.competent_organ
        else "",
        "停止执行情形": case.get_stay_ground_display(),
        "停止执行依据": _in_document(R.STAY),
        "停止执行日期": _d(case.stayed_on),
        "听证日期": _d(hearing.held_on if hearing else None),
        "听证地点": hearing.place if hearing else "",
        "听证事项": hearing.matters if hearing else "",
        "听证人员": hearing.panel if hearing else "",
        "听证记录": hearing.record if hearing else "",
        "听证依据": f"{R.HEARING_REQUIRED.citation}、{R.HEARING_NOTICE.citation}",
        "调查日期": _d(inquiry.held_on if inquiry else None),
        "调查地点": inquiry.place if inquiry else "",
        "调查人员": inquiry.panel if inquiry else "",
        "调查事项": inquiry.matters if inquiry else "",
        "调查记录": inquiry.record if inquiry else "",
        "延长天数": str(case.extension_last_days or case.extension_days),
        "累计延长天数": str(case.extension_days),
        "延长理由": case.extension_reason,
        "延长批准人": "行政复议机关负责人" if extension is R.EXTENSION_APPROVAL_2017 else "行政复议机构负责人",
        "延长依据": extension.citation,
        "审理期限": _d(decision.due if decision else None),
        "审理依据": periods.decision_rule(case).citation,
        "中止日期": _d(case.suspended_on),
        "中止情形": case.get_suspension_ground_display(),
        "中止依据": _in_document(R.SUSPENSION),
        "恢复依据": "《中华人民共和国行政复议法》第三十九条第二款、第三款",
        "终止情形": case.get_termination_ground_display(),
        "终止依据": "、".join(_in_document(r) for r in termination_rules(case)),
        "决定类型": case.get_decision_type_display(),
        "决定依据": _decision_basis(case, today),
        "决定主文": _operative(case),
        "查明事实": case.findings,
        "决定内容": case.decision_text,
        "赔偿": case.compensation,
        "审批方式": approval_sentence(case),
        "审批依据": R.APPROVAL.on(case.closed_on or today).citation,
        "调解内容": case.mediation_text,
        "调解依据": R.MEDIATION.citation,
        "结案日期": _d(case.closed_on),
        "结案文书": "行政复议调解书" if case.mediation_text else "行政复议决定书",
        "履行事项": case.enforce_matters,
        "履行期限": _d(case.enforce_due_on),
        "责令履行依据": _in_document(R.ENFORCE),
        "意见书送达机关": letter.recipient.name if letter else "",
        "意见内容": letter.content if letter else "",
        "反馈期限": _d(letter_clock.due if letter_clock else None),
        "意见书依据": R.OPINION_FEEDBACK.citation,
        "送达依据": _in_document(R.SERVICE),
        "日期": zh_date(today),
    }


KNOWN_FIELDS = tuple(
    dict.fromkeys(
        name
        for doc in KINDS.values()
        for text in ("{{复议机关}}{{案号}}{{日期}}", doc.number, doc.addressee, *doc.body)
        for name in PLACEHOLDER.findall(getattr(text, "text", text))
    )
)


def generate(case, kind: str, *, today: dt.date | None = None) -> tuple[str, bytes]:
    """(file name, .docx bytes) of one document for one case, if the case's facts allow it."""
    template = template_for(kind)
    if not KINDS[kind].offered(case):
        raise GateBlocked(
            f"制作{KINDS[kind].title}", [f"本案（{case.get_state_display()}）没有{KINDS[kind].title}所载的事项"]
        )
    content = fill_docx(template, context(case, today=today))
    return f"{case.number}{KINDS[kind].title}.docx", content


def decision_body(case) -> str:
    """The decision's text, the basis of the public version (第七十九条)."""
    return docx_text(generate(case, "decision", today=case.closed_on)[1])


PERSONAL = [re.compile(r"\d{17}[\dXx]"), re.compile(r"1[3-9]\d{9}"), re.compile(r"\d{3,4}-\d{7,8}")]


def public_text_of(case) -> str:
    """第七十九条：公开文本去除自然人姓名、身份证号、电话、住址。"""
    text = decision_body(case)
    for party in case.parties.all():
        if party.kind == PartyKind.PERSON and party.name:
            text = text.replace(party.name, party.name[0] + "某")
        for secret in (party.id_number, party.phone, party.address):
            if secret:
                text = text.replace(secret, "")
    for pattern in PERSONAL:
        text = pattern.sub("（已隐去）", text)
    return text


def forwarding_letter(item, *, today: dt.date | None = None) -> tuple[str, bytes]:
    """第三十二条第二款：作出处罚决定的机关认为需要维持的，转送复议机关的函（以该机关名义）。"""
    office = organ_of_forwarding()
    content = official_docx(
        organ=item.unit.name,
        title="行政复议申请转送函",
        addressee=f"{office}：",
        body=[
            f"{item.applicant_name}对本机关作出的{item.act_title}不服，于{zh_date(item.received_on)}通过本机关提交"
            f"行政复议申请。本机关认为需要维持该行政处罚决定，根据{_in_document(R.FORWARD_VIA_ORGAN)}之规定，"
            "现将该行政复议申请及有关材料转送你机关。",
            "附件：行政复议申请书及有关材料",
        ],
        signature=item.unit.name,
        date=zh_date(item.forwarded_on or today or timezone.localdate()),
    )
    return f"{item.act_title}行政复议申请转送函.docx", content


def organ_of_forwarding() -> str:
    from yifa.core.models import Unit

    office = Unit.objects.legal_office()
    return organ_of(office).name if office else "行政复议机关"
