"""/api/assessment/: each unit's provisional score, one unit's indicators with the records behind them, and
the leaders' reports (drafted from the data, edited with the version read, submitted)."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from ninja import Field, Router, Schema, Status

from yifa.core.api import year_query
from yifa.core.procedure import fire

from . import queries, services
from .access import access_report, access_unit
from .flows import REPORTS
from .models import ReportKind

router = Router(tags=["依法行政考核"])


class LineOut(Schema):
    code: str
    name: str
    points: Decimal
    max_points: Decimal
    good: int | Decimal
    total: int | Decimal
    basis: str


class ScoreOut(Schema):
    unit_id: int
    unit: str
    rank: int
    total: int | Decimal
    overdue: int
    lines: list[LineOut]


class RowOut(Schema):
    label: str
    link: str
    good: bool
    on: dt.date | None
    detail: str


class UnitLineOut(LineOut):
    rows: list[RowOut]


class UnitScoreOut(Schema):
    unit_id: int
    unit: str
    total: int | Decimal
    lines: list[UnitLineOut]


class ReportOut(Schema):
    id: int
    unit: str
    year: int
    kind: str
    state: str
    title: str
    body: str
    version: int
    submitted_on: dt.date | None

    @staticmethod
    def resolve_unit(obj):
        return obj.unit.name


class DraftIn(Schema):
    kind: ReportKind
    year: int = Field(ge=2000, le=2100)


class EditIn(Schema):
    title: str = Field(max_length=200)
    body: str = Field(max_length=20000)
    version: int


class VersionIn(Schema):
    version: int


def _as_of(year: int | None):
    today = timezone.localdate()
    year = year or today.year
    return year, min(today, dt.date(year, 12, 31))


def _line(line, rows=None) -> dict:
    i = line.indicator
    out = {
        "code": i.code,
        "name": i.name,
        "points": line.points,
        "max_points": i.points,
        "good": line.tally.good,
        "total": line.tally.total,
        "basis": i.basis,
    }
    if rows is not None:
        out["rows"] = rows
    return out


@router.get("/scores", response=list[ScoreOut])
def scores(request, year: int | None = year_query()):
    year, as_of = _as_of(year)
    return [
        {
            "unit_id": r.unit.pk,
            "unit": r.unit.name,
            "rank": r.rank,
            "total": r.total,
            "overdue": r.overdue,
            "lines": [_line(line) for line in r.lines],
        }
        for r in queries.scores(request.user, year=year, as_of=as_of)
    ]


@router.get("/units/{unit_id}", response=UnitScoreOut)
def unit_score(request, unit_id: int, year: int | None = year_query()):
    year, as_of = _as_of(year)
    score = queries.unit_score(access_unit(request.user, unit_id), year=year, as_of=as_of)
    return {
        "unit_id": score.unit.pk,
        "unit": score.unit.name,
        "total": score.total,
        "lines": [_line(line, line.rows) for line in score.lines],
    }


@router.post("/reports", response={201: ReportOut})
def report_draft(request, payload: DraftIn):
    report = services.report_draft(by=request.user, unit=request.user.unit, year=payload.year, kind=payload.kind)
    return Status(201, report)


@router.get("/reports/{report_id}", response=ReportOut)
def report(request, report_id: int):
    return access_report(request.user, report_id)


@router.post("/reports/{report_id}/edit", response=ReportOut)
def report_edit(request, report_id: int, payload: EditIn):
    report = access_report(request.user, report_id)
    return fire(
        REPORTS,
        report,
        "edit",
        by=request.user,
        expected_version=payload.version,
        title=payload.title,
        body=payload.body,
    )


@router.post("/reports/{report_id}/submit", response=ReportOut)
def report_submit(request, report_id: int, payload: VersionIn):
    report = access_report(request.user, report_id)
    return fire(REPORTS, report, "submit", by=request.user, expected_version=payload.version)
