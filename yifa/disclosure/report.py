"""The annual report's figures (第五十条; the format of 国办公开办函〔2021〕30号), counted from the cases.

Table 三 counts by the rules the report states: a request is received in the year of its 收到日期 and
handled in the year of its 答复日期; it is carried into a year if received before it and not answered
before it began, and out of a year if still unanswered at the year's end. Hence 一 + 二 = 三(七) + 四."""

from __future__ import annotations

import datetime as dt
from collections import Counter as Tally
from decimal import Decimal

from django.db.models import Count, Q, Sum

from yifa.core.models import Unit

from . import rules
from .models import (
    ActKind,
    AnnualReport,
    ApplicantKind,
    CatalogueItem,
    CatalogueState,
    Category,
    Challenge,
    ChallengeKind,
    ChallengeResult,
    OtherAct,
    Outcome,
    Request,
)

COLUMNS = list(ApplicantKind.values)
COLUMN_LABELS = [*ApplicantKind.labels, "总计"]
NEW = "本年新收政府信息公开申请数量"
CARRIED_IN = "上年结转政府信息公开申请数量"
TOTAL = "总计"
CARRIED_OUT = "结转下年度继续办理"


def _row(label: str, tally: Tally) -> dict:
    counts = [tally.get(c, 0) for c in COLUMNS]
    return {"row": label, "counts": [*counts, sum(counts)]}


def _unanswered_on(day: dt.date) -> Q:
    """Not answered by the end of ``day``."""
    return Q(replied_on__isnull=True) | Q(replied_on__gt=day)


def table3(units, year: int) -> list[dict]:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    base = Request.objects.filter(unit__in=units, received_on__isnull=False)
    counts = (
        base.filter(received_on__lte=end)
        .values("applicant_kind")
        .annotate(
            new=Count("id", filter=Q(received_on__gte=start)),
            carried_in=Count("id", filter=Q(received_on__lt=start) & _unanswered_on(start - dt.timedelta(days=1))),
            carried_out=Count("id", filter=_unanswered_on(end)),
        )
        .order_by()
    )
    new, carried_in, carried_out = Tally(), Tally(), Tally()
    for r in counts:
        new[r["applicant_kind"]] = r["new"]
        carried_in[r["applicant_kind"]] = r["carried_in"]
        carried_out[r["applicant_kind"]] = r["carried_out"]
    handled: dict[str, Tally] = {o: Tally() for o in Outcome.values}
    for r in base.filter(replied_on__range=(start, end)).values("outcome", "applicant_kind").annotate(n=Count("id")):
        handled[r["outcome"]][r["applicant_kind"]] = r["n"]
    rows = [_row(NEW, new), _row(CARRIED_IN, carried_in)]
    rows += [_row(Outcome(o).label, handled[o]) for o in Outcome.values]
    rows.append(_row(TOTAL, sum(handled.values(), Tally())))
    rows.append(_row(CARRIED_OUT, carried_out))
    return rows


def identity_problems(rows: list[dict]) -> list[str]:
    """一 + 二 = 三(七) + 四 in every column, or a sentence per column that fails."""
    by = {r["row"]: r["counts"] for r in rows}
    problems = []
    for i, label in enumerate(COLUMN_LABELS):
        left, right = by[NEW][i] + by[CARRIED_IN][i], by[TOTAL][i] + by[CARRIED_OUT][i]
        if left != right:
            problems.append(
                f"“{label}”列：本年新收{by[NEW][i]}＋上年结转{by[CARRIED_IN][i]}＝{left}，"
                f"而办理结果总计{by[TOTAL][i]}＋结转下年度{by[CARRIED_OUT][i]}＝{right}（{rules.REPORT_CONTENT.citation}）"
            )
    return problems


ENTERED = ("rules_made", "rules_repealed", "rules_in_force", "fees_wan")
TABLE4_COLUMNS = [*ChallengeResult.labels, "总计"]


def entered(units, year: int, *, unit: Unit | None = None, own: dict | None = None) -> dict:
    """What the units wrote into their reports for the figures no module here holds (one query);
    ``own``: the values ``unit`` is saving now, in place of its stored ones."""
    reports = AnnualReport.objects.filter(unit__in=units, year=year)
    if own is not None:
        reports = reports.exclude(unit=unit)
    sums = reports.aggregate(**{f: Sum(f) for f in ENTERED})
    zero = {f: Decimal(0) if f == "fees_wan" else 0 for f in ENTERED}
    return {f: (sums[f] or zero[f]) + ((own or zero)[f] or zero[f]) for f in ENTERED}


def table2(units, year: int, own: dict) -> dict:
    """主动公开 (第二十条第（一）、（五）、（六）、（八）项) in the report's three parts: documents made,
    repealed and in force; decisions made this year; fees collected. Counted from the other modules'
    events (``OtherAct``) and, where no module here holds the record, the units' own entries."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    counts = (
        OtherAct.objects.filter(unit__in=units, made_on__lte=end)
        .values("kind")
        .annotate(
            made=Count("id", filter=Q(made_on__gte=start)),
            repealed=Count("id", filter=Q(repealed=True, ended_on__range=(start, end))),
            in_force=Count("id", filter=Q(ended_on__isnull=True) | Q(ended_on__gt=end)),
        )
        .order_by()
    )
    by_kind = {c["kind"]: c for c in counts}
    made, repealed, in_force = ({k: c[f] for k, c in by_kind.items()} for f in ("made", "repealed", "in_force"))
    normdoc = ActKind.NORMDOC
    return {
        "documents": [
            {
                "row": "规章",
                "made": own["rules_made"],
                "repealed": own["rules_repealed"],
                "in_force": own["rules_in_force"],
            },
            {
                "row": ActKind.NORMDOC.label,
                "made": made.get(normdoc, 0),
                "repealed": repealed.get(normdoc, 0),
                "in_force": in_force.get(normdoc, 0),
            },
        ],
        "decisions": [
            {"row": ActKind.LICENCE.label, "count": made.get(ActKind.LICENCE, 0)},
            {"row": ActKind.PENALTY.label, "count": made.get(ActKind.PENALTY, 0)},
            {"row": ActKind.COERCION.label, "count": made.get(ActKind.COERCION, 0)},
        ],
        "fees": {"row": "行政事业性收费", "amount_wan": format(own["fees_wan"].normalize(), "f")},
    }


def catalogue_counts(units, year: int) -> list[dict]:
    """This module's own catalogue per category of 第十九、二十条: published this year and in it at year end."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    counts = {
        c["category"]: c
        for c in CatalogueItem.objects.filter(unit__in=units, state=CatalogueState.PUBLISHED, published_on__lte=end)
        .values("category")
        .annotate(year=Count("id", filter=Q(published_on__gte=start)), total=Count("id"))
        .order_by()
    }
    none = {"year": 0, "total": 0}
    return [
        {
            "category": label,
            "published_this_year": counts.get(value, none)["year"],
            "in_catalogue": counts.get(value, none)["total"],
        }
        for value, label in Category.choices
    ]


def table4(units, year: int) -> list[dict]:
    """复议 and 诉讼 counted in the year they were accepted or filed; one not concluded by 31 December is
    still 尚未审结 in that year's report (rules.CHALLENGES)."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    grouped = (
        Challenge.objects.filter(unit__in=units, filed_on__range=(start, end))
        .values("kind", "result")
        .annotate(n=Count("id"), later=Count("id", filter=Q(concluded_on__gt=end)))
        .order_by()
    )
    tally = {kind: dict.fromkeys(ChallengeResult.values, 0) for kind in ChallengeKind.values}
    for g in grouped:
        settled = 0 if g["result"] == ChallengeResult.PENDING else g["n"] - g["later"]
        tally[g["kind"]][g["result"]] += settled
        tally[g["kind"]][ChallengeResult.PENDING] += g["n"] - settled
    rows = []
    for kind, label in ChallengeKind.choices:
        counts = [tally[kind][r] for r in ChallengeResult.values]
        rows.append({"row": label, "counts": [*counts, sum(counts)]})
    return rows


def units_of(unit: Unit):
    """A government's report compiles its own and its units' requests (第四十九条); a department's its own."""
    return (
        Unit.objects.filter(path__startswith=unit.path)
        if unit.kind == "government"
        else Unit.objects.filter(pk=unit.pk)
    )


def figures(unit: Unit, year: int, *, own: dict | None = None) -> dict:
    units = units_of(unit)
    rows = table3(units, year)
    return {
        "unit": unit.name,
        "year": year,
        "table2": table2(units, year, entered(units, year, unit=unit, own=own)),
        "catalogue": catalogue_counts(units, year),
        "table3": rows,
        "table4": table4(units, year),
        "identity_holds": not identity_problems(rows),
        "identity_problems": identity_problems(rows),
    }
