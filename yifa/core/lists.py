"""The workspace's own lists (``core.listing``): their columns, what sorts and what goes to Excel."""

from .listing import Column, Listing
from .procedure import state_label

DEADLINES = Listing(
    "期限",
    [
        Column("状态", "status", "status"),
        Column("事项", "subject_label"),
        Column("期限", "title", "title"),
        Column("责任单位", "unit__name", "unit__name"),
        Column("届满日", "due", "due"),
        Column("计算说明", "explanation"),
    ],
)


def _states(action, from_state, to_state) -> str:
    before, after = state_label(action, from_state), state_label(action, to_state)
    return f"{before} → {after}" if after and before else after or before


AUDIT = Listing(
    "审计日志",
    [
        Column("#", "id", "id"),
        Column("时间", "at", "at"),
        Column("操作人", "actor_name", "actor_name"),
        Column("单位", "unit__name", "unit__name"),
        Column("对象", "subject_label"),
        Column("动作", ("action_label", "action"), "action", show=lambda label, action: label or action),
        Column("状态", ("action", "from_state", "to_state"), show=_states),
        Column("理由", "reason"),
    ],
)
