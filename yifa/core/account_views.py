"""Account pages: the person's own password and second factor (/staff/account/), and the administrator's
login security page — lockouts, password and second-factor resets (/staff/security/)."""

from __future__ import annotations

import django_otp
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.forms import PasswordChangeForm
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from . import accounts
from .access import require_admin
from .errors import YifaError
from .models import User
from .second_factor import confirmed_device, pending_device, qr_svg, second_factor_required, secret_text
from .views import _show_errors, staff_view


class TokenForm(forms.Form):
    otp_token = forms.CharField(
        label="动态口令",
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}),
    )


class ResetPasswordForm(forms.Form):
    username = forms.CharField(label="登录名", max_length=150)
    password = forms.CharField(label="新的初始密码", widget=forms.PasswordInput, help_text="本人下次登录时须修改")


class UsernameForm(forms.Form):
    username = forms.CharField(label="登录名", max_length=150)


@staff_view
@require_http_methods(["GET", "POST"])
def account(request):
    user = request.user
    action = request.POST.get("action") if request.method == "POST" else None
    password_form = PasswordChangeForm(user, request.POST if action == "password" else None)
    token_form = TokenForm(request.POST if action in ("otp_enrol", "otp_verify") else None)
    device = confirmed_device(user)
    pending = None if device else pending_device(user)
    if action == "password" and password_form.is_valid():
        try:
            accounts.password_set_own(user=user, password=password_form.cleaned_data["new_password1"])
            update_session_auth_hash(request, user)
            messages.success(request, "密码已修改")
            return redirect("core:account")
        except YifaError as exc:
            _show_errors(password_form, exc)
    elif action in ("otp_enrol", "otp_verify") and token_form.is_valid():
        token = token_form.cleaned_data["otp_token"]
        try:
            if action == "otp_enrol" and pending is not None:
                device = accounts.second_factor_confirm(user=user, device=pending, token=token)
                messages.success(request, "已绑定手机验证器：今后登录时须填写验证器上的动态口令")
            else:
                device = accounts.second_factor_check(user=user, token=token)
                messages.success(request, "动态口令正确")
            django_otp.login(request, device)
            return redirect("core:todo")
        except YifaError as exc:
            _show_errors(token_form, exc)
    failed = password_form.errors or token_form.errors
    return render(
        request,
        "core/account.html",
        {
            "password_form": password_form,
            "token_form": token_form,
            "device": device,
            "pending": pending,
            "qr": qr_svg(pending) if pending else "",
            "secret": secret_text(pending) if pending else "",
            "required": settings.TOTP_REQUIRED and second_factor_required(user),
            "verified": user.is_verified(),
        },
        status=400 if failed else 200,
    )


@staff_view
@require_http_methods(["GET", "POST"])
def security(request):
    """Administrators only, reading included: who is locked out, and the resets."""
    require_admin(request.user)
    action = request.POST.get("action") if request.method == "POST" else None
    reset_form = ResetPasswordForm(request.POST if action == "reset_password" else None, prefix="pw")
    otp_form = UsernameForm(request.POST if action == "reset_otp" else None, prefix="otp")
    error = ""
    try:
        if action == "unlock":
            count = accounts.unlock(
                by=request.user,
                username=request.POST.get("username", "")[:150],
                ip_address=request.POST.get("ip_address", "")[:45],
            )
            messages.success(request, f"已解除锁定（清除{count}条失败记录）")
            return redirect("core:security")
        if action == "reset_password" and reset_form.is_valid():
            person = _person(reset_form)
            accounts.password_reset(by=request.user, user=person, password=reset_form.cleaned_data["password"])
            messages.success(request, f"已重置“{person.display_name}”的密码，本人下次登录时须修改")
            return redirect("core:security")
        if action == "reset_otp" and otp_form.is_valid():
            person = _person(otp_form)
            accounts.second_factor_reset(by=request.user, user=person)
            messages.success(request, f"已解除“{person.display_name}”的手机验证器，本人下次登录时须重新绑定")
            return redirect("core:security")
    except YifaError as exc:
        form = {"reset_password": reset_form, "reset_otp": otp_form}.get(action)
        if form is None:
            error = exc.message
        else:
            _show_errors(form, exc)
    failed = error or reset_form.errors or otp_form.errors
    return render(
        request,
        "core/security.html",
        {
            "locked": accounts.lockouts(),
            "limit": settings.AXES_FAILURE_LIMIT,
            "reset_form": reset_form,
            "otp_form": otp_form,
            "error": error,
        },
        status=400 if failed else 200,
    )


def _person(form) -> User:
    username = form.cleaned_data["username"].strip()
    person = User.objects.filter(username=username).select_related("unit").first()
    if person is None:
        raise YifaError(f"登录名：“{username}”不存在", field="username")
    return person
