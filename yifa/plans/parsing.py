"""Work-plan text → sections and numbered tasks, with lead and cooperating units and deadlines.

Pure Python (no database). Copes with real government texts: numbering of any depth (一、→（一）→1.→（1）→①),
tasks at whichever level carries the work (the level whose items name their units, or the shallowest),
numbers standing mid-paragraph (",1完善行政决策机制。"), numbering that runs on across sections, units in
brackets, table columns or trailing text (plan_units.py), task tables from .docx and .xlsx
(yifa.lib.task_tables), and deadline phrases (yifa.lib.plan_dates: “X月Y日前” ends the day before).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from yifa.lib.plan_dates import Deadline, cn_to_int, find_deadline

from .plan_units import assignment_of, mentioned, unknown_names

__all__ = ["Deadline", "ParsedPlan", "Section", "Task", "cn_to_int", "find_deadline", "parse_plan", "plan_text"]

CN_NUM = "一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

SECTION = re.compile(rf"^([{CN_NUM}]+)\s*[、.．]\s*(.*)$")
SUBSECTION = re.compile(rf"^[（(]([{CN_NUM}]+)[）)]\s*(.*)$")
# "1." but not a decimal such as "6.2%左右"; "11.121人才梯队项目" is task 11.
ARABIC = re.compile(r"^(\d{1,3})\s*[.、．]\s*(?!\d+(?:[.．%％‰]|\s*$))(.*)$")
BARE_ARABIC = re.compile(r"^(\d{1,3})(?=[\u4e00-\u9fff“《])(.*)$")
PAREN_ARABIC = re.compile(r"^[（(](\d{1,3})[）)]\s*(.*)$")
CIRCLED_ITEM = re.compile(rf"^([{CIRCLED}])\s*(.*)$")
# A number standing mid-paragraph, after a clause mark and before a Chinese word that is no unit
# of measure: ",1完善行政决策机制" but not "年5月1日前".
MID_NUMBER = re.compile(
    r"(?<=[,，。；;：:、])\s*(\d{1,3})(?=[\u4e00-\u9fff“《])(?![年月日个项次名人万亿天周岁倍件条款届批家所期号时分元])"
)
SENTENCE_END = re.compile(r"[。；;！!？?]")
OBLIGATION = re.compile(r"(?<![纲重主需])要(?![求点素件])|应当|必须|须|不得|负责")
GUIDING = re.compile(r"为指导|为统领|指导思想|为主线")
NAMES_UNITS = re.compile(r"牵头单位|牵头部门|责任单位|责任部门|主责单位|配合单位|牵头[，,；;）)]|按职责分工")
DEADLINE_LABELS = ("完成时限", "完成时间", "时间要求", "时限要求", "时间节点")

LEVELS = ("subsection", "arabic", "paren", "circled")  # below the sections, shallowest first
MARKERS = (("subsection", SUBSECTION), ("paren", PAREN_ARABIC), ("circled", CIRCLED_ITEM), ("arabic", ARABIC))


@dataclass
class Task:
    number: str
    title: str
    text: str
    units: list[str] = field(default_factory=list)
    deadline_text: str = ""
    due: dt.date | None = None
    lead: list[str] = field(default_factory=list)
    cooperating: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "number": self.number,
            "title": self.title,
            "text": self.text,
            "units": self.units,
            "deadline_text": self.deadline_text,
            "due": self.due.isoformat() if self.due else None,
        }


@dataclass
class Section:
    number: str
    title: str
    tasks: list[Task] = field(default_factory=list)
    intro: str = ""

    def as_dict(self) -> dict:
        return {"number": self.number, "title": self.title, "tasks": [t.as_dict() for t in self.tasks]}


@dataclass
class ParsedPlan:
    title: str
    year: int
    preamble: str
    preamble_tasks: list[Task]
    sections: list[Section]
    unknown_units: list[str] = field(default_factory=list)

    @property
    def tasks(self) -> list[Task]:
        return [t for s in self.sections for t in s.tasks]

    def as_dict(self) -> dict:
        return {
            "title": self.title,
            "year": self.year,
            "preamble": self.preamble,
            "preamble_tasks": [t.as_dict() for t in self.preamble_tasks],
            "sections": [s.as_dict() for s in self.sections],
            "unknown_units": self.unknown_units,
        }


def explicit_field(text: str, *labels: str) -> str:
    """'（责任单位：市司法局、各乡镇各部门；完成时限：2026年6月底前）' → the value after a label."""
    for label in labels:
        m = re.search(rf"{label}\s*[：:]\s*([^；;）)\n]+)", text)
        if m:
            return m.group(1).strip(" 。，,")
    return ""


def find_units(text: str, unit_names=()) -> list[str]:
    """The units a task's text assigns it (lead first), as the plan writes them."""
    return assignment_of(text, unit_names).units


def _paragraphs(text: str) -> list[str]:
    return [line.strip().replace("\u3000", "") for line in text.replace("\r", "").split("\n") if line.strip()]


def _title_of(body: str) -> str:
    body = body.strip()
    body = re.sub(r"[（(](?:责任单位|牵头单位|完成时限)[^）)]*[）)]?", "", body)
    m = SENTENCE_END.search(body)
    title = body[: m.start()] if m else body
    return title.strip(" ，,：:")[:80]


def _marker(paragraph: str):
    """(level, number, rest) of a paragraph that starts with a numbering mark, else None."""
    for level, pattern in MARKERS:
        m = pattern.match(paragraph)
        if m:
            return level, m.group(1), m.group(2)
    return None


def detect_year(text: str, default: int | None = None) -> int:
    m = re.search(r"(?:时间|日期)\s*[:：]\s*(\d{4})", text) or re.search(r"(\d{4})\s*年", text[:200])
    if m:
        return int(m.group(1))
    return default or dt.date.today().year


def _items(body: list[str]) -> list[tuple[str, str]]:
    """(level, the item's paragraphs joined) for each numbered paragraph, with the unmarked ones after it."""
    items: list[list] = []
    for paragraph in body:
        marker = None if SECTION.match(paragraph) else _marker(paragraph)
        if marker:
            items.append([marker[0], paragraph])
        elif SECTION.match(paragraph):
            items.append(["section", paragraph])
        elif items:
            items[-1][1] += "\n" + paragraph
    return [(level, text) for level, text in items if level != "section"]


def _task_level(body: list[str]) -> str:
    """The level that carries the tasks: where items name their units, else the shallowest that is no
    mere heading (“（一）产业提升人才行动计划……实施如下重点项目：”)."""
    items = _items(body)
    by_units = {level: sum(bool(NAMES_UNITS.search(t)) for lv, t in items if lv == level) for level in LEVELS}
    best = max(LEVELS, key=lambda level: (by_units[level], -LEVELS.index(level)))
    if by_units[best]:
        return best
    seen = {lv for lv, _ in items}
    if any(BARE_ARABIC.match(p) or MID_NUMBER.search(p) for p in body):
        seen.add("arabic")
    for level in LEVELS:
        heads = [t for lv, t in items if lv == level]
        if level in seen and not (heads and all(t.split("\n")[0].rstrip().endswith(("：", ":")) for t in heads)):
            return level
    return next((level for level in LEVELS if level in seen), "arabic")


def parse_plan(text: str, *, year: int | None = None, unit_names=()) -> ParsedPlan:
    paragraphs = _paragraphs(text)
    year = year or detect_year(text)
    title = paragraphs[0] if paragraphs else ""
    first = next((i for i, p in enumerate(paragraphs) if SECTION.match(p)), None)
    if first is None:  # a bare task list or table: the body starts at the first numbered line
        first = next((i for i, p in enumerate(paragraphs) if i and _marker(p)), len(paragraphs))
    preamble_paras = paragraphs[:first]
    body = paragraphs[first:]
    task_level = _task_level(body)
    sections: list[Section] = []
    builder = _TaskBuilder(year, unit_names, task_level)
    for paragraph in body:
        m = SECTION.match(paragraph)
        if m:
            builder.close()
            sections.append(Section(m.group(1), _title_of(m.group(2))))
            builder.section = sections[-1]
            continue
        builder.add(paragraph)
    builder.close()
    if builder.section is not None and builder.section not in sections:
        sections.insert(0, builder.section)
    preamble_text = "\n".join(p for p in preamble_paras if SENTENCE_END.search(p))
    plan = ParsedPlan(
        title=title,
        year=year,
        preamble=preamble_text,
        preamble_tasks=_obligations(preamble_text, year, unit_names),
        sections=sections,
    )
    named = [n for t in plan.tasks for n in [*t.lead, *t.cooperating] if NAMES_UNITS.search(t.text)]
    plan.unknown_units = unknown_names(named, unit_names)
    return plan


class _TaskBuilder:
    def __init__(self, year: int, unit_names, level: str):
        self.year, self.unit_names, self.level = year, unit_names, level
        self.section: Section | None = None
        self.current: list | None = None  # [number, title, [text parts]]
        self.last_number = 0

    def add(self, paragraph: str) -> None:
        if self.section is None:
            self.section = Section("", "")
        level = self.level
        marker = _marker(paragraph)
        if marker and marker[0] == level and (level != "arabic" or self._plausible(int(marker[1]))):
            self._start(marker[1], _title_of(marker[2]), paragraph)
            return
        if marker and LEVELS.index(marker[0]) < LEVELS.index(level):
            # A heading above the tasks (“（一）……实施如下重点项目：”): it ends the task before it.
            self.close()
            self.section.intro = "\n".join(filter(None, [self.section.intro, paragraph]))
            return
        if level == "arabic":
            bare = BARE_ARABIC.match(paragraph)
            if bare and self._plausible(int(bare.group(1))):
                self._start(bare.group(1), _title_of(bare.group(2)), paragraph)
                return
            if self._split_mid_numbers(paragraph):
                return
        if self.current is not None:
            self.current[2].append(paragraph)
        else:
            self.section.intro = "\n".join(filter(None, [self.section.intro, paragraph]))

    def _split_mid_numbers(self, paragraph: str) -> bool:
        """Tasks whose numbers stand mid-paragraph; the clause before the first number belongs to it."""
        starts, last = [], self.last_number
        fresh = self.current is None and not self.section.tasks
        for m in MID_NUMBER.finditer(paragraph):
            number = int(m.group(1))
            if number == last + 1 or (number == 1 and fresh and not starts):
                starts.append(m)
                last = number
        if not starts:
            return False
        # As in the seed, the clause leading up to a number belongs to that number's task.
        bounds = [0]
        for prev, m in zip(starts, starts[1:]):
            ends = [e.end() for e in SENTENCE_END.finditer(paragraph, prev.end(), m.start())]
            bounds.append(ends[-1] if ends else m.start())
        bounds.append(len(paragraph))
        for i, m in enumerate(starts):
            self._start(m.group(1), _title_of(paragraph[m.end() : bounds[i + 1]]), paragraph[bounds[i] : bounds[i + 1]])
        return True

    def _plausible(self, number: int) -> bool:
        """The next number in sequence (numbering may run on across sections); or 1 again at the start
        of a section (clean plans restart); or any number for a table's first row."""
        fresh = self.current is None and not self.section.tasks
        return number == self.last_number + 1 or (fresh and (number == 1 or self.last_number == 0))

    def _start(self, number: str, title: str, paragraph: str) -> None:
        self.close()
        self.current = [number, title, [paragraph]]
        self.last_number = int(number) if number.isdigit() else cn_to_int(number)

    def close(self) -> None:
        if self.current is None:
            return
        number, title, parts = self.current
        self.section.tasks.append(_task(number, title, "\n".join(parts), self.year, self.unit_names))
        self.current = None


def _deadline(text: str, year: int) -> tuple[str, dt.date | None]:
    explicit = explicit_field(text, *DEADLINE_LABELS)
    if explicit:
        found = find_deadline(explicit, year)
        return explicit, found.due if found else None
    found = find_deadline(text, year)
    return (found.text, found.due) if found else ("", None)


def _task(number: str, title: str, text: str, year: int, unit_names) -> Task:
    assignment = assignment_of(text, unit_names)
    deadline_text, due = _deadline(text, year)
    return Task(
        number=number,
        title=title,
        text=text,
        units=assignment.units,
        deadline_text=deadline_text,
        due=due,
        lead=assignment.lead,
        cooperating=assignment.cooperating,
    )


def _obligations(preamble: str, year: int, unit_names) -> list[Task]:
    """Duties stated before any numbered task (the seed's annual plan and year-end report)."""
    tasks = []
    for paragraph in preamble.split("\n"):
        for sentence in re.split(r"(?<=[。！!；;])", paragraph):
            sentence = sentence.strip()
            if not sentence or sentence.rstrip("。").endswith((":", "：")) or GUIDING.search(sentence):
                continue
            deadline = find_deadline(sentence, year)
            if (deadline is None or deadline.due is None) and not OBLIGATION.search(sentence):
                continue
            units = mentioned(sentence, unit_names)
            tasks.append(
                Task(
                    number="",
                    title=_title_of(sentence),
                    text=sentence,
                    units=units,
                    deadline_text=deadline.text if deadline else "",
                    due=deadline.due if deadline else None,
                    lead=units,
                )
            )
    return tasks


def plan_text(content: bytes, name: str) -> str:
    """The text of an uploaded plan: .docx (its tables as task lines), .xlsx task tables, or plain text in
    UTF-8 or GB18030."""
    from yifa.lib.office import decode_text
    from yifa.lib.task_tables import docx_plan_text, xlsx_plan_text

    lower = name.lower()
    if lower.endswith(".docx"):
        return docx_plan_text(content)
    if lower.endswith(".xlsx"):
        text = xlsx_plan_text(content)
        if not text:
            raise ValueError(f"文件“{name}”中没有找到任务表（表头须含“工作任务”“牵头单位”“完成时限”等列名）")
        return text
    text = decode_text(content)
    if text is not None:
        return text
    raise ValueError(f"文件“{name}”不是UTF-8或GB18030编码的文本，也不是.docx或.xlsx文件")
