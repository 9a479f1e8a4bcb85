"""/api/normdocs/: documents in scope (with full-text search), one document with its clocks,
sending a draft for legality review, and the fair-competition screener."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Router, Schema
from ninja.pagination import paginate

from yifa.core.pagination import CursorlessPagination

from . import queries, rules, services
from .access import access_document
from .screener import screen_text

router = Router(tags=["行政规范性文件"])


class DocumentOut(Schema):
    id: int
    title: str
    number: str
    unit: str
    status: str
    status_label: str
    published_on: dt.date | None
    effective_on: dt.date | None
    expires_on: dt.date | None
    version: int

    @staticmethod
    def resolve_unit(obj):
        return obj.unit.name

    @staticmethod
    def resolve_status_label(obj):
        return obj.get_status_display()


class ClockOut(Schema):
    title: str
    rule_id: str
    due: dt.date | None
    status: str
    explanation: str


class DocumentDetailOut(DocumentOut):
    legal_bases: list[str]
    review_opinion: str
    filed_on: dt.date | None
    filing_result: str
    clocks: list[ClockOut]

    @staticmethod
    def resolve_clocks(obj):
        return [c for c in (queries.review_clock(obj), queries.filing_clock(obj)) if c]


class FindingOut(Schema):
    category: str
    article: str
    item: str
    sentence: str
    start: int
    end: int
    rule: str
    explanation: str


class ScreenIn(Schema):
    text: str = Field(..., max_length=200_000)


class VersionIn(Schema):
    expected_version: int | None = None


@router.get("/documents", response=list[DocumentOut], summary="本人可见的规范性文件，q为全文检索")
@paginate(CursorlessPagination)
def document_list(request, q: str = "", status: str = ""):
    return queries.staff_documents(request.user, q=q, status=status)


@router.get("/documents/{pk}", response=DocumentDetailOut, summary="一件文件及其审核、备案期限")
def document_detail(request, pk: int):
    return access_document(request.user, pk)


@router.post("/documents/{pk}/submit-review", response=DocumentDetailOut, summary="送法制机构合法性审核")
def submit_review(request, pk: int, payload: VersionIn):
    doc = access_document(request.user, pk)
    return services.submit_review(by=request.user, doc=doc, expected_version=payload.expected_version)


@router.post(
    "/screen", response=list[FindingOut], summary=f"公平竞争审查筛查（{rules.FAIR_COMPETITION_STANDARDS.citation}）"
)
def screen(request, payload: ScreenIn):
    return [f.as_dict() for f in screen_text(payload.text)]
