"""Who acts on a unit's disclosure work: its own staff (联络员、负责人); for the government itself, whose
disclosure office this city places in the legal office, the legal office too. The office head approves
extensions (第三十三条第二款). Everyone else in scope (leaders, the legal office for departments) watches."""

from yifa.core.models import Role, UnitKind
from yifa.core.procedure import LEGAL_OFFICE, Who, in_unit_of

UNIT_STAFF = in_unit_of(Role.LIAISON, Role.HEAD, label="本机关联络员或负责人")
FOR_GOVERNMENT = Who(
    lambda user, obj: obj is not None and obj.unit.kind == UnitKind.GOVERNMENT and LEGAL_OFFICE(user, obj),
    "法制机构（本级政府的申请）",
)
STAFF = Who((UNIT_STAFF | FOR_GOVERNMENT).check, "本机关政府信息公开工作人员")
OFFICE_HEAD = Who(
    lambda user, obj: in_unit_of(Role.HEAD)(user, obj) or (FOR_GOVERNMENT(user, obj) and user.has_role(Role.HEAD)),
    "政府信息公开工作机构负责人",
)


class OfUnit:
    """A stand-in record for acts on a unit's own registers (its guide, catalogue, report, intake)."""

    def __init__(self, unit):
        self.unit = unit


def may_act_for(user, unit) -> bool:
    return STAFF(user, OfUnit(unit))


def intake_units(user) -> list:
    """The 行政机关 this person may register requests and import ledgers for."""
    from .queries import disclosure_units

    if not hasattr(user, "_disclosure_intake"):  # asked by the menu on every page
        user._disclosure_intake = [u for u in disclosure_units(user).order_by("path") if may_act_for(user, u)]
    return user._disclosure_intake


ORGAN_KINDS = (UnitKind.GOVERNMENT, UnitKind.DEPARTMENT, UnitKind.TOWNSHIP)


def may_take_in(user, obj=None) -> bool:
    """Asked by the menu on every page: decided from the person's own unit and roles when they settle it,
    so the list of organs is read only for those who act for units other than their own."""
    is_unit_staff = user.has_role(Role.LIAISON, Role.HEAD)
    if not is_unit_staff and not LEGAL_OFFICE(user, None):
        return False
    own = user.own_unit if user.unit_id else None
    if is_unit_staff and own is not None and own.active and own.kind in ORGAN_KINDS:
        return True
    return bool(intake_units(user))


INTAKE = Who(may_take_in, "本机关政府信息公开工作人员")
