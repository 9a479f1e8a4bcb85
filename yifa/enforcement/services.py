"""What the declarations cannot say: registers written through the kit's ``add``/``change``, records made by
a creating act (a certificate, a case), and the benchmark import. Inputs are checked before anything is written."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from yifa.core.models import Role
from yifa.core.procedure import LEGAL_OFFICE, Checks, add, change, create, fire, in_unit_of

from . import rules
from .flows import CASE_FLOW, CERTIFICATE_FLOW
from .models import (
    Appraisal,
    AppraisalGrade,
    Body,
    BodyKind,
    Case,
    Certificate,
    LegalReviewer,
    Officer,
    PartyKind,
    Power,
    PowerKind,
)

BODY_TRANSFER_FIELDS = (
    ("transferred_from", "行政处罚权划出部门"),
    ("transferred_powers", "集中行使的处罚权"),
    ("transfer_act", "决定文件"),
)
power_keeper = LEGAL_OFFICE | in_unit_of(Role.HEAD, Role.LIAISON, label="实施主体所在单位负责人或联络员")


def _body_checks(*, name, fields, legal_basis, kind, extra, pk=None) -> str:
    checks = Checks()
    name = checks.text("name", "主体名称", name, limit=100)
    checks.text("fields", "执法领域", fields, limit=200)
    checks.text("legal_basis", f"主体资格依据（{rules.BODY_REGISTER.citation}）", legal_basis)
    checks.choice("kind", "主体类型", kind, BodyKind)
    if kind == BodyKind.CONSOLIDATED:
        for field, label in BODY_TRANSFER_FIELDS:
            checks.text(field, f"{label}（{rules.CONSOLIDATION.citation}）", extra.get(field))
    if name and Body.objects.filter(name=name).exclude(pk=pk).exists():
        checks.fail("name", f"主体名称：“{name}”已登记")
    checks.done()
    return name


def _stripped(extra: dict) -> dict:
    return {k: v.strip() if isinstance(v, str) else v for k, v in extra.items()}


def body_add(*, by, unit, name, fields, legal_basis, kind=BodyKind.STATUTORY, **extra) -> Body:
    name = _body_checks(name=name, fields=fields, legal_basis=legal_basis, kind=kind, extra=extra)
    body = Body(
        unit=unit, name=name, kind=kind, fields=fields.strip(), legal_basis=legal_basis.strip(), **_stripped(extra)
    )
    return add(body, by=by, who=LEGAL_OFFICE, action="enforcement.body_add", label="登记执法主体")


def body_change(*, by, body, expected_version, name, fields, legal_basis, kind, **extra) -> Body:
    """A change of a body's record, including a 相对集中处罚权 transfer (处罚法第十八条第二款)."""
    name = _body_checks(name=name, fields=fields, legal_basis=legal_basis, kind=kind, extra=extra, pk=body.pk)
    if kind != BodyKind.CONSOLIDATED:
        extra.update({field: "" for field, _ in BODY_TRANSFER_FIELDS})
    values = {"name": name, "fields": fields.strip(), "legal_basis": legal_basis.strip(), "kind": kind}
    return change(
        body,
        by=by,
        who=LEGAL_OFFICE,
        action="enforcement.body_change",
        label="修改执法主体",
        apply={**values, **_stripped(extra)},
        expected_version=expected_version,
    )


def officer_add(*, by, body, name, id_number="", phone="", user=None) -> Officer:
    checks = Checks()
    name = checks.text("name", "姓名", name, limit=50)
    checks.done()
    officer = Officer(body=body, name=name, id_number=id_number.strip(), phone=phone.strip(), user=user)
    return add(officer, by=by, who=LEGAL_OFFICE, action="enforcement.officer_add", label="登记执法人员")


def officer_change(*, by, officer, expected_version, body, name, id_number="", phone="", user=None) -> Officer:
    """Personal fields left blank keep what is stored: the page never shows them in clear."""
    checks = Checks()
    name = checks.text("name", "姓名", name, limit=50)
    checks.done()
    values = {"body": body, "name": name, "user": user}
    for field, value in (("id_number", id_number), ("phone", phone)):
        if (value or "").strip():
            values[field] = value.strip()
    return change(
        officer,
        by=by,
        who=LEGAL_OFFICE,
        action="enforcement.officer_change",
        label="修改执法人员信息",
        apply=values,
        expected_version=expected_version,
    )


def _power_checks(*, code, name, kind, legal_basis, responsible_post, pk=None) -> Checks:
    checks = Checks()
    code = checks.text("code", "事项编码", code, limit=40)
    checks.text("name", "事项名称", name, limit=200)
    checks.choice("kind", "事项类别", kind, PowerKind)
    checks.text("legal_basis", f"设定和实施依据（{rules.POWER_CATALOGUE.citation}）", legal_basis)
    checks.text("responsible_post", f"责任岗位（{rules.RESPONSIBILITY.citation}）", responsible_post, limit=100)
    if code and Power.objects.filter(code=code).exclude(pk=pk).exists():
        checks.fail("code", f"事项编码：“{code}”已登记")
    checks.done()
    return checks


def power_add(*, by, body, code, name, kind, legal_basis, responsible_post, benchmark_code="") -> Power:
    _power_checks(code=code, name=name, kind=kind, legal_basis=legal_basis, responsible_post=responsible_post)
    power = Power(
        body=body,
        code=code.strip(),
        name=name.strip(),
        kind=kind,
        legal_basis=legal_basis.strip(),
        responsible_post=responsible_post.strip(),
        benchmark_code=(benchmark_code or "").strip(),
    )
    return add(power, by=by, who=power_keeper, action="enforcement.power_add", label="登记执法事项")


def power_change(*, by, power, expected_version, body, code, name, kind, legal_basis, responsible_post, **extra):
    _power_checks(
        code=code, name=name, kind=kind, legal_basis=legal_basis, responsible_post=responsible_post, pk=power.pk
    )
    values = {
        "body": body,
        "code": code.strip(),
        "name": name.strip(),
        "kind": kind,
        "legal_basis": legal_basis.strip(),
        "responsible_post": responsible_post.strip(),
        "benchmark_code": (extra.get("benchmark_code") or "").strip(),
        "active": extra.get("active", power.active),
    }
    return change(
        power,
        by=by,
        who=power_keeper,
        action="enforcement.power_change",
        label="修改执法事项",
        apply=values,
        expected_version=expected_version,
    )


def appraisal_add(*, by, officer, year, grade, remark="", on=None) -> Appraisal:
    """One year's 评议考核 of an officer (处罚法第七十五条; rules.PROVINCIAL_APPRAISAL), once per year."""
    on = on or timezone.localdate()
    checks = Checks()
    checks.choice("grade", f"评议考核结果（{rules.APPRAISAL.citation}）", grade, AppraisalGrade)
    if not isinstance(year, int) or not 2000 <= year <= on.year:
        checks.fail("year", f"考核年度：须为2000年至{on.year}年之间的年份")
    elif Appraisal.objects.filter(officer=officer, year=year).exists():
        checks.fail(
            "year", f"考核年度：{officer.name}的{year}年度评议考核已登记（{rules.APPRAISAL.citation}：每年一次）"
        )
    checks.done()
    appraisal = Appraisal(officer=officer, year=year, grade=grade, remark=(remark or "").strip(), appraised_on=on)
    return add(appraisal, by=by, who=LEGAL_OFFICE, action="enforcement.appraisal_add", label="登记评议考核")


def reviewer_add(*, by, unit, user, qualification_number, since: dt.date) -> LegalReviewer:
    checks = Checks()
    checks.text(
        "qualification_number",
        f"法律职业资格证书编号（{rules.REVIEWER_QUALIFICATION.citation}）",
        qualification_number,
        limit=40,
    )
    checks.done()
    reviewer = LegalReviewer(unit=unit, user=user, qualification_number=qualification_number.strip(), since=since)
    return add(reviewer, by=by, who=LEGAL_OFFICE, action="enforcement.reviewer_add", label="登记法制审核人员")


def certificate_issue(*, by, officer, number, field, issuer, valid_from, valid_until, on=None) -> Certificate:
    checks = Checks()
    number = checks.text("number", "证件编号", number, limit=40)
    checks.text("field", "执法领域", field, limit=100)
    checks.text("issuer", "发证机关", issuer, limit=100)
    if number and Certificate.objects.filter(number=number).exists():
        checks.fail("number", f"证件编号：“{number}”已存在")
    checks.done()
    return create(
        CERTIFICATE_FLOW,
        "issue",
        build=lambda: Certificate(
            officer=officer,
            number=number,
            field=field.strip(),
            issuer=issuer.strip(),
            valid_from=valid_from,
            valid_until=valid_until,
        ),
        by=by,
        on=on,
    )


def certificate_renew(*, by, certificate, valid_until, expected_version=None, on=None) -> Certificate:
    return fire(
        CERTIFICATE_FLOW,
        certificate,
        "renew",
        by=by,
        valid_until=valid_until,
        expected_version=expected_version,
        on=on,
    )


def case_file(
    *,
    by,
    body,
    number,
    party_kind,
    party_name,
    violation,
    violation_on,
    discovered_on,
    certificates,
    party_id_number="",
    grave=False,
    major_public_interest=False,
    social_impact=True,
    on=None,
) -> Case:
    checks = Checks()
    number = checks.text("number", "案号", number, limit=60)
    checks.choice("party_kind", "当事人类型", party_kind, PartyKind)
    party_name = checks.text("party_name", "当事人", party_name, limit=100)
    violation = checks.text("violation", "违法行为", violation, limit=300)
    checks.date("violation_on", "违法行为发生（终了）日", violation_on)
    checks.date("discovered_on", "发现日", discovered_on)
    checks.done()
    filed_on = on or timezone.localdate()
    return create(
        CASE_FLOW,
        "file",
        build=lambda: Case(
            body=body,
            unit=body.unit,
            number=number,
            party_kind=party_kind,
            party_name=party_name,
            party_id_number=party_id_number.strip(),
            violation=violation,
            violation_on=violation_on,
            discovered_on=discovered_on,
            grave=grave,
            major_public_interest=major_public_interest,
            social_impact=social_impact,
            filed_on=filed_on,
        ),
        by=by,
        on=filed_on,
        certificates=list(certificates),
    )


def benchmark_publish(*, by, benchmark, on, expected_version=None):
    """法制机构审核后公布 (处罚法第三十四条)."""
    return change(
        benchmark,
        by=by,
        who=LEGAL_OFFICE,
        action="enforcement.benchmark_publish",
        label="审核并公布裁量基准",
        apply={"state": "published", "reviewed_by": by, "published_on": on},
        expected_version=expected_version,
    )


def money(text) -> Decimal | None:
    try:
        value = Decimal(str(text).replace(",", "").strip())
    except (ArithmeticError, ValueError):
        return None
    return value if value.is_finite() and value >= 0 else None
