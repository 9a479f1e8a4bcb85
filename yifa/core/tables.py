"""The one way an uploaded table (.xlsx, or CSV in UTF-8 or GB18030) is imported; each module declares its own.

    CATALOGUE = TableImport(
        what="规范性文件目录",
        columns=(Column("title", "文件名称", "标题", required=True), ...),
        prepare=lambda *, by, options: Refs(by),       # the references the rows name, one query each
        check=check_row,                               # check_row(row, cells, refs): row.values, row.errors
        across=mark_duplicates,                        # optional: checks between rows and against the table
        write=write_rows,                              # write_rows(rows, *, job, by, refs) -> count
    )

``prepare`` reads every reference (units, categories, numbers already taken) into dicts before the first
row, so checking a row costs no query. ``check`` gives each row its values (the model's fields) and its
errors; each error names the column and the rule broken (“文号“民发2024-1”格式不正确，应如……”), the row
number is put in front here. ``write`` writes all rows at once with ``create_many`` (COPY on PostgreSQL, one
executemany on SQLite, one audit event on the import job with the file's SM3 hash and row count).

``preview(...)`` is the page's dry run: every row with its errors. ``run(job=, progress=)`` is what the task
worker (``yifa.core.imports``) calls: read, check every row (progress as it goes), refuse the whole file if any
row is wrong, then write every row in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from yifa.lib.office import TableUnreadable, table_rows

from .errors import YifaError

SHOWN_ERRORS = 5  # errors quoted in a refusal; the preview page lists every wrong row


@dataclass(frozen=True, init=False)
class Column:
    """A column the import reads: its key, the header it is shown under and the other headers accepted."""

    key: str
    header: str
    aliases: tuple[str, ...] = ()
    required: bool = False

    def __init__(self, key: str, header: str, *aliases: str, required: bool = False):
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "header", header)
        object.__setattr__(self, "aliases", aliases)
        object.__setattr__(self, "required", required)


@dataclass
class Row:
    line: int  # the row's number in the file (the header is row 1)
    values: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TableImport:
    what: str  # the table's name in messages: “规范性文件目录”
    columns: tuple[Column, ...]
    check: Callable[..., None]  # check(row, cells, refs): set row.values, append to row.errors
    write: Callable[..., int]  # write(rows, *, job, by, refs) -> rows written, in the caller's transaction
    prepare: Callable[..., Any] = lambda **_: None  # prepare(*, by, options) -> refs
    across: Callable[..., None] | None = None  # across(rows, refs): checks between rows, one query at most
    formats: str = ".xlsx 或 CSV（UTF-8/GB18030）"
    max_rows: int | None = None

    def read(self, content: bytes) -> tuple[dict[str, int], list[list]]:
        """The columns found (key → index) and the rows; a file that cannot be read, lacks a required column or
        has too many rows is refused at once in Chinese."""
        try:
            headers, raw = table_rows(content, blank=True)
        except TableUnreadable as exc:
            raise YifaError(f"无法读取该文件：{exc}。请上传{self.formats}格式的{self.what}", field="file") from None
        headers = [str(h or "").strip() for h in headers]
        index = {}
        for column in self.columns:
            for name in (column.header, *column.aliases):
                if name in headers:
                    index[column.key] = headers.index(name)
                    break
        missing = [c.header for c in self.columns if c.required and c.key not in index]
        if missing:
            raise YifaError(f"{self.what}第1行表头缺少列：{'、'.join(missing)}", field="file")
        while raw and not any(v not in (None, "") and str(v).strip() for v in raw[-1]):
            raw.pop()
        if self.max_rows is not None and len(raw) > self.max_rows:
            raise YifaError(f"{self.what}一次最多导入{self.max_rows}行，本文件有{len(raw)}行", field="file")
        return index, raw

    def preview(self, *, content: bytes, by, options: dict | None = None, progress=None) -> list[Row]:
        """Every row checked, with its errors (the row number in front); nothing written."""
        return self._checked(content, by, options or {}, progress)[0]

    def _checked(self, content: bytes, by, options: dict, progress) -> tuple[list[Row], Any]:
        index, raw = self.read(content)
        refs = self.prepare(by=by, options=options or {})
        keys = [(c.key, index[c.key]) for c in self.columns if c.key in index]
        absent = {c.key: None for c in self.columns if c.key not in index}
        rows, total = [], len(raw)
        for line, values in enumerate(raw, start=2):  # the row's number in the file, empty rows counted
            if not any(v not in (None, "") and str(v).strip() for v in values):
                continue
            width = len(values)
            cells = {key: values[i] if i < width else None for key, i in keys}
            cells.update(absent)
            row = Row(line)
            self.check(row, cells, refs)
            rows.append(row)
            if progress and (line - 1) % 5000 == 0:
                progress(line - 1, total)
        if self.across:
            self.across(rows, refs)
        for row in rows:
            if row.errors:
                row.errors = [f"第{row.line}行：{e}" for e in row.errors]
        if progress:
            progress(total, total)
        return rows, refs

    def refuse_if_wrong(self, rows: list[Row]) -> None:
        bad = [r for r in rows if r.errors]
        if bad:
            first = "；".join("，".join(r.errors) for r in bad[:SHOWN_ERRORS])
            more = f"……另有{len(bad) - SHOWN_ERRORS}行有错" if len(bad) > SHOWN_ERRORS else ""
            raise YifaError(
                f"{self.what}中有{len(bad)}行错误，请改正后再导入（一行也不会写入）：{first}{more}", field="file"
            )
        if not rows:
            raise YifaError(f"{self.what}只有表头，没有可导入的行", field="file")

    def commit(self, rows: list[Row], *, job, by, options: dict | None = None, refs=None) -> int:
        """Every row or none, in one transaction."""
        self.refuse_if_wrong(rows)
        if refs is None:
            refs = self.prepare(by=by, options=options or {})
        with transaction.atomic():
            return self.write(rows, job=job, by=by, refs=refs)

    def run(self, *, job, progress) -> int:
        """The task worker's import of ``job``'s file (``yifa.core.imports``)."""
        by, options = job.created_by, job.options or {}
        rows, refs = self._checked(bytes(job.content), by, options, progress.validating)
        self.refuse_if_wrong(rows)
        progress.writing(len(rows))
        return self.commit(rows, job=job, by=by, refs=refs)


class UnitNames:
    """The unit register read once (one query), for rows that name a unit by its name or short name (the first
    by path when two share one), with the units ``by`` may import for."""

    def __init__(self, by):
        from .access import visible_unit_ids
        from .models import Unit

        self.by_name: dict[str, Unit] = {}
        for unit in Unit.objects.only("pk", "name", "short_name", "path", "parent_id", "kind").order_by("path"):
            self.by_name.setdefault(unit.name, unit)
            if unit.short_name:
                self.by_name.setdefault(unit.short_name, unit)
        self.allowed = visible_unit_ids(by)

    def find(self, name: str, *, column: str, what: str):
        """(unit, None), or (None, the message naming the column and the rule)."""
        unit = self.by_name.get(name)
        if unit is None:
            return None, f"{column}“{name}”不在单位名录中"
        if self.allowed is not None and unit.pk not in self.allowed:
            return None, f"{column}：无权为{unit.name}导入{what}"
        return unit, None


def text(value) -> str:
    """A cell as text: CSV cells are text already, an .xlsx number written without decimals loses its “.0”."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def created(flow, model, values: list[dict], rows: list, *, job, by) -> int:
    """A TableImport's ``write`` for rows that become new records of ``flow``'s creating act ``import``: all at
    once (``create_many``), with one audit event on the import job naming the file, its SM3 hash and the lines."""
    from .procedure import create_many

    data = {"file": job.file_name, "sm3": job.sm3, "lines": [rows[0].line, rows[-1].line]}
    return len(create_many(flow, "import", model=model, rows=values, by=by, subject=job, data=data))
