"""The indicator system as data: the legal office sets each indicator's level and points (and whether it
counts) from a year on, adds manual indicators and scores them with evidence; every change is audited."""

from decimal import Decimal

from django.urls import reverse

from yifa.assessment import queries, system
from yifa.assessment.models import IndicatorSetting, ManualScore
from yifa.core.models import Event

from .test_scores import AS_OF

STUDY = "leadership_study"


def _row(cast, unit_key, year=2025):
    return next(r for r in queries.scores(cast["mayor"], year=year, as_of=AS_OF) if r.unit == cast[unit_key])


def _line(row, code):
    return next(line for line in row.lines if line.indicator.code == code)


def _set(client, *, year=2025, code=STUDY, level="队伍建设", points="15", enabled="on", version=""):
    data = {"year": year, "code": code, "level": level, "points": points, "version": version}
    if enabled:
        data["enabled"] = enabled
    return client.post(reverse("assessment:indicator_set"), data, follow=True)


def test_legal_office_raises_an_indicators_points_and_the_scores_follow_from_that_year_on(cast, login):
    before = _row(cast, "民政局")
    assert _line(before, STUDY).points == 0  # no study session recorded: none of the 10 points
    page = _set(login(cast["reviewer"]), points="15").content.decode()
    assert "已设置“领导班子学法不少于两次”：队伍建设，15分，自2025年度起" in page

    after = _row(cast, "民政局")
    assert _line(after, STUDY).indicator.points == 15
    assert system.total(system.counted(2025)) == system.total(system.counted(2024)) + 5
    assert system.find(2026, STUDY).points == 15  # later years keep the setting
    assert system.find(2024, STUDY).points == 10  # earlier years keep theirs
    event = Event.objects.filter(action="assessment.indicator").get()
    assert event.actor == cast["reviewer"] and event.data["points"] == "15"

    changed = _set(login(cast["reviewer"]), points="12", version=IndicatorSetting.objects.get().version)
    assert "12分" in changed.content.decode()
    change = Event.objects.filter(action="assessment.indicator").order_by("-id").first()
    assert set(change.data["changed"]["points"]) == {"before", "after"}


def test_leaving_an_indicator_out_removes_it_from_the_cockpit(cast, login):
    _set(login(cast["reviewer"]), enabled="")
    cockpit = login(cast["mayor"]).get(reverse("assessment:cockpit") + "?year=2025").content.decode()
    assert "领导班子学法不少于两次（" not in cockpit
    assert STUDY not in [line.indicator.code for line in _row(cast, "民政局").lines]


def test_only_the_legal_office_edits_the_indicators_and_bad_points_are_refused(cast, login):
    assert _set(login(cast["minzheng_head"])).status_code == 403
    page = _set(login(cast["reviewer"]), points="150").content.decode()
    assert "分值" in page and "100" in page
    assert not IndicatorSetting.objects.exists()
    listing = login(cast["minzheng_head"]).get(reverse("assessment:indicators") + "?year=2025").content.decode()
    assert "领导班子学法不少于两次" in listing and 'action="/staff/assessment/indicators/set/"' not in listing


def test_a_manual_indicator_is_scored_unit_by_unit_with_evidence(cast, login):
    client = login(cast["reviewer"])
    added = client.post(
        reverse("assessment:manual_indicator_add"),
        {
            "year": 2025,
            "name": "法治宣传教育",
            "level": "法治宣传",
            "points": "5",
            "measure": "落实普法责任制",
            "basis": "谁执法谁普法",
        },
        follow=True,
    ).content.decode()
    assert "已新增人工评分指标“法治宣传教育”（5分）" in added
    code = IndicatorSetting.objects.get().code
    unit_page = login(cast["minzheng_head"]).get(reverse("assessment:unit", args=[cast["民政局"].pk]) + "?year=2025")
    assert "法制机构尚未评分，暂按满分计" in unit_page.content.decode()
    full, other = _row(cast, "民政局").total, _row(cast, "市场监管局").total

    url = reverse("assessment:manual_score_set", args=[code])
    data = {"year": 2025, "unit": cast["民政局"].pk, "points": "3", "evidence": "未按期报送普法责任清单"}
    client = login(cast["reviewer"])  # one client: each login replaces the last
    assert "已为江临市民政局评分：3" in client.post(url, data, follow=True).content.decode()
    assert _row(cast, "民政局").total == full - 2
    assert _row(cast, "市场监管局").total == other
    shown = login(cast["minzheng_head"]).get(reverse("assessment:unit", args=[cast["民政局"].pk]) + "?year=2025")
    assert "法制机构评定3.0分：未按期报送普法责任清单" in shown.content.decode()

    too_many = login(cast["reviewer"]).post(url, {**data, "points": "6"}, follow=True).content.decode()
    assert "得分：须在0至5.0分之间" in too_many
    assert ManualScore.objects.get().points == Decimal(3)
    assert login(cast["minzheng_head"]).post(url, data).status_code == 403
