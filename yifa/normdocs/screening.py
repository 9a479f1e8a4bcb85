"""公平竞争审查筛查：读懂一句话在做什么，再对照规则（数据）提示可能的问题。

每句先读出：它是否在设定义务或给予好处（“须/应当/方可/给予/奖励/优先……”），还是只在描述；
它是否在禁止这类做法（“不得限制外地经营者……”，或“不得含有下列内容：”之下的各项）；它提到哪些地方
（行政区划、开发区、“本市/辖区/当地/就近”）。规则由概念组合而成（地方 + 注册、迁出 + 退还、奖励 + 贡献……），
只在设定义务或给予好处、又不是在禁止的句子上触发。

提示不是结论：公平竞争审查条例第十七条要求起草单位评估后作出审查结论，第十二条的例外情形也由人判断。
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import cached_property

from yifa.lib.places import find_places

SENTENCE_END = re.compile(r"[。；！？!?;\n]")
ENUMERATOR = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.．、]|[①-⑳])")

# 禁止这类做法：“不得/禁止……”紧跟限制性的动作（“不得限制外地经营者”“禁止指定交易”）。
PROHIBITION = (
    r"不得|禁止|严禁|不准|不允许|不应|不能|杜绝|防止|避免|纠正|清理|废除|废止|取消|破除|打破|消除|反对|查处|制止|不再"
)
RESTRICTIVE_ACT = (
    r"限制|排斥|歧视|设置|设定|强制|变相|指定|限定|要求|阻碍|妨碍|给予|违法|违规|擅自|出台|含有|实施|授予|干预|附加"
    r"|区别对待|差别|地方保护|壁垒|垄断|以[^，。；]{0,10}为由|对[^，。；]{0,20}(?:设置|实行|采取)"
)
FORBIDS = re.compile(rf"(?:{PROHIBITION})[^，。；：]{{0,12}}?(?:{RESTRICTIVE_ACT})")
# A clause that names the wrong itself (“违法设置审批程序”“歧视性的准入条件”) describes it; no measure says so.
NAMES_A_WRONG = re.compile(r"违法|违规|不合理|歧视性|不正当|滥用|排除、限制竞争|排除限制竞争|妨碍统一市场|地方保护")
LEAD_IN = re.compile(
    rf"(?:{PROHIBITION}|不予).*(?:下列|以下|如下)|(?:下列|以下)[^，。]{{0,12}}(?:行为|内容|情形)[^，。]*(?:不得|禁止)"
)
# 设定义务、条件或给予好处的标记；没有这些的句子只是在描述（“本市位于……，辖区面积……”）。
OPERATIVE = re.compile(
    r"须|必须|应当|应为|应事先|应及时|应退|应符合|需|要求|方可|才能|只能|仅限|限于|一律|统一|均由|由其|由[^，。；]{0,12}(?:负责|组织|承担|实施|进行|提供)"
    r"|条件包括|条件为|应具备|须具备|实行|给予|享受|奖励|补贴|补助|资助|支持|扶持|优先|减免|返还|退还|退回|收回|扣回|承诺|不迁|不予|不进行|纳入|作为|确定|签订|列入|入库|遴选|监督"
)
# 有法律、行政法规依据的（公平竞争审查条例第十条“没有法律、行政法规依据”；第八条第（一）项“违法设置”）。
LAWFUL_BASIS = re.compile(r"依法|依照|按照国家|国家规定|法律、行政法规|法律法规|法律、法规|有关法律|规章规定")


@dataclass(frozen=True)
class Reading:
    """What a sentence does: its text, where it stands, and what was read in it."""

    text: str
    start: int
    end: int
    operative: bool
    forbids: bool
    lawful_basis: bool
    places: tuple = ()

    @property
    def acts(self) -> bool:
        return self.operative and not self.forbids


CLAUSE = re.compile(r"[^，,：:]+")
CONDITION = re.compile(r"(?:^|[对凡如若])[^，,]*的$|^(?:如|若|凡)")
DEONTIC = re.compile(r"须|必须|应当|应|需|要求|方可|才能|只能|仅限|一律|统一|不予|不进行|给予|享受|承诺|退还|纳入")
WHO = re.compile(r"(?:企业|经营者|公司|经营主体|市场主体|供应商|投标人|机构|门店|零售店|商户|单位)")


def roles(text: str) -> dict[str, str]:
    """Who must do what, on what condition — the clauses of a sentence as a reader takes them:
    “获得补贴的企业，5年内迁出本区的，须全额退还补贴资金” → who 获得补贴的企业, if 5年内迁出本区的,
    does 须全额退还补贴资金."""
    clauses = [c.strip() for c in CLAUSE.findall(text.rstrip("。；;")) if c.strip()]
    does = next((c for c in clauses if DEONTIC.search(c)), "") or next((c for c in clauses if OPERATIVE.search(c)), "")
    when = [c for c in clauses if c != does and CONDITION.search(c) and not WHO.search(c[-4:])]
    who = next((m.group() for c in clauses for m in [re.search(rf"[^，,]{{0,12}}{WHO.pattern}", c)] if m), "")
    return {"who": who.removeprefix("对"), "when": "，".join(when), "does": does}


def read_sentence(text: str, start: int = 0, *, under_prohibition: bool = False) -> Reading:
    places = tuple(find_places(text))
    return Reading(
        text=text,
        start=start,
        end=start + len(text),
        operative=bool(OPERATIVE.search(text)),
        forbids=under_prohibition or bool(FORBIDS.search(text)) or bool(NAMES_A_WRONG.search(text)),
        lawful_basis=bool(LAWFUL_BASIS.search(text)),
        places=places,
    )


def sentences(text: str):
    """(start, end, sentence) for each sentence, with offsets in ``text``; whitespace trimmed."""
    start = 0
    for m in SENTENCE_END.finditer(text + "\n"):
        end = m.end() if m.group() not in "\n" else m.start()
        raw = text[start : min(end, len(text))]
        stripped = raw.strip()
        if stripped:
            offset = start + (len(raw) - len(raw.lstrip()))
            yield offset, offset + len(stripped), stripped
        start = m.end()


def readings(text: str) -> list[Reading]:
    """Each sentence read; items listed under “不得含有下列内容：” inherit the prohibition."""
    out, under = [], False
    for start, _end, sentence in sentences(text or ""):
        item = bool(ENUMERATOR.match(sentence))
        if not item:
            under = False
        out.append(read_sentence(sentence, start, under_prohibition=under and item))
        if LEAD_IN.search(sentence) and sentence.rstrip("。").endswith(("：", ":")):
            under = True
    return out


# ---- rules ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Examples:
    hit: tuple[str, ...] = ()
    miss: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    """A screening rule as data: the concepts a sentence must hold together (each entry one concept or
    alternatives “a|b”), where it points in the 条例, why, how sure, and examples beside it."""

    code: str
    category: str
    article: str
    item: str
    explanation: str
    needs: tuple[str, ...]
    confidence: float = 0.7
    unless: str = ""
    needs_no_legal_basis: bool = False
    needs_operative: bool = True  # the legal office's own phrases are explicit enough to stand alone
    examples: Examples = field(default_factory=Examples)

    @cached_property
    def unless_pattern(self) -> re.Pattern | None:
        return re.compile(self.unless) if self.unless else None


@dataclass(frozen=True)
class Finding:
    category: str
    article: str
    item: str
    sentence: str
    start: int
    end: int
    rule: str
    explanation: str
    match: str
    confidence: float = 0.5
    why: str = ""
    citation: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


MAX_SPAN = 90  # the concepts of one rule stand together: within this many characters


def concept_spans(reading: Reading, concepts: dict, name: str) -> list[tuple[int, int, str]]:
    """Where ``reading`` shows concept ``name`` (a regex in ``concepts``, or a place): (start, end, words)."""
    if name == "place":
        return [(p.start, p.end, p.name) for p in reading.places if not p.name.startswith(("外", "异", "非"))]
    if name == "named_place":
        return [(p.start, p.end, p.name) for p in reading.places if p.kind in ("division", "short", "zone", "unnamed")]
    return [(m.start(), m.end(), m.group()) for m in concepts[name].finditer(reading.text)]


def _closest(groups: list[list[tuple[int, int, str]]]) -> tuple[int, list[str]]:
    """One occurrence from each group, as close together as they come: (span, words)."""
    best = (10**9, [])
    for anchor in (hit for group in groups for hit in group):
        chosen = [min(group, key=lambda h: abs(h[0] - anchor[0])) for group in groups]
        span = max(h[1] for h in chosen) - min(h[0] for h in chosen)
        if span < best[0]:
            best = (span, [h[2] for h in chosen])
    return best


def apply_rule(rule: Rule, reading: Reading, concepts: dict) -> tuple[list[str], float] | None:
    """The words that made ``rule`` fire on ``reading`` and the confidence, or None."""
    if reading.forbids or (rule.needs_operative and not reading.operative):
        return None
    if rule.needs_no_legal_basis and reading.lawful_basis:
        return None
    if rule.unless_pattern is not None and rule.unless_pattern.search(reading.text):
        return None
    groups = []
    for need in rule.needs:
        hits = [h for alt in need.split("|") for h in concept_spans(reading, concepts, alt)]
        if not hits:
            return None
        groups.append(hits)
    span, evidence = _closest(groups)
    if span > MAX_SPAN:
        return None
    confidence = rule.confidence
    if any(p.kind in ("division", "short", "zone") for p in reading.places):
        confidence += 0.05
    if re.search(r"\d+年内|[一二三四五六七八九十]年内", reading.text):
        confidence += 0.05
    return evidence, round(min(confidence, 0.95), 2)


def screen_readings(readings_: list[Reading], rules: list[Rule], concepts: dict, citation_of) -> list[Finding]:
    findings = []
    for reading in readings_:
        for rule in rules:
            result = apply_rule(rule, reading, concepts)
            if result is None:
                continue
            evidence, confidence = result
            findings.append(
                Finding(
                    category=rule.category,
                    article=rule.article,
                    item=rule.item,
                    sentence=reading.text,
                    start=reading.start,
                    end=reading.end,
                    rule=rule.code,
                    explanation=rule.explanation,
                    match="、".join(dict.fromkeys(evidence)),
                    confidence=confidence,
                    why=_why(reading, evidence, rule),
                    citation=citation_of(rule),
                )
            )
    return findings


def _why(reading: Reading, evidence: list[str], rule: Rule) -> str:
    parts = roles(reading.text)
    told = "；".join(
        f"{label}：{parts[key]}" for key, label in (("who", "对象"), ("when", "条件"), ("does", "要求")) if parts[key]
    )
    return f"句中“{'”“'.join(dict.fromkeys(evidence))}”{f'（{told}）' if told else ''}：{rule.explanation}"


def check_pattern(pattern: str, is_regex: bool = True) -> str | None:
    """A Chinese error for a bad pattern, or None."""
    if not pattern.strip():
        return "短语或正则不能为空"
    if is_regex:
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            return f"正则表达式有误：{exc}"
        if compiled.search(""):
            return "正则表达式会匹配空文本，请写得更具体"
    return None
