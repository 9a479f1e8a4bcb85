"""/api/disclosure/: requests in scope, registering one, replying (versioned), the annual report's figures,
and the applicant's public status lookup."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Path, Query, Router, Schema, Status
from ninja.pagination import paginate

from yifa.core import clocks
from yifa.core.access import fetch
from yifa.core.api import DeadlineOut
from yifa.core.crypto import mask_id_number, mask_name, mask_phone
from yifa.core.errors import NotFound
from yifa.core.models import Unit
from yifa.core.pagination import CursorlessPagination
from yifa.core.public_forms import check_misses, missed

from . import queries, report, rules, services
from .access import access_request, public_request
from .portal_views import LOOKUP
from .who import may_act_for

router = Router(tags=["政府信息公开"])


class RequestOut(Schema):
    id: int
    number: str
    unit_id: int
    channel: str
    received_on: dt.date | None
    state: str
    applicant_kind: str
    content: str
    outcome: str
    replied_on: dt.date | None
    similar_to_id: int | None


class RequestDetail(RequestOut):
    applicant_name: str
    applicant_id_number: str
    applicant_phone: str
    outcome_reason: str
    reply_text: str
    public_text: str
    version: int
    clocks: list[DeadlineOut]


class RegisterIn(Schema):
    unit_id: int
    channel: str
    submitted_on: dt.date
    received_on: dt.date
    applicant_kind: str
    applicant_name: str
    applicant_id_number: str = ""
    applicant_phone: str = ""
    applicant_address: str = ""
    content: str
    form_wanted: str = ""


class ReplyIn(Schema):
    version: int
    outcome: str
    outcome_reason: str = ""
    refer_to: str = ""
    reply_text: str
    public_text: str = ""
    on: dt.date | None = None


class StatusOut(Schema):
    number: str
    state_label: str
    received_on: dt.date | None
    reply_due: dt.date | None
    outcome_label: str
    replied_on: dt.date | None
    reply_text: str


@router.get("/requests", response=list[RequestOut])
@paginate(CursorlessPagination)
def list_requests(request, state: str = "", unit: str = "", q: str = ""):
    return queries.request_list(request.user, state=state, unit=unit, q=q)


def _detail(user, r):
    personal = may_act_for(user, r.unit)
    return {
        **{f: getattr(r, f) for f in RequestOut.model_fields},
        "applicant_name": r.applicant_name if personal else mask_name(r.applicant_name),
        "applicant_id_number": r.applicant_id_number if personal else mask_id_number(r.applicant_id_number),
        "applicant_phone": r.applicant_phone if personal else mask_phone(r.applicant_phone),
        "outcome_reason": r.outcome_reason,
        "reply_text": r.reply_text if personal else r.public_text,
        "public_text": r.public_text,
        "version": r.version,
        "clocks": list(clocks.clocks_of(r, open_only=False).order_by("id")),
    }


@router.get("/requests/{pk}", response=RequestDetail)
def get_request(request, pk: int):
    return _detail(request.user, access_request(request.user, pk))


@router.post("/requests", response={201: RequestDetail})
def register_request(request, payload: RegisterIn):
    data = payload.dict()
    unit = fetch(Unit.objects.all(), request.user, data.pop("unit_id"), "pk")
    r = services.request_register(by=request.user, unit=unit, **data)
    return Status(201, _detail(request.user, r))


@router.post("/requests/{pk}/reply", response=RequestDetail)
def reply(request, pk: int, payload: ReplyIn):
    r = access_request(request.user, pk)
    data = payload.dict()
    r = services.request_act(r, "reply", by=request.user, expected_version=data.pop("version"), **data)
    return _detail(request.user, r)


@router.get("/units/{unit_id}/report/{year}")
def annual_report(request, unit_id: int, year: int = Path(..., ge=2008, le=2100)):
    """Tables 二、三、四 with the identity check (第五十条); a government's report compiles its units'."""
    unit = fetch(Unit.objects.all(), request.user, unit_id, "pk")
    return report.figures(unit, year)


class LookupIn(Schema):
    number: str = Field(max_length=60)
    code: str = Field(max_length=12)


@router.get("/status", response=StatusOut, auth=None, openapi_extra={"x-errors": [400, 404, 422, 429]})
def status(request, lookup: Query[LookupIn]):
    """凭申请编号和查询码查询（公众）；查询码错误次数过多的地址暂停查询。"""
    check_misses(request, LOOKUP)
    try:
        r = public_request(lookup.number, lookup.code)
    except NotFound:
        missed(request, LOOKUP)
        raise
    clock = clocks.open_clock(r, rules.REPLY)
    return {
        "number": r.number,
        "state_label": r.get_state_display(),
        "received_on": r.received_on,
        "reply_due": clock.due if clock else None,
        "outcome_label": r.get_outcome_display() if r.outcome else "",
        "replied_on": r.replied_on,
        "reply_text": r.reply_text,
    }
