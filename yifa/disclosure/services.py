"""What a declaration cannot say: the shape of a new request (every bad field at once, nothing written),
its number, lookup code, applicant digest and duplicate flag; then the declared transition runs it."""

from __future__ import annotations

import datetime as dt

from yifa.core.procedure import PUBLIC, Checks, create, fire
from yifa.core.services import PHONE, valid_id_number

from . import rules
from .flows import CATALOGUE_FLOW, FLOW
from .models import ApplicantKind, CatalogueItem, Category, Channel, Request
from .numbering import lookup_code, next_number
from .similarity import applicant_key, earlier_similar

MAX_CONTENT = 5000


def check_applicant(checks: Checks, *, kind, name, id_number="", phone="", content="") -> None:
    checks.choice("applicant_kind", "申请人类型", kind, ApplicantKind)
    checks.text("applicant_name", f"申请人姓名或名称（{rules.APPLICANTS.citation}）", name, limit=100)
    if kind == ApplicantKind.PERSON and id_number and not valid_id_number(id_number.strip()):
        checks.fail("applicant_id_number", "身份证明号码：须为18位居民身份证号码且校验码正确")
    if phone and not PHONE.match(phone.strip()):
        checks.fail("applicant_phone", "联系电话：格式不正确")
    checks.text(
        "content",
        f"申请公开的政府信息（{rules.APPLICANTS.citation}：名称、文号或特征性描述）",
        content,
        limit=MAX_CONTENT,
    )


def _build(*, unit, channel, submitted_on, received_on, kind, name, id_number, phone, address, content, form_wanted):
    def build() -> Request:
        key = applicant_key(name=name, id_number=id_number)
        earlier, same = earlier_similar(unit=unit, content=content, key=key)
        return Request(
            unit=unit,
            number=next_number(unit, (received_on or submitted_on).year),
            lookup_code=lookup_code(),
            channel=channel,
            submitted_on=submitted_on,
            received_on=received_on,
            applicant_kind=kind,
            applicant_name=name.strip(),
            applicant_id_number=id_number.strip().upper(),
            applicant_phone=phone.strip(),
            applicant_address=address.strip(),
            applicant_key=key,
            content=content.strip(),
            form_wanted=form_wanted.strip(),
            similar_to=earlier,
            same_applicant=same,
        )

    return build


def request_apply(
    *,
    unit,
    applicant_kind,
    applicant_name,
    content,
    submitted_on: dt.date,
    applicant_id_number="",
    applicant_phone="",
    applicant_address="",
    form_wanted="",
) -> Request:
    """On the portal (by the public): received once staff confirm it (第三十一条第三项)."""
    checks = Checks()
    check_applicant(
        checks,
        kind=applicant_kind,
        name=applicant_name,
        id_number=applicant_id_number,
        phone=applicant_phone,
        content=content,
    )
    if not (applicant_phone or "").strip():
        checks.fail("applicant_phone", f"联系电话：必须填写（{rules.APPLICANTS.citation}：申请人的联系方式）")
    checks.done()
    build = _build(
        unit=unit,
        channel=Channel.ONLINE,
        submitted_on=submitted_on,
        received_on=None,
        kind=applicant_kind,
        name=applicant_name,
        id_number=applicant_id_number or "",
        phone=applicant_phone or "",
        address=applicant_address or "",
        content=content,
        form_wanted=form_wanted or "",
    )
    return create(FLOW, "apply", build=build, by=PUBLIC, on=submitted_on)


def request_register(
    *,
    by,
    unit,
    channel,
    submitted_on,
    received_on,
    applicant_kind,
    applicant_name,
    content,
    applicant_id_number="",
    applicant_phone="",
    applicant_address="",
    form_wanted="",
    on=None,
) -> Request:
    """By letter, in person, by fax or e-mail: entered by staff with the day of receipt (第三十一条)."""
    checks = Checks()
    checks.choice("channel", "提交方式", channel, Channel)
    check_applicant(
        checks,
        kind=applicant_kind,
        name=applicant_name,
        id_number=applicant_id_number,
        phone=applicant_phone,
        content=content,
    )
    checks.date("submitted_on", "提交日期", submitted_on)
    checks.date("received_on", f"收到申请日期（{rules.RECEIPT.citation}）", received_on)
    checks.done()
    build = _build(
        unit=unit,
        channel=channel,
        submitted_on=submitted_on,
        received_on=received_on,
        kind=applicant_kind,
        name=applicant_name,
        id_number=applicant_id_number or "",
        phone=applicant_phone or "",
        address=applicant_address or "",
        content=content,
        form_wanted=form_wanted or "",
    )
    return create(FLOW, "register", build=build, by=by, on=on)


def request_act(request: Request, name: str, *, by, expected_version=None, on=None, **inputs) -> Request:
    return fire(FLOW, request, name, by=by, expected_version=expected_version, on=on, **inputs)


def catalogue_record(*, by, unit, title, category, formed_on, body="", from_request=None, on=None) -> CatalogueItem:
    checks = Checks()
    checks.text("title", "信息名称", title, limit=200)
    checks.choice("category", f"类别（{rules.PROACTIVE_SCOPE.citation}）", category, Category)
    checks.date("formed_on", f"形成或者变更日期（{rules.PUBLICATION.citation}据此起算）", formed_on)
    checks.done()

    def build():
        return CatalogueItem(
            unit=unit,
            title=title.strip(),
            category=category,
            formed_on=formed_on,
            body=(body or "").strip(),
            from_request=from_request,
        )

    return create(CATALOGUE_FLOW, "record", build=build, by=by, on=on)


def catalogue_publish(item: CatalogueItem, *, by, expected_version=None, on=None) -> CatalogueItem:
    return fire(CATALOGUE_FLOW, item, "publish", by=by, expected_version=expected_version, on=on)
