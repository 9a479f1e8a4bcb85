"""A 会前学法 session attached to the meeting the decisions module recorded: the meeting reaches training by
the decisions module's event (no import of its models), and only a session held on or before the meeting,
of the meeting's own organ, can be attached."""

import datetime as dt

import pytest
from django.urls import reverse

from yifa.core.errors import Conflict, InvalidInput
from yifa.decisions import services as decisions
from yifa.training import services
from yifa.training.models import MeetingRecord, StudyKind, StudySession

from ..decisions.builders import drafted, meeting, reviewed

D = dt.date


@pytest.fixture
def executive_meeting(cast):
    """The city's executive meeting of 11 May 2026 discussing a major decision (decisions' own services)."""
    decision = reviewed(cast, drafted(cast))
    decision = decisions.decision_discuss(by=cast["mayor"], decision=decision, **meeting(cast))
    return decision, MeetingRecord.objects.get()


def pre_meeting_study(cast, on):
    return services.study_record(
        by=cast["mayor"],
        unit=cast.city,
        kind=StudyKind.PRE_MEETING,
        held_on=on,
        law_studied="重大行政决策程序暂行条例",
        speaker="司法局局长",
        attendees=[cast["mayor"]],
        meeting="政府常务会议",
    )


def test_the_decisions_meeting_reaches_training_by_its_event(cast, executive_meeting):
    decision, record = executive_meeting
    assert (record.unit, record.held_on, record.kind) == (cast.city, D(2026, 5, 11), "政府常务会议")
    assert record.link == decision.get_absolute_url() and record.subject == str(decision)


def test_a_pre_meeting_study_is_attached_to_its_meeting_and_links_to_it(cast, login, executive_meeting):
    decision, record = executive_meeting
    study = pre_meeting_study(cast, D(2026, 5, 11))
    client = login(cast["mayor"])
    page = client.get(study.get_absolute_url()).content.decode()
    assert "附于会议" in page and str(record) in page
    response = client.post(
        reverse("training:study_attach", args=[study.pk]), {"meeting_record": record.pk, "version": study.version}
    )
    assert response.status_code == 302
    study.refresh_from_db()
    assert study.meeting_record == record and study.meeting_link == decision.get_absolute_url()
    page = client.get(study.get_absolute_url()).content.decode()
    assert f'href="{decision.get_absolute_url()}"' in page and "已附于政府常务会议记录" in page


def test_a_study_after_the_meeting_or_of_another_kind_cannot_be_attached(cast, executive_meeting):
    _, record = executive_meeting
    late = pre_meeting_study(cast, D(2026, 5, 12))
    with pytest.raises(InvalidInput) as exc:
        services.study_attach_meeting(by=cast["mayor"], study=late, meeting_record=record, version=late.version)
    assert "早于学法日期2026-05-12，不是会前学法" in exc.value.errors["meeting_record"]
    group = services.study_record(
        by=cast["mayor"],
        unit=cast.city,
        kind=StudyKind.LEADING_GROUP,
        held_on=D(2026, 5, 6),
        law_studied="宪法",
        speaker="市长",
        attendees=[cast["mayor"]],
    )
    with pytest.raises(InvalidInput) as exc:
        services.study_attach_meeting(by=cast["mayor"], study=group, meeting_record=record, version=group.version)
    assert exc.value.errors["meeting_record"].startswith("所附会议：只有会前学法可附于会议")
    assert not StudySession.objects.filter(meeting_record__isnull=False).exists()


def test_another_units_study_cannot_take_the_meeting_and_a_stale_attach_is_refused(cast, executive_meeting):
    _, record = executive_meeting
    theirs = services.study_record(
        by=cast["minzheng_liaison"],
        unit=cast["民政局"],
        kind=StudyKind.PRE_MEETING,
        held_on=D(2026, 5, 8),
        law_studied="社会救助暂行办法",
        speaker="局长",
        attendees=[cast["minzheng_head"]],
        meeting="局务会议",
    )
    with pytest.raises(InvalidInput) as exc:
        services.study_attach_meeting(
            by=cast["minzheng_liaison"], study=theirs, meeting_record=record, version=theirs.version
        )
    assert exc.value.errors["meeting_record"] == "所附会议：须为本单位的会议"
    ours = pre_meeting_study(cast, D(2026, 5, 11))
    services.study_attach_meeting(by=cast["mayor"], study=ours, meeting_record=record, version=ours.version)
    with pytest.raises(Conflict):
        services.study_attach_meeting(by=cast["mayor"], study=ours, meeting_record=record, version=ours.version)


def test_the_decisions_meeting_record_lists_the_pre_meeting_studies_attached_to_it(cast, login, executive_meeting):
    decision, record = executive_meeting
    page = login(cast["mayor"]).get(decision.get_absolute_url()).content.decode()
    assert "会前学法" not in page  # nothing attached yet
    study = pre_meeting_study(cast, D(2026, 5, 11))
    other = pre_meeting_study(cast, D(2026, 5, 8))  # held before the meeting, but not attached to it
    services.study_attach_meeting(by=cast["mayor"], study=study, meeting_record=record, version=study.version)
    page = login(cast["mayor"]).get(decision.get_absolute_url()).content.decode()
    meeting_section = page[page.index('id="meeting"') : page.index('id="publication"')]
    assert "会前学法" in meeting_section
    assert f'<a href="{study.get_absolute_url()}">2026-05-11 学习《重大行政决策程序暂行条例》</a>' in meeting_section
    assert "主讲人：司法局局长" in meeting_section
    assert other.get_absolute_url() not in page
