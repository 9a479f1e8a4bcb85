"""Case and request numbers as people type them: 〔2026〕 written with ()/（）, 【】 or [], or only the
sequence number."""

from __future__ import annotations

import re

BRACKETS = str.maketrans(
    {"(": "〔", "（": "〔", "【": "〔", "[": "〔", "［": "〔", ")": "〕", "）": "〕", "】": "〕", "]": "〕", "］": "〕"}
)


def normal(typed: str) -> str:
    """Spaces dropped and every year bracket written 〔〕."""
    return "".join((typed or "").split()).translate(BRACKETS)


def same_number(typed: str, number: str) -> bool:
    """Whether ``typed`` names ``number``: the same text up to brackets and spaces, or its last number
    (with or without 第…号)."""
    typed = normal(typed)
    if typed == number.translate(BRACKETS):
        return True
    bare = typed.removeprefix("第").removesuffix("号")
    digits = re.findall(r"\d+", number)
    return bare.isdigit() and bool(digits) and int(bare) == int(digits[-1])
