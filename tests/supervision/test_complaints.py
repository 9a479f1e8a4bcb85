"""执法投诉: from the portal (behind the public-form limits) or the 12345 hotline entered by staff, with a reply
clock on the unit; linked to the case and its officers; the complainant masked outside the legal office."""

import pytest
from django.test import Client
from django.urls import reverse

from yifa.core.clocks import clocks_of
from yifa.core.models import Notification
from yifa.core.procedure import fire
from yifa.supervision import rules, services
from yifa.supervision.flows import COMPLAINT_FLOW
from yifa.supervision.models import Complaint

from .conftest import D, file_case

RECEIVED = D(2026, 9, 28)


def test_a_complaint_on_the_portal_starts_the_reply_clock_and_tells_the_unit(cast, travel):
    travel(RECEIVED)
    response = Client().post(
        reverse("portal_supervision:complain"),
        {
            "unit": cast["市场监管局"].pk,
            "case_number": "江市监处罚〔2026〕1号",
            "officer_name": "孙执法",
            "content": "执法人员检查时未出示执法证",
            "complainant_name": "赵六",
            "complainant_phone": "13912345678",
        },
        follow=True,
    )
    complaint = Complaint.objects.get()
    assert complaint.number in response.content.decode() and complaint.channel == "portal"
    # 15个工作日自2026-09-28（星期一，不计入）：9月29、30日（2），国庆节10月1日至7日放假，10月8、9、10日
    # （调休上班，5），12至16日（10），19至23日（15）→ 2026年10月23日
    clock = clocks_of(complaint, rule=rules.COMPLAINT_REPLY).get()
    assert clock.due == D(2026, 10, 23) and clock.unit == cast["市场监管局"]
    assert Notification.objects.filter(user=cast["shijian_liaison"], link=complaint.get_absolute_url()).exists()


def test_a_portal_complaint_without_content_is_refused_and_nothing_is_written(cast):
    response = Client().post(
        reverse("portal_supervision:complain"), {"unit": cast["市场监管局"].pk, "complainant_name": "赵六"}
    )
    assert response.status_code == 200 and "投诉内容" in response.content.decode()
    assert not Complaint.objects.exists()


def test_a_hotline_complaint_is_linked_to_the_case_and_its_officers_then_answered(cast, login, body, officers):
    case = file_case(cast, body, officers, on=D(2026, 9, 1))
    staff = login(cast["shijian_liaison"])
    response = staff.post(
        reverse("supervision:complaint_new"),
        {
            "channel": "hotline",
            "received_on": "2026-09-28",
            "unit": cast["市场监管局"].pk,
            "case_number": "",
            "content": "12345转办：对超市的处罚不公",
            "complainant_name": "钱七",
        },
    )
    complaint = Complaint.objects.get()
    assert response.status_code == 302
    bad = fire_link(staff, complaint, "江市监处罚〔2026〕999号")
    assert "没有案号为“江市监处罚〔2026〕999号”的行政处罚案件" in bad.content.decode()
    fire_link(staff, complaint, case.number)
    complaint.refresh_from_db()
    assert complaint.case_id == case.pk and complaint.linked_officers == "孙执法、钱执法"
    fire(COMPLAINT_FLOW, complaint, "reply", by=cast["shijian_liaison"], on=D(2026, 10, 20), reply="经核查，处罚适当")
    assert clocks_of(complaint, open_only=False).get().status == "met"


def fire_link(client, complaint, number):
    complaint.refresh_from_db()
    return client.post(
        reverse("supervision:complaint_act", args=[complaint.pk, "link_case"]),
        {"link_case-version": complaint.version, "link_case-case_number": number},
    )


def test_the_complainant_is_masked_for_the_department_and_hidden_from_other_units(cast, login):
    complaint = services.complaint_receive(
        by=cast["legal_head"],
        unit=cast["市场监管局"],
        channel="hotline",
        complainant_name="赵六六",
        complainant_phone="13912345678",
        content="未出示执法证",
        received_on=RECEIVED,
    )
    url = reverse("supervision:complaint", args=[complaint.pk])
    department = login(cast["shijian_liaison"]).get(url).content.decode()
    assert "赵六六" not in department and "13912345678" not in department
    assert "赵六六" in login(cast["legal_head"]).get(url).content.decode()
    assert login(cast["minzheng_liaison"]).get(url).status_code == 403


@pytest.mark.parametrize("who", ["minzheng_liaison", "expert"])
def test_others_cannot_register_a_complaint_against_the_unit(cast, who):
    from yifa.core.errors import AccessDenied

    with pytest.raises(AccessDenied):
        services.complaint_receive(
            by=cast[who], unit=cast["市场监管局"], channel="hotline", complainant_name="x", content="y"
        )


def test_a_complaint_waits_on_the_units_to_do_until_answered(cast, login):
    complaint = services.complaint_receive(
        by=cast["legal_head"], unit=cast["市场监管局"], channel="hotline", complainant_name="赵六", content="未亮证"
    )
    assert "待核查答复" in login(cast["shijian_liaison"]).get(reverse("core:todo")).content.decode()
    fire(COMPLAINT_FLOW, complaint, "reply", by=cast["shijian_liaison"], reply="已核查")
    assert "待核查答复" not in login(cast["shijian_liaison"]).get(reverse("core:todo")).content.decode()
