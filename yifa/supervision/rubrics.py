"""The default 评查标准 (rubrics as data, loaded by migration 0002 and editable afterwards): veto items that
make a file 不合格, then 卷面 20 and 内容 80 points scored by deduction. ``prefill`` names what the case data
can show (interface.file_findings), for the reviewer to confirm."""

from __future__ import annotations

VETO_COMMON = [
    ("F1", "执法主体不合法或超越职权", 0, ""),
    ("F2", "执法人员不具备执法资格（无有效执法证）", 0, "certificate"),
    ("F3", "执法人员少于两人", 0, "two_officers"),
    ("F4", "应当移送司法机关而未移送", 0, ""),
    ("F5", "主要证据不足", 0, ""),
    ("F6", "认定事实不清", 0, ""),
    ("F7", "定性错误", 0, ""),
    ("F8", "适用法律错误", 0, ""),
    ("F9", "违反法定程序，可能影响当事人权利", 0, ""),
]

RUBRICS = {
    "penalty": {
        "name": "行政处罚案卷评查标准",
        "items": [
            *[("veto", *row) for row in VETO_COMMON],
            ("form", "A1", "案卷封面、目录、页码、装订规范", 5, ""),
            ("form", "A2", "文书齐全、按顺序排列", 5, ""),
            ("form", "A3", "文书填写规范、字迹清楚、签名盖章齐全", 5, ""),
            ("form", "A4", "全过程记录（音像、照片）归档完整", 5, ""),
            ("content", "B1", "立案、调查取证程序规范，证据确实充分", 20, ""),
            ("content", "B2", "告知陈述申辩、听证权利符合规定", 15, ""),
            ("content", "B3", "法制审核、集体讨论符合规定", 10, ""),
            ("content", "B4", "处罚适当，超出裁量基准的说明理由", 15, "outside_benchmark"),
            ("content", "B5", "办案、送达、公开等期限符合规定", 10, "late_clock"),
            ("content", "B6", "决定书内容完整，载明救济途径和期限", 10, ""),
        ],
    },
    "licensing": {
        "name": "行政许可案卷评查标准",
        "items": [
            ("veto", "F1", "许可主体不合法或超越职权", 0, ""),
            ("veto", "F2", "许可条件不符合法定条件", 0, ""),
            ("veto", "F3", "认定事实不清、适用法律错误", 0, ""),
            ("veto", "F4", "违反法定程序", 0, ""),
            ("form", "A1", "案卷封面、目录、页码、装订规范", 10, ""),
            ("form", "A2", "申请材料、受理凭证、决定书等文书齐全", 10, ""),
            ("content", "B1", "受理、补正告知符合规定", 20, ""),
            ("content", "B2", "审查、听证、专家评审程序符合规定", 20, ""),
            ("content", "B3", "决定、送达在法定期限内", 20, "late_clock"),
            ("content", "B4", "决定书内容完整，载明救济途径", 20, ""),
        ],
    },
}


def load(rubric_model, item_model) -> None:
    """Create the default rubrics that do not exist yet (the models are passed in, for the migration)."""
    for kind, spec in RUBRICS.items():
        rubric, made = rubric_model.objects.get_or_create(kind=kind, defaults={"name": spec["name"]})
        if made:
            item_model.objects.bulk_create(
                item_model(rubric=rubric, section=s, code=c, text=t, points=p, prefill=f)
                for s, c, t, p, f in spec["items"]
            )
