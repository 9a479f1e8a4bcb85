"""The documents of an application in the official-document layout (GB/T 9704): what each states, on
real dates, offered only when the application has those facts, and only to those who see it."""

import datetime as dt
import io

import pytest
from docx import Document

from yifa.core.errors import GateBlocked
from yifa.core.procedure import fire
from yifa.lib.office import docx_text
from yifa.licensing import documents
from yifa.licensing.flows import APPLICATIONS, ITEMS
from yifa.licensing.models import Certificate

D = dt.date


def act(app, name, by, on, **inputs):
    app.refresh_from_db()
    return fire(APPLICATIONS, app, name, by=by, on=on, expected_version=app.version, **inputs)


def text(app, kind):
    return docx_text(documents.generate(app, kind)[1])


def test_the_acceptance_notice_states_the_voucher_and_the_decision_date(cast, receive):
    app = receive(D(2025, 11, 3))
    with pytest.raises(GateBlocked, match="没有受理通知书所载的事项"):
        documents.generate(app, "acceptance")
    app = act(app, "accept", cast["shijian_liaison"], D(2025, 11, 3))
    name, content = documents.generate(app, "acceptance")
    body = docx_text(content)
    assert name == f"{app.number}受理通知书.docx"
    assert f"{app.number}-受" in body and "自2025年11月3日起受理" in body
    # 20 working days from 3 November: 4–7, 10–14, 17–21, 24–28 November, 1 December
    assert "将于2025年12月1日前作出行政许可决定" in body and "第四十二条第一款" in body
    assert "江临市好味餐饮有限公司：" in body and app.unit.name in body
    section = Document(io.BytesIO(content)).sections[0]
    assert (round(section.top_margin.mm), round(section.left_margin.mm)) == (37, 28)


def test_the_correction_notice_lists_everything_at_once(cast, receive):
    app = act(receive(D(2025, 11, 3)), "request_correction", cast["shijian_liaison"], D(2025, 11, 4),
              items="补交食品安全管理制度；补交经营场所平面图")  # fmt: skip
    body = text(app, "correction")
    assert (
        "一次告知需要补正的全部内容" in body and "补交经营场所平面图" in body and "第三十二条第一款第（四）项" in body
    )
    assert "2025年11月4日" in body


def test_the_extension_and_hearing_notices_state_their_dates(cast, receive):
    liaison, head = cast["shijian_liaison"], cast["shijian_head"]
    app = act(receive(D(2025, 11, 3)), "accept", liaison, D(2025, 11, 3))
    app = act(app, "extend", head, D(2025, 11, 20), days=10, reason="需现场核查经营场所")
    # 1 December + 10 working days: 2–5, 8–12, 15 December
    body = text(app, "extension")
    assert "因需现场核查经营场所" in body and "延长后于2025年12月15日前作出决定" in body
    app = act(app, "tell_hearing_rights", liaison, D(2025, 11, 3))
    hearing = text(app, "hearing")
    # five calendar days from 3 November end on Saturday the 8th: Monday the 10th
    assert "请于2025年11月10日前" in hearing and "第四十七条第一款" in hearing


def test_the_decisions_state_the_basis_reasons_and_remedies(cast, receive):
    liaison = cast["shijian_liaison"]
    granted = act(receive(D(2025, 11, 3)), "accept", liaison, D(2025, 11, 3))
    granted = act(granted, "grant", liaison, D(2025, 11, 20), decision_number="江市监食许〔2025〕9号")
    body = text(granted, "grant")
    assert "江市监食许〔2025〕9号" in body and "《中华人民共和国食品安全法》第三十五条" in body
    assert "决定准予行政许可" in body and "十个工作日内颁发" in body and "2025年11月20日" in body
    refused = act(receive(D(2025, 11, 3)), "accept", liaison, D(2025, 11, 3))
    refused = act(refused, "refuse", liaison, D(2025, 11, 21), decision_number="江市监食不许〔2025〕1号",
                  reason="经营场所与食品品种不相适应")  # fmt: skip
    body = text(refused, "refuse")
    assert "经营场所与食品品种不相适应" in body and "决定不予行政许可" in body
    assert "六十日内" in body and "六个月内" in body and "第二十条第一款" in body and "第四十六条第一款" in body
    with pytest.raises(GateBlocked):
        documents.generate(refused, "grant")


def test_the_not_accepted_decision_gives_the_reason(cast, receive):
    app = act(receive(D(2025, 11, 3)), "not_accept", cast["shijian_liaison"], D(2025, 11, 4),
              reason="申请事项依法不需要取得行政许可。")  # fmt: skip
    body = text(app, "not_accepted")
    assert "申请事项依法不需要取得行政许可" in body and "决定不予受理" in body and "六十日内" in body


def test_the_certificate_document(cast, receive):
    liaison = cast["shijian_liaison"]
    app = act(receive(D(2025, 11, 3)), "accept", liaison, D(2025, 11, 3))
    app = act(app, "grant", liaison, D(2025, 11, 20), decision_number="江市监食许〔2025〕9号")
    act(app, "issue", liaison, D(2025, 11, 21), number="JY13301000000077")
    name, content = documents.certificate_docx(Certificate.objects.get(number="JY13301000000077"))
    body = docx_text(content)
    assert name == "JY13301000000077许可证.docx" and "食品经营许可许可证" in body
    assert "有效期：2025年11月21日至2030年11月20日" in body and "江市监食许〔2025〕9号" in body


def test_the_page_lists_only_the_documents_the_application_has(cast, receive, login):
    app = act(receive(D(2025, 11, 3)), "accept", cast["shijian_liaison"], D(2025, 11, 3))
    staff = login(cast["shijian_liaison"])
    page = staff.get(app.get_absolute_url()).content.decode()
    assert "受理通知书" in page and "准予行政许可决定书" not in page
    download = staff.get(f"/staff/licensing/applications/{app.pk}/documents/acceptance/")
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")
    assert staff.get(f"/staff/licensing/applications/{app.pk}/documents/grant/").status_code == 409
    assert staff.get(f"/staff/licensing/applications/{app.pk}/documents/nonsense/").status_code == 404
    other = login(cast["minzheng_liaison"])
    assert other.get(f"/staff/licensing/applications/{app.pk}/documents/acceptance/").status_code == 403


def test_the_promise_letter_is_downloadable_on_the_portal(cast, food_item, client):
    url = f"/licensing/items/{food_item.pk}/promise/"
    assert client.get(url).status_code == 404
    fire(ITEMS, food_item, "set_promise", by=cast["shijian_liaison"], expected_version=food_item.version,
         allowed=True, text="本单位承诺符合许可条件。")  # fmt: skip
    response = client.get(url)
    assert response.status_code == 200
    body = docx_text(response.content)
    assert "食品经营许可告知承诺书" in body and "本单位承诺符合许可条件。" in body and "承诺人（签字或盖章）" in body
