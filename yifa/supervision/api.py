"""/api/supervision/: warnings, filings (filing and review, versioned), complaints' 督办, notices, campaigns' results,
and 问责 cases — the last only for the legal office and each case's investigators (404 for everyone else)."""

from __future__ import annotations

import datetime as dt

from ninja import Router, Schema
from ninja.pagination import paginate

from yifa.core import clocks
from yifa.core.api import DeadlineOut
from yifa.core.pagination import CursorlessPagination
from yifa.core.procedure import fire

from . import queries, services
from .access import (
    access_accountability,
    access_campaign,
    access_complaint,
    access_filing,
    access_notice,
    accountability_visible,
)
from .flows import FILING_FLOW

router = Router(tags=["执法监督与问责"])


class AlertOut(Schema):
    id: int
    kind: str
    unit_id: int
    title: str
    detail: str
    link: str
    state: str
    found_on: dt.date
    cleared_on: dt.date | None


class FilingOut(Schema):
    id: int
    unit_id: int
    case_id: int
    case_number: str
    decision_number: str
    decided_on: dt.date
    state: str
    filed_on: dt.date | None
    outcome: str
    opinion: str
    reviewed_on: dt.date | None
    version: int


class FilingDetail(FilingOut):
    clocks: list[DeadlineOut]


class FileIn(Schema):
    version: int
    note: str = ""
    on: dt.date | None = None


class ReviewIn(Schema):
    version: int
    outcome: str
    opinion: str = ""
    on: dt.date | None = None


class NoticeOut(Schema):
    id: int
    unit_id: int
    number: str
    kind: str
    source: str
    subject: str
    text: str
    state: str
    issued_on: dt.date
    done_on: dt.date | None
    on_time: bool | None


class UnitResult(Schema):
    unit: str
    drawn: int
    scored: int
    passed: int
    failed: int
    vetoed: int
    average: float | None


class CampaignOut(Schema):
    id: int
    name: str
    kind: str
    state: str
    seed: int | None
    population: int
    sample: list[str]
    results: list[UnitResult]


class AccountabilityOut(Schema):
    id: int
    number: str
    unit_id: int
    person_name: str
    person_post: str
    source: str
    state: str
    opened_on: dt.date
    sanction_law: str
    sanction: str
    decided_on: dt.date | None
    published_on: dt.date | None


@router.get("/warnings", response=list[AlertOut])
@paginate(CursorlessPagination)
def list_warnings(request, state: str = "open"):
    return queries.alerts_for(request.user, state=state if state in ("open", "cleared") else "")


@router.get("/filings", response=list[FilingOut])
@paginate(CursorlessPagination)
def list_filings(request, state: str = ""):
    return queries.filings_for(request.user, state=state if state in ("awaiting", "filed", "reviewed") else "")


def _filing(f) -> dict:
    return {**{k: getattr(f, k) for k in FilingOut.model_fields}, "clocks": list(clocks.clocks_of(f, open_only=False))}


@router.get("/filings/{pk}", response=FilingDetail)
def get_filing(request, pk: int):
    return _filing(access_filing(request.user, pk))


@router.post("/filings/{pk}/file", response=FilingDetail)
def file_filing(request, pk: int, payload: FileIn):
    found = access_filing(request.user, pk)
    data = payload.dict()
    version = data.pop("version")
    return _filing(fire(FILING_FLOW, found, "file", by=request.user, expected_version=version, **data))


@router.post("/filings/{pk}/review", response=FilingDetail)
def review_filing(request, pk: int, payload: ReviewIn):
    found = access_filing(request.user, pk)
    data = payload.dict()
    version = data.pop("version")
    return _filing(fire(FILING_FLOW, found, "review", by=request.user, expected_version=version, **data))


class EscalateIn(Schema):
    version: int
    due: dt.date | None = None
    note: str = ""


class EscalationOut(Schema):
    id: int
    version: int
    escalated_on: dt.date | None
    escalation_due: dt.date | None
    escalation_note: str


@router.post("/complaints/{pk}/escalate", response=EscalationOut)
def escalate_complaint(request, pk: int, payload: EscalateIn):
    """督办: the same transition and guard as the page (a future working day, a note)."""
    found = access_complaint(request.user, pk)
    data = payload.dict()
    return services.complaint_escalate(found, by=request.user, expected_version=data.pop("version"), **data)


@router.get("/notices", response=list[NoticeOut])
@paginate(CursorlessPagination)
def list_notices(request):
    return queries.notices_for(request.user)


@router.get("/notices/{pk}", response=NoticeOut)
def get_notice(request, pk: int):
    return access_notice(request.user, pk)


@router.get("/campaigns/{pk}", response=CampaignOut)
def get_campaign(request, pk: int):
    found = access_campaign(request.user, pk)
    results = [
        {
            "unit": r["unit__name"],
            "drawn": r["n_drawn"],
            "scored": r["n_scored"],
            "passed": r["n_passed"],
            "failed": r["n_failed"],
            "vetoed": r["n_vetoed"],
            "average": float(r["average"]) if r["average"] is not None else None,
        }
        for r in queries.results_by_unit(found)
    ]
    sample = list(found.files.order_by("id").values_list("case_number", flat=True))
    return {
        **{k: getattr(found, k) for k in ("id", "name", "kind", "state", "seed", "population")},
        "sample": sample,
        "results": results,
    }


@router.get("/accountability", response=list[AccountabilityOut])
@paginate(CursorlessPagination)
def list_accountability(request):
    return accountability_visible(request.user).order_by("-id")


@router.get("/accountability/{pk}", response=AccountabilityOut)
def get_accountability(request, pk: int):
    return access_accountability(request.user, pk)
