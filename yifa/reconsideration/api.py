"""/api/reconsideration/: cases (scoped), intake, statistics, and the public status lookup."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from yifa.core import clocks
from yifa.core.access import can_see_personal_data
from yifa.core.api import DeadlineOut, year_query
from yifa.core.crypto import mask_id_number, mask_phone
from yifa.core.errors import NotFound
from yifa.core.pagination import CursorlessPagination
from yifa.core.public_forms import check_misses, missed

from . import queries, services
from .access import access_case
from .intake import public_lookup
from .periods import decision_clock
from .portal_views import LOOKUP

router = Router(tags=["行政复议"])


class CaseOut(Schema):
    id: int
    number: str
    case_number: str | None
    receipt_number: str
    state: str
    state_label: str
    procedure: str
    received_on: dt.date
    accepted_on: dt.date | None
    respondent_name: str
    act_title: str
    closed_on: dt.date | None
    version: int

    @staticmethod
    def resolve_state_label(obj):
        return obj["state_label"] if isinstance(obj, dict) else obj.get_state_display()


class PartyOut(Schema):
    role: str
    name: str
    id_number: str
    phone: str


class CaseDetail(CaseOut):
    law_year: int
    deemed_accepted: bool
    decision_type: str
    parties: list[PartyOut]
    clocks: list[DeadlineOut]


class PartyIn(Schema):
    role: str = "applicant"
    kind: str = "person"
    name: str
    id_number: str = ""
    phone: str = ""
    address: str = ""


class CaseIn(Schema):
    channel: str
    received_on: dt.date
    parties: list[PartyIn]
    respondent_unit_id: int | None = None
    respondent_name: str = ""
    act_title: str
    act_type: str
    act_date: dt.date
    known_on: dt.date
    requests: str
    facts_reasons: str


class ProposeIn(Schema):
    """提交决定审批：决定类型、经审理查明的事实、审查意见与理由（第六十一条）。"""

    decision_type: str = Field(max_length=20)
    findings: str = Field("", max_length=20000)
    decision_text: str = Field(max_length=20000)
    compensation: str = Field("", max_length=20000)
    version: int = Field(..., ge=0, description="读取时的版本号（案件详情给出；防止覆盖他人的修改）")


class StatusOut(Schema):
    number: str
    state_label: str
    received_on: dt.date
    accepted_on: dt.date | None
    decision_due: dt.date | None
    receipt_number: str | None = Field(None, description="网上申请超出限额暂存时的收件编号")
    reason: str = Field("", description="暂存或未予登记的原因")


@router.get("/cases", response=list[CaseOut])
@paginate(CursorlessPagination)
def list_cases(request, state: str = "", q: str = ""):
    return queries.case_list(request.user, state=state, q=q)


@router.get("/cases/{pk}", response=CaseDetail)
def get_case(request, pk: int):
    case = access_case(request.user, pk)
    personal = can_see_personal_data(request.user)
    parties = [
        {
            "role": p.role,
            "name": p.name,
            "id_number": p.id_number if personal else mask_id_number(p.id_number),
            "phone": p.phone if personal else mask_phone(p.phone),
        }
        for p in case.parties.all()
    ]
    return {
        **{f: getattr(case, f) for f in CaseOut.model_fields if f != "state_label"},
        "id": case.pk,
        "state_label": case.get_state_display(),
        "law_year": case.law_year,
        "deemed_accepted": case.deemed_accepted,
        "decision_type": case.decision_type,
        "parties": parties,
        "clocks": list(clocks.clocks_of(case, open_only=False).order_by("id")),
    }


@router.post("/cases", response={201: CaseOut})
def create_case(request, payload: CaseIn):
    data = payload.dict()
    unit_id = data.pop("respondent_unit_id")
    data["parties"] = [dict(p) for p in data["parties"]]
    case = services.case_receive(by=request.user, respondent_unit=queries.unit(unit_id), **data)
    return Status(201, case)


@router.post("/cases/{pk}/propose", response=CaseOut)
def propose(request, pk: int, payload: ProposeIn):
    case = access_case(request.user, pk)
    data = payload.dict()
    return services.case_propose(case=case, by=request.user, expected_version=data.pop("version"), **data)


@router.get("/statistics")
def statistics(request, year: int | None = year_query()):
    return queries.statistics(request.user, year or timezone.localdate().year)


class LookupIn(Schema):
    number: str = Field(max_length=60)
    code: str = Field(max_length=12)


@router.get("/status", response=StatusOut, auth=None, openapi_extra={"x-errors": [400, 404, 422, 429]})
def status(request, lookup: Query[LookupIn]):
    check_misses(request, LOOKUP)
    try:
        case, held = public_lookup(lookup.number, lookup.code)
    except NotFound:
        missed(request, LOOKUP)
        raise
    receipt = held.receipt_number if held else None
    if case is None:  # still queued (待受理（排队中）) or not registered, like the portal page says
        return {
            "number": receipt,
            "state_label": held.public_state_label,
            "received_on": held.received_on,
            "accepted_on": None,
            "decision_due": None,
            "receipt_number": receipt,
            "reason": held.held_reason,
        }
    clock = decision_clock(case)
    return {
        "number": case.number,
        "state_label": case.get_state_display(),
        "received_on": case.received_on,
        "accepted_on": case.accepted_on,
        "decision_due": clock.due if clock else None,
        "receipt_number": receipt,
    }
