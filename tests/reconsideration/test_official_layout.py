"""Documents a court and an archive accept: GB/T 9704 layout, standard operative wording, and only the
documents the case's facts allow."""

import datetime as dt
import io

from django.urls import reverse
from docx import Document
from docx.shared import Pt

from yifa.lib.office import docx_text
from yifa.reconsideration import documents, services

D = dt.date


def _decided(cast, accepted):
    fuyi = cast["fuyi"]
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    case = services.case_send_copy(case=case, by=fuyi, on=D(2025, 3, 5))
    case = services.case_reply(case=case, by=cast["minzheng_liaison"], text="处罚合法", on=D(2025, 3, 12))
    services.case_record_hearing(case=case, by=fuyi, kind="hear", held_on=D(2025, 3, 20))
    case = services.case_propose(
        case=case,
        by=fuyi,
        decision_type="uphold",
        findings="被申请人查明申请人超范围经营",
        decision_text="认定事实清楚，证据确凿",
        on=D(2025, 4, 1),
    )
    return services.case_approve(case=case, by=cast["mayor"], on=D(2025, 4, 2))


def _east_asian(run) -> str:
    return run._element.rPr.rFonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")


def test_the_decision_is_a4_in_the_national_official_document_layout(cast, accepted):
    case = _decided(cast, accepted)
    doc = Document(io.BytesIO(documents.generate(case, "decision", today=D(2025, 4, 2))[1]))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]
    paragraphs = [p for p in doc.paragraphs if p.text.strip()]
    organ, title, number = paragraphs[:3]
    assert organ.text == "江临市人民政府" and title.text == "行政复议决定书"
    assert _east_asian(title.runs[0]) == "方正小标宋简体" and title.runs[0].font.size == Pt(22)
    assert number.text == case.number and number.alignment == 2  # right
    body = next(p for p in paragraphs if p.text.startswith("申请人请求"))
    assert _east_asian(body.runs[0]) == "仿宋_GB2312" and body.runs[0].font.size == Pt(16)
    assert paragraphs[-1].text == "（印章）" and paragraphs[-2].text == "2025年4月2日"
    assert paragraphs[-3].text == "江临市人民政府"
    footer = section.footer._element.xml
    assert "PAGE" in footer and "— " in section.footer.paragraphs[0].text


def test_the_operative_clause_cites_the_article_of_the_decision_type(cast, accepted):
    case = _decided(cast, accepted)
    text = docx_text(documents.generate(case, "decision", today=D(2025, 4, 2))[1])
    assert "根据《中华人民共和国行政复议法》第六十八条之规定，本机关决定：" in text
    assert "维持被申请人作出的江民罚〔2025〕12号行政处罚决定。" in text
    assert "经审理查明" in text and "被申请人查明申请人超范围经营" in text
    assert "本决定经本机关负责人同意" in text


def test_a_decided_case_does_not_offer_a_refusal_to_accept(cast, accepted, login):
    case = _decided(cast, accepted)
    offered = documents.offered(case)
    assert "decision" in offered and "not_accepted" not in offered and "correction" not in offered
    client = login(cast["fuyi"])
    page = client.get(reverse("reconsideration:case", args=[case.pk])).content.decode()
    assert "行政复议决定书" in page and "不予受理行政复议申请决定书" not in page
    refused = client.get(reverse("reconsideration:document", args=[case.pk, "not_accepted"]))
    assert refused.status_code == 409 and "不予受理" in refused.content.decode()


def test_the_refusal_to_accept_names_the_competent_organ(cast, receive):
    case = receive(D(2025, 3, 3))
    case = services.case_not_accept(
        case=case, by=cast["fuyi"], reason="该行为由县政府管辖。", competent_organ="江临县人民政府", on=D(2025, 3, 4)
    )
    assert set(documents.offered(case)) == {"not_accepted", "service"}
    text = docx_text(documents.generate(case, "not_accepted")[1])
    assert "根据《中华人民共和国行政复议法》第三十条第二款之规定，本机关决定：不予受理。" in text
    assert "申请人可以向江临县人民政府申请行政复议" in text


def test_the_forwarding_letter_is_only_for_its_organ(cast, login):
    from yifa.reconsideration import submissions

    item = submissions.submission_receive(
        by=cast["shijian_officer"],
        unit=cast.units["市场监管局"],
        received_on=D(2025, 3, 3),
        applicant_name="王五",
        act_title="江市监罚〔2025〕3号行政处罚决定",
        on=D(2025, 3, 3),
    )
    url = reverse("reconsideration:forwarding_letter", args=[item.pk])
    assert login(cast["shijian_officer"]).get(url).status_code == 404  # not forwarded yet
    submissions.submission_forward(submission=item, by=cast["shijian_officer"], on=D(2025, 3, 5))
    assert login(cast["shijian_officer"]).get(url).status_code == 200
    assert login(cast["minzheng_liaison"]).get(url).status_code in (403, 404)
