"""What every sortable, exportable staff list must show (used by the modules' test_list_sort_export.py)."""

import io

from openpyxl import load_workbook


def exported(response) -> list[tuple]:
    """The rows of a downloaded .xlsx, the header first."""
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].startswith("attachment")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))


def sorts_and_exports(client, url: str, key: str, header: str) -> list[tuple]:
    """The page sorts by ``key`` (its header says so and offers the reverse), offers the export, and the export
    comes sorted the other way round, ``header`` naming its column; returns the exported rows."""
    sep = "&" if "?" in url else "?"
    page = client.get(f"{url}{sep}sort={key}")
    assert page.status_code == 200
    body = page.content.decode()
    assert 'aria-sort="ascending"' in body and f"sort=-{key}" in body and "format=xlsx" in body
    rows = exported(client.get(f"{url}{sep}sort=-{key}&format=xlsx"))
    column = rows[0].index(header)
    values = [r[column] for r in rows[1:] if r[column] not in (None, "")]
    assert values, f"{url}: no values in {header}"
    assert values == sorted(values, reverse=True), values
    return rows


def column(rows: list[tuple], header: str) -> list:
    at = rows[0].index(header)
    return [r[at] for r in rows[1:]]
