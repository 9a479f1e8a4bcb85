"""The consolidated supervision statistics (per unit, one grouped query per measure): on a page for the legal
office, as an .xlsx, and from `yifa supervision stats`; `yifa supervision sample` shows a seed's sample again."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from yifa.core.procedure import fire
from yifa.lib.office import xlsx_rows
from yifa.supervision import services
from yifa.supervision.flows import FILE_FLOW, FILING_FLOW

from .conftest import D, decided
from .test_review_campaign import _scores, drawn


@pytest.fixture
def year_of_supervision(cast, body, officers, reviewer, travel):
    for n in range(1, 4):
        decided(cast, body, officers, f"江市监处罚〔2026〕{n}号")
    major = decided(cast, body, officers, "江市监处罚〔2026〕9号", decide_on=D(2026, 9, 15), major=True)
    _, c = drawn(cast, 5)
    first, second, third = c.files.order_by("id")
    legal = cast["legal_head"]
    fire(FILE_FLOW, first, "score", by=legal, on=D(2026, 11, 5), scores=_scores(first))
    fire(FILE_FLOW, second, "score", by=legal, on=D(2026, 11, 5), scores=_scores(second, F5=(0, True, "证据不足")))
    from yifa.supervision.models import Filing

    filing = Filing.objects.get(case_id=major.pk)
    fire(FILING_FLOW, filing, "file", by=cast["shijian_liaison"], on=D(2026, 9, 16))
    services.complaint_receive(
        by=legal, unit=cast["市场监管局"], channel="hotline", complainant_name="张某", content="执法人员态度粗暴",
        received_on=D(2026, 10, 9),
    )  # fmt: skip
    services.complaint_receive(
        by=legal, unit=cast["民政局"], channel="hotline", complainant_name="李某", content="未出示证件",
        received_on=D(2026, 10, 9),
    )  # fmt: skip
    travel(D(2026, 12, 1))
    return c


def test_the_legal_office_sees_each_units_supervision_record_and_downloads_it(
    cast, login, year_of_supervision, django_assert_max_num_queries
):
    client = login(cast["legal_head"])
    with django_assert_max_num_queries(20):
        page = client.get(reverse("supervision:statistics") + "?year=2026")
    assert page.status_code == 200
    headers, rows = page.context["headers"], page.context["rows"]
    by_unit = {r[0]: dict(zip(headers, r)) for r in rows}
    market = by_unit[cast["市场监管局"].name]
    assert (market["评查案卷"], market["合格"], market["合格率（%）"]) == (2, 1, 50.0)
    assert (market["应备案重大处罚"], market["按期备案"], market["逾期备案或逾期未备案"]) == (1, 1, 0)
    assert market["收到投诉"] == 1 and by_unit[cast["民政局"].name]["收到投诉"] == 1
    assert by_unit["合计"]["收到投诉"] == 2

    download = client.get(reverse("supervision:statistics") + "?year=2026&format=xlsx")
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")
    x_headers, x_rows = xlsx_rows(b"".join(download.streaming_content) if download.streaming else download.content)
    assert x_headers == headers and [r[0] for r in x_rows] == [r[0] for r in rows]


@pytest.mark.parametrize("who", ["shijian_head", "mayor", "minzheng_liaison"])
def test_departments_and_leaders_do_not_get_the_consolidated_statistics(cast, login, who):
    assert login(cast[who]).get(reverse("supervision:statistics")).status_code == 403


def test_the_cli_prints_the_statistics_and_shows_a_seeds_sample_again(cast, year_of_supervision, tmp_path):
    out = StringIO()
    call_command("supervision", "stats", "--year", "2026", "--json", stdout=out)
    rows = {r["单位"]: r for r in json.loads(out.getvalue())}
    assert rows[cast["市场监管局"].name]["评查案卷"] == 2
    target = tmp_path / "stats.xlsx"
    call_command("supervision", "stats", "--year", "2026", "--xlsx", str(target), stdout=StringIO())
    assert xlsx_rows(target.read_bytes())[0][0] == "单位"

    out = StringIO()
    call_command("supervision", "sample", "--campaign", str(year_of_supervision.pk), stdout=out)
    shown = sorted(line.split("\t")[1] for line in out.getvalue().splitlines())
    assert shown == sorted(year_of_supervision.files.values_list("case_number", flat=True))
    with pytest.raises(CommandError, match="找不到评查活动"):
        call_command("supervision", "sample", "--campaign", "999")


def test_the_cli_runs_the_warning_rules_for_a_day(cast):
    out = StringIO()
    call_command("supervision", "warnings", "--date", "2026-12-01", stdout=out)
    assert out.getvalue().startswith("新发执法预警")
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("supervision", "warnings", "--date", "12/01")
