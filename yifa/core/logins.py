"""Logins (等保2.0 三级 身份鉴别): one login page for the workspace and the Django admin, lockout after
repeated failures per account and per address (django-axes, also for bearer tokens), the TOTP second
factor, and every login, failure, lockout and logout in the audit log."""

from __future__ import annotations

import ipaddress
import time

from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django import forms
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from .audit import record_event
from .models import User
from .second_factor import check_token, confirmed_device

LOGIN_AT, SEEN_AT = "yifa_login_at", "yifa_seen_at"


def client_ip(request) -> str | None:
    """The caller's address; behind YIFA_TRUSTED_PROXIES proxies, the one the nearest of them saw."""
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
    trusted = settings.TRUSTED_PROXIES
    address = hops[-min(trusted, len(hops))] if trusted and hops else request.META.get("REMOTE_ADDR")
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def _ip(request) -> str:
    return client_ip(request) or "未知"


def _attempted_username(request_or_attempt, credentials) -> str | None:
    if credentials:
        return credentials.get("username") or None
    if isinstance(request_or_attempt, AccessAttempt):
        return request_or_attempt.username or None
    return None


def lockout_parameters(request_or_attempt, credentials=None) -> list[str]:
    """Count failures per account and, separately, per address; a bearer token names no account."""
    if _attempted_username(request_or_attempt, credentials):
        return ["username", "ip_address"]
    return ["ip_address"]


def lockout_message() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60) if settings.AXES_COOLOFF_TIME else 0
    wait = f"{minutes}分钟后可再试，" if minutes else ""
    return f"登录失败次数过多，该账号或本机地址已被锁定。{wait}如需提前解锁，请联系系统管理员。"


def lockout_response(request, original_response=None, credentials=None):
    status = 429
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"detail": lockout_message(), "field": None}, status=status, json_dumps_params={"ensure_ascii": False}
        )
    context = {"form": LoginForm(request), "locked": lockout_message(), "failure_limit": settings.AXES_FAILURE_LIMIT}
    return render(request, "core/login.html", context, status=status)


def address_locked(request) -> bool:
    """For a bearer token: is the caller's address locked out? (Checked before the token, so a locked
    address learns nothing from its guesses.)"""
    return not AxesProxyHandler.is_allowed(request, {})


def token_failed(request) -> None:
    """A bearer token that matched nothing counts as a failed login of the caller's address."""
    user_login_failed.send(sender=__name__, credentials={}, request=request, via="token")


class LoginForm(AuthenticationForm):
    otp_token = forms.CharField(
        label="动态口令",
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}),
        help_text="已绑定手机验证器的，须填写验证器上显示的6位数字",
    )
    # One message for a wrong password and a wrong or missing code: a guesser must not learn that the
    # password was right.
    error_messages = {
        "invalid_login": "登录名、密码或动态口令不正确，请重新输入（已绑定手机验证器的须填写动态口令）。",
        "inactive": "该账号已停用，请联系系统管理员。",
    }

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        self.otp_device = None
        device = confirmed_device(user) if user else None
        if device is not None:
            token = (cleaned.get("otp_token") or "").strip()
            if not token or not check_token(device, token):
                user_login_failed.send(
                    sender=__name__,
                    credentials={"username": user.get_username()},
                    request=self.request,
                    reason="动态口令错误" if token else "未填写动态口令",
                )
                raise ValidationError(self.error_messages["invalid_login"], code="invalid_login")
            self.otp_device = device
        return cleaned


class LoginView(auth_views.LoginView):
    template_name = "core/login.html"
    form_class = LoginForm

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "failure_limit": settings.AXES_FAILURE_LIMIT}

    def form_valid(self, form):
        if form.otp_device is not None:
            # django-otp marks the session verified when the user logging in carries its device.
            form.get_user().otp_device = form.otp_device
        return super().form_valid(form)


def admin_login(request):
    """The Django admin logs in through the same page, so the same lockout and second factor apply."""
    query = request.META.get("QUERY_STRING", "")
    return redirect(reverse("login") + (f"?{query}" if query else ""))


def _via(request) -> str:
    path = getattr(request, "path", "") or ""
    if path.startswith("/api/"):
        return "token"
    return "admin" if "next=/admin" in request.META.get("QUERY_STRING", "") or path.startswith("/admin/") else "login"


VIA_LABEL = {"login": "工作台", "admin": "管理后台", "token": "接口令牌"}


def _record(**kwargs) -> None:
    with transaction.atomic():
        record_event(**kwargs)


def on_login(sender, request, user, **kwargs):
    now = time.time()
    request.session[LOGIN_AT] = request.session[SEEN_AT] = now
    # Only this account's own failures are forgiven: a success from an address does not wipe the
    # failures other accounts collected from it.
    AccessAttempt.objects.filter(username=user.get_username()).delete()
    ip = _ip(request)
    _record(
        actor=user,
        subject=user,
        action="login.success",
        action_label="登录",
        unit=user.unit,
        data={"ip": ip, "via": _via(request), "second_factor": bool(getattr(user, "otp_device", None))},
    )


def on_logout(sender, request, user, **kwargs):
    if user is None:
        return
    reason = getattr(request, "logout_reason", "") or "主动退出"
    _record(
        actor=user,
        subject=user,
        action="logout",
        action_label="退出登录",
        unit=user.unit,
        reason=reason,
        data={"ip": _ip(request)},
    )


def on_failure(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    username = (credentials or {}).get("username") or ""
    user = User.objects.filter(username=username).select_related("unit").first() if username else None
    failures = getattr(request, "axes_failures_since_start", None) or 0
    limit = settings.AXES_FAILURE_LIMIT
    via = kwargs.get("via") or _via(request)
    reason = kwargs.get("reason") or ("令牌无效或已过期" if via == "token" else "登录名或密码不正确")
    if failures > limit:
        reason = "锁定期间的登录尝试，已拒绝"
    ip = _ip(request)
    data = {"username": username[:150], "ip": ip, "via": via, "failures": failures}
    who = f"{username[:30]}（未通过验证）" if username else f"{VIA_LABEL[via]}访问者"
    common = {"actor": None, "actor_name": who, "subject": user, "unit": user.unit if user else None}
    _record(**common, action="login.failed", action_label="登录失败", reason=reason, data=data)
    if failures == limit and getattr(request, "axes_locked_out", False):
        target = f"账号“{username}”和地址{ip}" if username else f"地址{ip}"
        _record(
            **common,
            action="login.locked",
            action_label="登录锁定",
            reason=f"连续{limit}次登录失败，{target}被锁定",
            data=data,
        )


AUDIT_LOGIN = "yifa-audit-login"
user_logged_in.connect(on_login, dispatch_uid=AUDIT_LOGIN)
user_logged_out.connect(on_logout, dispatch_uid="yifa-audit-logout")
user_login_failed.connect(on_failure, dispatch_uid="yifa-audit-login-failed")
