"""/api/enforcement/: cases in scope with their clocks, the statistics, and the public part (published
decisions with personal data masked, the certificate check)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from yifa.core.clocks import clocks_of
from yifa.core.errors import NotFound, YifaError
from yifa.core.pagination import CursorlessPagination
from yifa.core.procedure import fire

from . import queries
from .access import access_case
from .flows import CASE_FLOW
from .models import Certificate

router = Router(tags=["行政执法"])


class CaseOut(Schema):
    id: int
    number: str
    state: str
    state_label: str
    body: str
    party_name: str
    violation: str
    filed_on: dt.date
    decided_on: dt.date | None
    fine: Decimal | None
    version: int

    @staticmethod
    def resolve_state_label(obj):
        return obj.get_state_display()

    @staticmethod
    def resolve_body(obj):
        return obj.body.name


class ClockOut(Schema):
    title: str
    rule_id: str
    due: dt.date | None
    status: str
    explanation: str


class CaseDetail(CaseOut):
    clocks: list[ClockOut]


class PublicDecisionOut(Schema):
    id: int
    decision_number: str
    party: str
    violation: str
    penalty: str
    fine: Decimal | None
    body: str
    decided_on: dt.date | None
    published_on: dt.date | None

    @staticmethod
    def resolve_party(obj):
        return obj.masked_party

    @staticmethod
    def resolve_penalty(obj):
        return obj.get_heaviest_kind_display()

    @staticmethod
    def resolve_body(obj):
        return obj.body.name


class CertificateCheckOut(Schema):
    number: str
    field: str
    issuer: str
    valid_from: dt.date
    valid_until: dt.date
    status: str


class StatRow(Schema):
    kind: str
    n: int
    amount: Decimal


class StatisticsOut(Schema):
    year: int
    table: list[StatRow]


class PowerOut(Schema):
    code: str
    name: str
    kind: str
    body: str
    legal_basis: str
    benchmark_code: str
    responsible_post: str

    @staticmethod
    def resolve_kind(obj):
        return obj.get_kind_display()

    @staticmethod
    def resolve_body(obj):
        return obj.body.name


class CoercionOut(Schema):
    id: int
    number: str
    kind: str
    state: str
    body: str
    party_name: str
    started_on: dt.date
    version: int

    @staticmethod
    def resolve_body(obj):
        return obj.body.name


class PublishIn(Schema):
    version: int = Field(..., ge=0, description="读取时的版本号（防止覆盖他人的修改）")


@router.get("/cases", response=list[CaseOut])
@paginate(CursorlessPagination)
def cases(request, state: str = ""):
    return queries.cases_for(request.user, state=state)


@router.get("/cases/{int:pk}", response=CaseDetail)
def case(request, pk: int):
    found = access_case(request.user, pk)
    found.clocks = list(clocks_of(found, open_only=False))
    return found


@router.post("/cases/{int:pk}/publish", response=CaseOut)
def publish(request, pk: int, payload: PublishIn):
    found = access_case(request.user, pk)
    return fire(CASE_FLOW, found, "publish", by=request.user, expected_version=payload.version)


@router.get("/statistics", response=StatisticsOut)
def statistics(request, year: int):
    if not 2000 <= year <= 2100:
        raise YifaError("year：须为2000至2100之间的年份", field="year")
    return {"year": year, "table": queries.statistics(request.user, year)["table"]}


@router.get("/coercion", response=list[CoercionOut])
@paginate(CursorlessPagination)
def coercion_cases(request, state: str = ""):
    return queries.coercion_for(request.user, state=state)


@router.get("/public/powers", response=list[PowerOut], auth=None)
@paginate(CursorlessPagination)
def public_powers(request, q: str = ""):
    """执法事项清单 as published: powers in use with their basis, holder, benchmark and responsible post."""
    return queries.powers(q=q[:50], active_only=True)


@router.get("/public/decisions", response=list[PublicDecisionOut], auth=None)
@paginate(CursorlessPagination)
def public_decisions(request):
    return queries.public_decisions()


@router.get("/public/certificates/{code}", response=CertificateCheckOut, auth=None)
def certificate_check(request, code: str):
    found = Certificate.objects.filter(code=code).first()
    if found is None:
        raise NotFound("没有该执法证")
    found.status = found.status_label_on(timezone.localdate())
    return found
