"""Who a plan's task goes to: lead and cooperating units from labelled brackets (“（牵头单位：市发展改革委，
配合单位：……）”), trailing text (“（市政府办公室牵头，各有关部门按职责分工负责）”), table columns (written as
labelled brackets by yifa.lib.task_tables) or, failing those, the names the text mentions; and the names
matched against the unit tree, with the ones it does not know listed for the user to map."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

LEAD_LABEL = r"牵头单位|牵头部门|主责单位|负责单位|承办单位|责任单位|责任部门|责任主体"
COOP_LABEL = r"配合单位|配合部门|协办单位|参与单位|协同单位|责任主体与协同单位"
OTHER_LABEL = r"完成时限|完成时间|时间要求|时限要求|时间节点|责任领导|牵头领导|分管领导"
LABELLED = re.compile(rf"({COOP_LABEL}|{LEAD_LABEL}|{OTHER_LABEL})\s*[：:]\s*")
# “（市政府办公室、市审改办牵头，市级各有关部门按职责分工负责）”
TRAILING = re.compile(r"[（(]([^（）()]{2,80}?)牵头[，,；;、]?([^（）()]*)[）)]")
VALUE_END = re.compile(r"[）)\n]")
SEPARATORS = re.compile(r"[、，,；;/]|(?<=[局委办厅院处室部会司所团门府])和|(?<=[局委办厅院处室部会司所团门府])及")
BARE_LEVEL = re.compile(r"^(?:县级市|区县|县区|县|区|乡镇|镇|街道|部门|单位)$")
TRAILING_WORDS = re.compile(r"(按职责分工(?:分别)?负责|按职责分工|分别负责|负责|配合|参与|落实|等单位|等部门|等)$")
GROUP = re.compile(
    r"^(?:各|有关|相关|全区|全市|全县|其他)|各有关|各相关|各项目"
    r"|^(?:县级市|区县|县区|乡镇|街道|部门|单位)$"  # the rest of “各区、县级市”
)

# The usual group phrases of the seed's style (longest first: a matched span is blanked so
# "市政府法制办" is not also "市政府").
GROUP_MENTIONS = [
    "各乡镇各部门",
    "各乡镇、各部门",
    "乡镇政府、各部门",
    "各乡镇部门",
    "各级行政机关",
    "市政府法制办",
    "政府法制办",
    "法制机构",
    "法制办",
    "政府各部门",
    "有关行政执法部门",
    "各乡镇",
    "各部门",
    "市政府",
]
# "省市政府", "全市政府法制培训" do not name the city government.
NOT_AFTER = {"市政府": "省全县区本"}


@dataclass
class Assignment:
    lead: list[str] = field(default_factory=list)
    cooperating: list[str] = field(default_factory=list)

    @property
    def units(self) -> list[str]:
        return list(dict.fromkeys([*self.lead, *self.cooperating]))


def split_names(value: str) -> list[str]:
    names = []
    for part in SEPARATORS.split(value or ""):
        part = TRAILING_WORDS.sub("", part.strip(" 。．.：:"))
        part = TRAILING_WORDS.sub("", part).strip()
        if BARE_LEVEL.match(part) and names and names[-1].startswith("各"):
            names[-1] = f"{names[-1]}、{part}"  # “各区、县级市” is one group
        elif len(part) >= 2 and part not in names:
            names.append(part)
    return names


def labelled(text: str) -> dict[str, list[str]]:
    """{label kind: names} from “牵头单位：…，配合单位：…；完成时限：…”."""
    marks = list(LABELLED.finditer(text))
    found: dict[str, list[str]] = {}
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        stop = VALUE_END.search(text, m.end(), end)
        value = text[m.end() : stop.start() if stop else end].strip(" ，,；;。")
        label = m.group(1)
        kind = "coop" if re.fullmatch(COOP_LABEL, label) else "lead" if re.fullmatch(LEAD_LABEL, label) else None
        if kind is None:
            continue
        key = "lead_strict" if kind == "lead" and label.startswith(("牵头", "主责")) else kind
        found.setdefault(key, []).extend(n for n in split_names(value) if n not in found.get(key, []))
    return found


def mentioned(text: str, unit_names=()) -> list[str]:
    """Units the text names: the usual group phrases and any name of the unit tree."""
    found: list[tuple[int, str]] = []
    blank = text
    for name in sorted({*GROUP_MENTIONS, *(n for n in unit_names if n)}, key=len, reverse=True):
        start = blank.find(name)
        while start >= 0:
            if not (start and blank[start - 1] in NOT_AFTER.get(name, "")):
                found.append((start + 1, name))
            blank = blank[:start] + "\0" * len(name) + blank[start + len(name) :]
            start = blank.find(name)
    names: list[str] = []
    for _, name in sorted(found):
        if not any(name in other for other in names):
            names.append(name)
    return names


def assignment_of(text: str, unit_names=()) -> Assignment:
    fields = labelled(text)
    if "lead_strict" in fields:
        # 牵头单位 leads; a 责任单位 list beside it cooperates (立山区：牵头单位 / 责任单位).
        return Assignment(fields["lead_strict"], [*fields.get("lead", []), *fields.get("coop", [])])
    if "lead" in fields:
        return Assignment(fields["lead"], fields.get("coop", []))
    trailing = list(TRAILING.finditer(text))
    if trailing:
        m = trailing[-1]
        return Assignment(split_names(m.group(1)), split_names(m.group(2)))
    return Assignment(mentioned(text, unit_names), fields.get("coop", []))


# ---- the unit tree ---------------------------------------------------------------------------

PREFIX = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,3}?[市区县](?=[\u4e00-\u9fff]{2,}[局委办厅院处室部会司所])"  # 江临市…局
    r"|[市区县镇乡](?!场))"  # 市司法局, but not 市场监管局
)


def _normal(name: str) -> str:
    name = PREFIX.sub("", name)
    for long, short in (("委员会", "委"), ("人民政府", "政府"), ("办公室", "办"), ("和", ""), ("与", ""), ("及", "")):
        name = name.replace(long, short)
    return name


def _in_order(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def match_unit(name: str, unit_names) -> str | None:
    """The unit tree's name for what a plan calls ``name`` (市发展改革委 → 江临市发展和改革委员会), or None:
    the same name, else the same once city prefixes and long forms are set aside, else the tree's name
    ending with it, else one that holds its characters in order and ends alike."""
    names = [n for n in dict.fromkeys(unit_names) if n]
    if name in names:
        return name
    wanted = _normal(name)
    if not wanted:
        return None
    normal = [(n, _normal(n)) for n in names]
    for test in (
        lambda n, have: have == wanted,
        lambda n, have: len(name) >= 3 and n.endswith(name),
        lambda n, have: have and have[-1] == wanted[-1] and _in_order(wanted, have) and len(wanted) >= 0.6 * len(have),
    ):
        found = next((n for n, have in normal if test(n, have)), None)
        if found:
            return found
    return None


def unknown_names(names, unit_names) -> list[str]:
    """Names the unit tree does not know (group phrases such as “各有关单位” aside), for the user to map."""
    if not unit_names:
        return []
    return [
        n
        for n in dict.fromkeys(names)
        if n not in GROUP_MENTIONS and not GROUP.search(n) and match_unit(n, unit_names) is None
    ]
