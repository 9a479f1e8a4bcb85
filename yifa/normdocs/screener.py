"""The screener: the rule catalogue (screen_defaults.py) plus the legal office's own phrase rules (ScreenRule
rows), with the office's marks on past findings; and editing those phrase rules through the kit."""

from __future__ import annotations

import re

from yifa.core.errors import InvalidInput
from yifa.core.procedure import LEGAL_OFFICE, add, change
from yifa.lib.statutes import FAIR_COMPETITION

from .models import ScreenCategory, ScreenRule
from .screen_defaults import CONCEPTS, RULES
from .screening import Finding, Rule, check_pattern, readings, screen_readings

ARTICLE = re.compile(r"第[一二三四五六七八九十百]+条")
PHRASE_CONFIDENCE = 0.5


def citation_of(rule) -> str:
    return f"{FAIR_COMPETITION.citation}{rule.article}{rule.item}"


def phrase_rules() -> tuple[list[Rule], dict]:
    """The legal office's active phrase rules as catalogue rules of one concept each."""
    rules, concepts = [], {}
    labels = dict(ScreenCategory.choices)
    for r in ScreenRule.objects.filter(active=True):
        name = f"phrase:{r.code}"
        concepts[name] = re.compile(r.pattern if r.is_regex else re.escape(r.pattern))
        rules.append(
            Rule(
                r.code,
                labels.get(r.category, r.category),
                r.article,
                r.item,
                r.explanation,
                needs=(name,),
                confidence=PHRASE_CONFIDENCE,
                unless=r.unless,
                needs_operative=False,
            )
        )
    return rules, concepts


def screen_text(text: str) -> list[Finding]:
    """Findings on ``text``: catalogue and phrase rules, less what the legal office marked wrong."""
    from .screening_marks import apply_marks

    extra_rules, extra_concepts = phrase_rules()
    findings = screen_readings(
        readings(text or ""), [*RULES, *extra_rules], {**CONCEPTS, **extra_concepts}, citation_of
    )
    return apply_marks(findings)


def screen_plain(text: str) -> list[Finding]:
    """The catalogue alone, without the database (the command line and the benchmark)."""
    return screen_readings(readings(text or ""), RULES, CONCEPTS, citation_of)


def _rule_errors(*, code, category, pattern, is_regex, unless, article, explanation) -> dict:
    errors = {}
    if not (code or "").strip():
        errors["code"] = "编号：必须填写"
    if category not in ScreenCategory.values:
        errors["category"] = "类别：取值不在允许范围内"
    problem = check_pattern(pattern or "", is_regex)
    if problem:
        errors["pattern"] = f"短语或正则：{problem}"
    if unless:
        problem = check_pattern(unless, True)
        if problem:
            errors["unless"] = f"排除：{problem}"
    if not ARTICLE.fullmatch((article or "").strip()):
        errors["article"] = "条：须写成“第九条”的形式（公平竞争审查条例第八条至第十一条）"
    if not (explanation or "").strip():
        errors["explanation"] = "说明：必须填写"
    return errors


def rule_save(
    *,
    by,
    code: str,
    category: str,
    pattern: str,
    is_regex: bool = True,
    unless: str = "",
    article: str,
    item: str = "",
    explanation: str,
    active: bool = True,
) -> ScreenRule:
    """Add a phrase rule, or change the one with this code (法制机构 only)."""
    errors = _rule_errors(
        code=code,
        category=category,
        pattern=pattern,
        is_regex=is_regex,
        unless=unless,
        article=article,
        explanation=explanation,
    )
    if errors:
        raise InvalidInput(errors)
    fields = dict(
        category=category,
        pattern=pattern,
        is_regex=is_regex,
        unless=(unless or "").strip(),
        article=article.strip(),
        item=(item or "").strip(),
        explanation=explanation.strip(),
        active=active,
    )
    existing = ScreenRule.objects.filter(code=code.strip()).first()
    if existing is not None:
        return change(
            existing,
            by=by,
            who=LEGAL_OFFICE,
            action="normdocs.screen_rule",
            label="修改审查规则",
            apply=fields,
        )
    return add(
        ScreenRule(code=code.strip(), **fields),
        by=by,
        who=LEGAL_OFFICE,
        action="normdocs.screen_rule",
        label="新增审查规则",
        data={"code": code.strip(), "pattern": pattern, "article": article, "active": active},
    )
