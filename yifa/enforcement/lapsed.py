"""The demo's and the seed's open case whose second officer's certificate has since expired, made through
the services (立案 checks the certificates on the day of filing), so that the supervision module's nightly
warning has something real to find."""

from __future__ import annotations

import datetime as dt

from yifa.core.models import Role, User

from . import interface as enforcement
from . import services as enforcement_services

DAY = dt.timedelta(days=1)


def open_case_with_lapsed_certificate(*, by, today: dt.date, number: str):
    """``by``: the legal office (it registers officers); the case is filed by a member of the body's unit."""
    filed_on = today - 30 * DAY
    body = enforcement.bodies_with_usable_certificates(filed_on).filter(unit__is_legal_office=False).first()
    if body is None:
        return None
    valid = enforcement.usable_certificates(body, today).first()
    filer = User.objects.filter(
        unit=body.unit, is_active=True, role_grants__role__in=[Role.ENFORCEMENT, Role.HEAD, Role.LIAISON]
    ).first()
    if valid is None or filer is None:
        return None
    officer = enforcement_services.officer_add(by=by, body=body, name="冯证过期", phone="13900000099")
    lapsed = enforcement_services.certificate_issue(
        by=by,
        officer=officer,
        number=f"L{body.pk:04d}{today:%Y%m%d}",
        field=body.fields[:100],
        issuer="省人民政府",
        valid_from=today - 730 * DAY,
        valid_until=today - 3 * DAY,
        on=today - 730 * DAY,
    )
    return enforcement_services.case_file(
        by=filer,
        body=body,
        number=number,
        party_kind="organisation",
        party_name="江临市某某建材有限公司",
        violation="未按规定公示信息",
        violation_on=filed_on - 20 * DAY,
        discovered_on=filed_on - 5 * DAY,
        certificates=[valid, lapsed],
        on=filed_on,
    )
