"""Work-plan text → sections and numbered tasks, with suggested units and deadlines.

Pure Python (no database). Copes with real government texts: 一、/（一）/1./1、/（1）/①
numbering, task numbers standing mid-paragraph (",1完善行政决策机制。"), sentences out of
order, and dates whose year was left out ("年5月1日前"), resolved in the plan's year.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from dataclasses import asdict, dataclass, field

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUM = "一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

SECTION = re.compile(rf"^([{CN_NUM}]+)\s*[、.．]\s*(.*)$")
SUBSECTION = re.compile(rf"^[（(]([{CN_NUM}]+)[）)]\s*(.*)$")
ARABIC = re.compile(r"^(\d{1,3})\s*[.、．]\s*(?!\d)(.*)$")
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

LEVELS = ("subsection", "arabic", "paren", "circled")


def cn_to_int(text: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20 (up to 九十九)."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (CN_DIGITS.get(ones, 0) if ones else 0)
    return CN_DIGITS.get(text, 0)


# ---- deadlines -------------------------------------------------------------------------------


def _month(text: str) -> int:
    return int(text) if text.isdigit() else cn_to_int(text)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _calendar.monthrange(year, month)[1])


QUARTER_END = {1: 3, 2: 6, 3: 9, 4: 12}
M = rf"(\d{{1,2}}|[{CN_NUM}]{{1,3}})"
DEADLINE_PATTERNS: list[tuple[re.Pattern, object]] = [
    (
        re.compile(rf"(\d{{4}})?年{M}月(\d{{1,2}})日(?:前|之前|以前)?"),
        lambda m, y: dt.date(int(m.group(1) or y), _month(m.group(2)), int(m.group(3))),
    ),
    (
        re.compile(rf"(?<![年\d]){M}月(\d{{1,2}})日(?:前|之前|以前)"),
        lambda m, y: dt.date(y, _month(m.group(1)), int(m.group(2))),
    ),
    (
        re.compile(rf"(\d{{4}})?年?{M}月(?:底|末|份)(?:前|之前|以前)?"),
        lambda m, y: _month_end(int(m.group(1) or y), _month(m.group(2))),
    ),
    (
        re.compile(r"(?:每年|本年度?)?第?([一二三四1-4])季度(?:末|底)?(?:前|之前|以前)?"),
        lambda m, y: _month_end(y, QUARTER_END[_month(m.group(1))]),
    ),
    (re.compile(r"上半年(?:底|末)?(?:前|之前)?"), lambda m, y: dt.date(y, 6, 30)),
    (re.compile(r"下半年|年底(?:前|之前|以前)?|年末(?:前|之前)?|年内|全年|年度内"), lambda m, y: dt.date(y, 12, 31)),
    (re.compile(r"长期坚持|长期执行|持续推进|常态化"), lambda m, y: None),
]


@dataclass
class Deadline:
    text: str
    due: dt.date | None
    at: int


def find_deadline(text: str, year: int) -> Deadline | None:
    """The first deadline expression in ``text``, resolved in ``year`` when the year is missing."""
    found: list[Deadline] = []
    for pattern, resolve in DEADLINE_PATTERNS:
        for m in pattern.finditer(text):
            try:
                due = resolve(m, year)
            except ValueError:
                continue
            found.append(Deadline(m.group(0), due, m.start()))
            break
    if not found:
        return None
    return min(found, key=lambda d: (d.at, -len(d.text)))


def explicit_field(text: str, *labels: str) -> str:
    """'（责任单位：市司法局、各乡镇各部门；完成时限：2026年6月底前）' → the value after a label."""
    for label in labels:
        m = re.search(rf"{label}\s*[：:]\s*([^；;）)\n]+)", text)
        if m:
            return m.group(1).strip(" 。，,")
    return ""


# ---- units -----------------------------------------------------------------------------------

# Longest first: a matched span is blanked so "市政府法制办" is not also "市政府".
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


def find_units(text: str, unit_names=()) -> list[str]:
    """Units named in ``text``: an explicit 责任单位 list, the usual group phrases, and any
    name in ``unit_names`` (the unit tree's names and short names)."""
    explicit = explicit_field(text, "责任单位", "牵头单位", "责任部门")
    if explicit:
        return [n.strip() for n in re.split(r"[、，,/]|和|及", explicit) if n.strip()]
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


# ---- structure -------------------------------------------------------------------------------


@dataclass
class Task:
    number: str
    title: str
    text: str
    units: list[str] = field(default_factory=list)
    deadline_text: str = ""
    due: dt.date | None = None

    def as_dict(self) -> dict:
        data = asdict(self)
        data["due"] = self.due.isoformat() if self.due else None
        return data


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
        }


def _paragraphs(text: str) -> list[str]:
    return [line.strip().replace("\u3000", "") for line in text.replace("\r", "").split("\n") if line.strip()]


def _title_of(body: str) -> str:
    body = body.strip()
    m = SENTENCE_END.search(body)
    title = body[: m.start()] if m else body
    title = re.sub(r"[（(](?:责任单位|牵头单位|完成时限)[^）)]*[）)]?", "", title)
    return title.strip(" ，,：:")[:80]


def _marker(paragraph: str):
    """(level, number, rest) of a paragraph that starts with a numbering mark, else None."""
    for level, pattern in (
        ("subsection", SUBSECTION),
        ("paren", PAREN_ARABIC),
        ("circled", CIRCLED_ITEM),
        ("arabic", ARABIC),
    ):
        m = pattern.match(paragraph)
        if m:
            return level, m.group(1), m.group(2)
    return None


def detect_year(text: str, default: int | None = None) -> int:
    m = re.search(r"(?:时间|日期)\s*[:：]\s*(\d{4})", text) or re.search(r"(\d{4})\s*年", text[:200])
    if m:
        return int(m.group(1))
    return default or dt.date.today().year


def parse_plan(text: str, *, year: int | None = None, unit_names=()) -> ParsedPlan:
    paragraphs = _paragraphs(text)
    year = year or detect_year(text)
    title = paragraphs[0] if paragraphs else ""
    first_section = next((i for i, p in enumerate(paragraphs) if SECTION.match(p)), len(paragraphs))
    preamble_paras = paragraphs[:first_section]
    body = paragraphs[first_section:]
    task_level = _task_level(body)
    sections: list[Section] = []
    builder = _TaskBuilder(year, unit_names)
    for paragraph in body:
        m = SECTION.match(paragraph)
        if m:
            builder.close()
            sections.append(Section(m.group(1), _title_of(m.group(2))))
            builder.section = sections[-1]
            continue
        builder.add(paragraph, task_level)
    builder.close()
    preamble_text = "\n".join(p for p in preamble_paras if SENTENCE_END.search(p))
    return ParsedPlan(
        title=title,
        year=year,
        preamble=preamble_text,
        preamble_tasks=_obligations(preamble_text, year, unit_names),
        sections=sections,
    )


def _task_level(body: list[str]) -> str:
    seen = {m[0] for m in map(_marker, body) if m}
    if any(BARE_ARABIC.match(p) or MID_NUMBER.search(p) for p in body):
        seen.add("arabic")
    return next((level for level in LEVELS if level in seen), "arabic")


class _TaskBuilder:
    def __init__(self, year: int, unit_names):
        self.year, self.unit_names = year, unit_names
        self.section: Section | None = None
        self.current: list | None = None  # [number, title, [text parts]]
        self.last_number = 0

    def add(self, paragraph: str, level: str) -> None:
        if self.section is None:
            self.section = Section("", "")
        marker = _marker(paragraph)
        if marker and marker[0] == level and (level != "arabic" or self._plausible(int(marker[1]))):
            self._start(marker[1], _title_of(marker[2]), paragraph)
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
        """The next number in sequence; or 1 again at the start of a section (clean plans restart)."""
        return number == self.last_number + 1 or (number == 1 and self.current is None and not self.section.tasks)

    def _start(self, number: str, title: str, paragraph: str) -> None:
        self.close()
        self.current = [number, title, [paragraph]]
        self.last_number = int(number) if number.isdigit() else cn_to_int(number)

    def close(self) -> None:
        if self.current is None:
            return
        number, title, parts = self.current
        text = "\n".join(parts)
        self.section.tasks.append(_task(number, title, text, self.year, self.unit_names))
        self.current = None


def _task(number: str, title: str, text: str, year: int, unit_names) -> Task:
    explicit = explicit_field(text, "完成时限", "完成时间", "时间要求", "时限要求")
    deadline = find_deadline(explicit, year) if explicit else None
    deadline = deadline or find_deadline(text, year)
    return Task(
        number=number,
        title=title,
        text=text,
        units=find_units(text, unit_names),
        deadline_text=(explicit or deadline.text) if deadline else explicit,
        due=deadline.due if deadline else None,
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
            if deadline is None and not OBLIGATION.search(sentence):
                continue
            tasks.append(
                Task(
                    number="",
                    title=_title_of(sentence),
                    text=sentence,
                    units=find_units(sentence, unit_names),
                    deadline_text=deadline.text if deadline else "",
                    due=deadline.due if deadline else None,
                )
            )
    return tasks


def plan_text(content: bytes, name: str) -> str:
    """The text of an uploaded plan: .docx, or plain text in UTF-8 or GB18030."""
    from yifa.lib.office import decode_text, docx_text

    if name.lower().endswith(".docx"):
        return docx_text(content)
    text = decode_text(content)
    if text is not None:
        return text
    raise ValueError(f"文件“{name}”不是UTF-8或GB18030编码的文本，也不是.docx文件")
