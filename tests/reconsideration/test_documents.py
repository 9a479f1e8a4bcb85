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
    "not_accepted": ["不予受理行政复议申请决定书", "不属于本机关管辖", "江临县人民政府", "第三十条第二款之规定"],
    "correction": ["补正通知书", "补充身份证明"],
    "third_party": ["第三人参加行政复议通知书", "李四", "第十六条第一款之规定"],
    "reply_notice": ["提出行政复议答复通知书", "2025年3月19日", "第四十八条"],
    "stay": ["停止执行通知书", "第四十二条之规定", "2025年3月6日起停止执行"],
    "hearing": ["听证通知书", "司法局听证室", "2025年3月26日"],
    "hearing_record": ["听证笔录", "处罚事实是否清楚", "申请人坚持撤销"],
    "inquiry_record": ["调查笔录", "现场核实", "不少于二人"],
    "extension": ["延期审理通知书", "延长30日", "2025年6月3日", "经行政复议机构负责人批准"],
    "suspension": ["中止审理通知书", "第三十九条之规定"],
    "resumption": ["恢复审理通知书"],
    "termination": ["终止决定书", "第四十一条之规定"],
    "decision": [
        "行政复议决定书",
        "经审理查明",
        "处罚所依据的检测报告未经签章",
        "根据《中华人民共和国行政复议法》第六十四条之规定，本机关决定：",
        "撤销被申请人作出的江民罚〔2025〕12号行政处罚决定。",
        "第三人：李四",
    ],
    "mediation": ["行政复议调解书"],
    "performance_order": ["责令履行", "第七十七条第二款之规定", "2025年6月30日前履行", "退还罚款"],
    "opinion": ["行政复议意见书", "江临市民政局", "未告知陈述申辩权利", "2025年6月3日"],
    "service": ["送达回证", "受送达人签名"],
}
THIRD = {"name": "李四", "role": "third_party", "kind": "person"}


@pytest.fixture
def busy_case(cast, accepted, receive):
    fuyi = cast["fuyi"]
    case = receive(
        D(2025, 3, 3),
        parties=[{"name": "张三", "id_number": "110101199003071233", "phone": "13812345678"}, THIRD],
    )
    case = services.case_accept(case=case, by=fuyi, on=D(2025, 3, 4))
    case = services.case_send_copy(case=case, by=fuyi, on=D(2025, 3, 5))
    case = services.case_stay(case=case, by=fuyi, ground="2", on=D(2025, 3, 6))
    services.case_record_hearing(
        case=case,
        by=fuyi,
        kind="formal",
        notified_on=D(2025, 3, 17),
        held_on=D(2025, 3, 26),
        place="司法局听证室",
        panel="赵复议（主持）、李审核",
        matters="处罚事实是否清楚",
        record="申请人坚持撤销",
    )
    services.case_record_hearing(
        case=case, by=fuyi, kind="inspection", held_on=D(2025, 3, 27), panel="赵复议、李审核", matters="现场核实"
    )
    case = services.case_extend(case=case, by=cast["legal_head"], days=30, reason="需要鉴定", on=D(2025, 4, 20))
    opinions.opinion_issue(
        case=case, by=fuyi, recipient=cast.units["民政局"], content="未告知陈述申辩权利", on=D(2025, 4, 1)
    )
    case = services.case_propose(
        case=case,
        by=fuyi,
        decision_type="revoke",
        findings="处罚所依据的检测报告未经签章",
        decision_text="主要事实不清",
        on=D(2025, 4, 25),
    )
    return case


def _case_for(kind, cast, receive, accepted, busy_case):
    fuyi = cast["fuyi"]
    if kind == "not_accepted":
        case = receive(D(2025, 3, 3))
        return services.case_not_accept(
            case=case, by=fuyi, reason="不属于本机关管辖。", competent_organ="江临县人民政府", on=D(2025, 3, 4)
        )
    if kind == "correction":
        case = receive(D(2025, 3, 3))
        return services.case_request_correction(case=case, by=fuyi, items="补充身份证明", on=D(2025, 3, 4))
    if kind in ("suspension", "resumption", "termination", "mediation"):
        case = accepted(D(2025, 3, 3), D(2025, 3, 4))
        if kind == "mediation":
            return services.case_mediate(case=case, by=fuyi, mediation_text="减少罚款", on=D(2025, 3, 20))
        if kind == "termination":
            return services.case_terminate(case=case, by=fuyi, ground="1", on=D(2025, 3, 20))
        case = services.case_suspend(case=case, by=fuyi, ground="5", on=D(2025, 3, 10))
        return services.case_resume(case=case, by=fuyi, on=D(2025, 3, 20)) if kind == "resumption" else case
    if kind == "performance_order":
        case = services.case_approve(case=busy_case, by=cast["mayor"], on=D(2025, 4, 28))
        return services.case_order_performance(
            case=case, by=fuyi, matters="退还罚款2000元", due_on=D(2025, 6, 30), on=D(2025, 6, 2)
        )
    return busy_case


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_every_document_is_a_filled_docx(cast, receive, accepted, busy_case, kind):
    case = _case_for(kind, cast, receive, accepted, busy_case)
    assert kind in documents.offered(case)
    name, content = documents.generate(case, kind, today=D(2025, 4, 25))
    assert name.endswith(".docx") and case.number in name
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        assert "word/document.xml" in package.namelist()
        assert package.testzip() is None
    Document(io.BytesIO(content))
    text = docx_text(content)
    assert (case.not_accepted_number or case.number) in text and "{{" not in text
    for expected in EXPECTED[kind]:
        assert expected in text, (kind, expected)


def test_every_placeholder_has_a_value(busy_case):
    assert set(documents.KNOWN_FIELDS) <= set(documents.context(busy_case))


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


def test_the_penalty_organ_forwards_with_a_letter_to_the_city_government(cast):
    from yifa.reconsideration import submissions

    item = submissions.submission_receive(
        by=cast["shijian_officer"],
        unit=cast.units["市场监管局"],
        received_on=D(2025, 3, 3),
        applicant_name="王五",
        act_title="江市监罚〔2025〕3号行政处罚决定",
        on=D(2025, 3, 3),
    )
    item = submissions.submission_forward(submission=item, by=cast["shijian_officer"], on=D(2025, 3, 5))
    name, content = documents.forwarding_letter(item)
    text = docx_text(content)
    assert "江临市人民政府：" in text and "江临市市场监管局" in text and "2025年3月5日" in text
    assert "《中华人民共和国行政复议法》第三十二条第二款之规定" in text
