"""Writes on accounts: a person's own password and second factor, and an administrator's resets and
unlocks. One transaction and one audit event each."""

from __future__ import annotations

from axes.models import AccessAttempt
from django.conf import settings
from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone

from .access import require_admin
from .audit import record_event
from .errors import YifaError
from .models import User
from .passwords import password_problems
from .second_factor import DEVICE_NAME, check_token, confirmed_device
from .second_factor import TOTPDevice as Device


def _store_password(*, by, user: User, password: str, label: str, field: str, must_change: bool, **event) -> User:
    problem = password_problems(password, user)
    if problem:
        raise YifaError(f"{label}：{problem}", field=field)
    with transaction.atomic():
        user.set_password(password)
        user.must_change_password = must_change
        user.save(update_fields=["password", "must_change_password"])
        record_event(actor=by, subject=user, unit=user.unit, **event)
    return user


def password_set_own(*, user: User, password: str) -> User:
    """The person chooses their own password (the old one was checked by the form)."""
    return _store_password(
        by=user,
        user=user,
        password=password,
        label="新密码",
        field="new_password1",
        must_change=False,
        action="password.change",
        action_label="修改密码",
    )


def password_reset(*, by, user: User, password: str) -> User:
    """An administrator sets a new initial password; the person must change it at the next login."""
    require_admin(by)
    return _store_password(
        by=by,
        user=user,
        password=password,
        label="新的初始密码",
        field="password",
        must_change=True,
        action="password.reset",
        action_label="重置密码",
        data={"username": user.username},
    )


def second_factor_confirm(*, user: User, device: Device, token: str) -> Device:
    """The first code from the app proves the app holds the key: the device becomes the person's."""
    if device.user_id != user.pk or device.confirmed:
        raise YifaError("动态口令：绑定已失效，请刷新页面重新扫描二维码", field="otp_token")
    if not check_token(device, token):
        raise YifaError("动态口令：不正确或已过期，请输入验证器上当前显示的6位数字", field="otp_token")
    with transaction.atomic():
        Device.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed, device.name = True, DEVICE_NAME
        device.save(update_fields=["confirmed", "name"])
        record_event(actor=user, subject=user, action="otp.enrol", action_label="绑定动态口令", unit=user.unit)
    return device


def second_factor_check(*, user: User, token: str) -> Device:
    device = confirmed_device(user)
    if device is None or not check_token(device, token):
        raise YifaError("动态口令：不正确或已过期，请输入验证器上当前显示的6位数字", field="otp_token")
    return device


def second_factor_reset(*, by, user: User) -> None:
    """A lost phone: the administrator removes the device; the person enrols a new one at next login."""
    require_admin(by)
    with transaction.atomic():
        removed, _ = Device.objects.filter(user=user).delete()
        if not removed:
            raise YifaError(f"登录名：“{user.username}”尚未绑定动态口令", field="username")
        record_event(
            actor=by,
            subject=user,
            action="otp.reset",
            action_label="解除动态口令绑定",
            unit=user.unit,
            data={"username": user.username},
        )


def _since():
    cool_off = settings.AXES_COOLOFF_TIME
    return timezone.now() - cool_off if cool_off else None


def lockouts() -> dict[str, list[dict]]:
    """Accounts and addresses locked now: those with as many recent failures as the limit."""
    attempts = AccessAttempt.objects.all()
    if (since := _since()) is not None:
        attempts = attempts.filter(attempt_time__gte=since)
    limit = settings.AXES_FAILURE_LIMIT
    found = {}
    for key in ("username", "ip_address"):
        found[key] = list(
            attempts.exclude(**{f"{key}__isnull": True})
            .values(key)
            .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
            .filter(failures__gte=limit)
            .order_by("-last")[:200]
        )
    return found


def unlock(*, by, username: str = "", ip_address: str = "") -> int:
    require_admin(by)
    if not (username or ip_address):
        raise YifaError("解锁：须指明登录名或地址", field="username")
    with transaction.atomic():
        attempts = AccessAttempt.objects.filter(username=username) if username else AccessAttempt.objects.none()
        if ip_address:
            attempts = attempts | AccessAttempt.objects.filter(ip_address=ip_address)
        count, _ = attempts.delete()
        if not count:
            raise YifaError("解锁：该账号或地址没有登录失败记录，无需解锁", field="username")
        subject = User.objects.filter(username=username).select_related("unit").first() if username else None
        record_event(
            actor=by,
            subject=subject,
            action="login.unlock",
            action_label="解除登录锁定",
            unit=subject.unit if subject else None,
            data={"username": username, "ip": ip_address, "records": count},
        )
    return count
