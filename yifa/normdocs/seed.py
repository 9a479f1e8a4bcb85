"""``yifa seed`` and bench/normdocs_search.py: synthetic published documents (bulk rows, no procedure)."""

from __future__ import annotations

import datetime as dt
import random

from yifa.core.bulk import insert_objects
from yifa.core.models import Unit, UnitKind

from .models import DocStatus, Document
from .search import index_new_documents

BATCH = 2000
SUBJECTS = [
    "临时救助",
    "最低生活保障",
    "养老服务补贴",
    "农贸市场",
    "冷链食品追溯",
    "城市道路停车",
    "老旧小区改造",
    "河道保洁",
    "网约车经营",
    "建筑垃圾处置",
    "校外培训机构",
    "燃气安全",
    "公共租赁住房",
    "残疾人两项补贴",
    "殡葬管理",
    "特种设备安全",
    "户外广告设置",
    "预付式消费",
    "生活垃圾分类",
    "夜间经济",
]
KINDS = ["实施办法", "管理办法", "暂行规定", "实施细则", "工作规程"]
CLAUSES = [
    "为了规范{s}工作，保障当事人合法权益，根据有关法律法规，结合本市实际，制定本办法。",
    "本办法适用于本市行政区域内的{s}及其监督管理活动。",
    "市{u}负责全市{s}的组织实施，各乡镇人民政府、街道办事处做好辖区内相关工作。",
    "申请人应当如实提交身份证明、家庭收入和财产状况等材料，并对材料的真实性负责。",
    "主管部门应当自受理申请之日起二十个工作日内作出决定，不予批准的应当书面说明理由。",
    "违反本办法规定的，由有关部门依照相关法律、法规的规定处理；应当给予行政处罚的，依法予以处罚。",
    "有关部门应当建立{s}信息共享机制，推进数据互联互通，提高服务效率。",
    "鼓励社会力量参与{s}，依法平等对待各类市场主体。",
]
STATUSES = [DocStatus.IN_FORCE] * 6 + [DocStatus.EXPIRED, DocStatus.MODIFIED, DocStatus.REPEALED]


def fake_document(i: int, rng: random.Random, units: list[Unit], today: dt.date) -> Document:
    unit = rng.choice(units)
    subject = rng.choice(SUBJECTS)
    published = today - dt.timedelta(days=rng.randint(0, 3650))
    text = "\n".join(
        f"第{n + 1}条 " + rng.choice(CLAUSES).format(s=subject, u=unit.short_name or unit.name)
        for n in range(rng.randint(6, 14))
    )
    code = (unit.short_name or unit.name)[:1]
    return Document(
        title=f"江临市{subject}{rng.choice(KINDS)}（第{i + 1}号样本）",
        number=f"江{code}发〔{published.year}〕{i + 1}号",
        unit=unit,
        status=rng.choice(STATUSES),
        signed_on=published,
        published_on=published,
        effective_on=published,
        valid_years=5,
        expires_on=published.replace(year=published.year + 5) - dt.timedelta(days=1)
        if not (published.month == 2 and published.day == 29)
        else None,
        full_text=text,
        involves_business=False,
    )


def seed(*, scale: int, progress) -> dict:
    return {"documents": bulk_documents(max(1, scale // 10), progress)}


def bulk_documents(count: int, progress, seed_value: int = 2026) -> int:
    rng = random.Random(seed_value)
    today = dt.date.today()
    units = list(Unit.objects.filter(kind__in=(UnitKind.DEPARTMENT, UnitKind.TOWNSHIP)))
    if not units:
        return 0
    offset = Document.objects.count()
    for first in range(0, count, BATCH):
        docs = [fake_document(offset + i, rng, units, today) for i in range(first, min(count, first + BATCH))]
        insert_objects(docs)
        index_new_documents(
            [{"id": d.pk, "title": d.title, "number": d.number, "unit": d.unit, "full_text": d.full_text} for d in docs]
        )
        progress("规范性文件", min(count, first + BATCH), count)
    return count
