"""行政复议文书：.docx generated from templates the office can replace (``DocTemplate``).
Default templates are built here with {{字段}} placeholders; ``yifa.lib.office.fill_docx`` fills them."""

from __future__ import annotations

import datetime as dt
import re

from django.utils import timezone

from yifa.core import clocks
from yifa.core.errors import NotFound
from yifa.lib.deadlines import zh_date
from yifa.lib.office import docx_from_text, docx_text, fill_docx, placeholders

from . import periods
from . import rules as R
from .models import ApprovalMode, DocTemplate, Hearing, HearingKind, PartyKind, TerminationGround

HEAD = ["{{复议机关}}", "{{案号}}"]
PARTIES = ["申请人：{{申请人信息}}", "被申请人：{{被申请人}}"]

KINDS: dict[str, tuple[str, list[str]]] = {
    "acceptance": (
        "行政复议受理通知书",
        [
            *HEAD,
            "{{申请人}}：",
            "你（单位）对{{被申请人}}作出的{{行政行为}}不服提出的行政复议申请，本机关于{{收到日期}}收到。"
            "经审查，该申请符合{{受理依据}}规定的受理条件，本机关决定自{{受理日期}}起受理，"
            "适用{{审理程序}}审理。",
            "案件查询码：{{查询码}}（可在本市依法行政公众门户查询办理进度）。",
            "{{日期}}",
        ],
    ),
    "not_accepted": (
        "不予受理行政复议申请决定书",
        [
            *HEAD,
            *PARTIES,
            "申请人对被申请人作出的{{行政行为}}不服，于{{收到日期}}向本机关申请行政复议。",
            "经审查，{{不予受理理由}}",
            "根据《中华人民共和国行政复议法》第三十条第二款的规定，本机关决定不予受理。",
            "{{日期}}",
        ],
    ),
    "correction": (
        "行政复议申请补正通知书",
        [
            *HEAD,
            "{{申请人}}：",
            "本机关于{{收到日期}}收到你（单位）的行政复议申请。经审查，申请材料不齐全或者表述不清楚，"
            "请一次性补正下列事项：",
            "{{补正事项}}",
            "请于{{补正期限}}前提交补正材料（{{补正依据}}）。无正当理由逾期不补正的，视为放弃行政复议申请。",
            "{{日期}}",
        ],
    ),
    "reply_notice": (
        "提出行政复议答复通知书",
        [
            *HEAD,
            "{{被申请人}}：",
            "{{申请人}}对你单位作出的{{行政行为}}不服，向本机关申请行政复议，本机关已于{{受理日期}}受理。现将行政复议申请书副本发送你单位，"
            "请于{{答复期限}}前提出书面答复，并提交作出行政行为的证据、依据和其他有关材料（{{答复依据}}）。",
            "{{未答复后果}}（{{未答复依据}}）。",
            "{{日期}}",
        ],
    ),
    "hearing": (
        "行政复议听证通知书",
        [
            *HEAD,
            "{{申请人}}、{{被申请人}}：",
            "本机关审理的{{案号}}行政复议案件，定于{{听证日期}}在{{听证地点}}举行听证。",
            "听证事项：{{听证事项}}",
            "听证人员：{{听证人员}}",
            "依据{{听证依据}}。",
            "{{日期}}",
        ],
    ),
    "extension": (
        "行政复议延期审理通知书",
        [
            *HEAD,
            "{{申请人}}、{{被申请人}}：",
            "本机关受理的{{案号}}行政复议案件，因{{延长理由}}，不能在规定期限内作出行政复议决定。经行政复议机构负责人批准，"
            "审理期限延长{{延长天数}}日（累计延长{{累计延长天数}}日），至{{审理期限}}届满（{{审理依据}}）。",
            "{{日期}}",
        ],
    ),
    "suspension": (
        "行政复议中止审理通知书",
        [
            *HEAD,
            "{{申请人}}、{{被申请人}}：",
            "本机关审理的{{案号}}行政复议案件，因{{中止情形}}，根据{{中止依据}}的规定，"
            "自{{中止日期}}起中止审理。中止原因消除后，本机关将及时恢复审理并书面告知。",
            "{{日期}}",
        ],
    ),
    "resumption": (
        "行政复议恢复审理通知书",
        [
            *HEAD,
            "{{申请人}}、{{被申请人}}：",
            "本机关中止审理的{{案号}}行政复议案件，中止原因已经消除，根据《中华人民共和国行政复议法》第三十九条第二款的规定，"
            "自{{日期}}起恢复审理。审理期限至{{审理期限}}届满。",
            "{{日期}}",
        ],
    ),
    "termination": (
        "行政复议终止通知书",
        [
            *HEAD,
            *PARTIES,
            "申请人对被申请人作出的{{行政行为}}不服申请的行政复议，因{{终止情形}}，根据{{终止依据}}的规定，"
            "本机关决定终止行政复议。",
            "{{日期}}",
        ],
    ),
    "decision": (
        "行政复议决定书",
        [
            *HEAD,
            *PARTIES,
            "申请人对被申请人作出的{{行政行为}}（{{行政行为日期}}）不服，于{{收到日期}}向本机关申请行政复议，"
            "本机关于{{受理日期}}依法受理，适用{{审理程序}}审理。",
            "申请人请求：{{复议请求}}",
            "申请人称：{{事实和理由}}",
            "被申请人答复：{{答复}}",
            "本机关认为：",
            "{{决定内容}}",
            "决定：{{决定类型}}。{{赔偿}}",
            "本决定经{{审批方式}}（{{审批依据}}）。",
            "申请人如不服本决定，可以自收到本决定书之日起十五日内依法向人民法院提起行政诉讼。",
            "{{日期}}",
        ],
    ),
    "mediation": (
        "行政复议调解书",
        [
            *HEAD,
            *PARTIES,
            "申请人对被申请人作出的{{行政行为}}不服申请行政复议。行政复议请求：{{复议请求}}",
            "事实和理由：{{事实和理由}}",
            "经本机关主持调解，双方自愿达成如下协议：",
            "{{调解内容}}",
            "本调解书经各方当事人签字或者签章，并加盖行政复议机关印章，即具有法律效力（{{调解依据}}）。",
            "申请人（签字）：　　　　被申请人（签章）：",
            "{{日期}}",
        ],
    ),
    "opinion": (
        "行政复议意见书",
        [
            *HEAD,
            "{{意见书送达机关}}：",
            "本机关在办理{{案号}}行政复议案件过程中，发现你单位的有关行政行为存在以下问题：",
            "{{意见内容}}",
            "请自收到本意见书之日起六十日内（{{反馈期限}}前），将纠正相关违法或者不当行政行为的情况报送本机关"
            "（{{意见书依据}}）。",
            "{{日期}}",
        ],
    ),
}


def default_template(kind: str) -> bytes:
    title, paragraphs = KINDS[kind]
    return docx_from_text(title, paragraphs)


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


def context(case, *, today: dt.date | None = None) -> dict[str, str]:
    today = today or timezone.localdate()
    decision = clocks.clocks_of(case, rule=periods.decision_rule(case), open_only=False).order_by("-id").first()
    reply = periods.reply_clock(case)
    hearing = Hearing.objects.filter(case=case, kind=HearingKind.FORMAL).order_by("-id").first()
    letter = case.opinion_letters.order_by("-id").first()
    letter_clock = periods.feedback_clock(letter) if letter else None
    correction_rule = periods.correction_rule(case)
    correction_due = periods.correction_due(case)
    no_reply = periods.no_reply_rule(case)
    return {
        "复议机关": case.office.parent.name if case.office.parent else case.office.name,
        "案号": case.number,
        "查询码": case.lookup_code,
        "申请人": case.applicant_names,
        "申请人信息": _applicant_lines(case),
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
        "听证日期": _d(hearing.held_on if hearing else None),
        "听证地点": hearing.place if hearing else "",
        "听证事项": hearing.matters if hearing else "",
        "听证人员": hearing.panel if hearing else "",
        "听证依据": f"{R.HEARING_REQUIRED.citation}、{R.HEARING_NOTICE.citation}",
        "延长天数": str(case.extension_last_days or case.extension_days),
        "累计延长天数": str(case.extension_days),
        "延长理由": case.extension_reason,
        "审理期限": _d(decision.due if decision else None),
        "审理依据": periods.decision_rule(case).citation,
        "中止日期": _d(case.suspended_on),
        "中止情形": case.get_suspension_ground_display(),
        "中止依据": R.SUSPENSION.citation,
        "终止情形": case.get_termination_ground_display(),
        "终止依据": "、".join(r.citation for r in termination_rules(case)),
        "决定类型": case.get_decision_type_display(),
        "决定内容": case.decision_text,
        "赔偿": case.compensation,
        "审批方式": approval_sentence(case),
        "审批依据": R.APPROVAL.on(case.closed_on or today).citation,
        "调解内容": case.mediation_text,
        "调解依据": R.MEDIATION.citation,
        "意见书送达机关": letter.recipient.name if letter else "",
        "意见内容": letter.content if letter else "",
        "反馈期限": _d(letter_clock.due if letter_clock else None),
        "意见书依据": R.OPINION_FEEDBACK.citation,
        "日期": zh_date(today),
    }


KNOWN_FIELDS = (
    "复议机关",
    "案号",
    "查询码",
    "申请人",
    "申请人信息",
    "被申请人",
    "行政行为",
    "行政行为日期",
    "收到日期",
    "受理日期",
    "审理程序",
    "复议请求",
    "事实和理由",
    "补正事项",
    "补正期限",
    "补正依据",
    "受理依据",
    "答复期限",
    "答复依据",
    "未答复后果",
    "未答复依据",
    "答复",
    "不予受理理由",
    "听证日期",
    "听证地点",
    "听证事项",
    "听证人员",
    "听证依据",
    "延长天数",
    "累计延长天数",
    "延长理由",
    "审理期限",
    "审理依据",
    "中止日期",
    "中止情形",
    "中止依据",
    "终止情形",
    "终止依据",
    "决定类型",
    "决定内容",
    "赔偿",
    "审批方式",
    "审批依据",
    "调解内容",
    "调解依据",
    "意见书送达机关",
    "意见内容",
    "反馈期限",
    "意见书依据",
    "日期",
)


def generate(case, kind: str, *, today: dt.date | None = None) -> tuple[str, bytes]:
    """(file name, .docx bytes) of one document for one case."""
    content = fill_docx(template_for(kind), context(case, today=today))
    return f"{case.number}{KINDS[kind][0]}.docx", content


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
