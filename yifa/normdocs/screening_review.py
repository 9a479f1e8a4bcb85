"""Does a rule still agree with its examples (the catalogue's and the legal office's marks)?"""

from __future__ import annotations

from .screen_defaults import CONCEPTS
from .screening import Rule, apply_rule, readings

CATALOGUE, MARKED = "目录", "法制机构标记"


def fires(rule: Rule, text: str) -> bool:
    return any(apply_rule(rule, r, CONCEPTS) for r in readings(text))


def rule_report(rule: Rule, marked: dict) -> dict:
    """{rule, examples: [{kind, text, source, ok, note}], agrees} for the examples page and the tests.
    A sentence the office marked a false alarm is not raised again (the mark holds it back) even while the
    rule itself still fires on it; the page says so, as a cue to narrow the rule."""
    examples = []
    for kind, texts, source in (
        ("hit", rule.examples.hit, CATALOGUE),
        ("miss", rule.examples.miss, CATALOGUE),
        ("hit", marked.get("hit", []), MARKED),
        ("miss", marked.get("miss", []), MARKED),
    ):
        for text in texts:
            raised = fires(rule, text)
            ok = raised if kind == "hit" else (not raised or source == MARKED)
            note = "规则仍会触发，由标记排除" if kind == "miss" and raised and source == MARKED else ""
            examples.append({"kind": kind, "text": text, "source": source, "ok": ok, "note": note})
    return {"rule": rule, "examples": examples, "agrees": all(e["ok"] for e in examples)}
