"""The workspace's own lists (``core.listing``): their columns, what sorts and what goes to Excel."""

from operator import attrgetter

from .listing import Column, Listing
from .procedure import state_label

DEADLINES = Listing(
    "期限",
    [
        Column("状态", lambda d: d.get_status_display(), "status"),
        Column("事项", attrgetter("subject_label")),
        Column("期限", attrgetter("title"), "title"),
        Column("责任单位", lambda d: d.unit.name if d.unit else "", "unit__name"),
        Column("届满日", attrgetter("due"), "due"),
        Column("计算说明", attrgetter("explanation")),
    ],
)


def _states(e) -> str:
    before, after = state_label(e.action, e.from_state), state_label(e.action, e.to_state)
    return f"{before} → {after}" if after and before else after or before


AUDIT = Listing(
    "审计日志",
    [
        Column("#", attrgetter("pk"), "id"),
        Column("时间", attrgetter("at"), "at"),
        Column("操作人", attrgetter("actor_name"), "actor_name"),
        Column("单位", lambda e: e.unit.name if e.unit else "", "unit__name"),
        Column("对象", attrgetter("subject_label")),
        Column("动作", lambda e: e.action_label or e.action, "action"),
        Column("状态", _states),
        Column("理由", attrgetter("reason")),
    ],
)
