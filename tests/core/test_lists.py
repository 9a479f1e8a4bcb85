"""Staff lists sort by their column headers and go to Excel as shown; the audit log filters by who,
what, which record and when, and shows states in Chinese."""

import datetime as dt
import io

import pytest
from django.db import transaction
from django.utils import timezone
from openpyxl import load_workbook

from yifa.core import clocks
from yifa.core.audit import record_event
from yifa.core.models import Event

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def three_clocks(cast, reply_rule):
    for name, start in (("民政局", D(2026, 9, 24)), ("市场监管局", D(2026, 9, 1)), ("青石镇", D(2026, 10, 9))):
        unit = cast.units[name]
        clocks.start_clock(subject=unit, rule=reply_rule, start=start, unit=unit, title=f"{name}的答复期限")


def subjects_in_order(page: str) -> list[str]:
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return sorted(("民政局", "市场监管局", "青石镇"), key=lambda n: body.index(f"{n}的答复期限"))


def test_deadlines_sort_by_the_clicked_column_and_back(login, cast, three_clocks):
    client = login(cast.people["reviewer"])
    page = client.get("/staff/deadlines/?sort=due").content.decode()
    assert subjects_in_order(page) == ["市场监管局", "民政局", "青石镇"]
    assert 'aria-sort="ascending"' in page and "sort=-due" in page
    assert subjects_in_order(client.get("/staff/deadlines/?sort=-due").content.decode()) == [
        "青石镇",
        "民政局",
        "市场监管局",
    ]
    # an unknown column is ignored rather than passed to the database
    assert client.get("/staff/deadlines/?sort=explanation").status_code == 200


def test_deadlines_export_to_excel_as_filtered_and_sorted(login, cast, three_clocks, django_assert_max_num_queries):
    client = login(cast.people["reviewer"])
    with django_assert_max_num_queries(12):
        response = client.get("/staff/deadlines/?sort=-due&format=xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("状态", "事项", "期限", "责任单位", "届满日", "计算说明")
    assert [r[2] for r in rows[1:]] == ["青石镇的答复期限", "民政局的答复期限", "市场监管局的答复期限"]
    assert rows[1][0] == "计时中"


def test_a_liaison_exports_only_the_own_units_deadlines(login, cast, three_clocks):
    response = login(cast.people["minzheng_liaison"]).get("/staff/deadlines/?format=xlsx")
    rows = list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))
    assert [r[3] for r in rows[1:]] == ["江临市民政局"]


def test_the_audit_log_filters_by_person_action_record_and_dates(login, cast):
    with transaction.atomic():
        for name in ("民政局", "市场监管局"):
            unit = cast.units[name]
            record_event(
                actor=cast.people["admin"], subject=unit, action="unit.update", action_label="修改单位", unit=unit
            )
    client = login(cast.people["reviewer"])
    page = client.get("/staff/audit/?subject=市场监管局").content.decode()
    body = page.split("<tbody>", 1)[1]
    assert "江临市市场监管局" in body and "江临市民政局" not in body
    # events are append-only (their time cannot be rewritten): filter around the day they were written
    day = timezone.localtime(Event.objects.latest("id").at).date()
    body = client.get(f"/staff/audit/?since={day}&until={day}").content.decode().split("<tbody>", 1)[1]
    assert "江临市市场监管局" in body and "江临市民政局" in body
    later = day + dt.timedelta(days=1)
    assert "没有符合条件的事件" in client.get(f"/staff/audit/?since={later}").content.decode()
    earlier = day - dt.timedelta(days=1)
    assert "没有符合条件的事件" in client.get(f"/staff/audit/?until={earlier}").content.decode()
    refused = client.get("/staff/audit/?since=2026-09-05&until=2026-09-01").content.decode()
    assert "截止日期：不能早于起始日期" in refused
    assert "没有符合条件的事件" in client.get("/staff/audit/?actor=无此人").content.decode()


def test_no_english_state_value_in_the_audit_log_of_the_demo_city(login, cast):
    from yifa.core.registry import contributions

    for name, module in contributions("demo"):
        if name != "core" and hasattr(module, "load"):
            module.load(cast)
    response = login(cast.people["admin"]).get("/staff/audit/?format=xlsx")
    rows = list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))
    states = {r[6] for r in rows[1:] if r[6]}
    assert states
    english = [s for s in states if any(part.strip().isascii() and part.strip() for part in s.split("→"))]
    assert not english, english


def test_an_export_runs_the_same_queries_for_three_rows_and_for_thousands(login, cast, three_clocks):
    """The export reads the declared fields in one streamed query: no query per row, whatever the size."""
    from yifa.core.endpoints import SqlLog
    from yifa.core.models import Deadline

    client = login(cast.people["reviewer"])
    client.get("/staff/deadlines/")  # the session's first touch falls here, not on the counted requests

    def export():
        with SqlLog() as captured:
            response = client.get("/staff/deadlines/?sort=-due&format=xlsx")
        rows = list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))
        return rows, len(captured)

    few_rows, few = export()
    template = Deadline.objects.order_by("id").first()
    copies = []
    for n in range(2500):
        row = Deadline.objects.filter(pk=template.pk).values().get()
        row.pop("id")
        row.update(title=f"批量期限{n}", due=D(2026, 10, 1) + dt.timedelta(days=n % 300))
        copies.append(Deadline(**row))
    Deadline.objects.bulk_create(copies)
    many_rows, many = export()
    assert len(few_rows) == 4 and len(many_rows) == 2504
    assert many == few <= 12, (few, many)
    assert many_rows[0] == ("状态", "事项", "期限", "责任单位", "届满日", "计算说明")
    assert {r[0] for r in many_rows[1:]} == {"计时中"} and {r[3] for r in many_rows[1:]} >= {"江临市民政局"}
    dues = [r[4] for r in many_rows[1:]]
    assert dues == sorted(dues, reverse=True)
