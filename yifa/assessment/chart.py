"""A bar chart as inline SVG, drawn on the server: no script, nothing fetched (the cockpit's chart)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

BAR, GAP, LABEL_WIDTH, WIDTH = 22, 8, 150, 420


@dataclass
class Bar:
    label: str
    value: Decimal
    y: int
    width: int
    text_y: int


def bars(items: list[tuple[str, Decimal]], maximum: Decimal) -> dict:
    rows = []
    for n, (label, value) in enumerate(items):
        y = n * (BAR + GAP)
        width = int(WIDTH * value / maximum) if maximum else 0
        rows.append(Bar(label, value, y, width, y + BAR - 6))
    return {
        "bars": rows,
        "height": max(len(rows) * (BAR + GAP), BAR),
        "width": LABEL_WIDTH + WIDTH + 60,
        "label_width": LABEL_WIDTH,
    }
