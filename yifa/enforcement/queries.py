"""Reads for the enforcement pages, the portal and the API: scoped, with their joins, no query per row."""

from __future__ import annotations

from django.db.models import Count, F, OuterRef, Q, Subquery, Sum

from yifa.core.access import scope

from .models import Body, Case, CaseState, Certificate, LegalReviewer, Officer, PenaltyKind


def reviewer_record(user, unit) -> LegalReviewer | None:
    """The user's registration as a legal reviewer of ``unit`` or of a unit above it."""
    if user is None or not getattr(user, "pk", None) or unit is None:
        return None
    ids = [int(x) for x in unit.path.strip("/").split("/") if x]
    return LegalReviewer.objects.filter(user=user, unit_id__in=ids).first()


SEARCH_MIN_SUBSTRING = 3  # a trigram index answers a substring of three characters or more


def case_search(q: str) -> Q:
    """Case number or party name. Three characters or more: a substring (a GIN trigram index on PostgreSQL,
    migration 0008); shorter (a two-character name such as “张三”): the exact value, from a b-tree index.
    Case-sensitive on purpose: ``icontains`` wraps the column in UPPER() and no index would serve it."""
    q = q.strip()
    if len(q) >= SEARCH_MIN_SUBSTRING:
        return Q(number__contains=q) | Q(party_name__contains=q)
    return Q(number=q) | Q(party_name=q)


def cases_for(user, *, state: str = "", q: str = ""):
    qs = scope(Case.objects.select_related("body", "unit"), user).order_by("-id")
    if state in CaseState.values:
        qs = qs.filter(state=state)
    if q.strip():
        qs = qs.filter(case_search(q))
    return qs


def outside_benchmark(user):
    """Every case whose fine lies outside its benchmark: the legal office watches them all."""
    outside = Q(fine__lt=F("benchmark__fine_min")) | Q(fine__gt=F("benchmark__fine_max"))
    qs = Case.objects.select_related("body", "benchmark").filter(outside, benchmark__isnull=False)
    return scope(qs, user).order_by("-id")


def officers_for(user):
    qs = Officer.objects.select_related("body__unit").prefetch_related("certificates")
    return scope(qs, user, "body__unit").order_by("body__name", "name")


def with_newest_certificate(officers):
    """Each officer with the number, end date and state of the newest certificate, read in the same query."""
    newest = Certificate.objects.filter(officer=OuterRef("pk")).order_by("-valid_from", "-id")
    return officers.annotate(
        cert_number=Subquery(newest.values("number")[:1]),
        cert_until=Subquery(newest.values("valid_until")[:1]),
        cert_state=Subquery(newest.values("state")[:1]),
    )


def bodies():
    return Body.objects.select_related("unit").order_by("name")


def usable_certificates(body, on):
    return (
        Certificate.objects.select_related("officer")
        .filter(officer__body=body, state="valid", valid_from__lte=on, valid_until__gte=on)
        .order_by("officer__name")
    )


def public_decisions():
    """Published and not withdrawn (处罚法第四十八条), newest first."""
    return (
        Case.objects.select_related("body")
        .filter(published_on__isnull=False, withdrawn_on__isnull=True)
        .only(
            "id",
            "number",
            "decision_number",
            "party_kind",
            "party_name",
            "violation",
            "heaviest_kind",
            "fine",
            "decided_on",
            "published_on",
            "body__name",
        )
        .order_by("-published_on", "-id")
    )


def withdrawn_decisions():
    return Case.objects.select_related("body").filter(withdrawn_on__isnull=False).order_by("-withdrawn_on", "-id")


def statistics(user, year: int) -> dict:
    """The annual table: each decided case once, under its heaviest kind, with the amounts in the decisions."""
    qs = scope(Case.objects.filter(decided_on__year=year).exclude(heaviest_kind=""), user)
    rows = {r["heaviest_kind"]: r for r in qs.values("heaviest_kind").annotate(n=Count("id"), amount=Sum("fine"))}
    table = [
        {"kind": label, "n": rows.get(value, {}).get("n", 0), "amount": rows.get(value, {}).get("amount") or 0}
        for value, label in PenaltyKind.choices
    ]
    total = {"n": sum(r["n"] for r in table), "amount": sum(r["amount"] for r in table)}
    return {"table": table, "total": total, "holding": certificate_holding(user)}


def certificate_holding(user) -> dict:
    """执法证持证率: officers with a valid, unexpired certificate, of all registered officers."""
    from django.utils import timezone

    today = timezone.localdate()
    officers = scope(Officer.objects.all(), user, "body__unit")
    counts = officers.aggregate(
        total=Count("id", distinct=True),
        holding=Count(
            "id",
            distinct=True,
            filter=Q(certificates__state="valid", certificates__valid_until__gte=today),
        ),
    )
    rate = round(100 * counts["holding"] / counts["total"], 1) if counts["total"] else 0
    return {**counts, "rate": rate}


def benchmarks():
    from .models import Benchmark

    return Benchmark.objects.select_related("unit").order_by("code", "-edition")


def history(obj) -> list[dict]:
    """The record's events, oldest first, each change as (field label, before, after): the kit's ``change``
    keeps before/after in the event; a related record is named, not numbered (one query per related table)."""
    from yifa.core.audit import timeline

    events = list(timeline(obj).order_by("id"))
    meta = obj._meta
    related = {}
    for event in events:
        for attname, values in (event.data.get("changed") or {}).items():
            field = next((f for f in meta.concrete_fields if f.attname == attname), None)
            if field is not None and field.is_relation:
                related.setdefault(field, set()).update(v for v in values.values() if v)
    names = {
        field.attname: {str(o.pk): str(o) for o in field.related_model.objects.filter(pk__in=ids)}
        for field, ids in related.items()
    }
    rows = []
    for event in events:
        changes = []
        for attname, values in (event.data.get("changed") or {}).items():
            field = next((f for f in meta.concrete_fields if f.attname == attname), None)
            if field is None or attname == "version":
                continue
            shown = names.get(attname, {})
            before, after = (shown.get(str(values[k]), _shown(field, values[k])) for k in ("before", "after"))
            changes.append((field.verbose_name, before, after))
        rows.append({"event": event, "changes": changes})
    return rows


def _shown(field, value) -> str:
    if value in (None, ""):
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


def powers(*, kind: str = "", q: str = "", active_only: bool = False):
    from .models import Power, PowerKind

    qs = Power.objects.select_related("body").order_by("code")
    if kind in PowerKind.values:
        qs = qs.filter(kind=kind)
    if q:
        qs = qs.filter(Q(code__icontains=q) | Q(name__icontains=q))
    return qs.filter(active=True) if active_only else qs


def power_benchmarks(power):
    """The published editions of the power's benchmark in its body's unit: the latest edition per degree."""
    from .models import Benchmark

    if not power.benchmark_code:
        return []
    rows = Benchmark.objects.filter(unit_id=power.body.unit_id, code=power.benchmark_code, state="published")
    latest = {}
    for row in rows.order_by("degree", "-edition"):
        latest.setdefault(row.degree, row)
    return list(latest.values())


def coercion_for(user, *, state: str = ""):
    from .models import CoercionCase, CoercionState

    qs = scope(CoercionCase.objects.select_related("body"), user).order_by("-id")
    return qs.filter(state=state) if state in CoercionState.values else qs


def inspections_for(user, *, state: str = ""):
    from .models import InspectionCase, InspectionState

    qs = scope(InspectionCase.objects.select_related("body"), user).order_by("-id")
    return qs.filter(state=state) if state in InspectionState.values else qs


def transfers_for(user):
    from .models import Transfer

    return scope(Transfer.objects.select_related("case", "inspection"), user).order_by("-id")


# The orders the case list offers, each walked by an index on PostgreSQL and SQLite so that a page of a million
# cases costs as the first: the tie between equal values goes the way the index stores it.
CASE_ORDERS = {
    "number": ("number", "id"),  # case_number
    "party_name": ("party_name", "id"),  # case_party_name
    "state": ("state", "-id"),  # state/-id, and unit/state/-id for one unit
    "filed_on": ("filed_on", "id"),  # case_filed_list
}


def case_order(key: str = "") -> tuple[str, ...]:
    """``key`` (``filed_on`` or ``-filed_on``…; empty: newest first) as the full order of the case list."""
    found = CASE_ORDERS.get(key.lstrip("-"))
    if not found:
        return ("-id",)
    return _reversed(found) if key.startswith("-") else found


def _reversed(order):
    return tuple(f[1:] if f.startswith("-") else f"-{f}" for f in order)


def _beyond(order, values):
    """The rows after ``values`` in ``order``, as one filter a database walks from ``values`` on the index:
    ``a >= v AND (a > v OR (a = v AND id > i))``."""
    (first, *rest), (value, *more) = order, values
    name, op = first.lstrip("-"), "lt" if first.startswith("-") else "gt"
    strict = Q(**{f"{name}__{op}": value})
    if not rest:
        return strict
    return Q(**{f"{name}__{op}e": value}) & (strict | Q(**{name: value}) & _beyond(rest, more))


def keyset_page(qs, *, after=None, before=None, size: int = 20, order: tuple[str, ...] = ("-id",)) -> dict:
    """A page of a list in ``order`` (ending in ``id`` or ``-id``) that starts after (or ends before) a known
    row: the database walks an index from that row instead of counting past every earlier row (OFFSET), so
    page 200 costs as page 1. The row's sort value takes one look-up by key; a row no longer there (or out of
    the user's sight) starts the list again."""
    mark = before or after
    values = None
    if mark and len(order) == 1:
        values = (mark,)
    elif mark:
        values = qs.filter(pk=mark).values_list(*[f.lstrip("-") for f in order]).first()
    if before and values:
        back = _reversed(order)
        rows = list(qs.filter(_beyond(back, values)).order_by(*back)[: size + 1])
        more_before, rows = len(rows) > size, rows[:size][::-1]
        return {"rows": rows, "first": not more_before, "next": rows[-1].pk if rows else None, "prev": _head(rows)}
    after = after if values else None
    if after:
        qs = qs.filter(_beyond(order, values))
    rows = list(qs.order_by(*order)[: size + 1])
    has_next, rows = len(rows) > size, rows[:size]
    return {
        "rows": rows,
        "first": not after,
        "next": rows[-1].pk if has_next and rows else None,
        "prev": _head(rows) if after else None,
    }


def _head(rows):
    return rows[0].pk if rows else None
