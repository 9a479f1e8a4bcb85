"""The principal leader's first-responsible-person duties: a list the legal office keeps (provinces publish
their own), and each unit's state of each duty for the year, carried into the 述法 draft."""

import datetime as dt

import pytest
from django.urls import reverse

from yifa.assessment import duties, services
from yifa.assessment.models import Duty, DutyRecord, DutyState, ReportKind
from yifa.core.errors import AccessDenied, Conflict, InvalidInput

D = dt.date


@pytest.fixture
def checklist(cast):
    office = cast["reviewer"]
    return [
        duties.duty_add(
            by=office, title="每年听取一次本单位法治建设工作汇报", basis="本省实施办法第五条", from_year=2025, sort=1
        ),
        duties.duty_add(by=office, title="组织领导班子会前学法", basis="本省实施办法第六条", from_year=2025, sort=2),
    ]


def test_only_the_legal_office_keeps_the_list_and_a_retired_duty_leaves_later_years(cast, checklist):
    with pytest.raises(AccessDenied):
        duties.duty_add(by=cast["minzheng_head"], title="自拟职责", basis="无", from_year=2025)
    first = checklist[0]
    duties.duty_retire(by=cast["reviewer"], duty=first, last_year=2025, version=first.version)
    assert [d.title for d in duties.in_force(2025)] == [first.title, checklist[1].title]
    assert [d.title for d in duties.in_force(2026)] == [checklist[1].title]
    with pytest.raises(Conflict):
        duties.duty_retire(by=cast["reviewer"], duty=first, last_year=2026, version=first.version)


def test_a_unit_records_each_dutys_state_and_the_page_shows_it(cast, login, checklist):
    minzheng = cast["民政局"]
    duties.duty_record(
        by=cast["minzheng_head"],
        unit=minzheng,
        year=2025,
        duty=checklist[0],
        state=DutyState.DONE,
        note="3月12日局党组会听取汇报",
        on=D(2025, 3, 12),
    )
    page = login(cast["minzheng_head"]).get(reverse("assessment:unit_duties", args=[minzheng.pk]) + "?year=2025")
    text = page.content.decode()
    assert "已履行" in text and "3月12日局党组会听取汇报" in text
    assert text.count("未开展") >= 1  # the second duty has no record yet
    assert "记录履行情况" in text
    # another unit sees nothing of it and cannot record it
    other = login(cast["shijian_head"]).get(reverse("assessment:unit_duties", args=[minzheng.pk]) + "?year=2025")
    assert other.status_code == 403
    with pytest.raises(AccessDenied):
        duties.duty_record(
            by=cast["shijian_head"], unit=minzheng, year=2025, duty=checklist[1], state=DutyState.DONE, note="x"
        )


def test_a_state_other_than_not_started_needs_what_was_done_and_nothing_is_written_without_it(cast, checklist):
    with pytest.raises(InvalidInput) as exc:
        duties.duty_record(
            by=cast["minzheng_head"], unit=cast["民政局"], year=2025, duty=checklist[0], state=DutyState.DONE, note=" "
        )
    assert exc.value.errors == {"note": "履职情况及证据：必须填写"}
    with pytest.raises(InvalidInput) as exc:
        duties.duty_record(
            by=cast["minzheng_head"], unit=cast["民政局"], year=2024, duty=checklist[0], state="done", note="x"
        )
    assert exc.value.errors == {"duty": "职责：2024年度不在职责清单中"}
    assert not DutyRecord.objects.exists()


def test_the_page_form_records_and_a_stale_change_is_refused(cast, login, checklist):
    client = login(cast["minzheng_liaison"])
    url = reverse("assessment:unit_duty_record", args=[cast["民政局"].pk, checklist[1].pk])
    client.post(url, {"year": 2025, "state": "in_progress", "note": "已学两次"})
    record = DutyRecord.objects.get()
    assert (record.state, record.note) == ("in_progress", "已学两次")
    client.post(url, {"year": 2025, "state": "done", "note": "全年四次", "version": record.version})
    client.post(url, {"year": 2025, "state": "not_started", "note": "", "version": record.version})
    record.refresh_from_db()
    assert (record.state, record.note) == ("done", "全年四次")


def test_the_shufa_draft_lists_each_duty_with_its_state(cast, checklist):
    duties.duty_record(
        by=cast["minzheng_head"],
        unit=cast["民政局"],
        year=2025,
        duty=checklist[1],
        state=DutyState.IN_PROGRESS,
        note="会前学法三次",
        on=D(2025, 9, 1),
    )
    report = services.report_draft(by=cast["minzheng_head"], unit=cast["民政局"], year=2025, kind=ReportKind.SHUFA)
    assert "1. 每年听取一次本单位法治建设工作汇报——未开展" in report.body
    assert "2. 组织领导班子会前学法——推进中：会前学法三次" in report.body


def test_the_list_page_offers_the_legal_office_its_forms(cast, login, checklist):
    office = login(cast["reviewer"]).get(reverse("assessment:duties") + "?year=2025").content.decode()
    assert "增加职责" in office and "停用" in office and "本省实施办法第五条" in office
    unit = login(cast["minzheng_head"]).get(reverse("assessment:duties") + "?year=2025").content.decode()
    assert "增加职责" not in unit and "本单位履行情况" in unit
    assert Duty.objects.count() == 2
