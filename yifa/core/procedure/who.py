"""Who may act: a permission check that carries its Chinese label, so that a refusal, a page and the
navigation all say the same thing ("您无权受理（需复议工作人员）")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..access import is_admin, is_legal_office
from ..models import Role


@dataclass(frozen=True)
class Who:
    check: Callable[..., bool]
    label: str

    def __call__(self, user, obj=None) -> bool:
        if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
            return False
        return bool(self.check(user, obj))

    def __or__(self, other: Who) -> Who:
        return Who(lambda user, obj: self(user, obj) or other(user, obj), f"{self.label}或{other.label}")

    def __and__(self, other: Who) -> Who:
        return Who(lambda user, obj: self(user, obj) and other(user, obj), f"{self.label}中的{other.label}")


def with_role(*roles: str, label: str = "") -> Who:
    """Anyone holding one of ``roles`` (a superuser holds only the administrator's)."""
    return Who(
        lambda user, obj: user.has_role(*roles),
        label or "、".join(Role(r).label for r in roles),
    )


def in_unit_of(*roles: str, unit_attr: str = "unit", label: str = "") -> Who:
    """People of the record's unit (``unit_attr``) or a unit above it, holding one of ``roles`` if given."""

    def check(user, obj) -> bool:
        unit = getattr(obj, unit_attr, None) if obj is not None else None
        if unit is None or user.unit_id is None or not user.own_unit.contains(unit):
            return False
        return not roles or user.has_role(*roles)

    roles_text = "、".join(Role(r).label for r in roles)
    return Who(check, label or (f"本单位{roles_text}" if roles else "本单位人员"))


LEGAL_OFFICE = Who(lambda user, obj: is_legal_office(user), "法制机构")
ADMIN = Who(lambda user, obj: is_admin(user), "系统管理员")
NOBODY = Who(lambda user, obj: False, "系统")
ANY_STAFF = Who(lambda user, obj: True, "工作人员")
# Someone who works in one of the city's organs (an outside expert has no unit): the unit-scoped lists.
MEMBER = Who(lambda user, obj: user.sees_everything or user.unit_id is not None, "机关工作人员")
