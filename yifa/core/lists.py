"""The workspace's own lists (``core.listing``): their columns, what sorts and what goes to Excel."""

from django.db.models import Case, CharField, Exists, OuterRef, Value, When
from django.db.models.functions import Concat

from .crypto import mask_id_number, mask_phone
from .listing import Column, Listing
from .models import Role, RoleGrant
from .procedure import state_label

DEADLINES = Listing(
    "期限",
    [
        Column("状态", "status", sort=True),
        Column("事项", "subject_label"),
        Column("期限", "title", sort=True),
        Column("责任单位", "unit__name", sort=True),
        Column("届满日", "due", sort=True),
        Column("计算说明", "explanation"),
    ],
)


def _states(action, from_state, to_state) -> str:
    before, after = state_label(action, from_state), state_label(action, to_state)
    return f"{before} → {after}" if after and before else after or before


AUDIT = Listing(
    "审计日志",
    [
        Column("#", "id", sort=True),
        Column("时间", "at", sort=True),
        Column("操作人", "actor_name", sort=True),
        Column("单位", "unit__name", sort=True),
        Column("对象", "subject_label"),
        Column("动作", ("action_label", "action"), "action", show=lambda label, action: label or action),
        Column("状态", ("action", "from_state", "to_state"), show=_states),
        Column("理由", "reason"),
    ],
)


def _roles(model):
    """Each person's roles as one text (联络员 单位负责人 …), in one query with the people, not one per person."""
    held = [
        Case(
            When(Exists(RoleGrant.objects.filter(user=OuterRef("pk"), role=role)), then=Value(f"{label} ")),
            default=Value(""),
            output_field=CharField(),
        )
        for role, label in Role.choices
    ]
    return Concat(*held, output_field=CharField())


# phones and ID numbers go out masked, as the page shows them: revealing one is an audited act of its own
PEOPLE = Listing(
    "人员",
    [
        Column(
            "姓名",
            ("full_name", "username", "is_active"),
            "full_name",
            show=lambda name, login, active: f"{name or login}{'' if active else '（已停用）'}",
        ),
        Column("登录名", "username", sort=True),
        Column("单位", "unit__name", "unit__path"),
        Column("角色", "roles", annotate=_roles, show=lambda roles: (roles or "").strip()),
        Column("电话", "phone", show=mask_phone),
        Column("身份证号", "id_number", show=mask_id_number),
    ],
)
