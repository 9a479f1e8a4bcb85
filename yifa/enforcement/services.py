"""What the declarations cannot say: registers written through the kit's ``add``/``change``, records made by
a creating act (a certificate, a case), and the benchmark import. Inputs are checked before anything is written."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from yifa.core.procedure import LEGAL_OFFICE, Checks, add, change, create, fire

from . import rules
from .flows import CASE_FLOW, CERTIFICATE_FLOW
from .models import Body, BodyKind, Case, Certificate, LegalReviewer, Officer, PartyKind


def body_add(*, by, unit, name, fields, legal_basis, kind=BodyKind.STATUTORY, **extra) -> Body:
    checks = Checks()
    name = checks.text("name", "主体名称", name, limit=100)
    checks.text("fields", "执法领域", fields, limit=200)
    checks.text("legal_basis", f"主体资格依据（{rules.BODY_REGISTER.citation}）", legal_basis)
    checks.choice("kind", "主体类型", kind, BodyKind)
    if kind == BodyKind.CONSOLIDATED:
        for field, label in (
            ("transferred_from", "行政处罚权划出部门"),
            ("transferred_powers", "集中行使的处罚权"),
            ("transfer_act", "决定文件"),
        ):
            checks.text(field, f"{label}（{rules.CONSOLIDATION.citation}）", extra.get(field))
    if name and Body.objects.filter(name=name).exists():
        checks.fail("name", f"主体名称：“{name}”已登记")
    checks.done()
    body = Body(unit=unit, name=name, kind=kind, fields=fields.strip(), legal_basis=legal_basis.strip(), **extra)
    return add(body, by=by, who=LEGAL_OFFICE, action="enforcement.body_add", label="登记执法主体")


def officer_add(*, by, body, name, id_number="", phone="", user=None) -> Officer:
    checks = Checks()
    name = checks.text("name", "姓名", name, limit=50)
    checks.done()
    officer = Officer(body=body, name=name, id_number=id_number.strip(), phone=phone.strip(), user=user)
    return add(officer, by=by, who=LEGAL_OFFICE, action="enforcement.officer_add", label="登记执法人员")


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
