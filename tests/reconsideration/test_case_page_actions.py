"""The case page offers exactly the acts the procedure allows its user now, and runs them through the one
action view: the version read, every refusal at its field, one audit event per act."""

import datetime as dt

import pytest
from django.urls import reverse

from yifa.core.audit import timeline
from yifa.reconsideration import services
from yifa.reconsideration.models import Case, CaseState

D = dt.date
pytestmark = pytest.mark.django_db


def _offered(client, case) -> set[str]:
    page = client.get(case.get_absolute_url()).content.decode()
    prefix = f"/cases/{case.pk}/act/"
    return {part.split("/")[0] for part in page.split(prefix)[1:]}


def test_the_page_offers_what_the_procedure_allows_as_the_case_moves(cast, login, receive):
    case = receive(D(2025, 3, 3))
    staff = login(cast["fuyi"])
    assert _offered(staff, case) == {"request_correction", "accept", "not_accept"}
    case = services.case_accept(case=case, by=cast["fuyi"], on=D(2025, 3, 4))
    during = _offered(staff, case)
    assert {"send_copy", "record_hearing", "suspend", "norm_review", "opinion", "justify_overdue"} <= during
    assert not during & {"accept", "serve_copy", "reply", "resume", "publish", "extend", "to_normal"}
    case = services.case_send_copy(case=case, by=cast["fuyi"], on=D(2025, 3, 5))
    assert not _offered(staff, case) & {"send_copy", "serve_copy", "reply"}
    assert _offered(login(cast["minzheng_liaison"]), case) == {"reply"}
    assert {"extend", "to_normal"} <= _offered(login(cast["legal_head"]), case)


def test_for_an_outside_organ_the_office_records_the_service_date_and_enters_the_reply(cast, login, accepted):
    case = accepted(D(2025, 9, 22), D(2025, 9, 26))
    Case.objects.filter(pk=case.pk).update(respondent_unit=None, respondent_name="某省某厅")
    case = services.case_send_copy(case=Case.objects.get(pk=case.pk), by=cast["fuyi"], on=D(2025, 9, 30))
    staff = login(cast["fuyi"])
    assert {"serve_copy", "reply"} <= _offered(staff, case)
    response = staff.post(
        reverse("reconsideration:act", args=[case.pk, "reply"]),
        {"reply-text": "邮寄答复已收到", "reply-version": case.version},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.reply_text == "邮寄答复已收到" and "reply" not in _offered(staff, case)


def test_an_act_that_keeps_the_state_is_audited_once_and_a_stale_form_overwrites_nothing(cast, login, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    staff = login(cast["fuyi"])
    read = case.version
    response = staff.post(
        reverse("reconsideration:act", args=[case.pk, "send_copy"]),
        {"send_copy-on": "2025-03-05", "send_copy-version": read},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.copy_sent_on == D(2025, 3, 5) and case.version == read + 1
    [event] = [e for e in timeline(case) if e.action == "reconsideration.send_copy"]
    assert (event.from_state, event.to_state) == (CaseState.ACCEPTED, CaseState.ACCEPTED)
    assert event.data["reply_due"] == "2025-03-19"

    stale = staff.post(
        reverse("reconsideration:act", args=[case.pk, "justify_overdue"]),
        {"justify_overdue-reason": "鉴定延迟", "justify_overdue-version": read},
    )
    assert stale.status_code == 400 and f"您打开的是第{read}版" in stale.content.decode()
    case.refresh_from_db()
    assert case.overdue_justification == ""


def test_a_refused_service_date_comes_back_at_its_field_without_a_page_reload(cast, login, accepted):
    case = accepted(D(2025, 9, 22), D(2025, 9, 26))
    Case.objects.filter(pk=case.pk).update(respondent_unit=None, respondent_name="某省某厅")
    case = services.case_send_copy(case=Case.objects.get(pk=case.pk), by=cast["fuyi"], on=D(2025, 9, 30))
    response = login(cast["fuyi"]).post(
        reverse("reconsideration:act", args=[case.pk, "serve_copy"]),
        {"serve_copy-served_on": "2025-09-29", "serve_copy-on": "2025-10-10", "serve_copy-version": case.version},
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert response.status_code == 200 and 'id="action-serve_copy"' in page
    assert "被申请人收到副本日期不能早于发送日期2025年9月30日" in page
    case.refresh_from_db()
    assert case.copy_served_on is None


def test_publishing_says_on_which_article_the_text_was_cleaned(cast, login, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    case = services.case_send_copy(case=case, by=cast["fuyi"], on=D(2025, 3, 5))
    case = services.case_reply(case=case, by=cast["minzheng_liaison"], text="答复", on=D(2025, 3, 12))
    services.case_record_hearing(case=case, by=cast["fuyi"], kind="hear", held_on=D(2025, 3, 20))
    case = services.case_propose(
        findings="被申请人于作出行政行为前已告知申请人陈述申辩权利",
        case=case,
        by=cast["fuyi"],
        decision_type="uphold",
        decision_text="张三的请求不成立",
        on=D(2025, 4, 1),
    )
    case = services.case_approve(case=case, by=cast["mayor"], on=D(2025, 4, 2))
    staff = login(cast["fuyi"])
    assert "publish" in _offered(staff, case)
    done = staff.post(
        reverse("reconsideration:act", args=[case.pk, "publish"]),
        {"publish-on": "2025-04-03", "publish-version": case.version},
        follow=True,
    )
    assert "已公开决定书，个人信息已去除（《中华人民共和国行政复议法》（2023年）第七十九条）" in done.content.decode()
    case.refresh_from_db()
    assert case.published_on == D(2025, 4, 3) and "张某" in case.public_text
    assert "publish" not in _offered(staff, case)


def test_the_respondent_cannot_run_the_office_acts_through_the_action_view(cast, login, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    response = login(cast["minzheng_liaison"]).post(
        reverse("reconsideration:act", args=[case.pk, "send_copy"]),
        {"send_copy-on": "2025-03-05", "send_copy-version": case.version},
    )
    assert response.status_code == 403 and "您无权发送申请书副本（需复议工作人员）" in response.content.decode()
    case.refresh_from_db()
    assert case.copy_sent_on is None


def test_date_fields_open_on_today_in_the_form_a_date_input_accepts(cast, login, accepted):
    from django.utils import timezone

    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    page = login(cast["fuyi"]).get(case.get_absolute_url()).content.decode()
    assert f'name="send_copy-on" value="{timezone.localdate().isoformat()}"' in page


def test_the_timeline_names_the_kind_of_hearing_recorded(cast, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    services.case_record_hearing(case=case, by=cast["fuyi"], kind="hear", held_on=D(2025, 3, 20), place="电话")
    [event] = [e for e in timeline(case) if e.action == "reconsideration.record_hearing"]
    assert event.action_label == "听取意见或书面审理（第四十九条）" and event.data["kind"] == "hear"
    assert event.data["hearing"] == case.hearings.get().pk
