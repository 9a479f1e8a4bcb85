"""Reads for the pages and the API, with their joins: no query per row."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from django.db import connection
from django.db.models import Q
from django.http import Http404

from yifa.core import clocks
from yifa.core.calendar import current_calendar
from yifa.core.errors import NotFound
from yifa.lib.deadlines import WORKDAYS, Pause, compute_due

from . import rules
from .access import applications_for, certificates_for
from .flows import decision_rule
from .models import Application, AppState, Certificate, CertState, Item, ItemState


def items(*, q: str = "", state: str = ""):
    qs = Item.objects.select_related("unit")
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(code__icontains=q))
    if state:
        qs = qs.filter(state=state)
    return qs.order_by("code")


def public_items(q: str = ""):
    return items(q=q, state=ItemState.PUBLISHED)


def public_item(pk) -> Item:
    try:
        return public_items().get(pk=pk)
    except (Item.DoesNotExist, ValueError, TypeError):
        raise Http404("该事项不存在或未公布") from None


ENCRYPTED = ("applicant_id_number", "applicant_phone")


def applications(user, *, state: str = "", q: str = ""):
    """A list never shows the ID number or phone: they stay encrypted, unread (decrypting them cost more
    than the query on a page of twenty)."""
    qs = applications_for(user).defer(*ENCRYPTED)
    if state:
        qs = qs.filter(state=state)
    if q:
        # the few matching items first (a small table, read once): with their ids as values, the number's
        # index, the key and the item index can be read together, not every row along the date index
        matching_items = list(
            Item.objects.filter(Q(name__icontains=q) | Q(code__icontains=q)).values_list("pk", flat=True)
        )
        qs = qs.filter(number_matches(q) | Q(item_id__in=matching_items))
    return qs.order_by("-received_on", "-id")


def number_matches(typed: str) -> Q:
    """Applications whose number is the one typed, or starts with it: both read an index (the number's
    sequence is the row's key, and a prefix is a range of the unique number index; on PostgreSQL Django
    adds a pattern index beside it), never a scan of every number. Text that cannot begin a number
    matches none."""
    text = unicodedata.normalize("NFKC", "".join(typed.split())).translate(BRACKETS)
    found = typed_number(typed)
    matches = Q(pk__in=[])
    if found:
        year, seq = found
        matches |= Q(pk=seq, number__startswith=year) if year else Q(pk=seq)
    if NUMBER_PREFIX.match(text):
        matches |= _number_prefix(text)
    return matches


def _number_prefix(text: str) -> Q:
    if connection.vendor == "sqlite":
        # SQLite's LIKE ignores case and so reads no ordinary index: a range of the unique index instead
        # (BINARY collation compares UTF-8 bytes, so the range holds exactly the numbers with the prefix)
        return Q(number__gte=text, number__lt=text + "\U0010ffff")
    return Q(number__startswith=text)  # PostgreSQL: Django's varchar_pattern_ops index beside the unique one


def with_clocks(rows):
    """Each row with its open clocks (one query for the page)."""
    rows = list(rows)
    found = clocks.clocks_by_subject(rows)
    for row in rows:
        row.open_clocks = found.get(row.pk, [])
    return rows


def certificates(user, *, state: str = "", expiring_by: dt.date | None = None):
    qs = certificates_for(user)
    if state:
        qs = qs.filter(state=state)
    if expiring_by:
        qs = qs.filter(valid_until__lte=expiring_by, state__in=[CertState.VALID, CertState.RENEWAL])
    return qs.order_by("valid_until", "id")


def application_clocks(app) -> list:
    return list(clocks.clocks_of(app, open_only=False).order_by("id"))


def decision_clock(app):
    return clocks.clocks_of(app, rule=decision_rule(app), open_only=False).order_by("-id").first()


def promised_due(app):
    """The promised time, counted like the statutory clock (same start, same excluded spans)."""
    clock = decision_clock(app)
    if clock is None or not app.item.promised_days:
        return None
    pauses = [Pause(dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for a, b in clock.pauses]
    result = compute_due(clock.start, app.item.promised_days, WORKDAYS, current_calendar(), pauses=pauses)
    return result


NUMBER = re.compile(r"^(?:(\d{4})许)?0*(\d{1,9})$")
BRACKETS = str.maketrans("", "", "〔〕()（）【】[]［］第号")
NUMBER_PREFIX = re.compile(r"^\d{4}(?:许\d{0,9})?$")


def typed_number(typed: str) -> tuple[str, int] | None:
    """(year or "", sequence) from what the applicant typed: 2026许000123, (2026)许123, 〔2026〕许123 or just
    123; full-width digits and spaces are tolerated."""
    text = unicodedata.normalize("NFKC", "".join(typed.split())).translate(BRACKETS)
    found = NUMBER.match(text)
    if not found or not int(found[2]):
        return None
    return found[1] or "", int(found[2])


def public_application(number: str, code: str) -> Application:
    """Both the number and the lookup code must match; the same message whichever is wrong. The sequence
    of an application number is its row's key (flows._numbered), so one indexed read."""
    typed = typed_number(number)
    app = Application.objects.select_related("item", "unit").filter(pk=typed[1]).first() if typed else None
    if (
        app is None
        or not app.number
        or not app.number.startswith(typed[0])
        or not code.strip()
        or app.lookup_code.lower() != code.strip().lower()
    ):
        raise NotFound("申请编号或查询码不正确，请核对申请回执或受理凭证")
    return app


def public_certificate(number: str) -> Certificate:
    cert = Certificate.objects.select_related("item", "unit").filter(number=number.strip()).first()
    if cert is None:
        raise NotFound("没有该编号的许可证件")
    return cert


def renewal_reminders_due(on: dt.date):
    """Certificates whose holder should now be reminded to apply for renewal (第五十条第一款)."""
    horizon = on + dt.timedelta(days=rules.REMIND_DAYS_BEFORE_RENEWAL + rules.RENEWAL_APPLICATION.days)
    return Certificate.objects.select_related("item", "unit").filter(
        state=CertState.VALID, reminded_on__isnull=True, valid_until__isnull=False, valid_until__lte=horizon
    )


PUBLISHED_DECISIONS = (AppState.GRANTED, AppState.ISSUED, AppState.REVOKED)


def published_decisions(q: str = ""):
    """Decisions to grant, newest first (许可法第四十条), for the portal."""
    qs = (
        Application.objects.select_related("item", "unit")
        .defer(*ENCRYPTED)
        .filter(state__in=PUBLISHED_DECISIONS, decided_on__isnull=False)
    )
    if q:
        qs = qs.filter(Q(decision_number__icontains=q) | Q(item__name__icontains=q))
    return qs.order_by("-decided_on", "-id")


def public_decision(app) -> dict:
    """What the public reads of a decision: never a natural person's name, ID number or phone."""
    return {
        "number": app.decision_number,
        "item": app.item.name,
        "item_url": app.item.get_public_url(),
        "unit": app.unit.name,
        "decided_on": app.decided_on,
        "holder": app.applicant_name if app.applicant_is_organisation else "（自然人，姓名不予公开）",
        "revoked": app.state == AppState.REVOKED,
    }


def renewals_lapsed(on: dt.date):
    """Certificates whose renewal was applied for and not decided before they expired (第五十条第二款)."""
    return Certificate.objects.select_related("item", "unit").filter(state=CertState.RENEWAL, valid_until__lt=on)


def statistics(user, year: int) -> list[dict]:
    """The year's counts by unit and item (申请、受理、许可、不予许可、撤销), as the enforcement statistics and
    the disclosure annual report's table 二 (第二十条第（五）项：本年处理决定数量) ask for; two queries."""
    from django.db.models import Count

    granted = [AppState.GRANTED, AppState.ISSUED]
    rows = {}
    apps = (
        applications_for(user)
        .filter(Q(received_on__year=year) | Q(accepted_on__year=year) | Q(decided_on__year=year))
        .values("unit__name", "item__name")
        .annotate(
            applied=Count("id", filter=Q(received_on__year=year)),
            accepted=Count("id", filter=Q(accepted_on__year=year)),
            granted=Count("id", filter=Q(decided_on__year=year, state__in=granted)),
            refused=Count("id", filter=Q(decided_on__year=year, state=AppState.REFUSED)),
        )
    )
    for row in apps:
        rows[(row["unit__name"], row["item__name"])] = {**row, "revoked": 0}
    revoked = (
        certificates_for(user)
        .filter(revoked_on__year=year)
        .values("unit__name", "item__name")
        .annotate(revoked=Count("id"))
    )
    for row in revoked:
        key = (row["unit__name"], row["item__name"])
        rows.setdefault(key, {"unit__name": key[0], "item__name": key[1], "applied": 0, "accepted": 0,
                              "granted": 0, "refused": 0, "revoked": 0})["revoked"] = row["revoked"]  # fmt: skip
    return [rows[k] for k in sorted(rows)]


def timeliness(user, year: int) -> list[dict]:
    """Per implementing organ, the decision clocks (第四十二条, 第四十三条) closed in ``year``: met on time or
    late, and the on-time rate; one query over the indexed clock table."""
    from django.db.models import Count

    from yifa.core.access import scope
    from yifa.core.charts import rate
    from yifa.core.models import Deadline, DeadlineStatus

    decision_rules = (rules.DECISION, rules.JOINT_DECISION, rules.PRELIMINARY_REVIEW)
    found = (
        scope(Deadline.objects.filter(rule_id__in=[r.id for r in decision_rules]), user)
        .filter(closed_on__gte=dt.date(year, 1, 1), closed_on__lte=dt.date(year, 12, 31))
        .values("unit__name")
        .annotate(
            met=Count("id", filter=Q(status=DeadlineStatus.MET)),
            late=Count("id", filter=Q(status=DeadlineStatus.LATE)),
        )
        .order_by("unit__name")
    )
    return [{**row, "rate": rate(row["met"], row["met"] + row["late"])} for row in found if row["met"] + row["late"]]


def time_taken(user, year: int) -> list[dict]:
    """Per implementing organ, the decisions made in ``year`` with their time taken (working days from
    acceptance, net of the periods 第四十五条 keeps out, stored with each decision): count, average and
    longest; one grouped query, limited to the organs ``user`` may see."""
    from django.db.models import Avg, Count, Max

    found = (
        applications_for(user)
        .filter(decided_on__gte=dt.date(year, 1, 1), decided_on__lte=dt.date(year, 12, 31))
        .filter(working_days_taken__isnull=False)
        .values("unit__name")
        .annotate(decided=Count("id"), average=Avg("working_days_taken"), longest=Max("working_days_taken"))
        .order_by("unit__name")
    )
    return [{**row, "average": round(float(row["average"]), 1)} for row in found]
