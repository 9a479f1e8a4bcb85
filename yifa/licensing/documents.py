"""行政许可文书 as .docx in the official-document layout (GB/T 9704, ``lib.official_docx``): each kind
declares its title, addressee, body and when an application has the facts it states (so no page tests a
state by name). The certificate and the item's 告知承诺书 are built from their own records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from yifa.core import clocks
from yifa.core.errors import GateBlocked
from yifa.lib.deadlines import zh_date
from yifa.lib.official_docx import Heading, official_docx

from . import rules
from .flows import decision_rule
from .models import AppState


def _d(day: dt.date | None) -> str:
    return zh_date(day) if day else "—"


def _clock_due(app, rule) -> dt.date | None:
    clock = clocks.clocks_of(app, rule=rule, open_only=False).order_by("-id").first()
    return clock.due if clock is not None else None


def _remedies() -> str:
    return (
        "如不服本决定，可以自知道本决定之日起六十日内依法申请行政复议"
        f"（{rules.REMEDY_RECONSIDERATION.citation}），或者自知道本决定之日起六个月内依法向人民法院提起行政诉讼"
        f"（{rules.REMEDY_LITIGATION.citation}）。"
    )


def _received(app) -> str:
    return f"你（单位）于{_d(app.received_on)}提出的{app.item.name}申请（申请编号{app.number}）"


def _acceptance(app) -> list:
    due = _clock_due(app, decision_rule(app))
    lines = [
        f"{_received(app)}，申请材料齐全、符合法定形式，本机关决定自{_d(app.accepted_on)}起受理。",
    ]
    if app.deemed_accepted:
        lines.append(
            f"本机关未在法定期限内一次告知需要补正的内容，自收到申请材料之日起即为受理（{rules.DEEMED_ACCEPTED.citation}）。"
        )
    if app.by_promise and app.decided_on == app.accepted_on:
        lines.append(
            f"你（单位）已选择告知承诺方式并签署告知承诺书，本机关当场作出行政许可决定（{rules.PROMISE_DECISION.citation}）。"
        )
    elif due:
        rule = decision_rule(app)
        lines.append(
            f"本机关将于{_d(due)}前作出行政许可决定（{rule.citation}：自受理之日起{rule.days}个工作日；"
            f"听证、检验、检测、鉴定、专家评审等所需时间不计入，{rules.EXCLUDED_TIME.citation}）。"
        )
    lines += [
        f"受理凭证编号：{app.voucher_number}。查询码：{app.lookup_code}。",
        f"（{rules.ACCEPTANCE_VOUCHER.citation}）",
    ]
    return lines


def _not_accepted(app) -> list:
    return [
        f"{_received(app)}，经审查，{app.outcome_reason}",
        f"本机关决定不予受理（{rules.ACCEPTANCE_VOUCHER.citation}）。",
        _remedies(),
    ]


def _correction(app) -> list:
    return [
        f"{_received(app)}，经审查，申请材料不齐全或者不符合法定形式。现一次告知需要补正的全部内容：",
        app.correction_items,
        f"请按上述内容补正后提交，本机关收到全部补正材料后依法办理（{rules.CORRECTION_NOTICE.citation}）。",
    ]


def _grant(app) -> list:
    lines = [
        f"{_received(app)}，本机关于{_d(app.accepted_on)}受理。",
        f"经审查，你（单位）的申请符合法定条件、标准，根据{app.item.basis}的规定，本机关决定准予行政许可。",
        f"许可事项：{app.item.name}。许可内容：{app.summary}",
    ]
    if app.by_promise:
        lines.append(
            "本决定依你（单位）签署的告知承诺书作出。本机关将依法核查承诺内容；承诺不实的，依法撤销本许可并记入信用记录"
            f"（{rules.FALSE_PROMISE.citation}）。"
        )
    lines.append(f"本机关将自本决定作出之日起十个工作日内颁发、送达许可证件（{rules.CERTIFICATE.citation}）。")
    lines.append(f"本决定依法予以公开（{rules.DECISION_PUBLICATION.citation}）。")
    return lines


def _refuse(app) -> list:
    return [
        f"{_received(app)}，本机关于{_d(app.accepted_on)}受理。",
        Heading("不予许可的理由"),
        app.outcome_reason,
        f"本机关决定不予行政许可（{rules.REFUSAL_REASONS.citation}）。",
        _remedies(),
    ]


def _extension(app) -> list:
    rule = decision_rule(app)
    return [
        f"{_received(app)}，本机关于{_d(app.accepted_on)}受理。因{app.extension_reason}，"
        f"{rule.days}个工作日内不能作出决定，经本机关负责人批准，决定期限延长，"
        f"延长后于{_d(_clock_due(app, rule))}前作出决定（{rule.citation}）。",
    ]


def _exclusion(app) -> list:
    return [
        f"{_received(app)}，本机关于{_d(app.accepted_on)}受理。依法需要进行{app.get_excluded_kind_display()}，"
        f"所需时间不计入作出行政许可决定的期限（{rules.EXCLUDED_TIME.citation}）：",
        app.excluded_notice,
    ]


def _hearing(app) -> list:
    due = _clock_due(app, rules.HEARING_REQUEST)
    return [
        f"{_received(app)}，本机关于{_d(app.accepted_on)}受理。该许可事项直接涉及申请人与他人之间重大利益关系，"
        f"你（单位）享有要求听证的权利（{rules.HEARING_RIGHTS.citation}）。",
        f"要求听证的，请于{_d(due)}前（被告知之日起五日内）向本机关提出；本机关将在收到申请之日起二十个工作日内组织听证，"
        f"并于举行听证的七日前通知时间、地点（{rules.HEARING_REQUEST.citation}、{rules.HEARING_NOTICE.citation}）。"
        "逾期未提出的，视为放弃听证权利。",
    ]


@dataclass(frozen=True)
class Doc:
    title: str
    body: Callable[..., list]
    offered: Callable[..., bool]
    number: Callable[..., str] = lambda app: ""


GRANTED_ONCE = (AppState.GRANTED, AppState.ISSUED, AppState.REVOKED)

KINDS: dict[str, Doc] = {
    "acceptance": Doc("受理通知书", _acceptance, lambda app: bool(app.accepted_on), lambda app: app.voucher_number),
    "not_accepted": Doc("不予受理决定书", _not_accepted, lambda app: app.state == AppState.NOT_ACCEPTED),
    "correction": Doc("补正材料告知书", _correction, lambda app: bool(app.correction_notice_on)),
    "extension": Doc("延长审查期限告知书", _extension, lambda app: bool(app.extension_reason)),
    "exclusion": Doc("不计入审查期限告知书", _exclusion, lambda app: bool(app.excluded_notice)),
    "hearing": Doc("听证告知书", _hearing, lambda app: bool(app.hearing_rights_on)),
    "grant": Doc(
        "准予行政许可决定书",
        _grant,
        lambda app: app.state in GRANTED_ONCE and bool(app.decided_on),
        lambda app: app.decision_number,
    ),
    "refuse": Doc(
        "不予行政许可决定书", _refuse, lambda app: app.state == AppState.REFUSED, lambda app: app.decision_number
    ),
}


def offered(app) -> dict[str, Doc]:
    return {kind: doc for kind, doc in KINDS.items() if doc.offered(app)}


def generate(app, kind: str, *, today: dt.date | None = None) -> tuple[str, bytes]:
    """(file name, .docx bytes) of one document, if the application's facts allow it."""
    doc = KINDS[kind]
    if not doc.offered(app):
        raise GateBlocked(f"制作{doc.title}", [f"该申请（{app.get_state_display()}）没有{doc.title}所载的事项"])
    content = official_docx(
        organ=app.unit.name,
        title=doc.title,
        number=doc.number(app),
        addressee=f"{app.applicant_name}：",
        body=doc.body(app),
        signature=app.unit.name,
        date=zh_date(_dated(app, kind) or today or timezone.localdate()),
    )
    return f"{app.number}{doc.title}.docx", content


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
    content = official_docx(
        organ=cert.unit.name,
        title=f"{cert.item.name}许可证",
        number=f"编号：{cert.number}",
        body=[
            f"被许可人：{cert.holder_name}",
            f"许可事项：{cert.item.name}",
            f"许可决定：{cert.application.decision_number or '—'}（{_d(cert.application.decided_on)}）",
            f"有效期：{_d(cert.issued_on)}至{_d(cert.valid_until) if cert.valid_until else '长期'}",
            f"有效期届满需要延续的，应当在届满三十日前向发证机关提出申请（{rules.RENEWAL_APPLICATION.citation}）。",
        ],
        signature=cert.unit.name,
        date=zh_date(cert.issued_on),
    )
    return f"{cert.number}许可证.docx", content


def promise_letter_docx(item) -> tuple[str, bytes]:
    """The item's 告知承诺书, for the applicant to sign (国办发〔2020〕42号)."""
    content = official_docx(
        title=f"{item.name}告知承诺书",
        body=[
            *[line for line in item.promise_text.splitlines() if line.strip()],
            f"（{rules.PROMISE_TEXT.citation}）",
            "承诺人（签字或盖章）：",
            "日期：",
        ],
        seal=False,
    )
    return f"{item.name}告知承诺书.docx", content
