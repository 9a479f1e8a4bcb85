"""API pagination by page number and size, without COUNT(*) over large tables."""

from typing import Any

from ninja import Field, Schema
from ninja.pagination import PaginationBase

from .queries import MAX_PAGE


class CursorlessPagination(PaginationBase):
    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE, description=f"页码，从1开始，最大{MAX_PAGE}")
        size: int = Field(50, ge=1, le=200, description="每页条数，最多200")

    class Output(Schema):
        items: list[Any]
        page: int
        size: int
        has_next: bool

    def paginate_queryset(self, queryset, pagination: Input, **params):
        offset = (pagination.page - 1) * pagination.size
        rows = list(queryset[offset : offset + pagination.size + 1])
        return {
            "items": rows[: pagination.size],
            "page": pagination.page,
            "size": pagination.size,
            "has_next": len(rows) > pagination.size,
        }
