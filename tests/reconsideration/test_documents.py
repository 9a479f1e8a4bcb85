"""Every document is a .docx (a valid Office Open XML package) filled with the case's data."""

import datetime as dt
import io
import zipfile

import pytest
from docx import Document

from yifa.lib.office import docx_from_text, docx_text
from yifa.reconsideration import documents, opinions, services
from yifa.reconsideration.configuration import template_set

D = dt.date
pytestmark = pytest.mark.django_db

EXPECTED = {
    "acceptance": ["行政复议受理通知书", "2025年3月4日", "普通程序"],
    "not_accepted": ["不予受理行政复议申请决定书"],
    "correction": ["补正通知书"],
    "reply_notice": ["提出行政复议答复通知书", "2025年3月19日", "第四十八条"],
    "hearing": ["听证通知书", "司法局听证室", "2025年3月26日"],
    "extension": ["延期审理通知书", "延长30日", "2025年6月3日"],
    "suspension": ["中止审理通知书"],
    "resumption": ["恢复审理通知书"],
    "termination": ["终止通知书"],
    "decision": ["行政复议决定书", "撤销", "主要事实不清"],
    "mediation": ["行政复议调解书"],
    "opinion": ["行政复议意见书", "江临市民政局", "未告知陈述申辩权利", "2025年6月3日"],
}


@pytest.fixture
def busy_case(cast, accepted):
    fuyi = cast["fuyi"]
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    case = services.case_send_copy(case=case, by=fuyi, on=D(2025, 3, 5))
    services.case_record_hearing(
        case=case,
        by=fuyi,
        kind="formal",
        notified_on=D(2025, 3, 17),
        held_on=D(2025, 3, 26),
        place="司法局听证室",
        panel="赵复议（主持）、李审核",
        matters="处罚事实是否清楚",
    )
    case = services.case_extend(case=case, by=cast["legal_head"], days=30, reason="需要鉴定", on=D(2025, 4, 20))
    opinions.opinion_issue(
        case=case, by=fuyi, recipient=cast.units["民政局"], content="未告知陈述申辩权利", on=D(2025, 4, 1)
    )
    case = services.case_propose(
        case=case, by=fuyi, decision_type="revoke", decision_text="主要事实不清", on=D(2025, 4, 25)
    )
    return case


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_every_document_is_a_filled_docx(busy_case, kind):
    name, content = documents.generate(busy_case, kind, today=D(2025, 4, 25))
    assert name.endswith(".docx") and busy_case.number in name
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        assert "word/document.xml" in package.namelist()
        assert package.testzip() is None
    Document(io.BytesIO(content))
    text = docx_text(content)
    assert busy_case.number in text and "{{" not in text
    for expected in EXPECTED[kind]:
        assert expected in text, (kind, expected)


def test_all_listed_documents_are_offered():
    titles = " ".join(t for t, _ in documents.KINDS.values())
    for needed in (
        "受理通知书",
        "不予受理",
        "补正通知书",
        "答复通知书",
        "听证通知书",
        "延期审理通知书",
        "中止",
        "恢复",
        "终止",
        "决定书",
        "调解书",
        "意见书",
    ):
        assert needed in titles


def test_office_edits_a_template_and_documents_use_it(cast, busy_case):
    edited = docx_from_text(
        "江临市人民政府行政复议决定书（新版）", ["案号：{{案号}}", "被申请人：{{被申请人}}", "{{自创字段}}"]
    )
    unknown = template_set(by=cast["fuyi"], kind="decision", content=edited)
    assert unknown == {"自创字段"}
    text = docx_text(documents.generate(busy_case, "decision")[1])
    assert "（新版）" in text and busy_case.number in text and "江临市民政局" in text


def test_a_template_that_is_not_docx_is_refused(cast):
    from yifa.core.errors import InvalidInput

    with pytest.raises(InvalidInput) as err:
        template_set(by=cast["fuyi"], kind="decision", content=b"not a word file")
    assert err.value.field == "file"


def test_replacing_a_template_is_audited_with_its_size_not_its_content(cast):
    from yifa.core.models import Event

    first = docx_from_text("行政复议决定书", ["案号：{{案号}}"])
    second = docx_from_text("行政复议决定书（第二版）", ["案号：{{案号}}", "{{决定内容}}"])
    template_set(by=cast["fuyi"], kind="decision", content=first)
    template_set(by=cast["fuyi"], kind="decision", content=second)
    added, replaced = Event.objects.filter(action="reconsideration.template").order_by("id")
    assert added.data == {"kind": "decision", "unknown": []}
    assert replaced.data["changed"]["content"] == {"before": f"{len(first)}字节", "after": f"{len(second)}字节"}
