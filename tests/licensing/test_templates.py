"""The licensing documents come from templates the office can replace: a default is built in, an uploaded
.docx with {{字段}} is used instead, and a template with a field yifa does not fill is refused in Chinese."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from yifa.core.errors import AccessDenied, GateBlocked, InvalidInput
from yifa.core.models import Event
from yifa.core.procedure import fire
from yifa.lib.office import docx_text
from yifa.licensing import documents
from yifa.licensing.flows import APPLICATIONS
from yifa.licensing.models import DocTemplate

D = dt.date


def word(*paragraphs) -> bytes:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.fixture
def accepted(cast, receive):
    app = receive(D(2025, 11, 3))
    return fire(
        APPLICATIONS, app, "accept", by=cast["shijian_liaison"], on=D(2025, 11, 3), expected_version=app.version
    )


def test_an_uploaded_template_replaces_the_default_and_is_filled(cast, accepted):
    content = word(
        "{{实施机关}}受理通知书（自定义）", "{{申请人}}：你的{{事项名称}}申请已于{{受理日期}}受理。", "{{决定期限说明}}"
    )
    documents.template_set(by=cast["reviewer"], kind="acceptance", content=content)
    body = docx_text(documents.generate(accepted, "acceptance")[1])
    assert (
        "受理通知书（自定义）" in body and "江临市好味餐饮有限公司：你的食品经营许可申请已于2025年11月3日受理。" in body
    )
    assert "将于2025年12月1日前作出行政许可决定" in body
    assert Event.objects.filter(action="licensing.template", action_label="更换受理通知书模板").exists()
    documents.template_reset(by=cast["reviewer"], kind="acceptance")
    assert "（自定义）" not in docx_text(documents.generate(accepted, "acceptance")[1])


def test_a_template_with_an_unknown_field_is_refused_naming_it_and_nothing_is_stored(cast):
    with pytest.raises(InvalidInput) as refused:
        documents.template_set(by=cast["reviewer"], kind="grant", content=word("{{申请人}}：", "{{许可证有效期}}"))
    assert refused.value.errors["file"] == (
        "模板文件：准予行政许可决定书模板中有本平台不认识的字段{{许可证有效期}}，请改用“许可文书模板”页面列出的字段"
    )
    with pytest.raises(InvalidInput, match="须为Word文档"):
        documents.template_set(by=cast["reviewer"], kind="grant", content=b"not a word file")
    assert not DocTemplate.objects.exists()


def test_a_stored_template_whose_field_is_unknown_stops_the_document_with_the_reason(cast, accepted):
    DocTemplate.objects.create(kind="acceptance", content=word("{{旧字段}}"))
    with pytest.raises(GateBlocked, match=r"不认识的字段\{\{旧字段\}\}.*恢复默认模板"):
        documents.generate(accepted, "acceptance")


def test_a_sentence_that_does_not_hold_leaves_no_empty_line(cast, accepted):
    paragraphs = [p.text for p in Document(io.BytesIO(documents.generate(accepted, "acceptance")[1])).paragraphs]
    opening = next(i for i, p in enumerate(paragraphs) if "起受理" in p)
    assert paragraphs[opening + 1].startswith("本机关将于2025年12月1日前")  # no deemed-acceptance line between
    assert not any("{{" in p for p in paragraphs)


def test_the_certificate_and_the_promise_letter_use_replaceable_templates_too(cast, accepted):
    documents.template_set(
        by=cast["reviewer"], kind="certificate", content=word("证号{{证件编号}}，持证人{{被许可人}}")
    )
    app = fire(APPLICATIONS, accepted, "grant", by=cast["shijian_liaison"], on=D(2025, 11, 20),
               expected_version=accepted.version, decision_number="江市监食许〔2025〕9号")  # fmt: skip
    fire(APPLICATIONS, app, "issue", by=cast["shijian_liaison"], on=D(2025, 11, 21), expected_version=app.version,
         number="JY1")  # fmt: skip
    app.refresh_from_db()
    assert docx_text(documents.certificate_docx(app.certificate)[1]).strip() == "证号JY1，持证人江临市好味餐饮有限公司"
    with pytest.raises(InvalidInput, match=r"告知承诺书模板中有本平台不认识的字段\{\{申请人\}\}"):
        documents.template_set(by=cast["reviewer"], kind="promise", content=word("{{申请人}}"))


def test_only_the_legal_office_or_the_administrator_replaces_templates(cast, login):
    with pytest.raises(AccessDenied):
        documents.template_set(by=cast["shijian_liaison"], kind="grant", content=word("{{申请人}}"))
    upload = {"kind": "grant", "file": SimpleUploadedFile("t.docx", word("{{申请人}}"))}
    assert login(cast["shijian_liaison"]).post("/staff/licensing/templates/", upload).status_code == 403
    assert not DocTemplate.objects.exists()


def test_the_page_lists_the_fields_refuses_a_bad_upload_and_offers_the_current_template(cast, login):
    client = login(cast["reviewer"])
    page = client.get("/staff/licensing/templates/").content.decode()
    assert "受理通知书" in page and "{{视为受理说明}}" in page and "默认模板" in page
    bad = client.post(
        "/staff/licensing/templates/", {"kind": "grant", "file": SimpleUploadedFile("t.docx", word("{{印章}}"))}
    )
    assert bad.status_code == 200 and "不认识的字段{{印章}}" in bad.content.decode()
    good = client.post(
        "/staff/licensing/templates/", {"kind": "grant", "file": SimpleUploadedFile("t.docx", word("{{申请人}}"))}
    )
    assert good.status_code == 302
    download = client.get("/staff/licensing/templates/grant.docx")
    assert download.status_code == 200 and docx_text(download.content).strip() == "{{申请人}}"
    assert client.get("/staff/licensing/templates/nonsense.docx").status_code == 404
