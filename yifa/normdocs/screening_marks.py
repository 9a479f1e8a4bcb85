"""The legal office marks findings right or wrong (through the kit), and the marks act on later screening."""

from __future__ import annotations

from dataclasses import replace

from yifa.core.concurrency import VERSION_MISSING
from yifa.core.errors import InvalidInput
from yifa.core.procedure import LEGAL_OFFICE, Checks, add, change

from .screening import Finding
from .screening_models import ScreeningMark, Verdict, sentence_key

MARK_ACTION = "normdocs.screening_mark"
NOTE_MAX = 300


def apply_marks(findings: list[Finding]) -> list[Finding]:
    """Drop findings the office marked wrong for the same rule and sentence; confirmed ones are certain."""
    if not findings:
        return findings
    keys = {sentence_key(f.sentence) for f in findings}
    marks = {
        (m.rule, m.sentence_key): m.verdict
        for m in ScreeningMark.objects.filter(sentence_key__in=keys).only("rule", "sentence_key", "verdict")
    }
    out = []
    for f in findings:
        verdict = marks.get((f.rule, sentence_key(f.sentence)))
        if verdict == Verdict.WRONG:
            continue
        out.append(replace(f, confidence=1.0, why=f"{f.why}（法制机构已确认）") if verdict == Verdict.RIGHT else f)
    return out


def mark_finding(
    *,
    by,
    rule: str,
    sentence: str,
    verdict: str,
    note: str = "",
    document=None,
    expected_version: int | None = None,
) -> ScreeningMark:
    """Record the office's judgement on one finding; marking the same sentence again changes the mark."""
    c = Checks()
    if not (rule or "").strip():
        c.fail("rule", "规则：必须填写")
    if not (sentence or "").strip():
        c.fail("sentence", "句子：必须填写")
    if verdict not in Verdict.values:
        c.fail("verdict", "判断：须为“提示正确”或“误报”")
    if len(note or "") > NOTE_MAX:
        c.fail("note", f"说明：不超过{NOTE_MAX}字")
    if verdict == Verdict.WRONG and not (note or "").strip():
        c.fail("note", "说明：标记误报时请写明理由，它将成为该规则的反例")
    existing = ScreeningMark.objects.filter(rule=rule, sentence_key=sentence_key(sentence)).first()
    if existing is not None and expected_version is None:
        c.fail("version", VERSION_MISSING)
    c.done()
    label = f"标记筛查提示为“{Verdict(verdict).label}”"
    if existing is not None:
        return change(
            existing,
            by=by,
            who=LEGAL_OFFICE,
            action=MARK_ACTION,
            label=label,
            apply={"verdict": verdict, "note": note.strip(), "marked_by": by},
            expected_version=expected_version,
        )
    return add(
        ScreeningMark(
            rule=rule.strip(),
            sentence=sentence.strip(),
            verdict=verdict,
            note=note.strip(),
            document=document,
            marked_by=by,
        ),
        by=by,
        who=LEGAL_OFFICE,
        action=MARK_ACTION,
        label=label,
        data={"rule": rule, "verdict": verdict},
    )


def marked_examples() -> dict[str, dict[str, list[str]]]:
    """Every mark as an example of its rule: {rule: {"hit": [...], "miss": [...]}}."""
    examples: dict[str, dict[str, list[str]]] = {}
    for rule, sentence, verdict in ScreeningMark.objects.order_by("rule", "id").values_list(
        "rule", "sentence", "verdict"
    ):
        side = "hit" if verdict == Verdict.RIGHT else "miss"
        examples.setdefault(rule, {"hit": [], "miss": []})[side].append(sentence)
    return examples


def require_known_rule(rule: str, known: set[str]) -> None:
    if rule not in known:
        raise InvalidInput({"rule": f"规则：没有编号为“{rule}”的规则"})
