"""领导干部学法: a department with fewer than two study sessions is warned in the fourth quarter."""

import datetime as dt

import pytest

from yifa.core.errors import InvalidInput
from yifa.training import queries
from yifa.training.models import StudyKind, StudySession
from yifa.training.services import study_record

from .conftest import study

D = dt.date


def _warned_names(today):
    return [u.name for u, _ in queries.units_short_of_study(year=today.year, today=today)]


def test_one_session_is_warned_in_the_fourth_quarter_two_are_not(cast):
    study(cast, "民政局", "minzheng_liaison", D(2026, 4, 20))
    study(cast, "市场监管局", "shijian_liaison", D(2026, 3, 5))
    study(cast, "市场监管局", "shijian_liaison", D(2026, 9, 18), law="行政复议法")

    warned = _warned_names(D(2026, 10, 1))

    assert "江临市民政局" in warned
    assert "江临市市场监管局" not in warned


def test_no_warning_before_the_fourth_quarter(cast):
    study(cast, "民政局", "minzheng_liaison", D(2026, 4, 20))
    assert _warned_names(D(2026, 9, 30)) == []
    assert "江临市民政局" in _warned_names(D(2026, 10, 1))


def test_the_warning_reaches_the_units_todo_list(cast):
    study(cast, "民政局", "minzheng_liaison", D(2026, 4, 20))
    from yifa.training.todo import items_for

    titles = [i["title"] for i in items_for(cast["minzheng_liaison"], D(2026, 11, 26))]
    assert titles == ["江临市民政局2026年领导班子学法1次，不足2次"]
    assert list(items_for(cast["shijian_liaison"], D(2026, 6, 1))) == []


def test_pre_meeting_study_needs_its_meeting_and_nothing_is_written_without_it(cast):
    with pytest.raises(InvalidInput) as exc:
        study_record(
            by=cast["minzheng_liaison"],
            unit=cast["民政局"],
            kind=StudyKind.PRE_MEETING,
            held_on=D(2026, 5, 8),
            law_studied="",
            speaker="",
            attendees=[cast["minzheng_head"]],
        )
    assert exc.value.errors == {
        "law_studied": "学习的法律法规：必须填写",
        "speaker": "主讲人：必须填写",
        "meeting": "会议：必须填写",
    }
    assert not StudySession.objects.exists()


def test_attendees_of_another_unit_are_refused(cast):
    with pytest.raises(InvalidInput) as exc:
        study_record(
            by=cast["minzheng_liaison"],
            unit=cast["民政局"],
            kind=StudyKind.CENTRE_GROUP,
            held_on=D(2026, 5, 8),
            law_studied="行政诉讼法",
            speaker="民政局局长",
            attendees=[cast["shijian_head"]],
        )
    assert "市监局长不是本单位的人员" in exc.value.errors["attendees"]
