"""Writes on units, people, roles and the calendar: one transaction, a permission check, one event."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re

from django.db import IntegrityError, transaction

from .access import require_admin
from .audit import record_event
from .errors import Conflict, GateBlocked, InvalidInput, YifaError
from .jobs import schedule_recompute
from .models import CalendarDay, CalendarYear, DayKind, Deadline, Role, RoleGrant, Unit, UnitKind, User
from .models.deadlines import OPEN_STATUSES
from .passwords import password_problems

ID_NUMBER = re.compile(r"^\d{17}[\dXx]$")
PHONE = re.compile(r"^(1\d{10}|0\d{2,3}-?\d{7,8})$")
FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR = 2000, 2100


def unit_create(
    *, by, name: str, kind: str, parent: Unit | None = None, is_legal_office: bool = False, short_name: str = ""
) -> Unit:
    require_admin(by)
    errors = {}
    if not (name or "").strip():
        errors["name"] = "单位名称：必须填写"
    if kind not in UnitKind.values:
        errors["kind"] = "单位类型：须为" + "、".join(UnitKind.labels) + "之一"
    if len(name or "") > 100:
        errors["name"] = "单位名称：不超过100字"
    if parent is None and Unit.objects.filter(parent__isnull=True, name=(name or "").strip()).exists():
        errors["name"] = f"单位名称：已有名为“{name}”的顶级单位"
    if errors:
        raise InvalidInput(errors)
    try:
        with transaction.atomic():
            unit = Unit.objects.create(
                name=name.strip(), kind=kind, parent=parent, is_legal_office=is_legal_office, short_name=short_name
            )
            record_event(
                actor=by,
                subject=unit,
                action="unit.create",
                action_label="新建单位",
                data={"name": unit.name, "kind": kind, "parent": parent.pk if parent else None},
            )
    except IntegrityError:
        raise YifaError(f"单位名称：上级单位下已有“{name}”", field="name") from None
    return unit


def unit_state(unit: Unit) -> dict:
    """What an edit may change, as stored; before/after of the unit events."""
    return {
        "name": unit.name,
        "short_name": unit.short_name,
        "kind": unit.kind,
        "is_legal_office": unit.is_legal_office,
        "parent": unit.parent_id,
        "path": unit.path,
        "active": unit.active,
    }


def unit_version(unit: Unit) -> str:
    """Optimistic lock without a column: a fingerprint of the row the editor read."""
    text = json.dumps(unit_state(unit), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _lock_unit(unit: Unit, expected_version: str | None) -> Unit:
    current = Unit.objects.select_for_update().get(pk=unit.pk)
    if expected_version is not None and unit_version(current) != expected_version:
        raise Conflict(
            f"单位“{current.name}”已被他人修改，为避免覆盖他人的修改，本次保存未生效，请刷新后重试", field="version"
        )
    return current


def unit_update(
    *, by, unit: Unit, name: str, short_name: str, kind: str, is_legal_office: bool, expected_version: str | None = None
) -> Unit:
    """Rename or reclassify a unit; its place in the tree is changed only by ``unit_move``."""
    require_admin(by)
    name, short_name = (name or "").strip(), (short_name or "").strip()
    errors = {}
    if not name:
        errors["name"] = "单位名称：必须填写"
    elif len(name) > 100:
        errors["name"] = "单位名称：不超过100字"
    elif Unit.objects.filter(parent_id=unit.parent_id, name=name).exclude(pk=unit.pk).exists():
        errors["name"] = f"单位名称：同一上级单位下已有“{name}”"
    if len(short_name) > 30:
        errors["short_name"] = "简称：不超过30字"
    if kind not in UnitKind.values:
        errors["kind"] = "单位类型：须为" + "、".join(UnitKind.labels) + "之一"
    if errors:
        raise InvalidInput(errors)
    try:
        with transaction.atomic():
            current = _lock_unit(unit, expected_version)
            before = unit_state(current)
            current.name, current.short_name, current.kind = name, short_name, kind
            current.is_legal_office = bool(is_legal_office)
            current.save(update_fields=["name", "short_name", "kind", "is_legal_office"])
            record_event(
                actor=by,
                subject=current,
                action="unit.update",
                action_label="修改单位",
                unit=current,
                data={"before": before, "after": unit_state(current)},
            )
    except IntegrityError:
        raise YifaError(f"单位名称：同一上级单位下已有“{name}”", field="name") from None
    return current


def unit_move(*, by, unit: Unit, parent: Unit | None, expected_version: str | None = None) -> Unit:
    """Put a unit (with its whole subtree) under another parent; ``Unit.save`` rewrites the subtree's paths,
    so everyone's visible scope follows the move."""
    require_admin(by)
    with transaction.atomic():
        current = _lock_unit(unit, expected_version)
        if parent is not None:
            parent = Unit.objects.select_for_update().get(pk=parent.pk)
            if parent.pk == current.pk:
                raise YifaError(f"上级单位：不能把“{current.name}”移到它自己之下", field="parent")
            if parent.path.startswith(current.path):
                raise YifaError(
                    f"上级单位：“{parent.name}”是“{current.name}”的下级单位，不能把单位移到自己的下级单位之下",
                    field="parent",
                )
            if not parent.active:
                raise YifaError(f"上级单位：“{parent.name}”已停用", field="parent")
        new_parent_id = parent.pk if parent else None
        if new_parent_id == current.parent_id:
            raise YifaError(f"上级单位：“{current.name}”已在该上级单位之下，未作调整", field="parent")
        if Unit.objects.filter(parent_id=new_parent_id, name=current.name).exists():
            where = f"“{parent.name}”下" if parent else "顶级单位中"
            raise YifaError(f"上级单位：{where}已有名为“{current.name}”的单位，请先改名", field="parent")
        before = unit_state(current)
        old_path, size = current.path, current.subtree().count()
        current.parent = parent
        current.save()
        record_event(
            actor=by,
            subject=current,
            action="unit.move",
            action_label="调整上级单位",
            unit=current,
            data={"before": before, "after": unit_state(current), "old_path": old_path, "units_moved": size},
        )
    return current


def unit_deactivate(*, by, unit: Unit, reason: str, expected_version: str | None = None) -> Unit:
    """Stop using a unit (the row stays, for its history). Refused, with every blocker listed, while it
    still has active people, open statutory clocks or sub-units in use."""
    require_admin(by)
    reason = (reason or "").strip()
    if not reason:
        raise YifaError("停用理由：必须填写", field="reason")
    if len(reason) > 200:
        raise YifaError("停用理由：不超过200字", field="reason")
    with transaction.atomic():
        current = _lock_unit(unit, expected_version)
        if not current.active:
            raise YifaError(f"单位“{current.name}”已停用", field="active")
        blockers = [
            f"下级单位“{c.name}”仍在用，请先停用或移出" for c in current.children.filter(active=True).order_by("path")
        ]
        blockers += [
            f"人员“{u.full_name or u.username}”（{u.username}）仍在本单位且可登录，请先调整其单位或停用"
            for u in User.objects.filter(unit=current, is_active=True).order_by("username")
        ]
        blockers += [
            f"期限“{d.subject_label}：{d.title}”（届满日{d.due}）尚未办结，请先办结或移交"
            for d in Deadline.objects.filter(unit=current, status__in=OPEN_STATUSES).order_by("due")
        ]
        if blockers:
            raise GateBlocked(f"停用“{current.name}”", blockers)
        before = unit_state(current)
        current.active = False
        current.save(update_fields=["active"])
        record_event(
            actor=by,
            subject=current,
            action="unit.deactivate",
            action_label="停用单位",
            unit=current,
            reason=reason,
            data={"before": before, "after": unit_state(current)},
        )
    return current


def person_create(
    *,
    by,
    username: str,
    full_name: str,
    unit: Unit,
    roles: list[str],
    password: str,
    phone: str = "",
    id_number: str = "",
    email: str = "",
    title: str = "",
) -> User:
    require_admin(by)
    errors = _person_errors(username=username, full_name=full_name, roles=roles, phone=phone, id_number=id_number)
    problem = password_problems(password, User(username=username, full_name=full_name, email=email))
    if problem:
        errors["password"] = f"密码：{problem}"
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        if User.objects.filter(username=username).exists():
            raise YifaError(f"登录名：“{username}”已被使用", field="username")
        user = User.objects.create_user(
            username=username,
            password=password,
            full_name=full_name,
            unit=unit,
            phone=phone,
            id_number=id_number.upper(),
            email=email,
            title=title,
            must_change_password=True,
        )
        RoleGrant.objects.bulk_create([RoleGrant(user=user, role=r) for r in set(roles)])
        record_event(
            actor=by,
            subject=user,
            action="person.create",
            action_label="新增人员",
            unit=unit,
            data={"username": username, "roles": sorted(set(roles))},
        )
    return user


def _person_errors(*, username, full_name, roles, phone, id_number) -> dict[str, str]:
    errors = {}
    if not re.fullmatch(r"[A-Za-z0-9_.@-]{3,40}", username or ""):
        errors["username"] = "登录名：3至40位字母、数字或 _ . @ -"
    if not (full_name or "").strip():
        errors["full_name"] = "姓名：必须填写"
    bad = [r for r in roles if r not in Role.values]
    if bad:
        errors["roles"] = f"角色：不认识{'、'.join(bad)}"
    if phone and not PHONE.match(phone):
        errors["phone"] = "电话：须为11位手机号或带区号的固定电话"
    if id_number and not valid_id_number(id_number):
        errors["id_number"] = "身份证号：须为18位且校验码正确"
    return errors


def valid_id_number(value: str) -> bool:
    """GB 11643-1999 check digit."""
    if not ID_NUMBER.match(value or ""):
        return False
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(value[:17], weights))
    return "10X98765432"[total % 11] == value[17].upper()


def roles_set(*, by, user: User, roles: list[str]) -> User:
    require_admin(by)
    bad = [r for r in roles if r not in Role.values]
    if bad:
        raise YifaError(f"角色：不认识{'、'.join(bad)}", field="roles")
    with transaction.atomic():
        before = sorted(user.role_grants.values_list("role", flat=True))
        user.role_grants.exclude(role__in=roles).delete()
        RoleGrant.objects.bulk_create([RoleGrant(user=user, role=r) for r in set(roles) - set(before)])
        record_event(
            actor=by,
            subject=user,
            action="person.roles",
            action_label="调整角色",
            unit=user.unit,
            data={"before": before, "after": sorted(set(roles))},
        )
    user.__dict__.pop("_role_cache", None)
    return user


def person_update(*, by, user: User, roles: list[str], is_active: bool) -> User:
    """Change a person's roles and whether the account may log in; one event with before and after."""
    require_admin(by)
    bad = [r for r in roles if r not in Role.values]
    if bad:
        raise YifaError(f"角色：不认识{'、'.join(bad)}", field="roles")
    if user.pk == by.pk and (not is_active or Role.ADMIN not in roles):
        raise YifaError("不能停用自己或取消自己的系统管理员角色，请由另一名管理员办理", field="roles")
    with transaction.atomic():
        before = {"roles": sorted(user.role_grants.values_list("role", flat=True)), "active": user.is_active}
        user.role_grants.exclude(role__in=roles).delete()
        RoleGrant.objects.bulk_create([RoleGrant(user=user, role=r) for r in set(roles) - set(before["roles"])])
        if user.is_active != is_active:
            user.is_active = is_active
            user.save(update_fields=["is_active"])
        after = {"roles": sorted(set(roles)), "active": is_active}
        record_event(
            actor=by,
            subject=user,
            action="person.update",
            action_label="调整人员角色或状态",
            unit=user.unit,
            data={"before": before, "after": after},
        )
    user.__dict__.pop("_role_cache", None)
    return user


def calendar_day_set(*, by, date: dt.date, kind: str, name: str = "") -> CalendarDay:
    """Enter or change one day; every open clock it can move is recomputed by the task worker
    (``core/jobs.py``), queued in the same transaction.
    The year counts as published only once confirmed (``calendar_year_publish``)."""
    require_admin(by)
    _check_calendar_year(date.year, field="date")
    if len(name or "") > 40:
        raise YifaError("节日名称：不超过40字", field="name")
    if kind not in DayKind.values:
        raise YifaError("类型：须为“法定节假日”或“调休上班日”", field="kind")
    if kind == DayKind.MAKEUP and date.weekday() < 5:
        raise YifaError(f"日期：{date}是工作日，不能设为调休上班日", field="date")
    with transaction.atomic():
        day, created = CalendarDay.objects.update_or_create(date=date, defaults={"kind": kind, "name": name})
        job = schedule_recompute(f"设置{date}为{DayKind(kind).label}", **_calendar_scope(date))
        record_event(
            actor=by,
            subject=day,
            action="calendar.set",
            action_label="设置日历",
            data={"date": date, "kind": kind, "name": name, "recompute_job": job.pk},
        )
    return day


def calendar_day_remove(*, by, date: dt.date) -> None:
    require_admin(by)
    with transaction.atomic():
        day = CalendarDay.objects.filter(date=date).first()
        if day is None:
            raise YifaError(f"日期：{date}不是节假日或调休上班日", field="date")
        record_event(
            actor=by,
            subject=day,
            action="calendar.remove",
            action_label="删除日历条目",
            data={"date": date, "kind": day.kind, "name": day.name},
        )
        day.delete()
        schedule_recompute(f"删除{date}", **_calendar_scope(date))


def calendar_year_publish(*, by, year: int, source: str) -> CalendarYear:
    """Mark a year's schedule as entered (even one with no day changed)."""
    require_admin(by)
    _check_calendar_year(year, field="year")
    source = (source or "").strip()
    if not source or len(source) > 200:
        raise YifaError("依据：须填写国务院办公厅通知的文号或名称，不超过200字", field="source")
    with transaction.atomic():
        entry, _ = CalendarYear.objects.update_or_create(year=year, defaults={"source": source})
        job = schedule_recompute(f"确认{year}年放假安排", year=year)
        record_event(
            actor=by,
            subject=entry,
            action="calendar.publish",
            action_label="确认年度放假安排",
            data={"year": year, "source": source, "recompute_job": job.pk},
        )
    return entry


def _calendar_scope(date: dt.date) -> dict:
    """Which clocks a one-day edit can move: those counting over the day, or, while the year is
    still unconfirmed, every clock spanning it (their “尚未录入” note changes too)."""
    if CalendarYear.objects.filter(year=date.year).exists():
        return {"day": date}
    return {"year": date.year}


def _check_calendar_year(year: int, *, field: str) -> None:
    if not FIRST_CALENDAR_YEAR <= year <= LAST_CALENDAR_YEAR:
        raise YifaError(f"年度：须在{FIRST_CALENDAR_YEAR}年至{LAST_CALENDAR_YEAR}年之间，收到{year}年", field=field)
