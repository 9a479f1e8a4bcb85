"""The fair-competition screener reads what a sentence does, cites the article and item, says why and how
sure, and leaves alone prohibitions of such conduct and sentences that only describe."""

import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from yifa.core.errors import AccessDenied, InvalidInput
from yifa.lib.places import find_places
from yifa.normdocs.models import ScreenRule
from yifa.normdocs.screen_defaults import CONCEPTS, RULES
from yifa.normdocs.screener import rule_save, screen_plain, screen_text
from yifa.normdocs.screening import readings
from yifa.normdocs.screening_review import fires

from .conftest import LOCAL_PROTECTION_TEXT, NEUTRAL_TEXT

MARKED_EXAMPLES = Path(__file__).resolve().parents[2] / "yifa" / "normdocs" / "screen_marked_examples.json"
RULE_BY_CODE = {r.code: r for r in RULES}


@pytest.mark.parametrize(
    "rule, sentence", [(r, s) for r in RULES for s in r.examples.hit], ids=lambda v: getattr(v, "code", v)
)
def test_each_rule_raises_its_positive_examples(rule, sentence):
    assert fires(rule, sentence), f"{rule.code} 应当提示：{sentence}"


@pytest.mark.parametrize(
    "rule, sentence", [(r, s) for r in RULES for s in r.examples.miss], ids=lambda v: getattr(v, "code", v)
)
def test_each_rule_leaves_its_negative_examples_alone(rule, sentence):
    assert not fires(rule, sentence), f"{rule.code} 不应提示：{sentence}"


def test_marks_exported_by_the_legal_office_are_run_as_examples():
    marked = json.loads(MARKED_EXAMPLES.read_text(encoding="utf-8"))
    for code, sides in marked.items():
        rule = RULE_BY_CODE.get(code)
        if rule is None:  # a mark on one of the office's own phrase rules
            continue
        for sentence in sides.get("hit", []):
            assert fires(rule, sentence), f"{code} 应当提示（法制机构标记）：{sentence}"


def test_every_rule_has_examples_on_both_sides_and_cites_an_item_of_articles_8_to_11():
    for rule in RULES:
        assert rule.examples.hit and rule.examples.miss, rule.code
        assert rule.article in {"第八条", "第九条", "第十条", "第十一条"}, rule.code
        assert re.fullmatch(r"第（[一二三四五]）项", rule.item), rule.code
        for need in rule.needs:
            for concept in need.split("|"):
                assert concept in CONCEPTS or concept in {"place", "named_place"}, (rule.code, concept)


def test_the_catalogue_covers_every_listed_item_of_articles_8_to_11():
    # 第八条（一）至（四）、第九条（一）至（五）、第十条（一）至（三）、第十一条（一）至（三）；各条最后一项是兜底条款。
    covered = {(r.article, r.item) for r in RULES}
    items = "一二三四五"
    wanted = {("第八条", f"第（{items[i]}）项") for i in range(4)}
    wanted |= {("第九条", f"第（{items[i]}）项") for i in range(5)}
    wanted |= {("第十条", f"第（{items[i]}）项") for i in range(3)}
    wanted |= {("第十一条", f"第（{items[i]}）项") for i in range(3)}
    assert wanted <= covered, wanted - covered


def test_place_names_come_from_the_gazetteer_and_the_documents_own_words():
    text = "在海淀区、杭州、广西壮族自治区、丽水经济技术开发区及本市、辖区内、当地就近采购"
    names = {(p.name, p.kind) for p in find_places(text)}
    assert {("海淀区", "division"), ("杭州", "short"), ("广西壮族自治区", "division")} <= names
    assert ("丽水经济技术开发区", "zone") in names
    assert {"本市", "辖区内", "当地", "就近"} <= {n for n, _ in names}
    assert find_places("全市各级行政机关和同一省、自治区的部门") == []


@pytest.mark.parametrize(
    "sentence, article, item",
    [
        ("外地生产的建材一律不得进入本市重点工程。", "第九条", "第（一）项"),
        ("外地企业须在本市设立分支机构方可承接业务。", "第九条", "第（二）项"),
        ("运输企业须在朝阳区注册并缴纳税收。", "第九条", "第（二）项"),
        ("各学校应当统一使用指定企业提供的校服。", "第八条", "第（三）项"),
        ("对在本市注册的龙头企业给予一次性奖励50万元。", "第十条", "第（二）项"),
        ("对入园企业给予税收返还。", "第十条", "第（一）项"),
        ("本市出租车行业实行统一定价。", "第十一条", "第（一）项"),
        ("该项目仅限国有企业参与投资建设。", "第八条", "第（四）项"),
        ("享受扶持的企业10年内迁出本县的，应退还全部扶持资金。", "第九条", "第（一）项"),
        ("按企业当年地方财力贡献的50%给予奖励。", "第十条", "第（二）项"),
    ],
)
def test_restrictive_clauses_are_flagged_with_their_article_and_item(sentence, article, item):
    found = {(f.article, f.item) for f in screen_plain(sentence)}
    assert (article, item) in found


@pytest.mark.parametrize(
    "sentence",
    [
        "为了加强本地农产品市场监管，制定本办法。",
        "本地居民可以向所在街道申请临时救助。",
        "各部门不得排斥外地经营者参与本地招标投标。",
        "本办法适用于本地区行政区域内的社会救助工作。",
        "不得限制外地经营者在本地设立分支机构，不得阻碍企业迁出。",
        "本市位于长江下游，辖区内共有注册企业12万户，其中外地在本市设立的分支机构3000家。",
        "禁止对外地商品设定歧视性收费项目。",
    ],
)
def test_prohibitions_and_descriptions_are_left_alone(sentence):
    assert screen_plain(sentence) == []


def test_a_subsidy_on_local_registration_is_a_subsidy_not_a_registration_requirement():
    rules = {f.rule for f in screen_plain("对在本县注册的企业给予每户5万元补贴。")}
    assert rules == {"10.2-奖补以本地注册为条件"}


def test_items_listed_under_a_prohibition_are_not_flagged():
    text = (
        "第八条 政策措施不得含有下列内容：\n"
        "（一）违法设置或者授予特许经营权；\n"
        "（二）限定经营、购买特定经营者提供的商品。"
    )
    assert screen_plain(text) == []
    # The lead-in forbids; its items inherit it.
    assert [r.forbids for r in readings(text)] == [True, True, True]


def test_the_fair_competition_regulation_itself_raises_nothing():
    law = Path(__file__).resolve().parent / "evaluation" / "clean" / "公平竞争审查条例.md"
    assert screen_plain(law.read_text(encoding="utf-8")) == []


def test_a_finding_cites_article_and_item_explains_why_and_has_a_confidence():
    (finding,) = [f for f in screen_plain("获得补贴的企业，5年内迁出顺义区的，须全额退还补贴资金。")]
    assert finding.citation == "《公平竞争审查条例》（2024年）第九条第（一）项"
    assert "迁出" in finding.why and "退还" in finding.why and "阻碍本地经营者迁出" in finding.why
    # Who must do what, on what condition.
    assert "对象：获得补贴的企业；条件：5年内迁出顺义区的；要求：须全额退还补贴资金" in finding.why
    assert 0.85 < finding.confidence <= 0.95  # a named district and a term of years add to the rule's base


pytestmark_db = pytest.mark.django_db


@pytestmark_db
def test_local_protection_clause_is_flagged_with_its_article_and_sentence():
    findings = screen_text(LOCAL_PROTECTION_TEXT)
    assert len(findings) == 1
    f = findings[0]
    assert f.category == "地方保护和歧视外地经营者"
    assert (f.article, f.item) == ("第九条", "第（三）项")
    assert f.sentence == "第二条 政府采购项目优先采购本市企业生产的产品。"
    assert LOCAL_PROTECTION_TEXT[f.start : f.end] == f.sentence


@pytestmark_db
def test_the_first_releases_phrase_rules_are_switched_off_by_the_migration():
    assert not ScreenRule.objects.filter(active=True, code__startswith="FC-").exists()


@pytestmark_db
def test_legal_office_edits_its_phrase_rules_and_the_screener_follows(cast):
    assert screen_text("本市菜市场摊位只租给本区户籍居民。") == []
    rule = rule_save(
        by=cast["reviewer"],
        code="LOCAL-1",
        category="local_protection",
        pattern="只租给本区户籍",
        is_regex=False,
        article="第九条",
        item="第（五）项",
        explanation="以户籍限制经营者",
    )
    assert [f.rule for f in screen_text("本市菜市场摊位只租给本区户籍居民。")] == ["LOCAL-1"]
    assert rule.pk and ScreenRule.objects.get(code="LOCAL-1").active
    rule_save(
        by=cast["reviewer"],
        code="LOCAL-1",
        category="local_protection",
        pattern="只租给本区户籍",
        is_regex=False,
        article="第九条",
        explanation="以户籍限制经营者",
        active=False,
    )
    assert screen_text("本市菜市场摊位只租给本区户籍居民。") == []
    from yifa.core.models import Event

    assert list(Event.objects.filter(action="normdocs.screen_rule").values_list("action_label", flat=True)) == [
        "新增审查规则",
        "修改审查规则",
    ]


@pytestmark_db
def test_only_the_legal_office_edits_rules(cast):
    with pytest.raises(AccessDenied):
        rule_save(
            by=cast["minzheng_liaison"], code="X", category="conduct", pattern="x", article="第十一条", explanation="x"
        )
    assert not ScreenRule.objects.filter(code="X").exists()


@pytestmark_db
def test_bad_rule_is_refused_with_the_fields_named(cast):
    with pytest.raises(InvalidInput) as err:
        rule_save(
            by=cast["reviewer"], code="BAD", category="conduct", pattern="(未闭合", article="第9条", explanation=""
        )
    assert set(err.value.errors) == {"pattern", "article", "explanation"}
    assert not ScreenRule.objects.filter(code="BAD").exists()


@pytestmark_db
def test_cli_prints_findings_as_json_and_an_empty_list_for_clean_text(tmp_path, capsys):
    flagged = tmp_path / "flagged.txt"
    flagged.write_text(LOCAL_PROTECTION_TEXT, encoding="utf-8")
    call_command("normdocs", "screen", str(flagged), "--json")
    out = json.loads(capsys.readouterr().out)
    assert len(out) == 1
    assert out[0]["category"] == "地方保护和歧视外地经营者"
    assert (out[0]["article"], out[0]["rule"]) == ("第九条", "9.3-采购中优先特定或本地")
    assert set(out[0]) >= {"category", "article", "sentence", "start", "end", "rule"}
    assert LOCAL_PROTECTION_TEXT[out[0]["start"] : out[0]["end"]] == out[0]["sentence"]
    clean = tmp_path / "clean.txt"
    clean.write_text(NEUTRAL_TEXT, encoding="utf-8")
    call_command("normdocs", "screen", str(clean), "--json")
    assert json.loads(capsys.readouterr().out) == []
