"""Rules carry their citation, cap their extension and follow the version in force."""

import datetime as dt

import pytest

from yifa.lib.deadlines import CALENDAR_DAYS, WORKDAYS
from yifa.lib.law import REGISTRY, Rule, Versions, get_rule
from yifa.lib.statutes import FUYI_2017, FUYI_2023

D = dt.date


@pytest.fixture
def decision_rules():
    # 行政复议法(2023)第六十二条第一款：六十日，经批准可以适当延长，但延长期限最多不得超过三十日
    new = Rule(
        "test.fuyi_decision_2023",
        "作出行政复议决定",
        FUYI_2023,
        "第六十二条第一款",
        days=60,
        unit=CALENDAR_DAYS,
        extension_days=30,
    )
    # 行政复议法(2017)第三十一条第一款：同为六十日、延长不超过三十日
    old = Rule(
        "test.fuyi_decision_2017",
        "作出行政复议决定",
        FUYI_2017,
        "第三十一条第一款",
        days=60,
        unit=CALENDAR_DAYS,
        extension_days=30,
    )
    review = Rule("test.fuyi_acceptance", "受理审查", FUYI_2023, "第三十条", days=5, unit=WORKDAYS)
    yield new, old, review
    for rule in (new, old, review):
        REGISTRY.pop(rule.id, None)


def test_extension_within_the_cap_is_added(package_calendar, decision_rules):
    new, _, _ = decision_rules
    result = new.due(D(2025, 8, 2), package_calendar, extension=30)
    assert result.due == D(2025, 10, 31)
    assert result.explanation[-1] == "依据《中华人民共和国行政复议法》（2023年）第六十二条第一款"


def test_extension_beyond_the_cap_is_refused_citing_the_article(package_calendar, decision_rules):
    new, _, review = decision_rules
    with pytest.raises(ValueError, match="延长31日超过.*第六十二条第一款允许的30日"):
        new.due(D(2025, 8, 2), package_calendar, extension=31)
    with pytest.raises(ValueError, match="允许的0个工作日"):
        review.due(D(2025, 8, 2), package_calendar, extension=1)


def test_a_case_follows_the_version_in_force_when_its_clock_started(decision_rules):
    new, old, _ = decision_rules
    versions = Versions(new, old)
    assert versions.on(D(2023, 12, 31)) is old
    assert versions.on(D(2024, 1, 1)) is new
    assert versions.on(D(2026, 11, 26)) is new
    assert versions.on(D(2017, 1, 1)) is old


def test_a_rule_cannot_be_declared_twice_with_different_numbers(decision_rules):
    with pytest.raises(ValueError, match="declared twice"):
        Rule("test.fuyi_acceptance", "受理审查", FUYI_2023, "第三十条", days=7, unit=WORKDAYS)


def test_a_gate_has_no_due_date(package_calendar):
    gate = get_rule("core.start_day_not_counted")
    assert not gate.is_period
    with pytest.raises(ValueError, match="gate"):
        gate.due(D(2025, 1, 1), package_calendar)


def test_unknown_rule_is_named_in_chinese():
    with pytest.raises(KeyError, match="未登记的规则"):
        get_rule("no.such.rule")


def test_rule_describes_itself_with_its_extension(decision_rules):
    new, _, _ = decision_rules
    assert new.describe == "作出行政复议决定：60日，可延长不超过30日"
    assert new.as_dict()["article"] == "第六十二条第一款"
    assert new.as_dict()["unit"] == "calendar"


def test_an_act_cited_by_several_modules_is_declared_once_in_statutes():
    """A law version shared by modules is the object in ``lib/statutes.py``, so a revision changes it once."""
    from yifa.core.registry import autodiscover
    from yifa.lib import statutes

    autodiscover()
    shared = {law.name: law for law in vars(statutes).values() if type(law).__name__ == "Law"}
    by_name: dict[str, set[int]] = {}
    for rule in REGISTRY.values():
        if rule.law.name in shared and rule.law == shared[rule.law.name]:
            by_name.setdefault(rule.law.name, set()).add(id(rule.law))
    twice = {name for name, ids in by_name.items() if ids != {id(shared[name])}}
    assert not twice, f"declared again outside lib/statutes.py: {twice}"
    cited = {r.law.name for r in REGISTRY.values()}
    assert {"山东省行政执法监督条例", "法治政府建设与责任落实督察工作规定"} <= cited
