"""The reconsideration board, the opinion letters, the submissions via the penalising organ and the held
online applications sort by their column headers and go to Excel as shown (core.listing)."""

import datetime as dt
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from yifa.reconsideration import demo, submissions
from yifa.reconsideration.intake_models import IntakeState, OnlineIntake
from yifa.reconsideration.models import Case, OpinionLetter

pytestmark = pytest.mark.django_db
D = dt.date


def three_of_each(cast):
    """The demo city's cases, and three opinion letters, submissions and held applications on different days."""
    demo.load(cast)
    case = Case.objects.order_by("id").first()
    for n, day in enumerate((D(2026, 3, 2), D(2026, 1, 5), D(2026, 6, 1))):
        OpinionLetter.objects.create(case=case, recipient=cast.units["民政局"], issued_on=day, content=f"意见{n}")
        submissions.submission_receive(
            by=cast["shijian_officer"],
            unit=cast.units["市场监管局"],
            received_on=day,
            applicant_name=f"申请人{n}",
            act_title=f"江市监当罚〔2026〕{n + 1}号当场处罚决定",
            on=day,
        )
        at = timezone.make_aware(dt.datetime.combine(day, dt.time(9, n)))
        OnlineIntake.objects.create(
            state=IntakeState.HELD,
            received_on=day,
            received_at=at,
            applicant_key=f"k{n}",
            summary=f"网上申请{n}",
            held_reason="当日网上申请超过限额",
            office=case.office,
        )


# url: (the column sorted, its header, its place in the export)
LISTS = {
    "/staff/reconsideration/": ("respondent_name", "被申请人", 1),
    "/staff/reconsideration/opinions/": ("issued_on", "制发", 3),
    "/staff/reconsideration/submissions/": ("received_on", "收到", 1),
    "/staff/reconsideration/held/": ("received_at", "收到时间", 0),
}


def rows_of(response):
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")
    return list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))


@pytest.mark.parametrize("url", LISTS)
def test_a_reconsideration_list_sorts_by_its_headers_and_exports(cast, login, url):
    key, header, column = LISTS[url]
    three_of_each(cast)
    client = login(cast["admin"] if "submissions" in url else cast["fuyi"])
    page = client.get(f"{url}?sort={key}").content.decode()
    assert 'aria-sort="ascending"' in page and f"sort=-{key}" in page and "format=xlsx" in page
    assert client.get(f"{url}?sort=no_such_field").status_code == 200  # not passed to the database
    rows = rows_of(client.get(f"{url}?sort=-{key}&format=xlsx"))
    assert rows[0][column] == header
    values = [r[column] for r in rows[1:]]
    assert len(values) >= 3 and values == sorted(values, reverse=True)


def test_the_board_export_shows_states_in_chinese_and_only_open_cases(cast, login):
    demo.load(cast)
    rows = rows_of(login(cast["fuyi"]).get("/staff/reconsideration/?format=xlsx"))
    assert rows[0] == ("案号", "被申请人", "状态", "最近一步期限", "最近一步届满日", "超审限理由")
    states = {r[2] for r in rows[1:]}
    assert states and all(not s.isascii() for s in states) and "已结案" not in states
