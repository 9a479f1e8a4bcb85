"""The reform record (改革台账): each line with its deciding document; a cancellation stops the item; the
per-year counts, the chart and the .xlsx ledger."""

import datetime as dt
import json

import pytest

from yifa.core.errors import AccessDenied, Conflict, InvalidInput
from yifa.core.models import Event
from yifa.lib.xlsx_read import read_rows
from yifa.licensing import reform, tasks
from yifa.licensing.models import Item, ItemState, ReformEntry, ReformKind

D = dt.date
DOC = {"document_title": "江临市人民政府关于取消和下放一批行政许可事项的决定", "document_number": "江政发〔2026〕3号"}


def test_a_cancellation_in_force_stops_the_item_with_the_document_as_reason(cast, food_item):
    entry = reform.record(
        by=cast["shijian_liaison"],
        item=food_item,
        kind=ReformKind.CANCEL,
        decided_on=D(2026, 3, 2),
        on=D(2026, 3, 2),
        **DOC,
    )
    item = Item.objects.get(pk=food_item.pk)
    assert item.state == ItemState.WITHDRAWN
    assert entry.item_name == "食品经营许可" and entry.unit == food_item.unit and entry.item_code == "SD-001"
    withdrawn = Event.objects.filter(action="licensing_item.withdraw").get()
    assert "江政发〔2026〕3号" in withdrawn.reason and "第四十条第二款" in withdrawn.reason
    assert Event.objects.filter(action="licensing.reform").count() == 1


def test_a_cancellation_taking_effect_later_is_applied_by_the_sweep_on_that_day(cast, food_item):
    reform.record(
        by=cast["shijian_liaison"], item=food_item, kind=ReformKind.FILING, decided_on=D(2026, 3, 2),
        effective_on=D(2026, 4, 1), on=D(2026, 3, 2), **DOC,
    )  # fmt: skip
    assert Item.objects.get(pk=food_item.pk).state == ItemState.PUBLISHED
    tasks.daily(D(2026, 3, 31))
    assert Item.objects.get(pk=food_item.pk).state == ItemState.PUBLISHED
    assert "停止实施1项" in tasks.daily(D(2026, 4, 1))
    assert Item.objects.get(pk=food_item.pk).state == ItemState.WITHDRAWN


def test_delegation_and_promise_do_not_stop_the_item(cast, food_item):
    by = cast["shijian_liaison"]
    reform.record(by=by, item=food_item, kind=ReformKind.DELEGATE, counterpart="各县（市、区）市场监管局",
                  decided_on=D(2026, 3, 2), on=D(2026, 3, 2), **DOC)  # fmt: skip
    reform.record(by=by, item=food_item, kind=ReformKind.PROMISE, decided_on=D(2026, 3, 2), on=D(2026, 3, 2), **DOC)
    assert Item.objects.get(pk=food_item.pk).state == ItemState.PUBLISHED


def test_bad_lines_are_refused_field_by_field_and_nothing_is_written(cast, food_item):
    with pytest.raises(InvalidInput) as refused:
        reform.record(
            by=cast["shijian_liaison"], item=food_item, kind=ReformKind.DELEGATE, document_title="",
            document_number="江政发〔2026〕3号", decided_on=D(2026, 12, 30), days_before=20, days_after=25,
            materials_before=6, on=D(2026, 3, 2),
        )  # fmt: skip
    errors = refused.value.errors
    assert errors["counterpart"] == "承接机关或合并后事项：下放审批层级须写明承接机关"
    assert errors["document_title"] == "决定文件：必须填写"
    assert errors["decided_on"].startswith("印发日期：不能晚于今天")
    assert errors["days_after"].startswith("改革后办理时限：不能多于改革前")
    assert errors["materials_after"].startswith("改革后申请材料：改革前后须同时填写")
    with pytest.raises(InvalidInput) as refused:
        reform.record(by=cast["shijian_liaison"], item=food_item, kind=ReformKind.OPTIMISE, decided_on=D(2026, 3, 2),
                      days_before=30, days_after=25, on=D(2026, 3, 2), **DOC)  # fmt: skip
    assert "不能超过法定办结时限20个工作日" in refused.value.errors["days_after"]
    assert not ReformEntry.objects.exists() and not Event.objects.filter(action="licensing.reform").exists()


def test_another_organ_cannot_record_a_reform_of_this_organs_item(cast, food_item):
    with pytest.raises(AccessDenied):
        reform.record(by=cast["minzheng_liaison"], item=food_item, kind=ReformKind.CANCEL,
                      decided_on=D(2026, 3, 2), on=D(2026, 3, 2), **DOC)  # fmt: skip
    assert Item.objects.get(pk=food_item.pk).state == ItemState.PUBLISHED


def test_an_edit_made_on_a_stale_version_is_refused(cast, food_item):
    by = cast["shijian_liaison"]
    entry = reform.record(
        by=by, item=food_item, kind=ReformKind.PROMISE, decided_on=D(2026, 3, 2), on=D(2026, 3, 2), **DOC
    )
    fields = {f: getattr(entry, f) for f in reform.FIELDS}
    reform.edit(entry, by=by, expected_version=entry.version, **{**fields, "note": "首次修改"})
    with pytest.raises(Conflict):
        reform.edit(entry, by=by, expected_version=entry.version, **{**fields, "note": "过时的修改"})
    assert ReformEntry.objects.get(pk=entry.pk).note == "首次修改"


def _ledger(cast, food_item):
    by = cast["shijian_liaison"]
    reform.record(by=by, item=food_item, kind=ReformKind.OPTIMISE, decided_on=D(2025, 6, 1), days_before=20,
                  days_after=12, materials_before=8, materials_after=5, on=D(2025, 6, 1), **DOC)  # fmt: skip
    reform.record(by=by, item=food_item, kind=ReformKind.PROMISE, decided_on=D(2025, 9, 1), on=D(2025, 9, 1), **DOC)
    reform.record(by=by, item=None, item_name="印章刻制业特种行业许可", unit=food_item.unit, kind=ReformKind.CANCEL,
                  decided_on=D(2026, 2, 1), on=D(2026, 2, 1), **DOC)  # fmt: skip
    reform.record(by=by, item=None, item_name="旅馆业特种行业许可", unit=food_item.unit, kind=ReformKind.MERGE,
                  counterpart="旅馆业特种行业许可证核发（合并后）", decided_on=D(2026, 2, 1), on=D(2026, 2, 1),
                  **DOC)  # fmt: skip


def test_the_statistics_count_each_way_per_year_with_the_days_and_materials_cut(cast, food_item):
    _ledger(cast, food_item)
    stats = {s["year"]: s for s in reform.statistics()}
    assert stats[2025]["kinds"][ReformKind.OPTIMISE] == 1 and stats[2025]["kinds"][ReformKind.PROMISE] == 1
    assert (stats[2025]["days"], stats[2025]["materials"], stats[2025]["total"]) == (8, 3, 2)
    assert stats[2026]["kinds"][ReformKind.CANCEL] == 1 and stats[2026]["kinds"][ReformKind.MERGE] == 1
    assert stats[2026]["days"] == 0


def test_the_page_shows_the_table_and_the_chart_and_filters_by_year(cast, food_item, login):
    _ledger(cast, food_item)
    client = login(cast["mayor"])
    body = client.get("/staff/licensing/reform/").content.decode()
    assert "vendor/echarts/echarts.min.js" in body and 'id="reform-by-year"' in body
    assert "cdn" not in body.lower()
    chart = json.loads(body.split('id="reform-by-year" type="application/json">')[1].split("</script>")[0])
    assert chart["xAxis"]["data"] == ["2025年", "2026年"]
    assert {"name": "取消审批", "type": "bar", "data": [0, 1]} in chart["series"]
    assert "登记改革事项" not in login(cast["expert"]).get("/staff/licensing/reform/").content.decode()
    page = client.get("/staff/licensing/reform/?year=2025").content.decode()
    assert "食品经营许可" in page and "印章刻制业特种行业许可" not in page


def test_the_ledger_exports_as_xlsx_with_the_document_and_the_measures(cast, food_item, login):
    _ledger(cast, food_item)
    response = login(cast["mayor"]).get("/staff/licensing/reform/export.xlsx?year=2025")
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    rows = read_rows(response.content)
    assert rows[0][:4] == ["事项编码", "事项名称", "原实施机关", "改革方式"]
    assert len(rows) == 3
    optimised = next(r for r in rows[1:] if r[3] == "压减时限、精简材料")
    assert optimised[6] == "江政发〔2026〕3号" and optimised[11] == 8 and optimised[14] == 3


def test_a_liaison_records_on_the_page_and_a_refused_form_names_the_field(cast, food_item, login):
    client = login(cast["shijian_liaison"])
    form = {"item": food_item.pk, "kind": "delegate", "decided_on": "2026-03-02", **DOC}
    refused = client.post("/staff/licensing/reform/", form)
    assert refused.status_code == 200 and "下放审批层级须写明承接机关" in refused.content.decode()
    assert not ReformEntry.objects.exists()
    done = client.post("/staff/licensing/reform/", {**form, "counterpart": "各县（市、区）市场监管局"})
    assert done.status_code == 302 and ReformEntry.objects.get().counterpart == "各县（市、区）市场监管局"
    assert login(cast["expert"]).post("/staff/licensing/reform/", form).status_code == 403
