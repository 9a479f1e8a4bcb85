"""The item list: imported from Excel within the higher level's list, fees only with a legal basis,
promised times within the statutory ones, published on the portal with the 办事指南."""

import pytest

from yifa.core.errors import GateBlocked, YifaError
from yifa.core.models import Event
from yifa.core.procedure import fire
from yifa.lib.office import xlsx_table
from yifa.licensing import importer
from yifa.licensing.flows import ITEMS
from yifa.licensing.models import HigherItem, Item, ItemState

from .conftest import item_row, items_xlsx


def test_import_flags_an_item_the_higher_list_lacks_and_writes_nothing(cast, higher_list):
    content = items_xlsx(item_row(), item_row(code="JL-099", name="夜市摊位许可", basis="《江临市夜市管理办法》"))
    rows = importer.parse_items(by=cast["shijian_liaison"], content=content)
    assert rows[0].errors == []
    assert rows[1].errors == [
        "第3行：事项“JL-099 夜市摊位许可”不在上级行政许可事项清单中，下级清单不得超出上级清单"
        "（《国务院办公厅关于全面实行行政许可事项清单管理的通知（国办发〔2022〕2号）》（2022年）关于地方行政许可事项清单的要求）"
    ]
    with pytest.raises(YifaError, match="一行也不会写入"):
        importer.commit_items(by=cast["shijian_liaison"], rows=rows)
    assert not Item.objects.exists()


def test_import_refuses_a_fee_without_legal_basis_naming_row_and_article(cast, higher_list):
    basis = "《中华人民共和国特种设备安全法》第三十三条"
    content = items_xlsx(item_row(), item_row(code="SD-002", name="特种设备使用登记", basis=basis, fee="每台200元"))
    rows = importer.parse_items(by=cast["shijian_liaison"], content=content)
    assert rows[1].errors == [
        "第3行：收费“每台200元”没有法律、行政法规依据，不得收费（《中华人民共和国行政许可法》（2019年）第五十八条第一款）"
    ]
    with pytest.raises(YifaError):
        importer.commit_items(by=cast["shijian_liaison"], rows=rows)
    assert not Item.objects.exists() and not Event.objects.filter(action="licensing_item.import").exists()


def test_import_flags_a_promise_beyond_the_statute_and_a_renamed_item(cast, higher_list):
    content = items_xlsx(
        item_row(promised=25), item_row(code="SD-003", name="卫生许可", basis="《公共场所卫生管理条例》第八条")
    )
    rows = importer.parse_items(by=cast["shijian_liaison"], content=content)
    assert "承诺办结时限25个工作日超过法定时限20个工作日" in rows[0].errors[0]
    assert "第四十二条" in rows[0].errors[0]
    assert rows[1].errors[0].startswith("第3行：事项名称“卫生许可”与上级清单的“公共场所卫生许可”不一致")


def test_a_fee_with_its_basis_is_imported_and_shown_on_the_guide(cast, higher_list, client):
    row = item_row(code="SD-002", name="特种设备使用登记", basis="《中华人民共和国特种设备安全法》第三十三条",
                   fee="每台200元", fee_basis="《某行政法规》第十条")  # fmt: skip
    liaison = cast["shijian_liaison"]
    (item,) = importer.commit_items(by=liaison, rows=importer.parse_items(by=liaison, content=items_xlsx(row)))
    fire(ITEMS, item, "publish", by=liaison, expected_version=item.version)
    page = client.get(item.get_public_url()).content.decode()
    assert "每台200元（依据：《某行政法规》第十条）" in page
    assert "法定20个工作日，承诺10个工作日" in page


def test_import_needs_the_higher_list_first(cast):
    with pytest.raises(YifaError, match="尚未导入上级行政许可事项清单"):
        importer.parse_items(by=cast["shijian_liaison"], content=items_xlsx(item_row()))


def test_higher_list_import_replaces_the_old_one_and_shows_differences(cast, higher_list, food_item):
    content = xlsx_table(
        "省级清单", ["事项编码", "事项名称", "设定依据"], [["SD-002", "特种设备使用登记", "特种设备安全法"]]
    )
    rows = importer.parse_higher(content)
    record = importer.commit_higher(by=cast["reviewer"], rows=rows, file_name="省级清单.xlsx")
    assert record.rows == 1 and list(HigherItem.objects.values_list("code", flat=True)) == ["SD-002"]
    diff = importer.differences()
    assert [i.code for i in diff["beyond"]] == ["SD-001"]
    assert [h.code for h in diff["not_adopted"]] == ["SD-002"]
    assert Event.objects.filter(action="licensing.higher_list_import").count() == 1


def test_only_the_legal_office_imports_the_higher_list(cast, login):
    content = xlsx_table(
        "省级清单", ["事项编码", "事项名称", "设定依据"], [["SD-002", "特种设备使用登记", "特种设备安全法"]]
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("h.xlsx", content)
    response = login(cast["shijian_liaison"]).post("/staff/licensing/higher/", {"file": upload, "commit": "on"})
    assert response.status_code == 403
    assert not HigherItem.objects.exists()


def test_publishing_rechecks_the_list_and_shows_the_item_on_the_portal(cast, food_item, client):
    assert food_item.state == ItemState.PUBLISHED
    page = client.get("/licensing/").content.decode()
    assert "食品经营许可" in page
    HigherItem.objects.all().delete()
    fire(
        ITEMS,
        food_item,
        "withdraw",
        by=cast["shijian_liaison"],
        expected_version=food_item.version,
        reason="上级清单取消",
    )
    assert "食品经营许可" not in client.get("/licensing/").content.decode()
    item = Item.objects.get(pk=food_item.pk)
    with pytest.raises(GateBlocked) as refused:
        fire(ITEMS, item, "publish", by=cast["shijian_liaison"], expected_version=item.version)
    assert "不在上级行政许可事项清单中" in str(refused.value.unmet)
    assert client.get(item.get_public_url()).status_code == 404


def test_another_departments_liaison_cannot_publish(cast, higher_list):
    liaison = cast["shijian_liaison"]
    (item,) = importer.commit_items(by=liaison, rows=importer.parse_items(by=liaison, content=items_xlsx(item_row())))
    from yifa.core.errors import AccessDenied

    with pytest.raises(AccessDenied):
        fire(ITEMS, item, "publish", by=cast["minzheng_liaison"], expected_version=item.version)
