"""Supervision's staff lists sort by their column headers and go to Excel as the page shows them (choice
labels, masked names, the user's scope)."""

import datetime as dt

import pytest

from tests.list_checks import sheet, sorts_and_exports
from yifa.supervision import demo, seed, services
from yifa.supervision.models import Alert, Channel, Complaint, InspectionScope, Notice, WarningKind

pytestmark = pytest.mark.django_db

# url: (the column sorted, its header)
LISTS = {
    "/staff/supervision/?state=": ("found_on", "发现日"),
    "/staff/supervision/campaigns/": ("n_files", "抽取"),
    "/staff/supervision/notices/": ("issued_on", "送达日"),
    "/staff/supervision/filings/": ("decided_on", "决定日"),
    "/staff/supervision/accountability/": ("opened_on", "立案日"),
    "/staff/supervision/complaints/": ("received_on", "收到日"),
    "/staff/supervision/disputes/": ("submitted_on", "提请日"),
    "/staff/supervision/inspections/": ("due_on", "完成期限"),
}


@pytest.fixture
def loaded(cast, today):
    """The demo city, sample filings, notices and warnings of every unit, and a few complaints, disputes and
    inspections entered as staff would."""
    demo.load(cast)
    seed.seed(scale=100, progress=lambda *_: None)
    legal = cast["legal_head"]
    for n, (unit, name) in enumerate([("民政局", "张三丰"), ("市场监管局", "李四"), ("民政局", "王五")]):
        services.complaint_receive(
            by=legal,
            unit=cast[unit],
            channel=Channel.values[n % len(Channel.values)],
            complainant_name=name,
            content="执法人员态度粗暴",
            received_on=today - dt.timedelta(days=n),
        )
    for n, who in enumerate(["minzheng_liaison", "shijian_liaison"]):
        services.dispute_submit(
            by=cast[who],
            unit=cast[who].unit,
            other_units=[cast["交通运输局"]],
            matter=f"职责争议{n}",
            on=today - dt.timedelta(days=n),
        )
    for n in range(2):
        services.inspection_create(
            by=legal,
            name=f"专项检查{n}",
            scope=InspectionScope.values[0],
            subject="行政处罚",
            units=[cast["民政局"]],
            period_start=today - dt.timedelta(days=365),
            period_end=today,
            due_on=today + dt.timedelta(days=30 + n),
        )
    return cast


@pytest.mark.parametrize("url", LISTS)
def test_a_supervision_list_sorts_and_exports(loaded, login, url):
    key, header = LISTS[url]
    rows = sorts_and_exports(login(loaded["legal_head"]), url, key, header)
    assert len(rows) > 1, f"{url}: the test city has rows to export"


def test_exports_show_choice_labels_not_stored_values(loaded, login):
    client = login(loaded["legal_head"])
    notices = sheet(client.get("/staff/supervision/notices/?format=xlsx"))
    kinds = {r[notices[0].index("类别")] for r in notices[1:]}
    assert kinds and kinds <= {label for _, label in Notice._meta.get_field("kind").choices}
    complaints = sheet(client.get("/staff/supervision/complaints/?format=xlsx"))
    channels = {r[complaints[0].index("来源")] for r in complaints[1:]}
    assert channels <= {label for _, label in Complaint._meta.get_field("channel").choices}


def test_a_unit_exports_only_its_own_complaints_with_the_complainant_masked(loaded, login):
    everything = sheet(login(loaded["legal_head"]).get("/staff/supervision/complaints/?format=xlsx"))
    liaison = loaded["minzheng_liaison"]
    own = set(Complaint.objects.filter(unit=liaison.unit).values_list("number", flat=True))
    rows = sheet(login(liaison).get("/staff/supervision/complaints/?format=xlsx"))
    assert {r[0] for r in rows[1:]} == own and len(rows) < len(everything)
    names = [r[3] for r in rows[1:]]
    assert names and all("*" in n for n in names), names


def test_the_warning_export_names_kind_and_state_in_chinese_for_the_units_own(loaded, login):
    unit = loaded["民政局"]
    own = Alert.objects.filter(unit=unit)
    rows = sheet(login(loaded["minzheng_liaison"]).get("/staff/supervision/?state=&format=xlsx"))
    assert rows[0] == ("预警", "类别", "单位", "发现日", "状态")
    assert len(rows) - 1 == own.count() < Alert.objects.count()
    assert {r[1] for r in rows[1:]} == {WarningKind(k).label for k in own.values_list("kind", flat=True)}
    assert {r[2] for r in rows[1:]} == {unit.name}
    assert {r[4][:3] for r in rows[1:]} <= {"已消除", "预警中"}
