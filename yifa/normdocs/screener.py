"""The screener over the legal office's rule list (ScreenRule rows), and editing that list."""

from __future__ import annotations

import re

from django.db import transaction

from yifa.core.access import require_legal_office
from yifa.core.audit import record_event
from yifa.core.errors import InvalidInput

from .models import ScreenCategory, ScreenRule
from .screening import Finding, ScreenPattern, check_pattern, screen


def active_patterns() -> list[ScreenPattern]:
    return [
        ScreenPattern(
            code=r.code,
            category=r.category,
            category_label=r.get_category_display(),
            pattern=r.pattern,
            is_regex=r.is_regex,
            unless=r.unless,
            article=r.article,
            item=r.item,
            explanation=r.explanation,
        )
        for r in ScreenRule.objects.filter(active=True)
    ]


def screen_text(text: str) -> list[Finding]:
    return screen(text, active_patterns())


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
    require_legal_office(by)
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
    if not re.fullmatch(r"第[一二三四五六七八九十百]+条", (article or "").strip()):
        errors["article"] = "条：须写成“第九条”的形式（公平竞争审查条例第八条至第十一条）"
    if not (explanation or "").strip():
        errors["explanation"] = "说明：必须填写"
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        rule, created = ScreenRule.objects.update_or_create(
            code=code.strip(),
            defaults=dict(
                category=category,
                pattern=pattern,
                is_regex=is_regex,
                unless=unless.strip(),
                article=article.strip(),
                item=item.strip(),
                explanation=explanation.strip(),
                active=active,
            ),
        )
        record_event(
            actor=by,
            subject=rule,
            action="normdocs.screen_rule",
            action_label="新增审查规则" if created else "修改审查规则",
            data={"code": rule.code, "pattern": pattern, "article": article, "active": active},
        )
    return rule
