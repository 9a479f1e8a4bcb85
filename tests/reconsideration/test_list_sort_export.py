"""Reconsideration's clock columns go to Excel: the board's step due first (各环节期限), the opinion letters'
报送期限 (第七十六条), the submissions' 转送期限 (第三十二条第二款) and the respondent's 答复期限 (第四十八条),
each the clock's due date as a date cell read with the rows; and the respondent's inbox sorts and exports
only its own unit's cases."""

import datetime as dt

import pytest

from tests.list_checks import column, sheet, sorts_and_exports
from yifa.core import clocks
from yifa.reconsideration import demo, opinions, submissions
from yifa.reconsideration.models import Case, CaseState, OpinionLetter, OrganSubmission

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def city(cast):
    demo.load(cast)
    case = Case.objects.filter(state=CaseState.ACCEPTED).order_by("id").first()
    for n, (unit, day) in enumerate(
        (("民政局", D(2026, 3, 2)), ("市场监管局", D(2026, 1, 5)), ("民政局", D(2026, 6, 1)))
    ):
        opinions.opinion_issue(case=case, by=cast["fuyi"], recipient=cast.units[unit], content=f"意见{n}", on=day)
        submissions.submission_receive(
            by=cast["shijian_officer"],
            unit=cast.units["市场监管局"],
            received_on=day,
            applicant_name=f"申请人{n}",
            act_title=f"江市监当罚〔2026〕{n + 1}号当场处罚决定",
            on=day,
        )
    return cast


def _due(record) -> dt.date:
    return clocks.clocks_of(record, open_only=False).get().due


def test_the_board_exports_the_step_due_first_as_a_date(city, login):
    rows = sheet(login(city["fuyi"]).get("/staff/reconsideration/?format=xlsx"))
    found = dict(zip(column(rows, "案号"), zip(column(rows, "最近一步期限"), column(rows, "最近一步届满日"))))
    checked = 0
    for case in Case.objects.exclude(case_number=""):
        first = clocks.clocks_of(case).exclude(due=None).order_by("due", "-id").first()
        if case.number in found and first:
            assert found[case.number][0] == first.title and found[case.number][1].date() == first.due
            checked += 1
    assert checked >= 2


@pytest.mark.parametrize(
    ("url", "header", "model", "key"),
    [
        ("/staff/reconsideration/opinions/", "报送期限", OpinionLetter, "issued_on"),
        ("/staff/reconsideration/submissions/", "转送期限", OrganSubmission, "received_on"),
    ],
)
def test_a_letter_or_submission_exports_its_clocks_due_date_and_sorts_by_it(city, login, url, header, model, key):
    rows = sorts_and_exports(login(city["admin"]), url, "clock_due", header)
    assert sorted(d.date() for d in column(rows, header)) == sorted(_due(r) for r in model.objects.all())
    assert all(not s.isascii() for s in column(rows, "状态"))


def test_the_recipient_exports_only_its_own_letters(city, login):
    rows = sheet(login(city["minzheng_liaison"]).get("/staff/reconsideration/opinions/?format=xlsx"))
    assert column(rows, "送达机关") == ["江临市民政局", "江临市民政局"]


def test_the_respondents_inbox_sorts_and_exports_its_reply_deadlines(city, login):
    client = login(city["huanjing_liaison"])
    rows = sorts_and_exports(client, "/staff/reconsideration/replies/", "copy_sent_on", "收到副本")
    cases = Case.objects.filter(respondent_unit__name="江临市生态环境局", copy_sent_on__isnull=False)
    assert len(rows) - 1 == cases.count() and cases.exists()
    for case in cases:
        reply = clocks.clocks_of(case, open_only=False).filter(rule_id__contains=".reply.").get()
        assert rows[column(rows, "案号").index(case.number) + 1][rows[0].index("答复期限")].date() == reply.due
    other = sheet(login(city["minzheng_liaison"]).get("/staff/reconsideration/replies/?format=xlsx"))
    assert len(other) == 1
