"""The access layer: unit scope for every non-public record.

- 法制机构、领导、系统管理员：全部；
- 其他人员：本单位及其下属机构的记录，以及送达本单位的记录；
- 公众：只有已公开的（由门户自行筛选）。
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from .errors import AccessDenied, NotFound
from .models import Role, Unit, User


def visible_unit_ids(user: User) -> list[int] | None:
    """None means all units."""
    if not user.is_authenticated or not user.is_active:
        return []
    if user.sees_everything:
        return None
    if not user.unit_id:
        return []
    if not hasattr(user, "_visible_units"):
        user._visible_units = list(Unit.objects.filter(path__startswith=user.unit.path).values_list("pk", flat=True))
    return user._visible_units


def scope(qs: QuerySet, user: User, *unit_fields: str) -> QuerySet:
    """Rows of ``qs`` whose unit (any of ``unit_fields``, default "unit") the user may see."""
    units = visible_unit_ids(user)
    if units is None:
        return qs
    condition = Q(pk__in=[])
    for field in unit_fields or ("unit",):
        condition |= Q(**{f"{field}__in": units})
    return qs.filter(condition).distinct() if any("__" in f for f in unit_fields) else qs.filter(condition)


def fetch(qs: QuerySet, user: User, pk, *unit_fields: str):
    """One row by primary key, within the user's scope, or raise."""
    try:
        obj = qs.get(pk=pk)
    except (qs.model.DoesNotExist, ValueError, TypeError):
        raise NotFound() from None
    if (
        visible_unit_ids(user) is not None
        and not scope(qs.model.objects.filter(pk=obj.pk), user, *unit_fields).exists()
    ):
        raise AccessDenied()
    return obj


def require_role(user: User, *roles: str, message: str | None = None) -> None:
    if user.has_role(*roles):
        return
    labels = "、".join(Role(r).label for r in roles)
    raise AccessDenied(message or f"此操作需要以下角色之一：{labels}")


def is_legal_office(user: User) -> bool:
    """Staff of the legal office (and its divisions). A system administrator elsewhere is not:
    reviewing and filing are the office's statutory work, not the platform's."""
    return user.is_authenticated and user.in_legal_office


def require_legal_office(user: User) -> None:
    if not is_legal_office(user):
        raise AccessDenied("此操作只能由法制机构办理")


def is_admin(user: User) -> bool:
    return user.is_authenticated and user.has_role(Role.ADMIN)


def require_admin(user: User) -> None:
    if not is_admin(user):
        raise AccessDenied("此操作需要系统管理员角色：单位、人员和工作日历只能由系统管理员修改")


def can_see_personal_data(user: User) -> bool:
    """Unmasked ID numbers and phones: case handlers in the legal office and administrators."""
    return user.has_role(Role.ADMIN, Role.RECONSIDERATION) or user.in_legal_office
