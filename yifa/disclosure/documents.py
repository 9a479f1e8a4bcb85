"""The request's documents (.docx) in the official layout (GB/T 9704, ``lib.official_docx``): the registration
receipt, the 补正 notice, the extension notice, the letter asking a third party or another organ for its
opinion, and the reply, titled by its outcome (答复书 or 告知书)."""

from __future__ import annotations

from yifa.core.clocks import clocks_of
from yifa.core.errors import NotFound
from yifa.lib.deadlines import zh_date
from yifa.lib.official_docx import official_docx

from . import rules
from .models import Outcome, Request

TITLES = {
    "予以公开": "政府信息公开申请答复书",
    "部分公开": "政府信息部分公开告知书",
    "不予公开": "政府信息不予公开告知书",
    "无法提供": "政府信息公开申请答复书（无法提供）",
    "不予处理": "政府信息公开申请不予处理告知书",
    "其他处理": "政府信息公开申请处理告知书",
}
KINDS = {
    "receipt": "政府信息公开申请登记回执",
    "clarification": "政府信息公开申请补正告知书",
    "extension": "延期答复告知书",
    "consultation": "政府信息公开征求意见函",
    "reply": "答复书",
}


def available(r: Request) -> list[tuple[str, str]]:
    found = []
    if r.received_on:
        found.append(("receipt", KINDS["receipt"]))
    if r.clarification_notice_on:
        found.append(("clarification", KINDS["clarification"]))
    if r.extension_days:
        found.append(("extension", KINDS["extension"]))
    if r.consulted:
        found.append(("consultation", KINDS["consultation"]))
    if r.outcome and r.reply_text:
        found.append(("reply", reply_title(r)))
    return found


def reply_title(r: Request) -> str:
    return TITLES[r.outcome_group]


def _day(d):
    return zh_date(d) if d else "____年__月__日"


CONSULTATION_TITLES = {
    "third_party": "政府信息公开征求第三方意见函",
    "other_organ": "政府信息公开征求意见函",
}


def title_of(r: Request, kind: str) -> str:
    if kind == "reply":
        return reply_title(r)
    if kind == "consultation":
        return CONSULTATION_TITLES.get(r.consult_kind, KINDS["consultation"])
    return KINDS[kind]


def _receipt(r: Request) -> list[str]:
    return [
        f"本机关于{_day(r.received_on)}收到你（单位）提出的政府信息公开申请（{rules.RECEIPT.citation}）。",
        f"申请内容：{r.content}",
        f"本机关将依照{rules.REPLY.citation}自收到申请之日起20个工作日内予以答复。",
        f"查询码：{r.lookup_code}（凭申请编号和查询码可在门户查询办理进度）。",
    ]


def _clarification(r: Request) -> list[str]:
    return [
        f"本机关于{_day(r.received_on)}收到你（单位）的政府信息公开申请。经审查，申请内容不明确，"
        f"依照{rules.CLARIFICATION_NOTICE.citation}，请补正下列事项：",
        r.clarification_items,
        f"请于{_day(r.clarification_due)}前补正。答复期限自本机关收到补正的申请之日起计算；"
        "无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
    ]


def _extension(r: Request) -> list[str]:
    clock = clocks_of(r, rule=rules.REPLY, open_only=False).order_by("-id").first()
    return [
        f"你（单位）于{_day(r.received_on)}提出的政府信息公开申请，因需要延长答复期限，"
        f"经本机关政府信息公开工作机构负责人同意，依照{rules.EXTENSION.citation}，答复期限延长{r.extension_days}个工作日，"
        f"本机关将于{_day(clock.due if clock else None)}前作出答复。",
    ]


def _consultation(r: Request) -> list[str]:
    third = r.consult_kind == "third_party"
    return [
        "本机关收到一项政府信息公开申请，申请公开的信息可能"
        + ("涉及你方合法权益" if third else "由你机关共同制作或者需要你机关确认")
        + f"。依照{(rules.THIRD_PARTY if third else rules.OTHER_ORGAN).citation}，"
        "请自收到本函之日起15个工作日内书面提出意见。",
        f"申请公开的信息：{r.public_summary or r.content}",
        "逾期未提出意见的，"
        + ("由本机关依照条例的规定决定是否公开。" if third else "视为同意公开。")
        + f"征求意见所需时间不计算在答复期限内（{rules.NOT_COUNTED.citation}）。",
    ]


def _reply(r: Request) -> list[str]:
    body = [f"本机关于{_day(r.received_on)}收到你（单位）的政府信息公开申请。经审查，答复如下：", r.reply_text]
    if r.outcome != Outcome.OPEN and r.outcome_reason:
        body.append(f"理由：{r.outcome_reason}")
    if r.refer_to:
        body.append(f"该信息不属于本机关负责公开，请向{r.refer_to}咨询。")
    body.append("如对本答复不服，可以依法申请行政复议或者提起行政诉讼。")
    return body


BODIES = {
    "receipt": _receipt,
    "clarification": _clarification,
    "extension": _extension,
    "consultation": _consultation,
    "reply": _reply,
}
# The day a document bears: the reply its reply date, the notices the day they were given.
DATES = {
    "receipt": lambda r: r.received_on,
    "clarification": lambda r: r.clarification_notice_on,
    "extension": lambda r: None,
    "consultation": lambda r: None,
    "reply": lambda r: r.replied_on,
}


def generate(r: Request, kind: str) -> tuple[str, bytes]:
    if kind not in dict(available(r)):
        raise NotFound("该文书尚不能生成")
    title = title_of(r, kind)
    addressee = f"{r.consulted}：" if kind == "consultation" else f"{r.applicant_name}："
    content = official_docx(
        organ=r.unit.name,
        title=title,
        number=f"编号：{r.number}",
        addressee=addressee,
        body=[p for p in BODIES[kind](r) if p],
        signature=r.unit.name,
        date=_day(DATES[kind](r)),
    )
    return f"{title}（{r.number}）.docx", content
