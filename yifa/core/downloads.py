"""Generated files (Word, Excel, archives) sent as downloads with their Chinese names."""

from pathlib import PurePath
from urllib.parse import quote

from django.http import FileResponse, HttpResponse

MIME = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".zip": "application/zip",
    ".csv": "text/csv; charset=utf-8",
}


def file_download(content, filename: str) -> HttpResponse | FileResponse:
    """Always an attachment; the type follows the name's extension (our own files only). ``content``: bytes, or
    an open file (a large export spooled to disk), streamed and closed once sent."""
    mime = MIME[PurePath(filename).suffix.lower()]
    if hasattr(content, "read"):
        response = FileResponse(content, content_type=mime)
    else:
        response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    response["X-Content-Type-Options"] = "nosniff"
    return response
