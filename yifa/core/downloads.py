"""Generated files (Word, Excel, archives) sent as downloads with their Chinese names."""

from pathlib import PurePath
from urllib.parse import quote

from django.http import HttpResponse

MIME = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".zip": "application/zip",
    ".csv": "text/csv; charset=utf-8",
}


def file_download(content: bytes, filename: str) -> HttpResponse:
    """Always an attachment; the type follows the name's extension (our own files only)."""
    response = HttpResponse(content, content_type=MIME[PurePath(filename).suffix.lower()])
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    response["X-Content-Type-Options"] = "nosniff"
    return response
