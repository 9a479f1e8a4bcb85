"""The staff lists of supervision (``core.listing``): their columns, what sorts and what goes to Excel."""

from yifa.core.crypto import mask_name
from yifa.core.listing import Column, Listing


def _period(start, end):
    return f"{start:%Y-%m-%d}至{end:%Y-%m-%d}"


CAMPAIGNS = Listing(
    "案卷评查",
    [
        Column("名称", "name", "name"),
        Column("类别", "kind", "kind"),
        Column("期间", ("period_start", "period_end"), "period_start", show=_period),
        Column("抽取", "n_files", "n_files"),
        Column("已评分", "n_scored", "n_scored"),
        Column("状态", "state", "state"),
    ],
)

NOTICES = Listing(
    "整改通知",
    [
        Column("文号", "number", "number"),
        Column("事项", "subject", "subject"),
        Column("类别", "kind", "kind"),
        Column("单位", "unit__name", "unit__name"),
        Column("送达日", "issued_on", "issued_on"),
        Column("状态", "state", "state"),
    ],
)

FILINGS = Listing(
    "重大行政处罚备案",
    [
        Column("决定书", ("decision_number", "case_number"), "decision_number", show=lambda d, c: d or c),
        Column("当事人", "party_name", "party_name"),
        Column("单位", "unit__name", "unit__name"),
        Column("决定日", "decided_on", "decided_on"),
        Column("备案日", "filed_on", "filed_on"),
        Column("状态", "state", "state"),
        Column("审查结论", "outcome", "outcome"),
    ],
)

ACCOUNTABILITIES = Listing(
    "问责案件",
    [
        Column("编号", "number", "number"),
        Column("被问责人", "person_name", "person_name"),
        Column("单位", "unit__name", "unit__name"),
        Column("来源", "source", "source"),
        Column("立案日", "opened_on", "opened_on"),
        Column("状态", "state", "state"),
    ],
)


def complaints(show_personal: bool) -> Listing:
    """The complaint list; the complainant's name masked, as on the page, for whoever may not see it."""
    return Listing(
        "执法投诉",
        [
            Column("编号", "number", "number"),
            Column("来源", "channel", "channel"),
            Column("被投诉单位", "unit__name", "unit__name"),
            Column("投诉人", "complainant_name", show=None if show_personal else mask_name),
            Column("收到日", "received_on", "received_on"),
            Column("关联案件", "linked_case_number", "linked_case_number"),
            Column("状态", "state", "state"),
        ],
    )


DISPUTES = Listing(
    "执法争议协调",
    [
        Column("编号", "number", "number"),
        Column("提请单位", "unit__name", "unit__name"),
        Column("争议事项", "matter"),
        Column("提请日", "submitted_on", "submitted_on"),
        Column("执行期限", "comply_by", "comply_by"),
        Column("状态", "state", "state"),
    ],
)

INSPECTIONS = Listing(
    "专项检查",
    [
        Column("编号", "number", "number"),
        Column("名称", "name", "name"),
        Column("范围", "scope", "scope"),
        Column("检查事项期间", ("period_start", "period_end"), "period_start", show=_period),
        Column("完成期限", "due_on", "due_on"),
        Column("被检查单位", "n_units", "n_units"),
        Column("发现问题", "n_problems", "n_problems"),
        Column("状态", "state", "state"),
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
        Column("类别", "kind", "kind"),
        Column("单位", "unit__name", "unit__name"),
        Column("发现日", "found_on", "found_on"),
        Column("状态", ("state", "cleared_on"), "state", show=_alert_state),
    ],
)
