"""Guards every request passes: no control characters in any input, session time limits, and a session
that must first change its password or enrol its second factor goes nowhere else."""

from __future__ import annotations

import json
import re
import time
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse

from .logins import LOGIN_AT, SEEN_AT
from .second_factor import must_verify

# C0 controls other than tab, line feed and carriage return, and DEL. PostgreSQL refuses NUL in text;
# none of them belongs in anything a person types.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
GUARDED = ("/staff/", "/admin/")  # the API's session login applies the same gate (yifa.api.GatedSession)


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def _json(detail: str, status: int, field: str | None = None) -> JsonResponse:
    return JsonResponse({"detail": detail, "field": field}, status=status, json_dumps_params={"ensure_ascii": False})


def _redirect(request, url: str):
    if request.headers.get("HX-Request"):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


def _first_bad_in_json(value, name: str = "body") -> str | None:
    if isinstance(value, str):
        return name if CONTROL.search(value) else None
    if isinstance(value, dict):
        for key, item in value.items():
            if CONTROL.search(str(key)):
                return str(key)[:40]
            found = _first_bad_in_json(item, str(key))
            if found:
                return found
    if isinstance(value, list):
        for item in value:
            found = _first_bad_in_json(item, name)
            if found:
                return found
    return None


def first_control_character_field(request) -> str | None:
    """The name of the first input carrying a control character, or None."""
    if CONTROL.search(request.path):
        return "网址"
    sources = [request.GET]
    if request.method in ("POST", "PUT", "PATCH", "DELETE"):
        content_type = request.content_type or ""
        if content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            try:
                sources.append(request.POST)
            except MultiPartParserError:
                return "请求体"
            for key, upload in request.FILES.items():
                if CONTROL.search(upload.name or ""):
                    return key
        elif content_type == "application/json" or content_type.endswith("+json"):
            try:
                found = _first_bad_in_json(json.loads(request.body or b"null"))
            except (ValueError, UnicodeDecodeError):
                found = None  # not JSON at all: the endpoint says so itself
            if found:
                return found
    for source in sources:
        for key, values in source.lists():
            if CONTROL.search(key):
                return key[:40]
            if any(CONTROL.search(v) for v in values if isinstance(v, str)):
                return key
    return None


class RejectControlCharacters:
    """NUL and other control characters are refused at the edge with a Chinese message (400), before
    any view can pass them to the database (where PostgreSQL would fail with a server error)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        field = first_control_character_field(request)
        if field is None:
            return self.get_response(request)
        message = f"“{field}”含有不允许的控制字符（如 NUL），请删除后重新提交"
        if _is_api(request):
            return _json(message, 400, field)
        html = render_to_string("core/bad_request.html", {"message": message})
        return HttpResponse(html, status=400)


def gate_problem(user) -> str:
    """Why a logged-in person may not go on yet, or ""."""
    if user.must_change_password:
        return "请先修改由管理员设置的初始密码，再办理其他事项"
    if must_verify(user):
        return "您的账号须使用动态口令：请先绑定手机验证器或输入动态口令"
    return ""


class SessionLimits:
    """An idle session ends after YIFA_SESSION_IDLE_MINUTES, any session after YIFA_SESSION_MAX_HOURS;
    the request goes on as an anonymous one (a staff page then asks for the login, the API says 401)."""

    TOUCH_EVERY = 60  # seconds: the session is not rewritten on every request

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            session = request.session
            started = session.setdefault(LOGIN_AT, now)
            seen = session.get(SEEN_AT, now)
            reason = ""
            if now - seen > settings.SESSION_IDLE_SECONDS:
                reason = f"{settings.SESSION_IDLE_SECONDS // 60}分钟未操作，已自动退出"
            elif now - started > settings.SESSION_MAX_SECONDS:
                reason = f"连续登录超过{settings.SESSION_MAX_SECONDS // 3600}小时，已自动退出"
            if reason:
                return self._end(request, reason)
            if SEEN_AT not in session or now - seen >= self.TOUCH_EVERY:
                session[SEEN_AT] = now
        return self.get_response(request)

    def _end(self, request, reason: str):
        request.logout_reason = reason
        logout(request)
        if not _is_api(request):
            messages.info(request, f"{reason}，请重新登录。")
        if request.headers.get("HX-Request") and request.path.startswith(GUARDED):
            return _redirect(request, f"{reverse('login')}?next={quote(request.get_full_path())}")
        return self.get_response(request)


class AccountGate:
    """First the person's own password, then the second factor, then the workspace."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and request.path.startswith(GUARDED):
            account = reverse("core:account")
            problem = gate_problem(user) if request.path != account else ""
            if problem:
                messages.warning(request, problem)
                return _redirect(request, account)
        return self.get_response(request)
