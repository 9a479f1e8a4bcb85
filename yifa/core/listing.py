"""One helper for every staff list: columns that sort (``?sort=due`` / ``?sort=-due``, only on the
declared fields) and the same rows as an Excel file (``?format=xlsx``). The export reads only the declared
fields, as tuples (``values_list``), in one query streamed in chunks, and writes them row by row in openpyxl's
write-only mode: no model objects and no query per row, so 100,000 rows take seconds."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import FileResponse, HttpResponse
from django.utils import timezone

from .downloads import file_download

EXPORT_LIMIT = 100_000  # a sheet past this is a database dump, not a list


@dataclass(frozen=True)
class Column:
    """``field``: what the export reads (a ``values()`` path such as ``unit__name``, or several, which
    ``show`` then receives in order; empty: a column of the page only, such as its actions or clocks); a
    choices field shows its label by itself; ``show`` makes any other cell from the stored value(s);
    ``sort``: the ORM ordering field, ``True`` to sort on ``field`` itself, empty when the column does not sort."""

    label: str
    field: str | tuple[str, ...]
    sort: str | bool = ""
    show: Callable[..., Any] | None = None
    # a value the rows do not store (a clock's due date): ``annotate(model)`` gives the expression, put on the
    # rows under ``field`` before they are sorted or exported, so it costs no query per row
    annotate: Callable[[Any], Any] | None = None
    page: bool = True  # False: a column of the export only (a clock's step and due date beside the page's clocks)

    def __post_init__(self):
        if self.sort is True:
            if not isinstance(self.field, str) or not self.field:
                raise ValueError(f"列“{self.label}”：sort=True 只用于单一字段的列")
            object.__setattr__(self, "sort", self.field)

    @property
    def fields(self) -> tuple[str, ...]:
        return self.field if isinstance(self.field, tuple) else (self.field,) if self.field else ()

    def cell(self, row: dict, labels: dict | None = None):
        values = [row[f] for f in self.fields]
        if self.show:
            return self.show(*values)
        return labels.get(values[0], values[0]) if labels else values[0]


def _choice_labels(model, path: str) -> dict | None:
    """A choices field's Chinese labels (``state`` → 受理审查中…), found through ``__`` relations."""
    from django.core.exceptions import FieldDoesNotExist

    *relations, name = path.split("__")
    try:
        for relation in relations:
            model = model._meta.get_field(relation).related_model
        field = model._meta.get_field(name)
    except (FieldDoesNotExist, AttributeError):
        return None
    return dict(field.flatchoices) if getattr(field, "choices", None) else None


@dataclass(frozen=True)
class Listing:
    """``paging``: the query parameters that page the list (``page``; ``after``/``before`` for a keyset
    list), dropped when the order changes or the rows go to Excel."""

    title: str
    columns: list[Column]
    paging: tuple[str, ...] = ("page",)

    def annotated(self, qs):
        """``qs`` with the columns' computed values (a clock's due date), each under its column's field."""
        found = {c.field: c.annotate(qs.model) for c in self.columns if c.annotate}
        return qs.annotate(**found) if found else qs

    def sort_key(self, request) -> str:
        asked = request.GET.get("sort", "")
        return asked if asked.lstrip("-") in {c.sort for c in self.columns if c.sort} else ""

    def ordered(self, qs, request):
        """``qs`` in the order the user clicked, ties broken by the list's own order."""
        key = self.sort_key(request)
        if not key:
            return qs
        if any(c.annotate and c.sort == key.lstrip("-") for c in self.columns):
            qs = self.annotated(qs)
        return qs.order_by(key, *[f for f in qs.query.order_by if f.lstrip("-") != key.lstrip("-")], "-pk")

    def headers(self, request) -> list[dict]:
        """Each column's header: its label and, if it sorts, the link that sorts by it (or reverses)."""
        key = self.sort_key(request)
        params = self._params(request)
        found = []
        for c in self.columns:
            if not c.page:
                continue
            item = {"label": c.label, "url": "", "order": ""}
            if c.sort:
                item["order"] = "ascending" if key == c.sort else "descending" if key == f"-{c.sort}" else ""
                params["sort"] = f"-{c.sort}" if key == c.sort else c.sort
                item["url"] = "?" + params.urlencode()
            found.append(item)
        return found

    def _params(self, request, *drop: str):
        params = request.GET.copy()
        for name in (*self.paging, *drop):
            params.pop(name, None)
        return params

    def export_url(self, request) -> str:
        params = self._params(request)
        params["format"] = "xlsx"
        return "?" + params.urlencode()

    def around(self, request) -> dict:
        """What a list's template needs besides its rows: the headers, the export link, and the query to
        keep in page links (for a list that fetches its rows its own way, sorted with ``ordered``)."""
        params = self._params(request, "format")
        return {"headers": self.headers(request), "export_url": self.export_url(request), "keep": params.urlencode()}

    def page(self, request, qs, pager=None) -> dict:
        """One page of the list in the chosen order, its headers, and the query to keep in page links.
        ``pager(qs, number)`` replaces the plain one where a list pages its own way."""
        from .queries import page_of

        return {"page": (pager or page_of)(self.ordered(qs, request), request.GET.get("page")), **self.around(request)}

    def wants_export(self, request) -> bool:
        return request.GET.get("format") == "xlsx"

    def export(self, qs, request) -> FileResponse:
        from openpyxl import Workbook

        # the primary key too: a DISTINCT (a scope across joins) must not merge two rows that look alike
        fields = list(dict.fromkeys(["pk", *(f for c in self.columns for f in c.fields)]))
        rows = self.ordered(self.annotated(qs), request).prefetch_related(None).values_list(*fields)[:EXPORT_LIMIT]
        columns = [c for c in self.columns if c.fields]
        wb = Workbook(write_only=True)
        ws = wb.create_sheet(self.title[:31])
        ws.append([c.label for c in columns])
        # a choices column shows its label, like the page does
        labels = [None if c.show or len(c.fields) > 1 else _choice_labels(qs.model, c.field) for c in columns]
        for values in rows.iterator(chunk_size=2000):
            row = dict(zip(fields, values))
            ws.append([_cell(c.cell(row, found)) for c, found in zip(columns, labels)])
        return workbook_response(wb, self.title)


def workbook_response(wb, title: str) -> FileResponse:
    """The workbook as a download named for its title and today's date."""
    out = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 (FileResponse closes it)
    wb.save(out)
    out.seek(0)
    return file_download(out, f"{title}（{timezone.localdate():%Y-%m-%d}）.xlsx")


def grid_export(title: str, head: list, rows) -> HttpResponse:
    """A grid as the page shows it (a header row, then each row's cells, rows × columns) as an .xlsx: a grid is
    small (units by columns), so the project's own table writer serves."""
    from yifa.lib.office import xlsx_table

    content = xlsx_table(title, [_cell(h) for h in head], ([_cell(v) for v in row] for row in rows))
    return file_download(content, f"{title}（{timezone.localdate():%Y-%m-%d}）.xlsx")


def _clocks_on(model, rules: tuple[str, ...], open_only: bool):
    from django.db.models import CharField, F, OuterRef
    from django.db.models.functions import Cast

    from .clocks import clocks_of_model
    from .models.deadlines import OPEN_STATUSES

    found = clocks_of_model(model).filter(subject_id=Cast(OuterRef("pk"), CharField()))
    if open_only:
        found = found.filter(status__in=OPEN_STATUSES)
    if rules:
        found = found.filter(rule_id__in=rules)
    # the clock due first; a paused one (no due date) after the running ones, the latest clock of a kind first
    return found.order_by(F("due").asc(nulls_last=True), "-id")


def clock_due(*rules: str, open_only: bool = True):
    """For ``Column(annotate=...)``: the due date of the record's first clock (open ones, or of ``rules``)."""
    from django.db.models import Subquery

    return lambda model: Subquery(_clocks_on(model, rules, open_only).values("due")[:1])


def clock_title(*rules: str, open_only: bool = True):
    """For ``Column(annotate=...)``: the name of that same clock (各步期限: which step it is)."""
    from django.db.models import Subquery

    return lambda model: Subquery(_clocks_on(model, rules, open_only).values("title")[:1])


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, (str, int, float, dt.date)):
        return value
    return str(value)
