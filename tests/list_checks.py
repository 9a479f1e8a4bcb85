"""What every staff list's sorting and Excel export must show, for the modules' tests
(tests/<module>/test_list_sort_export.py)."""

import io

from openpyxl import load_workbook


def sheet(response) -> list[tuple]:
    """The rows of an exported workbook, its header first."""
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"  # a browser must not guess another type
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))


def sorts_and_exports(client, url: str, key: str, header: str, *, filled: bool = True) -> list[tuple]:
    """The list sorts by ``key`` both ways (its header says which, for screen readers too), offers the
    export of what it shows, and the sheet of ``?sort=-key`` has ``header`` in that order; the sheet's rows
    (header first) come back for the caller's own checks. ``filled``: the column has values to sort (a list
    where none has one yet, such as plans not yet filed, says ``filled=False``)."""
    sep = "&" if "?" in url else "?"
    page = client.get(f"{url}{sep}sort={key}")
    assert page.status_code == 200
    text = page.content.decode()
    assert 'aria-sort="ascending"' in text and f"sort=-{key}" in text and "导出Excel" in text
    assert "format=xlsx" in text
    assert 'aria-sort="descending"' in client.get(f"{url}{sep}sort=-{key}").content.decode()
    rows = sheet(client.get(f"{url}{sep}sort=-{key}&format=xlsx"))
    assert header in rows[0], rows[0]
    place = rows[0].index(header)
    values = [r[place] for r in rows[1:] if r[place] not in (None, "")]
    assert values or not filled, f"{url}: no values in {header}"
    assert values == sorted(values, reverse=True), values
    return rows


def column(rows: list[tuple], header: str) -> list:
    """One column of an exported sheet, by its header."""
    at = rows[0].index(header)
    return [r[at] for r in rows[1:]]
