"""The legal office marks findings right or wrong; the marks act on later screening, become examples of
their rule, and leave an audit event. Nobody else may mark."""

import json

import pytest
from django.core.management import call_command

from yifa.core.errors import AccessDenied, Conflict, InvalidInput
from yifa.core.models import Event
from yifa.normdocs.screener import screen_text
from yifa.normdocs.screening_marks import mark_finding
from yifa.normdocs.screening_models import ScreeningMark

pytestmark = pytest.mark.django_db

CLAUSE = "获得补贴的企业，5年内迁出本区的，须全额退还补贴资金。"
RULE = "9.1-阻碍迁出"


def test_a_finding_marked_wrong_is_not_raised_again_and_becomes_a_negative_example(cast):
    assert [f.rule for f in screen_text(CLAUSE)] == [RULE]
    mark = mark_finding(by=cast["reviewer"], rule=RULE, sentence=CLAUSE, verdict="wrong", note="经评估符合第十二条例外")
    assert screen_text(CLAUSE) == []
    assert screen_text(f"第三条 {CLAUSE}") != []  # another sentence is screened as before
    event = Event.objects.get(action="normdocs.screening_mark")
    assert event.action_label == "标记筛查提示为“误报”" and event.actor == cast["reviewer"]
    assert mark.version == 1


def test_marking_again_changes_the_mark_with_its_version_and_a_confirmed_finding_is_certain(cast):
    mark = mark_finding(by=cast["reviewer"], rule=RULE, sentence=CLAUSE, verdict="wrong", note="例外")
    mark = mark_finding(by=cast["reviewer"], rule=RULE, sentence=CLAUSE, verdict="right", expected_version=mark.version)
    assert ScreeningMark.objects.count() == 1 and mark.version == 2
    (finding,) = screen_text(CLAUSE)
    assert finding.confidence == 1.0 and "法制机构已确认" in finding.why
    with pytest.raises(Conflict):
        mark_finding(by=cast["reviewer"], rule=RULE, sentence=CLAUSE, verdict="wrong", note="x", expected_version=1)


def test_only_the_legal_office_marks_findings(cast):
    with pytest.raises(AccessDenied):
        mark_finding(by=cast["minzheng_liaison"], rule=RULE, sentence=CLAUSE, verdict="right")
    assert not ScreeningMark.objects.exists() and not Event.objects.filter(action="normdocs.screening_mark").exists()


def test_a_false_alarm_needs_its_reason_and_bad_input_names_each_field(cast):
    with pytest.raises(InvalidInput) as err:
        mark_finding(by=cast["reviewer"], rule="", sentence="", verdict="maybe")
    assert set(err.value.errors) == {"rule", "sentence", "verdict"}
    with pytest.raises(InvalidInput) as err:
        mark_finding(by=cast["reviewer"], rule=RULE, sentence=CLAUSE, verdict="wrong", note=" ")
    assert "理由" in err.value.errors["note"]
    assert not ScreeningMark.objects.exists()


def test_marks_are_exported_beside_the_catalogue_as_examples(cast, tmp_path):
    mark_finding(by=cast["reviewer"], rule=RULE, sentence=CLAUSE, verdict="right")
    mark_finding(
        by=cast["reviewer"], rule=RULE, sentence="企业迁出本市的，应当办理注销。", verdict="wrong", note="程序性规定"
    )
    out = tmp_path / "examples.json"
    call_command("screening_examples", "--out", str(out))
    assert json.loads(out.read_text(encoding="utf-8")) == {
        RULE: {"hit": [CLAUSE], "miss": ["企业迁出本市的，应当办理注销。"]}
    }
    call_command("screening_examples", "--out", str(out))  # again: nothing doubled
    assert json.loads(out.read_text(encoding="utf-8"))[RULE]["hit"] == [CLAUSE]


def test_the_check_page_shows_citation_reason_and_confidence_and_the_office_marks_from_it(cast, login):
    client = login(cast["reviewer"])
    page = client.post("/staff/normdocs/screening/check/", {"text": CLAUSE})
    html = page.content.decode()
    assert page.status_code == 200
    assert "《公平竞争审查条例》（2024年）第九条第（一）项" in html and "把握 0.90" in html and "理由" in html
    assert "保存标记" in html
    response = client.post(
        "/staff/normdocs/screening/mark/",
        {
            "prefix": "m0",
            "next": "/staff/normdocs/screening/examples/",
            "m0-rule": RULE,
            "m0-sentence": CLAUSE,
            "m0-verdict": "right",
            "m0-note": "",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/staff/normdocs/screening/examples/"
    assert ScreeningMark.objects.get().verdict == "right"
    examples = client.get("/staff/normdocs/screening/examples/").content.decode()
    assert "法制机构标记" in examples and CLAUSE in examples and "所有规则与例句一致" in examples


def test_others_see_findings_but_get_no_mark_form_and_cannot_post_a_mark(cast, login):
    client = login(cast["minzheng_liaison"])
    html = client.post("/staff/normdocs/screening/check/", {"text": CLAUSE}).content.decode()
    assert "第九条第（一）项" in html and "保存标记" not in html
    response = client.post(
        "/staff/normdocs/screening/mark/",
        {"prefix": "m0", "m0-rule": RULE, "m0-sentence": CLAUSE, "m0-verdict": "right"},
    )
    assert response.status_code == 403 and not ScreeningMark.objects.exists()


def test_a_redirect_elsewhere_is_not_followed(cast, login):
    response = login(cast["reviewer"]).post(
        "/staff/normdocs/screening/mark/",
        {"prefix": "m0", "next": "https://example.org/", "m0-rule": RULE, "m0-sentence": CLAUSE, "m0-verdict": "right"},
    )
    assert response["Location"] == "/staff/normdocs/screening/check/"


def test_pages_need_a_login(client):
    assert client.get("/staff/normdocs/screening/check/").status_code == 302
    assert client.get("/staff/normdocs/screening/examples/").status_code == 302


def test_a_document_is_screened_only_for_those_who_may_see_it(cast, login, draft):
    url = f"/staff/normdocs/screening/check/?doc={draft.pk}"
    page = login(cast["minzheng_liaison"]).get(url)
    assert page.status_code == 200 and "未发现需要提示的内容" in page.content.decode()
    assert login(cast["shijian_liaison"]).get(url).status_code == 403


def test_changing_a_mark_without_the_version_read_is_refused(cast):
    first = mark_finding(by=cast["reviewer"], rule=RULE, sentence=CLAUSE, verdict="wrong", note="例外")
    with pytest.raises(InvalidInput) as refused:
        mark_finding(by=cast["legal_head"], rule=RULE, sentence=CLAUSE, verdict="right")
    assert "版本号" in str(refused.value)
    first.refresh_from_db()
    assert first.verdict == "wrong" and first.version == 1
