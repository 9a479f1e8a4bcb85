"""The demo city's normative documents, made through the services: in force (filed on time and late),
one awaiting filing, one in legality review, one with a local-protection clause, and a closed cleanup."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from . import campaigns, services

RELIEF = (
    "第一条 为了规范本市临时救助工作，根据《社会救助暂行办法》，制定本办法。\n"
    "第二条 本地居民因火灾、交通事故等意外事件导致基本生活暂时困难的，可以申请临时救助。\n"
    "第三条 临时救助由户籍所在地或者经常居住地乡镇人民政府受理。\n"
    "第四条 本办法自公布之日起施行，有效期5年。"
)
MARKET = (
    "第一条 为了规范农贸市场经营秩序，制定本办法。\n"
    "第二条 农贸市场改造项目优先采购本市企业生产的设备。\n"
    "第三条 外地企业须在本市设立分支机构方可承接市场运营。\n"
    "第四条 本办法自公布之日起施行。"
)
PENSION = (
    "第一条 为了规范养老机构运营补贴发放，制定本办法。\n"
    "第二条 对依法登记的养老机构，按照实际入住老年人数给予运营补贴。\n"
    "第三条 本办法自公布之日起施行。"
)


def _publish(cast, liaison, doc, number, published_on):
    reviewer = cast["reviewer"]
    doc = services.document_update(
        by=liaison,
        doc=doc,
        expected_version=doc.version,
        title=doc.title,
        full_text=doc.full_text,
        legal_bases=doc.legal_bases,
        valid_years=doc.valid_years,
        involves_business=doc.involves_business,
        fair_competition_conclusion="经审查，不含排除、限制竞争的内容",
    )
    doc = services.submit_review(by=liaison, doc=doc, on=published_on - dt.timedelta(days=40))
    doc = services.document_review(
        by=reviewer,
        doc=doc,
        opinion="lawful",
        comments="制定主体、权限、程序和内容合法",
        on=published_on - dt.timedelta(days=30),
    )
    doc = services.record_meeting(
        by=liaison,
        doc=doc,
        meeting_on=published_on - dt.timedelta(days=20),
        meeting_name="局务会议",
        record="会议审议通过",
    )
    return services.publish(
        by=liaison,
        doc=doc,
        number=number,
        signed_by="局长",
        signed_on=published_on - dt.timedelta(days=2),
        published_on=published_on,
    )


def load(cast):
    today = timezone.localdate()
    mz, sj = cast["minzheng_liaison"], cast["shijian_liaison"]
    relief = services.document_create(
        by=mz,
        unit=cast["民政局"],
        title="江临市临时救助实施办法",
        full_text=RELIEF,
        legal_bases=["社会救助暂行办法"],
        involves_business=False,
    )
    when = today - dt.timedelta(days=200)
    relief = _publish(cast, mz, relief, f"江民发〔{when.year}〕12号", when)
    services.file_with_superior(
        by=mz, doc=relief, filed_on=relief.published_on + dt.timedelta(days=20), filed_with="江临市人民政府"
    )
    services.record_filing_result(
        by=cast["reviewer"], doc=relief, result="accepted", on=relief.published_on + dt.timedelta(days=40)
    )
    pension = services.document_create(
        by=mz,
        unit=cast["民政局"],
        title="江临市养老机构运营补贴办法",
        full_text=PENSION,
        legal_bases=["养老机构管理办法"],
    )
    when = today - dt.timedelta(days=25)
    pension = _publish(cast, mz, pension, f"江民发〔{when.year}〕3号", when)
    old = services.document_create(
        by=sj,
        unit=cast["市场监管局"],
        title="江临市农贸市场管理办法",
        full_text=MARKET,
        legal_bases=["合同法"],
        valid_years=5,
    )
    when = today - dt.timedelta(days=4 * 365 + 120)
    old = _publish(cast, sj, old, f"江市监发〔{when.year}〕5号", when)
    services.file_with_superior(
        by=sj, doc=old, filed_on=old.published_on + dt.timedelta(days=45), filed_with="江临市人民政府"
    )
    draft = services.document_create(
        by=mz,
        unit=cast["民政局"],
        title="江临市最低生活保障审核确认办法（征求意见稿）",
        full_text=RELIEF.replace("临时救助", "最低生活保障"),
        involves_business=False,
    )
    services.submit_review(by=mz, doc=draft, on=today - dt.timedelta(days=3))

    legal = cast["reviewer"]
    cleanup = campaigns.campaign_open(
        by=legal,
        title=f"{today.year}年规范性文件专项清理",
        baseline=today - dt.timedelta(days=30),
        units=[cast["市场监管局"]],
    )
    for item in cleanup.items.all():
        campaigns.item_propose(by=sj, item=item, proposal="repeal", reasons="含地方保护内容，且所引合同法已废止")
        campaigns.item_confirm(by=legal, item=item)
    campaigns.campaign_close(by=legal, campaign=cleanup, on=today - dt.timedelta(days=1))
