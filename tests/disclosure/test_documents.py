"""The request's documents (.docx), titled by the outcome, and the 第四十四条 suggestion."""

import datetime as dt

import pytest

from yifa.disclosure import services
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
