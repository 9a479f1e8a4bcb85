"""行政许可文书 as .docx in the official-document layout (GB/T 9704, ``lib.official_docx``), filled from
templates the office can replace (``DocTemplate``): each kind declares its default template (title,
文号, body with ``{{字段}}`` placeholders) and when an application has the facts it states (so no page
tests a state by name). The certificate and the item's 告知承诺书 are built from their own records.

A sentence that holds only for some applications (deemed acceptance, the decision date, 告知承诺) is one
field; a paragraph left empty by its fields is dropped."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from yifa.core import clocks
from yifa.core.errors import GateBlocked, InvalidInput, NotFound
from yifa.core.procedure import ADMIN, LEGAL_OFFICE, add, change, remove
from yifa.lib import remedies
from yifa.lib.deadlines import zh_date
from yifa.lib.office import docx_text, fill_docx, placeholders
from yifa.lib.official_docx import Heading, official_docx

from . import rules
from .flows import decision_rule
from .models import AppState, DocTemplate


def _d(day: dt.date | None) -> str:
    return zh_date(day) if day else "—"


def _clock_due(app, rule) -> dt.date | None:
    clock = clocks.clocks_of(app, rule=rule, open_only=False).order_by("-id").first()
    return clock.due if clock is not None else None


def _remedies() -> str:
    return (
        "如不服本决定，可以自知道本决定之日起六十日内依法申请行政复议"
        f"（{remedies.RECONSIDERATION_2023.citation}），或者自知道本决定之日起六个月内依法向人民法院提起行政诉讼"
        f"（{remedies.LITIGATION_PERIOD.citation}）。"
    )


# 申请人 … 提出的 … 申请: the opening of every notice and decision.
RECEIVED = "你（单位）于{{收到日期}}提出的{{事项名称}}申请（申请编号{{申请编号}}）"
ACCEPTED_ON = RECEIVED + "，本机关于{{受理日期}}受理。"


def _deemed(app) -> str:
    if not app.deemed_accepted:
        return ""
    return (
        "本机关未在法定期限内一次告知需要补正的内容，自收到申请材料之日起即为受理"
        f"（{rules.DEEMED_ACCEPTED.citation}）。"
    )


def _decision_due(app) -> str:
    if app.by_promise and app.decided_on == app.accepted_on:
        return (
            "你（单位）已选择告知承诺方式并签署告知承诺书，本机关当场作出行政许可决定"
            f"（{rules.PROMISE_DECISION.citation}）。"
        )
    rule, due = decision_rule(app), _clock_due(app, decision_rule(app))
    if not due:
        return ""
    if rule is rules.PRELIMINARY_REVIEW:
        return (
            f"本机关将于{_d(due)}前审查完毕，并将初步审查意见和全部申请材料报送上级行政机关决定"
            f"（{rule.citation}：自受理之日起{rule.days}个工作日）。"
        )
    return (
        f"本机关将于{_d(due)}前作出行政许可决定（{rule.citation}：自受理之日起{rule.days}个工作日；"
        f"听证、检验、检测、鉴定、专家评审等所需时间不计入，{rules.EXCLUDED_TIME.citation}）。"
    )


def _on_promise(app) -> str:
    if not app.by_promise:
        return ""
    return (
        "本决定依你（单位）签署的告知承诺书作出。本机关将依法核查承诺内容；承诺不实的，依法撤销本许可并记入信用记录"
        f"（{rules.FALSE_PROMISE.citation}）。"
    )


def _hearing_due(app) -> str:
    return _d(_clock_due(app, rules.HEARING_REQUEST))


# Each field of an application's documents: (what it holds, its value).
APPLICATION_FIELDS: dict[str, tuple[str, Callable]] = {
    "实施机关": ("实施机关名称", lambda app: app.unit.name),
    "申请人": ("申请人姓名或名称", lambda app: app.applicant_name),
    "申请编号": ("申请编号", lambda app: app.number),
    "事项名称": ("许可事项名称", lambda app: app.item.name),
    "设定依据": ("事项的设定依据", lambda app: app.item.basis),
    "申请内容": ("申请内容", lambda app: app.summary),
    "收到日期": ("收到申请材料日期", lambda app: _d(app.received_on)),
    "受理日期": ("受理日期", lambda app: _d(app.accepted_on)),
    "决定日期": ("决定日期", lambda app: _d(app.decided_on)),
    "受理凭证编号": ("受理凭证编号", lambda app: app.voucher_number),
    "查询码": ("申请人查询办理进度的查询码", lambda app: app.lookup_code),
    "决定书文号": ("决定书文号", lambda app: app.decision_number),
    "视为受理说明": ("逾期未告知补正、视为受理的说明（其他申请为空）", _deemed),
    "决定期限说明": ("作出决定的期限或当场决定的说明", _decision_due),
    "补正告知日期": ("告知补正日期", lambda app: _d(app.correction_notice_on)),
    "补正内容": ("需要补正的全部内容", lambda app: app.correction_items),
    "理由": ("不予受理或者不予许可的理由", lambda app: app.outcome_reason),
    "救济途径": ("申请行政复议、提起行政诉讼的权利和期限", lambda app: _remedies()),
    "告知承诺说明": ("依告知承诺作出决定的说明（其他申请为空）", _on_promise),
    "延长理由": ("延长决定期限的理由", lambda app: app.extension_reason),
    "法定决定期限": ("法定决定期限（工作日数）", lambda app: str(decision_rule(app).days)),
    "延长后期限": ("延长后作出决定的期限", lambda app: _d(_clock_due(app, decision_rule(app)))),
    "决定期限依据": ("决定期限的法律依据", lambda app: decision_rule(app).citation),
    "不计时事项": ("不计入期限的程序（检验、专家评审等）", lambda app: app.get_excluded_kind_display()),
    "所需时间告知": ("书面告知申请人的所需时间", lambda app: app.excluded_notice),
    "听证申请期限": ("提出听证申请的截止日", _hearing_due),
}


@dataclass(frozen=True)
class Doc:
    title: str
    body: list
    offered: Callable[..., bool] = lambda obj: True
    number: str = ""
    addressee: str = "{{申请人}}："
    sealed: bool = True


GRANTED_ONCE = (AppState.GRANTED, AppState.ISSUED, AppState.REVOKED)

KINDS: dict[str, Doc] = {
    "acceptance": Doc(
        "受理通知书",
        [
            RECEIVED + "，申请材料齐全、符合法定形式，本机关决定自{{受理日期}}起受理。",
            "{{视为受理说明}}",
            "{{决定期限说明}}",
            "受理凭证编号：{{受理凭证编号}}。查询码：{{查询码}}。",
            f"（{rules.ACCEPTANCE_VOUCHER.citation}）",
        ],
        lambda app: bool(app.accepted_on),
        "{{受理凭证编号}}",
    ),
    "not_accepted": Doc(
        "不予受理决定书",
        [
            RECEIVED + "，经审查，{{理由}}",
            f"本机关决定不予受理（{rules.ACCEPTANCE_VOUCHER.citation}）。",
            "{{救济途径}}",
        ],
        lambda app: app.state == AppState.NOT_ACCEPTED,
    ),
    "correction": Doc(
        "补正材料告知书",
        [
            RECEIVED + "，经审查，申请材料不齐全或者不符合法定形式。现一次告知需要补正的全部内容：",
            "{{补正内容}}",
            f"请按上述内容补正后提交，本机关收到全部补正材料后依法办理（{rules.CORRECTION_NOTICE.citation}）。",
        ],
        lambda app: bool(app.correction_notice_on),
    ),
    "extension": Doc(
        "延长审查期限告知书",
        [
            ACCEPTED_ON + "因{{延长理由}}，{{法定决定期限}}个工作日内不能作出决定，经本机关负责人批准，决定期限延长，"
            "延长后于{{延长后期限}}前作出决定（{{决定期限依据}}）。",
        ],
        lambda app: bool(app.extension_reason),
    ),
    "exclusion": Doc(
        "不计入审查期限告知书",
        [
            ACCEPTED_ON + "依法需要进行{{不计时事项}}，"
            f"所需时间不计入作出行政许可决定的期限（{rules.EXCLUDED_TIME.citation}）：",
            "{{所需时间告知}}",
        ],
        lambda app: bool(app.excluded_notice),
    ),
    "hearing": Doc(
        "听证告知书",
        [
            ACCEPTED_ON + "该许可事项直接涉及申请人与他人之间重大利益关系，"
            f"你（单位）享有要求听证的权利（{rules.HEARING_RIGHTS.citation}）。",
            "要求听证的，请于{{听证申请期限}}前（被告知之日起五日内）向本机关提出；本机关将在收到申请之日起二十个工作日内"
            f"组织听证，并于举行听证的七日前通知时间、地点（{rules.HEARING_REQUEST.citation}、"
            f"{rules.HEARING_NOTICE.citation}）。逾期未提出的，视为放弃听证权利。",
        ],
        lambda app: bool(app.hearing_rights_on),
    ),
    "grant": Doc(
        "准予行政许可决定书",
        [
            ACCEPTED_ON,
            "经审查，你（单位）的申请符合法定条件、标准，根据{{设定依据}}的规定，本机关决定准予行政许可。",
            "许可事项：{{事项名称}}。许可内容：{{申请内容}}",
            "{{告知承诺说明}}",
            f"本机关将自本决定作出之日起十个工作日内颁发、送达许可证件（{rules.CERTIFICATE.citation}）。",
            f"本决定依法予以公开（{rules.DECISION_PUBLICATION.citation}）。",
        ],
        lambda app: app.state in GRANTED_ONCE and bool(app.decided_on),
        "{{决定书文号}}",
    ),
    "refuse": Doc(
        "不予行政许可决定书",
        [
            ACCEPTED_ON,
            Heading("不予许可的理由"),
            "{{理由}}",
            f"本机关决定不予行政许可（{rules.REFUSAL_REASONS.citation}）。",
            "{{救济途径}}",
        ],
        lambda app: app.state == AppState.REFUSED,
        "{{决定书文号}}",
    ),
}

CERTIFICATE_FIELDS: dict[str, tuple[str, Callable]] = {
    "发证机关": ("发证机关名称", lambda cert: cert.unit.name),
    "证件编号": ("证件编号", lambda cert: cert.number),
    "被许可人": ("被许可人", lambda cert: cert.holder_name),
    "事项名称": ("许可事项名称", lambda cert: cert.item.name),
    "决定书文号": ("准予许可决定书文号", lambda cert: cert.application.decision_number or "—"),
    "决定日期": ("准予许可决定日期", lambda cert: _d(cert.application.decided_on)),
    "发证日期": ("发证日期", lambda cert: _d(cert.issued_on)),
    "有效期至": ("有效期届满日（长期有效的为“长期”）", lambda c: _d(c.valid_until) if c.valid_until else "长期"),
}
PROMISE_FIELDS: dict[str, tuple[str, Callable]] = {
    "实施机关": ("实施机关名称", lambda item: item.unit.name),
    "事项名称": ("许可事项名称", lambda item: item.name),
    "告知承诺内容": ("事项的告知承诺书格式文本（事项清单中设定）", lambda item: item.promise_text.strip()),
}

OTHER_KINDS: dict[str, Doc] = {
    "certificate": Doc(
        "{{事项名称}}许可证",
        [
            "被许可人：{{被许可人}}",
            "许可事项：{{事项名称}}",
            "许可决定：{{决定书文号}}（{{决定日期}}）",
            "有效期：{{发证日期}}至{{有效期至}}",
            f"有效期届满需要延续的，应当在届满三十日前向发证机关提出申请（{rules.RENEWAL_APPLICATION.citation}）。",
        ],
        number="编号：{{证件编号}}",
        addressee="",
    ),
    "promise": Doc(
        "{{事项名称}}告知承诺书",
        ["{{告知承诺内容}}", f"（{rules.PROMISE_TEXT.citation}）", "承诺人（签字或盖章）：", "日期："],
        addressee="",
        sealed=False,
    ),
}
TITLES = {kind: doc.title.replace("{{事项名称}}", "") for kind, doc in {**KINDS, **OTHER_KINDS}.items()}


def fields_of(kind: str) -> dict[str, tuple[str, Callable]]:
    if kind == "certificate":
        return {**CERTIFICATE_FIELDS, "日期": ("发证日期", lambda cert: _d(cert.issued_on))}
    if kind == "promise":
        return PROMISE_FIELDS
    return {**APPLICATION_FIELDS, "日期": ("文书日期", lambda app: "")}


def default_template(kind: str) -> bytes:
    doc = KINDS.get(kind) or OTHER_KINDS[kind]
    organ = "{{发证机关}}" if kind == "certificate" else "{{实施机关}}"
    return official_docx(
        organ=organ if kind != "promise" else "",
        title=doc.title,
        number=doc.number,
        addressee=doc.addressee,
        body=doc.body,
        signature=organ if doc.sealed else "",
        date="{{日期}}" if doc.sealed else "",
        seal=doc.sealed,
    )


def template_for(kind: str) -> bytes:
    if kind not in TITLES:
        raise NotFound(f"没有名为“{kind}”的文书")
    row = DocTemplate.objects.filter(kind=kind).first()
    return bytes(row.content) if row else default_template(kind)


def unknown_fields(kind: str, content: bytes) -> list[str]:
    return sorted(placeholders(content) - set(fields_of(kind)))


def _unknown_message(kind: str, unknown: list[str]) -> str:
    shown = "、".join("{{" + name + "}}" for name in unknown)
    return f"{TITLES[kind]}模板中有本平台不认识的字段{shown}，请改用“许可文书模板”页面列出的字段"


def _fill(kind: str, obj, context: dict) -> bytes:
    template = template_for(kind)
    unknown = unknown_fields(kind, template)
    if unknown:  # a template stored before a field was renamed: say so rather than print a blank
        raise GateBlocked(f"制作{TITLES[kind]}", [_unknown_message(kind, unknown) + "，或者恢复默认模板"])
    return fill_docx(template, context, drop_emptied=True)


def context(obj, kind: str) -> dict[str, str]:
    return {name: (value(obj) or "") for name, (_, value) in fields_of(kind).items()}


def offered(app) -> dict[str, Doc]:
    return {kind: doc for kind, doc in KINDS.items() if doc.offered(app)}


def generate(app, kind: str, *, today: dt.date | None = None) -> tuple[str, bytes]:
    """(file name, .docx bytes) of one document, if the application's facts allow it."""
    doc = KINDS[kind]
    if not doc.offered(app):
        raise GateBlocked(f"制作{doc.title}", [f"该申请（{app.get_state_display()}）没有{doc.title}所载的事项"])
    values = context(app, kind) | {"日期": zh_date(_dated(app, kind) or today or timezone.localdate())}
    return f"{app.number}{doc.title}.docx", _fill(kind, app, values)


def _dated(app, kind: str) -> dt.date | None:
    return {
        "acceptance": app.accepted_on,
        "not_accepted": app.decided_on,
        "correction": app.correction_notice_on,
        "hearing": app.hearing_rights_on,
        "grant": app.decided_on,
        "refuse": app.decided_on,
    }.get(kind)


def certificate_docx(cert) -> tuple[str, bytes]:
    """The licence itself (第三十九条): number, holder, item, validity, organ and date."""
    return f"{cert.number}许可证.docx", _fill("certificate", cert, context(cert, "certificate"))


def promise_letter_docx(item) -> tuple[str, bytes]:
    """The item's 告知承诺书, for the applicant to sign (国办发〔2020〕42号)."""
    return f"{item.name}告知承诺书.docx", _fill("promise", item, context(item, "promise"))


# 文书模板: who may replace them, and the replacing.
TEMPLATE_KEEPER = LEGAL_OFFICE | ADMIN


def template_set(*, by, kind: str, content: bytes) -> DocTemplate:
    """Store an office's .docx template, refused (nothing stored) if it is not a Word file or uses a field
    yifa does not fill."""
    if kind not in TITLES:
        raise InvalidInput({"kind": "文书：请从列表中选择"})
    try:
        docx_text(content)
    except Exception:
        raise InvalidInput({"file": "模板文件：须为Word文档（.docx），请在Word中另存为.docx后上传"}) from None
    unknown = unknown_fields(kind, content)
    if unknown:
        raise InvalidInput({"file": f"模板文件：{_unknown_message(kind, unknown)}"})
    what = {"action": "licensing.template", "label": f"更换{TITLES[kind]}模板", "data": {"kind": kind}}
    row = DocTemplate.objects.filter(kind=kind).first()
    if row is None:
        return add(DocTemplate(kind=kind, content=content, updated_by=by), by=by, who=TEMPLATE_KEEPER, **what)
    return change(row, by=by, who=TEMPLATE_KEEPER, apply={"content": content, "updated_by": by}, **what)


def template_reset(*, by, kind: str) -> None:
    row = DocTemplate.objects.filter(kind=kind).first()
    if row is not None:
        remove(row, by=by, who=TEMPLATE_KEEPER, action="licensing.template_reset",
               label=f"恢复{TITLES[kind]}默认模板")  # fmt: skip


def templates() -> list[dict]:
    """Each document with whether the office replaced its template, and the fields it may use."""
    replaced = dict(DocTemplate.objects.values_list("kind", "updated_at"))
    return [
        {"kind": kind, "title": title, "replaced": replaced.get(kind), "fields": fields_of(kind)}
        for kind, title in TITLES.items()
    ]
