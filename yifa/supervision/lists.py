"""The staff lists of supervision (``core.listing``): their columns, what sorts and what goes to Excel."""

from yifa.core.crypto import mask_name
from yifa.core.listing import Column, Listing


def _period(start, end):
    return f"{start:%Y-%m-%d}至{end:%Y-%m-%d}"


CAMPAIGNS = Listing(
    "案卷评查",
    [
        Column("名称", "name", sort=True),
        Column("类别", "kind", sort=True),
        Column("期间", ("period_start", "period_end"), "period_start", show=_period),
        Column("抽取", "n_files", sort=True),
        Column("已评分", "n_scored", sort=True),
        Column("状态", "state", sort=True),
    ],
)

NOTICES = Listing(
    "整改通知",
    [
        Column("文号", "number", sort=True),
        Column("事项", "subject", sort=True),
        Column("类别", "kind", sort=True),
        Column("单位", "unit__name", sort=True),
        Column("送达日", "issued_on", sort=True),
        Column("状态", "state", sort=True),
    ],
)

FILINGS = Listing(
    "重大行政处罚备案",
    [
        Column("决定书", ("decision_number", "case_number"), "decision_number", show=lambda d, c: d or c),
        Column("当事人", "party_name", sort=True),
        Column("单位", "unit__name", sort=True),
        Column("决定日", "decided_on", sort=True),
        Column("备案日", "filed_on", sort=True),
        Column("状态", "state", sort=True),
        Column("审查结论", "outcome", sort=True),
    ],
)

ACCOUNTABILITIES = Listing(
    "问责案件",
    [
        Column("编号", "number", sort=True),
        Column("被问责人", "person_name", sort=True),
        Column("单位", "unit__name", sort=True),
        Column("来源", "source", sort=True),
        Column("立案日", "opened_on", sort=True),
        Column("状态", "state", sort=True),
    ],
)


def complaints(show_personal: bool) -> Listing:
    """The complaint list; the complainant's name masked, as on the page, for whoever may not see it."""
    return Listing(
        "执法投诉",
        [
            Column("编号", "number", sort=True),
            Column("来源", "channel", sort=True),
            Column("被投诉单位", "unit__name", sort=True),
            Column("投诉人", "complainant_name", show=None if show_personal else mask_name),
            Column("收到日", "received_on", sort=True),
            Column("关联案件", "linked_case_number", sort=True),
            Column("状态", "state", sort=True),
        ],
    )


DISPUTES = Listing(
    "执法争议协调",
    [
        Column("编号", "number", sort=True),
        Column("提请单位", "unit__name", sort=True),
        Column("争议事项", "matter"),
        Column("提请日", "submitted_on", sort=True),
        Column("执行期限", "comply_by", sort=True),
        Column("状态", "state", sort=True),
    ],
)

INSPECTIONS = Listing(
    "专项检查",
    [
        Column("编号", "number", sort=True),
        Column("名称", "name", sort=True),
        Column("范围", "scope", sort=True),
        Column("检查事项期间", ("period_start", "period_end"), "period_start", show=_period),
        Column("完成期限", "due_on", sort=True),
        Column("被检查单位", "n_units", sort=True),
        Column("发现问题", "n_problems", sort=True),
        Column("状态", "state", sort=True),
    ],
)


def _alert_state(state, cleared_on):
    from .models import WarningState

    label = WarningState(state).label
    return f"{label}（{cleared_on:%Y-%m-%d}）" if cleared_on else label


ALERTS = Listing(
    "执法预警",
    [
        Column(
            "预警", ("title", "detail"), "title", show=lambda title, detail: f"{title}（{detail}）" if detail else title
        ),
        Column("类别", "kind", sort=True),
        Column("单位", "unit__name", sort=True),
        Column("发现日", "found_on", sort=True),
        Column("状态", ("state", "cleared_on"), "state", show=_alert_state),
    ],
)
