"""One helper for every staff list: columns that sort (``?sort=due`` / ``?sort=-due``, only on the
declared fields) and the same rows as an Excel file (``?format=xlsx``), written row by row in
openpyxl's write-only mode from one query (``iterator``), so the export stays flat as data grows."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from django.http import FileResponse
from django.utils import timezone

from .downloads import MIME

EXPORT_LIMIT = 100_000  # a sheet past this is a database dump, not a list


@dataclass(frozen=True)
class Column:
    label: str
    value: Callable[[Any], Any]  # the cell in the export
    sort: str = ""  # the ORM ordering field; empty: the column does not sort


@dataclass(frozen=True)
class Listing:
    title: str
    columns: list[Column]

    def sort_key(self, request) -> str:
        asked = request.GET.get("sort", "")
        return asked if asked.lstrip("-") in {c.sort for c in self.columns if c.sort} else ""

    def ordered(self, qs, request):
        """``qs`` in the order the user clicked, ties broken by the list's own order."""
        key = self.sort_key(request)
        if not key:
            return qs
        return qs.order_by(key, *[f for f in qs.query.order_by if f.lstrip("-") != key.lstrip("-")], "-pk")

    def headers(self, request) -> list[dict]:
        """Each column's header: its label and, if it sorts, the link that sorts by it (or reverses)."""
        key = self.sort_key(request)
        params = request.GET.copy()
        params.pop("page", None)
        found = []
        for c in self.columns:
            item = {"label": c.label, "url": "", "order": ""}
            if c.sort:
                item["order"] = "ascending" if key == c.sort else "descending" if key == f"-{c.sort}" else ""
                params["sort"] = f"-{c.sort}" if key == c.sort else c.sort
                item["url"] = "?" + params.urlencode()
            found.append(item)
        return found

    def export_url(self, request) -> str:
        params = request.GET.copy()
        params.pop("page", None)
        params["format"] = "xlsx"
        return "?" + params.urlencode()

    def page(self, request, qs, pager=None) -> dict:
        """One page of the list in the chosen order, its headers, and the query to keep in page links.
        ``pager(qs, number)`` replaces the plain one where a list pages its own way."""
        from .queries import page_of

        params = request.GET.copy()
        for name in ("page", "format"):
            params.pop(name, None)
        return {
            "page": (pager or page_of)(self.ordered(qs, request), request.GET.get("page")),
            "headers": self.headers(request),
            "export_url": self.export_url(request),
            "keep": params.urlencode(),
        }

    def wants_export(self, request) -> bool:
        return request.GET.get("format") == "xlsx"

    def export(self, qs, request) -> FileResponse:
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet(self.title[:31])
        ws.append([c.label for c in self.columns])
        for row in self.ordered(qs, request)[:EXPORT_LIMIT].iterator(chunk_size=2000):
            ws.append([_cell(c.value(row)) for c in self.columns])
        out = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 (FileResponse closes it)
        wb.save(out)
        out.seek(0)
        name = f"{self.title}（{timezone.localdate():%Y-%m-%d}）.xlsx"
        response = FileResponse(out, content_type=MIME[".xlsx"])
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
        return response


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, (str, int, float, dt.date)):
        return value
    return str(value)
