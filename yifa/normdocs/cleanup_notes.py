"""What a cleanup item starts with (种子文本二、7): the document's validity, the laws and documents it cites that
are no longer in force, and the fair-competition screener's findings. Pure computations on the rows given."""

from __future__ import annotations

import datetime as dt

from yifa.lib.deadlines import zh_date

from . import rules
from .models import CampaignItem, Document, add_months
from .screener import screen_text

# The nine laws the Civil Code repealed on the day it took effect.
REPEALED_BY_CIVIL_CODE = (
    "婚姻法",
    "继承法",
    "民法通则",
    "收养法",
    "担保法",
    "合同法",
    "物权法",
    "侵权责任法",
    "民法总则",
)


def citation_notes(doc: Document, ended: dict[str, Document]) -> list[str]:
    """Each basis of ``doc`` that no longer stands: a repealed law, or a document in ``ended`` (by title)."""
    repeal = rules.CIVIL_CODE_REPEALS
    notes = []
    for basis in doc.legal_bases:
        name = basis.strip("《》 ")
        for law in REPEALED_BY_CIVIL_CODE:
            if name in (law, f"中华人民共和国{law}"):
                notes.append(f"所引《{name}》已于{zh_date(repeal.law.effective)}废止（{repeal.citation}）")
        cited = ended.get(name)
        if cited:
            notes.append(f"所引《{cited.title}》{cited.number}已{cited.get_status_display()}")
    return notes


def expiry_note(doc: Document, baseline: dt.date) -> str:
    if not doc.expires_on:
        return "未设有效期"
    if doc.expires_on < baseline:
        return f"有效期已于{doc.expires_on:%Y年%m月%d日}届满"
    if doc.expires_on <= add_months(baseline, rules.EXPIRY_NOTICE_MONTHS):
        return f"有效期将于{doc.expires_on:%Y年%m月%d日}届满，须评估是否继续有效"
    return f"有效期至{doc.expires_on:%Y年%m月%d日}"


def new_items(campaign, documents, ended: dict[str, Document]) -> list[CampaignItem]:
    """One unsaved item per document in force on the campaign's baseline, filled in for its unit."""
    return [
        CampaignItem(
            campaign=campaign,
            document=doc,
            unit=doc.unit,
            findings=[f.as_dict() for f in screen_text(doc.full_text)],
            expiry_note=expiry_note(doc, campaign.baseline),
            citation_notes=citation_notes(doc, ended),
        )
        for doc in documents
    ]
