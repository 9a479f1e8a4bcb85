import json
import re

import pytest
from django.core.management import call_command

from yifa.core.errors import AccessDenied, InvalidInput
from yifa.normdocs.models import ScreenRule
from yifa.normdocs.screen_defaults import DEFAULT_RULES
from yifa.normdocs.screener import rule_save, screen_text

from .conftest import LOCAL_PROTECTION_TEXT, NEUTRAL_TEXT

pytestmark = pytest.mark.django_db


def test_local_protection_clause_is_flagged_with_its_article_and_sentence():
    findings = screen_text(LOCAL_PROTECTION_TEXT)
    assert len(findings) == 1
    f = findings[0]
    assert f.category == "地方保护和歧视外地经营者"
    assert (f.article, f.item) == ("第九条", "第（三）项")
    assert f.sentence == "第二条 政府采购项目优先采购本市企业生产的产品。"
    assert LOCAL_PROTECTION_TEXT[f.start : f.end] == f.sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "为了加强本地农产品市场监管，制定本办法。",
        "本地居民可以向所在街道申请临时救助。",
        "各部门不得排斥外地经营者参与本地招标投标。",
        "本办法适用于本地区行政区域内的社会救助工作。",
    ],
)
def test_neutral_sentences_that_mention_local_are_left_alone(sentence):
    assert screen_text(sentence) == []


@pytest.mark.parametrize(
    "sentence, article, item",
    [
        ("外地生产的建材一律不得进入本市重点工程。", "第九条", "第（一）项"),
        ("外地企业须在本市设立分支机构方可承接业务。", "第九条", "第（二）项"),
        ("各学校应当统一使用指定企业提供的校服。", "第八条", "第（三）项"),
        ("对在本市注册的龙头企业给予一次性奖励50万元。", "第十条", "第（二）项"),
        ("对入园企业给予税收返还。", "第十条", "第（一）项"),
        ("本市出租车行业实行统一定价。", "第十一条", "第（一）项"),
        ("该项目仅限国有企业参与投资建设。", "第八条", "第（四）项"),
    ],
)
def test_restrictive_clauses_of_each_category_are_flagged(sentence, article, item):
    found = {(f.article, f.item) for f in screen_text(sentence)}
    assert (article, item) in found


def test_every_default_rule_cites_an_article_of_chapter_two():
    for code, _category, _pattern, _unless, article, item, explanation in DEFAULT_RULES:
        assert article in {"第八条", "第九条", "第十条", "第十一条"}, code
        assert re.fullmatch(r"第（[一二三四五六]）项", item), code
        assert explanation
    assert ScreenRule.objects.count() == len(DEFAULT_RULES)


def test_legal_office_edits_the_rules_and_the_screener_follows(cast):
    assert screen_text("本市菜市场摊位只租给本区户籍居民。") == []
    rule_save(
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


def test_only_the_legal_office_edits_rules(cast):
    with pytest.raises(AccessDenied):
        rule_save(
            by=cast["minzheng_liaison"], code="X", category="conduct", pattern="x", article="第十一条", explanation="x"
        )


def test_bad_rule_is_refused_with_the_fields_named(cast):
    with pytest.raises(InvalidInput) as err:
        rule_save(
            by=cast["reviewer"], code="BAD", category="conduct", pattern="(未闭合", article="第9条", explanation=""
        )
    assert set(err.value.errors) == {"pattern", "article", "explanation"}
    assert not ScreenRule.objects.filter(code="BAD").exists()


def test_cli_prints_findings_as_json_and_an_empty_list_for_clean_text(tmp_path, capsys):
    flagged = tmp_path / "flagged.txt"
    flagged.write_text(LOCAL_PROTECTION_TEXT, encoding="utf-8")
    call_command("normdocs", "screen", str(flagged), "--json")
    out = json.loads(capsys.readouterr().out)
    assert out[0]["category"] == "地方保护和歧视外地经营者"
    assert out[0]["article"] == "第九条"
    assert set(out[0]) >= {"category", "article", "sentence", "start", "end", "rule"}
    clean = tmp_path / "clean.txt"
    clean.write_text(NEUTRAL_TEXT, encoding="utf-8")
    call_command("normdocs", "screen", str(clean), "--json")
    assert json.loads(capsys.readouterr().out) == []
