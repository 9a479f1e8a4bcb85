"""The request's documents (.docx), titled by the outcome, and the 第四十四条 suggestion."""

import datetime as dt
import io

import pytest
from docx import Document
from docx.shared import Pt

from yifa.disclosure import documents, services
from yifa.disclosure.similarity import repeated_topics
from yifa.lib.office import docx_text

D = dt.date
pytestmark = pytest.mark.django_db


def test_refusal_notice_carries_its_ground_and_extension_notice_its_new_date(cast, login, register):
    r = register(D(2026, 9, 18))
    r = services.request_act(
        r,
        "extend",
        by=cast["minzheng_head"],
        expected_version=r.version,
        days=20,
        reason="需调取档案",
        on=D(2026, 10, 20),
    )
    r = services.request_act(
        r,
        "reply",
        by=cast["minzheng_liaison"],
        expected_version=r.version,
        outcome="third_party",
        outcome_reason="涉及第三方商业秘密，第三方不同意公开",
        reply_text="经审查，决定不予公开。",
        on=D(2026, 11, 10),
    )
    c = login(cast["minzheng_liaison"])
    reply = c.get(f"/staff/disclosure/requests/{r.pk}/documents/reply.docx")
    assert reply.status_code == 200
    text = docx_text(reply.content)
    assert "政府信息不予公开告知书" in text and "涉及第三方商业秘密" in text and "2026年11月10日" in text
    extension = docx_text(c.get(f"/staff/disclosure/requests/{r.pk}/documents/extension.docx").content)
    assert "延长20个工作日" in extension and "2026年11月19日" in extension and "第三十三条第二款" in extension
    assert (
        login(cast["jiaotong_liaison"]).get(f"/staff/disclosure/requests/{r.pk}/documents/reply.docx").status_code
        == 403
    )
    assert login(cast["reviewer"]).get(f"/staff/disclosure/requests/{r.pk}/documents/reply.docx").status_code == 403


def test_information_asked_for_three_times_is_suggested_for_proactive_disclosure(cast, register, login):
    register(D(2026, 11, 2), content="2026年城乡低保资金发放明细表")
    register(D(2026, 11, 3), content="2026年城乡低保资金发放的明细表", applicant_name="吴十", applicant_id_number="")
    assert repeated_topics(cast["民政局"]) == []
    register(
        D(2026, 11, 4), content="请公开2026年城乡低保资金发放明细表", applicant_name="郑十一", applicant_id_number=""
    )
    [(root, count)] = repeated_topics(cast["民政局"])
    assert count == 3 and root.content == "2026年城乡低保资金发放明细表"
    page = (
        login(cast["minzheng_liaison"]).get(f"/staff/disclosure/units/{cast['民政局'].pk}/catalogue/").content.decode()
    )
    assert "建议纳入主动公开" in page and "第四十四条" in page


def _east_asian(run) -> str:
    return run._element.rPr.rFonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")


def test_replies_and_letters_are_in_the_national_official_document_layout(cast, register):
    r = register(D(2026, 9, 18))
    r = services.request_act(
        r,
        "consult",
        by=cast["minzheng_liaison"],
        expected_version=r.version,
        consult_kind="third_party",
        consulted="江临市某某养老服务有限公司",
        on=D(2026, 9, 21),
    )
    name, content = documents.generate(r, "consultation")
    assert name.startswith("政府信息公开征求第三方意见函")
    doc = Document(io.BytesIO(content))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]
    paragraphs = [p for p in doc.paragraphs if p.text.strip()]
    organ, title, number, addressee = paragraphs[:4]
    assert organ.text == "江临市民政局" and title.text == "政府信息公开征求第三方意见函"
    assert _east_asian(title.runs[0]) == "方正小标宋简体" and title.runs[0].font.size == Pt(22)
    assert number.text == f"编号：{r.number}" and number.alignment == 2  # right
    assert addressee.text == "江临市某某养老服务有限公司："
    body = next(p for p in paragraphs if "15个工作日内书面提出意见" in p.text)
    assert _east_asian(body.runs[0]) == "仿宋_GB2312" and body.runs[0].font.size == Pt(16)
    assert "第三十二条" in body.text and "周九" not in docx_text(content)  # the applicant stays unnamed
    assert paragraphs[-1].text == "（印章）" and paragraphs[-3].text == "江临市民政局"
    assert "PAGE" in section.footer._element.xml

    r.refresh_from_db()
    r = services.request_act(
        r, "end_consultation", by=cast["minzheng_liaison"], expected_version=r.version, on=D(2026, 9, 30)
    )
    r = services.request_act(
        r,
        "reply",
        by=cast["minzheng_liaison"],
        expected_version=r.version,
        outcome="open",
        reply_text="经查，现将相关信息提供如下。",
        on=D(2026, 10, 9),
    )
    reply = Document(io.BytesIO(documents.generate(r, "reply")[1]))
    lines = [p.text for p in reply.paragraphs if p.text.strip()]
    assert lines[1] == "政府信息公开申请答复书" and lines[3] == "周九："
    assert lines[-2] == "2026年10月9日" and lines[-3] == "江临市民政局"
