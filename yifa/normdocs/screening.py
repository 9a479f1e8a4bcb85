"""公平竞争审查和清理筛查：把文本切成句子，逐句对照规则（数据）提示可能的问题。

提示不是结论：公平竞争审查条例第十七条要求起草单位评估后作出审查结论，
第十二条的例外情形也由人判断。
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

SENTENCE_END = re.compile(r"[。；！？!?;\n]")


@dataclass(frozen=True)
class ScreenPattern:
    code: str
    category: str
    category_label: str
    pattern: str
    is_regex: bool
    unless: str
    article: str
    item: str
    explanation: str

    def compiled(self) -> re.Pattern:
        return re.compile(self.pattern if self.is_regex else re.escape(self.pattern))


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

    def as_dict(self) -> dict:
        return asdict(self)


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


def screen(text: str, rules: list[ScreenPattern]) -> list[Finding]:
    compiled = [(r, r.compiled(), re.compile(r.unless) if r.unless else None) for r in rules]
    findings = []
    for start, end, sentence in sentences(text or ""):
        for rule, pattern, unless in compiled:
            hit = pattern.search(sentence)
            if hit is None or (unless is not None and unless.search(sentence)):
                continue
            findings.append(
                Finding(
                    category=rule.category_label,
                    article=rule.article,
                    item=rule.item,
                    sentence=sentence,
                    start=start,
                    end=end,
                    rule=rule.code,
                    explanation=rule.explanation,
                    match=hit.group(),
                )
            )
    return findings


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
