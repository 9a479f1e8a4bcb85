import datetime as dt

import pytest

from yifa.core.procedure import fire
from yifa.lib.office import xlsx_table
from yifa.licensing import importer, services
from yifa.licensing.flows import ITEMS
from yifa.licensing.models import Channel, HigherItem, Item

D = dt.date
FOOD_BASIS = "《中华人民共和国食品安全法》第三十五条"
HIGHER = [
    ("SD-001", "食品经营许可", FOOD_BASIS, "市场监管部门"),
    ("SD-002", "特种设备使用登记", "《中华人民共和国特种设备安全法》第三十三条", "市场监管部门"),
    ("SD-003", "公共场所卫生许可", "《公共场所卫生管理条例》第八条", "卫生健康部门"),
]
ITEM_HEADERS = [
    "事项编码", "事项名称", "实施机关", "主管部门", "设定依据", "许可条件", "申请材料",
    "收费标准", "收费依据", "法定办结时限", "承诺办结时限", "办理方式", "证件有效期（年）",
]  # fmt: skip


def item_row(code="SD-001", name="食品经营许可", basis=FOOD_BASIS, fee="", fee_basis="", statutory=20, promised=10):
    conditions = "有与经营的食品品种、数量相适应的经营场所"
    materials = "申请书；营业执照复印件；食品安全管理制度"
    return [code, name, "市场监管局", "市场监管部门", basis, conditions, materials,
            fee, fee_basis, statutory, promised, "本机关办理", 5]  # fmt: skip


def items_xlsx(*rows) -> bytes:
    return xlsx_table("清单", ITEM_HEADERS, rows)


@pytest.fixture
def higher_list(db):
    return HigherItem.objects.bulk_create(
        HigherItem(code=c, name=n, basis=b, department=d, imported_on=D(2026, 1, 5)) for c, n, b, d in HIGHER
    )


@pytest.fixture
def food_item(cast, higher_list):
    """食品经营许可 at 市场监管局: 20 working days by statute, 10 promised, licences valid 5 years; published."""
    liaison = cast["shijian_liaison"]
    rows = importer.parse_items(by=liaison, content=items_xlsx(item_row()))
    (item,) = importer.commit_items(by=liaison, rows=rows)
    return fire(ITEMS, item, "publish", by=liaison, expected_version=item.version, on=D(2026, 1, 6))


@pytest.fixture
def receive(cast, food_item):
    def make(received_on, **overrides):
        fields = dict(
            by=cast["shijian_liaison"],
            item=Item.objects.get(pk=food_item.pk),
            channel=Channel.COUNTER,
            received_on=received_on,
            applicant_name="江临市好味餐饮有限公司",
            applicant_id_number="91330100MA2B3C4D5E",
            applicant_phone="13812345678",
            summary="申请食品经营许可（餐饮服务）",
        )
        fields.update(overrides)
        return services.receive(**fields)

    return make
