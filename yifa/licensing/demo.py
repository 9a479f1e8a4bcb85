"""The demo city's licensing: the province's list, the city's items (two published), and applications at
each stage — one awaiting a 补正 notice, one under expert review, one granted, a certificate near its
renewal date, and one granted on the spot under a promise (告知承诺), drawn for its post-approval check."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from yifa.core.procedure import fire
from yifa.lib.office import xlsx_table

from . import importer, promise, services
from .flows import APPLICATIONS, CERTIFICATES, ITEMS
from .models import Channel
from .promise import standard_text

FOOD = "《中华人民共和国食品安全法》第三十五条"
EQUIPMENT = "《中华人民共和国特种设备安全法》第三十三条"
HIGHER = [
    ["SD-SJ-001", "食品经营许可", FOOD, "市场监管部门"],
    ["SD-SJ-002", "特种设备使用登记", EQUIPMENT, "市场监管部门"],
    ["SD-HJ-001", "排污许可", "《排污许可管理条例》第二条", "生态环境部门"],
]
CITY = [
    ["SD-SJ-001", "食品经营许可", "市场监管局", "市场监管部门", FOOD, "有与经营的食品品种、数量相适应的经营场所和设备",
     "食品经营许可申请书；营业执照复印件；食品安全管理制度；经营场所平面图", "", "", 20, 8, "本机关办理", 5],
    ["SD-SJ-002", "特种设备使用登记", "市场监管局", "市场监管部门", EQUIPMENT, "特种设备经监督检验合格",
     "使用登记表；产品合格证；监督检验证明", "", "", 20, 5, "本机关办理", ""],
]  # fmt: skip


def load(cast):
    today = timezone.localdate()
    legal, sj, head = cast["reviewer"], cast["shijian_liaison"], cast["shijian_head"]
    importer.commit_higher(
        by=legal,
        rows=importer.parse_higher(xlsx_table("省级清单", ["事项编码", "事项名称", "设定依据", "主管部门"], HIGHER)),
        file_name="省级行政许可事项清单.xlsx",
    )
    content = xlsx_table("本级清单", importer_headers(), CITY)
    items = importer.commit_items(by=sj, rows=importer.parse_items(by=sj, content=content))
    food, equipment = (fire(ITEMS, i, "publish", by=sj, expected_version=i.version, on=today) for i in items)

    def receive(name, days_ago, summary):
        return services.receive(
            by=sj,
            item=food,
            channel=Channel.COUNTER,
            received_on=today - dt.timedelta(days=days_ago),
            applicant_name=name,
            applicant_id_number="91330100MA2B3C4D5E",
            applicant_phone="13800001111",
            summary=summary,
        )

    receive("江临市好味餐饮有限公司", 1, "申请食品经营许可（餐饮服务）")
    review = receive("江临市青石镇张记小吃店", 3, "申请食品经营许可（小餐饮）")
    review = fire(APPLICATIONS, review, "accept", by=sj, expected_version=review.version, on=review.received_on)
    fire(APPLICATIONS, review, "exclude", by=sj, expected_version=review.version, kind="expert_review",
         notice="现场核查和专家评审约需五个工作日，不计入办理期限")  # fmt: skip
    granted = receive("江临市东山街道便民超市", 30, "申请食品经营许可（食品销售）")
    granted = fire(APPLICATIONS, granted, "accept", by=sj, expected_version=granted.version, on=granted.received_on)
    granted = fire(APPLICATIONS, granted, "extend", by=head, expected_version=granted.version, days=5,
                   reason="需补充现场核查", on=granted.received_on + dt.timedelta(days=20))  # fmt: skip
    granted = fire(APPLICATIONS, granted, "grant", by=sj, expected_version=granted.version,
                   decision_number=f"江市监食许〔{today.year}〕1号", on=today - dt.timedelta(days=2))  # fmt: skip
    fire(APPLICATIONS, granted, "issue", by=sj, expected_version=granted.version, number="JY13301020000001",
         on=today - dt.timedelta(days=1))  # fmt: skip
    old = receive("江临市白沙镇农家乐", 5 * 365 - 40, "申请食品经营许可（餐饮服务）")
    old = fire(APPLICATIONS, old, "accept", by=sj, expected_version=old.version, on=old.received_on)
    old = fire(APPLICATIONS, old, "grant", by=sj, expected_version=old.version, decision_number="江市监食许〔旧〕7号",
               on=old.received_on + dt.timedelta(days=7))  # fmt: skip
    old = fire(APPLICATIONS, old, "issue", by=sj, expected_version=old.version, number="JY13301020000002",
               on=old.received_on + dt.timedelta(days=9))  # fmt: skip
    cert = old.certificate
    fire(CERTIFICATES, cert, "remind", by=None, on=today)

    food.refresh_from_db()
    food = fire(ITEMS, food, "set_promise", by=sj, expected_version=food.version, allowed=True,
                text=standard_text(name=food.name, conditions=food.conditions, materials=food.materials))  # fmt: skip
    promised = services.receive(
        by=sj, item=food, channel=Channel.COUNTER, received_on=today - dt.timedelta(days=10),
        applicant_name="江临市柳河乡晨光便利店", applicant_id_number="92330100MA2B3C4D6F",
        summary="申请食品经营许可（食品销售），选择告知承诺", by_promise=True,
    )  # fmt: skip
    fire(APPLICATIONS, promised, "grant_on_promise", by=sj, expected_version=promised.version,
         on=promised.received_on, decision_number=f"江市监食许〔{today.year}〕2号")  # fmt: skip
    promise.draw(by=sj, unit=sj.unit, granted_from=promised.received_on, granted_to=today, percent=100,
                 seed="20260101", on=today)  # fmt: skip


def importer_headers() -> list[str]:
    return [
        "事项编码", "事项名称", "实施机关", "主管部门", "设定依据", "许可条件", "申请材料",
        "收费标准", "收费依据", "法定办结时限", "承诺办结时限", "办理方式", "证件有效期（年）",
    ]  # fmt: skip
