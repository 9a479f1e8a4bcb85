"""/api/licensing/: the published item list, applications in scope (with their clocks), acts on an
application (versioned), certificates, and the public status and certificate lookups."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from yifa.core.access import can_see_personal_data
from yifa.core.api import DeadlineOut
from yifa.core.crypto import mask_id_number, mask_phone
from yifa.core.errors import NotFound
from yifa.core.pagination import CursorlessPagination
from yifa.core.procedure import fire
from yifa.core.public_forms import check_misses, missed

from . import queries
from .access import access_application
from .flows import APPLICATIONS, organ_staff
from .portal_views import LOOKUP

router = Router(tags=["行政许可"])


class ItemOut(Schema):
    id: int
    code: str
    name: str
    unit: str
    department: str
    basis: str
    conditions: str
    materials: list[str]
    fee_standard: str
    fee_basis: str
    statutory_days: int
    promised_days: int | None
    validity_years: int | None
    state: str

    @staticmethod
    def resolve_unit(obj):
        return obj.unit.name

    @staticmethod
    def resolve_materials(obj):
        return obj.material_list


class ApplicationOut(Schema):
    id: int
    number: str | None
    item: str
    unit: str
    channel: str
    state: str
    state_label: str
    received_on: dt.date
    accepted_on: dt.date | None
    deemed_accepted: bool
    decided_on: dt.date | None
    version: int

    @staticmethod
    def resolve_item(obj):
        return obj.item.name

    @staticmethod
    def resolve_unit(obj):
        return obj.unit.name

    @staticmethod
    def resolve_state_label(obj):
        return obj.get_state_display()


class ApplicationDetail(ApplicationOut):
    applicant_name: str
    applicant_id_number: str
    applicant_phone: str
    correction_items: str
    voucher_number: str
    clocks: list[DeadlineOut]


class ActIn(Schema):
    version: int = Field(..., ge=0)
    reason: str = Field("", max_length=5000)
    items: str = Field("", max_length=5000, description="补正内容（request_correction）")
    days: int | None = Field(None, ge=1, le=15, description="延长工作日数（extend）")
    kind: str = Field("", max_length=20, description="不计时事项（exclude）")
    notice: str = Field("", max_length=2000, description="书面告知所需时间（exclude）")
    decision_number: str = Field("", max_length=60, description="决定书文号（grant、refuse）")
    number: str = Field("", max_length=60, description="证件编号（issue）")


ACTS = {"request_correction", "receive_correction", "accept", "not_accept", "extend", "exclude", "end_exclusion",
        "tell_hearing_rights", "request_hearing", "grant", "refuse", "issue"}  # fmt: skip


class CertificateOut(Schema):
    id: int
    number: str
    item: str
    unit: str
    issued_on: dt.date
    valid_until: dt.date | None
    state: str

    @staticmethod
    def resolve_item(obj):
        return obj.item.name

    @staticmethod
    def resolve_unit(obj):
        return obj.unit.name


class StatusOut(Schema):
    number: str
    item: str
    state_label: str
    accepted_on: dt.date | None
    decision_due: dt.date | None


class LookupIn(Schema):
    number: str = Field(..., max_length=30)
    code: str = Field(..., max_length=12)


def _detail(request, app) -> ApplicationDetail:
    sees = can_see_personal_data(request.user) or organ_staff(request.user, app)
    app.clocks = queries.application_clocks(app)
    if not sees:
        app.applicant_id_number = mask_id_number(app.applicant_id_number)
        app.applicant_phone = mask_phone(app.applicant_phone)
    return app


@router.get("/items", response=list[ItemOut], summary="已公布的行政许可事项清单", auth=None)
@paginate(CursorlessPagination)
def item_list(request, q: str = Query("", max_length=100)):
    return queries.public_items(q)


@router.get("/applications", response=list[ApplicationOut], summary="本人可见的许可申请")
@paginate(CursorlessPagination)
def application_list(request, state: str = Query("", max_length=20), q: str = Query("", max_length=100)):
    return queries.applications(request.user, state=state, q=q)


@router.get("/applications/{pk}", response=ApplicationDetail, summary="一件申请及其期限")
def application_detail(request, pk: int):
    return _detail(request, access_application(request.user, pk))


@router.post(
    "/applications/{pk}/{act}", response=ApplicationDetail, summary="办理：补正、受理、延长、不计时、听证、决定、发证"
)
def application_act(request, pk: int, act: str, payload: ActIn):
    if act not in ACTS:
        raise NotFound(f"没有名为“{act}”的操作")
    app = access_application(request.user, pk)
    inputs = {k: v for k, v in payload.dict().items() if k != "version" and v not in ("", None)}
    app = fire(APPLICATIONS, app, act, by=request.user, expected_version=payload.version, **inputs)
    return _detail(request, app)


@router.get("/certificates", response=list[CertificateOut], summary="本人可见的许可证件")
@paginate(CursorlessPagination)
def certificate_list(request, state: str = Query("", max_length=20)):
    return queries.certificates(request.user, state=state)


@router.get(
    "/status",
    response=StatusOut,
    summary="凭申请编号和查询码查询办理进度（公众）",
    auth=None,
    openapi_extra={"x-errors": [400, 404, 422, 429]},
)
def status(request, lookup: Query[LookupIn]):
    check_misses(request, LOOKUP)
    try:
        app = queries.public_application(lookup.number, lookup.code)
    except NotFound:
        missed(request, LOOKUP)
        raise
    clock = queries.decision_clock(app)
    return {
        "number": app.number,
        "item": app.item.name,
        "state_label": app.get_state_display(),
        "accepted_on": app.accepted_on,
        "decision_due": clock.due if clock and clock.status == "running" else None,
    }


@router.get(
    "/certificates/lookup",
    response=CertificateOut,
    summary="凭证件编号查验许可证件（公众，不含被许可人信息）",
    auth=None,
)
def certificate_lookup(request, number: str = Query(..., max_length=60)):
    return queries.public_certificate(number)
