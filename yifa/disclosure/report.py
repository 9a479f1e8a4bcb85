"""The annual report's figures (第五十条; the format of 国办公开办函〔2021〕30号), counted from the cases.

Table 三 counts by the rules the report states: a request is received in the year of its 收到日期 and
handled in the year of its 答复日期; it is carried into a year if received before it and not answered
before it began, and out of a year if still unanswered at the year's end. Hence 一 + 二 = 三(七) + 四."""

from __future__ import annotations

import datetime as dt
from collections import Counter as Tally

from django.db.models import Count, Q

from yifa.core.models import Unit

from . import rules
from .models import ApplicantKind, CatalogueItem, CatalogueState, Category, Outcome, Request

COLUMNS = list(ApplicantKind.values)
COLUMN_LABELS = [*ApplicantKind.labels, "总计"]
NEW = "本年新收政府信息公开申请数量"
CARRIED_IN = "上年结转政府信息公开申请数量"
TOTAL = "总计"
CARRIED_OUT = "结转下年度继续办理"


def _row(label: str, tally: Tally) -> dict:
    counts = [tally.get(c, 0) for c in COLUMNS]
    return {"row": label, "counts": [*counts, sum(counts)]}


def _tally(qs, *extra) -> Tally:
    return Tally({r["applicant_kind"]: r["n"] for r in qs.values("applicant_kind", *extra).annotate(n=Count("id"))})


def table3(units, year: int) -> list[dict]:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    base = Request.objects.filter(unit__in=units, received_on__isnull=False)
    new = _tally(base.filter(received_on__range=(start, end)))
    carried_in = _tally(
        base.filter(received_on__lt=start).filter(Q(replied_on__isnull=True) | Q(replied_on__gte=start))
    )
    handled: dict[str, Tally] = {o: Tally() for o in Outcome.values}
    for r in base.filter(replied_on__range=(start, end)).values("outcome", "applicant_kind").annotate(n=Count("id")):
        handled[r["outcome"]][r["applicant_kind"]] = r["n"]
    carried_out = _tally(base.filter(received_on__lte=end).filter(Q(replied_on__isnull=True) | Q(replied_on__gt=end)))
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


def table2(units, year: int) -> list[dict]:
    """主动公开: this module's own catalogue, per category (the normative-document registry's counts join
    through its events once it publishes them)."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    items = CatalogueItem.objects.filter(unit__in=units, state=CatalogueState.PUBLISHED)
    published = dict(
        items.filter(published_on__range=(start, end)).values_list("category").annotate(n=Count("id")).order_by()
    )
    total = dict(items.filter(published_on__lte=end).values_list("category").annotate(n=Count("id")).order_by())
    return [
        {"category": label, "published_this_year": published.get(value, 0), "in_catalogue": total.get(value, 0)}
        for value, label in Category.choices
    ]


def units_of(unit: Unit):
    """A government's report compiles its own and its units' requests (第四十九条); a department's its own."""
    return (
        Unit.objects.filter(path__startswith=unit.path)
        if unit.kind == "government"
        else Unit.objects.filter(pk=unit.pk)
    )


def figures(unit: Unit, year: int) -> dict:
    units = units_of(unit)
    rows = table3(units, year)
    return {
        "unit": unit.name,
        "year": year,
        "table2": table2(units, year),
        "table3": rows,
        "identity_holds": not identity_problems(rows),
        "identity_problems": identity_problems(rows),
    }
