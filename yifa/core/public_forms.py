"""Every form the public may post goes through here: limits per address and per session (django-ratelimit,
counted in the shared cache), an offline image captcha from the second submission on (django-simple-captcha,
drawn by the server), and a length limit on every text field."""

from __future__ import annotations

import functools

from captcha.fields import CaptchaField
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.validators import MaxLengthValidator
from django.db.models.signals import post_migrate
from django.dispatch import receiver
from django.shortcuts import render
from django_ratelimit.core import get_usage

from .errors import YifaError
from .logins import client_ip

SUBMITTED = "public_forms_submitted"
CAPTCHA_MEMORY_SECONDS = 24 * 3600
# What the text fields of a form may add to its files (the body's multipart overhead included).
BODY_ALLOWANCE = 256 * 1024
TOO_MANY = "core/public_too_many.html"


class TooManyRequests(YifaError):
    status = 429


def _address(group, request) -> str:
    return client_ip(request) or "unknown"


def _session(group, request) -> str:
    """A caller without a session cookie is counted by its address alone (no session row per request)."""
    return request.session.session_key or f"address:{_address(group, request)}"


def _over(request, group: str, key, rate: str, increment: bool = True) -> int | None:
    """Seconds until the window ends when ``rate`` is used up, else None."""
    usage = get_usage(request, group=group, key=key, rate=rate, increment=increment)
    used_up = usage and (usage["should_limit"] if increment else usage["count"] >= usage["limit"])
    if used_up:
        return max(usage["time_left"], 1)
    return None


def check_rate(request, scope: str) -> None:
    """Count one post of ``scope`` for the caller's address and session; refuse beyond either limit."""
    usage = get_usage(
        request, group=f"public:{scope}:address", key=_address, rate=settings.PUBLIC_RATE_PER_ADDRESS, increment=True
    )
    # Counted before the form is built: of concurrent first posts from one address, only one goes without a captcha.
    request.public_posts = usage["count"] if usage else 0
    waits = [
        max(usage["time_left"], 1) if usage and usage["should_limit"] else None,
        _over(request, f"public:{scope}:session", _session, settings.PUBLIC_RATE_PER_SESSION),
    ]
    wait = max((w for w in waits if w), default=None)
    if wait:
        raise TooManyRequests(f"提交过于频繁，请{_minutes(wait)}分钟后再试", field=None)


def check_misses(request, scope: str) -> None:
    """Refuse a lookup when the address has guessed wrong too often (counted by ``missed``)."""
    wait = _over(request, f"public:{scope}:miss", _address, settings.PUBLIC_LOOKUP_MISSES, increment=False)
    if wait:
        raise TooManyRequests(f"查询码错误次数过多，请{_minutes(wait)}分钟后再试", field=None)


def missed(request, scope: str) -> None:
    _over(request, f"public:{scope}:miss", _address, settings.PUBLIC_LOOKUP_MISSES)
    remember(request)


def _minutes(seconds: int) -> int:
    return max(1, -(-seconds // 60))


def remember(request) -> None:
    """From now on this session and this address answer a captcha with each submission."""
    request.session[SUBMITTED] = True
    cache.set(f"public:seen:{_address(None, request)}", True, CAPTCHA_MEMORY_SECONDS)


def captcha_due(request) -> bool:
    if getattr(request, "public_posts", 0) > 1:
        return True
    return bool(request.session.get(SUBMITTED) or cache.get(f"public:seen:{_address(None, request)}"))


def public_post(scope: str, files_setting: str = ""):
    """Decorate a public view: a POST beyond the limits, or whose body is larger than the form's files
    may be (the setting named ``files_setting``) plus its text, is answered with a Chinese page before the
    body is read."""

    def decorate(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST":
                try:
                    check_rate(request, scope)
                except TooManyRequests as exc:
                    return too_many(request, exc)
                max_bytes = getattr(settings, files_setting) if files_setting else 0
                if _body_size(request) > max_bytes + BODY_ALLOWANCE:
                    message = (
                        f"提交的内容过大：文件合计不得超过{max_bytes // 1048576}MB" if max_bytes else "提交的内容过大"
                    )
                    return render(request, TOO_MANY, {"message": message, "title": "提交的内容过大"}, status=413)
            return view(request, *args, **kwargs)

        wrapped.public_scope = scope
        return wrapped

    return decorate


def _body_size(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def too_many(request, exc: TooManyRequests):
    response = render(request, TOO_MANY, {"message": exc.message, "title": "提交过于频繁"}, status=429)
    response["Retry-After"] = "60"
    return response


class PublicForm(forms.Form):
    """A form the public posts: every text field has a length limit (a text area without one gets
    ``PUBLIC_TEXT_MAX``), and from the second submission of a session or address on, a captcha."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.CharField) and field.max_length is None:
                if not isinstance(field.widget, forms.Textarea):
                    raise ImproperlyConfigured(f"公众表单字段{name}未设长度上限")
                field.max_length = settings.PUBLIC_TEXT_MAX
                field.validators.append(MaxLengthValidator(field.max_length))
                field.widget.attrs["maxlength"] = str(field.max_length)
            if isinstance(field, forms.CharField):
                field.error_messages["max_length"] = (
                    f"{field.label}：最多{field.max_length}个字（现为%(show_value)d个）"
                )
        if request is not None and captcha_due(request):
            self.fields["captcha"] = CaptchaField(
                label="验证码", error_messages={"invalid": "验证码不正确，请看图重新输入", "required": "请输入验证码"}
            )


@receiver(post_migrate)
def create_cache_table(sender, using="default", **kwargs):
    """The database cache's table, made with the others (``createcachetable`` does nothing if it exists)."""
    if sender.label == "core" and settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache"):
        call_command("createcachetable", database=using, verbosity=0)


def without_captcha(data: dict) -> dict:
    return {k: v for k, v in data.items() if k != "captcha"}
