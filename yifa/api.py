"""The REST API at /api/ (OpenAPI at /api/docs). Each app adds ``router`` in its ``api.py``."""

from django.http import Http404
from django.utils import timezone
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.renderers import JSONRenderer
from ninja.security import HttpBearer, django_auth

from yifa.core.errors import YifaError
from yifa.core.logins import address_locked, lockout_message, token_failed
from yifa.core.models import ApiToken
from yifa.core.registry import contributions


class LockedOut(YifaError):
    status = 429


class BearerToken(HttpBearer):
    """A token counts as a login: an address that keeps presenting bad tokens is locked out like one
    that keeps typing bad passwords, and an expired or revoked token is a failure."""

    def authenticate(self, request, token):
        if address_locked(request):
            raise LockedOut(lockout_message())
        record = (
            ApiToken.objects.select_related("user", "user__unit")
            .filter(
                digest=ApiToken.digest_of(token),
                revoked=False,
                expires_at__gt=timezone.now(),
                user__is_active=True,
            )
            .first()
        )
        if record is None:
            token_failed(request)
            if getattr(request, "axes_locked_out", False):
                raise LockedOut(lockout_message())
            return None
        ApiToken.objects.filter(pk=record.pk).update(last_used_at=timezone.now())
        request.user = record.user
        return record.user


class ChineseJSONRenderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    renderer=ChineseJSONRenderer(),
    title="依法 yifa API",
    version="1",
    description="依法行政工作平台接口。认证：请求头 Authorization: Bearer <令牌>，或已登录的浏览器会话。",
    auth=[BearerToken(), django_auth],
    urls_namespace="api",
)

FIELD_NAMES_ZH = {
    "missing": "必须填写",
    "int_parsing": "须为整数",
    "date_from_datetime_parsing": "须为日期（YYYY-MM-DD）",
    "date_parsing": "须为日期（YYYY-MM-DD）",
    "string_too_long": "过长",
    "string_too_short": "过短",
    "bool_parsing": "须为是或否",
    "literal_error": "取值不在允许范围内",
    "enum": "取值不在允许范围内",
    "greater_than_equal": "数值过小",
    "less_than_equal": "数值过大",
    "json_invalid": "不是合法的JSON",
}


@api.exception_handler(YifaError)
def yifa_error(request, exc: YifaError):
    return api.create_response(request, exc.as_dict(), status=exc.status)


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    errors = {}
    for err in exc.errors:
        loc = [str(p) for p in err.get("loc", []) if p not in ("body", "query", "path", "payload", "form")]
        field = ".".join(loc) or "body"
        errors[field] = f"{field}：{FIELD_NAMES_ZH.get(err.get('type'), '格式不正确')}"
    if not errors:
        errors["body"] = "请求格式不正确"
    field = next(iter(errors))
    return api.create_response(
        request, {"detail": "；".join(errors.values()), "field": field, "errors": errors}, status=422
    )


@api.exception_handler(AuthenticationError)
def auth_error(request, exc):
    return api.create_response(request, {"detail": "未登录或令牌无效", "field": None}, status=401)


HTTP_ERRORS_ZH = {
    "Cannot parse request body": ("请求体不是合法的JSON", "body"),
    "Forbidden": ("无权访问", None),
    "Unauthorized": ("未登录或令牌无效", None),
}


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    message = str(exc)
    for english, (chinese, field) in HTTP_ERRORS_ZH.items():
        if message.startswith(english):
            return api.create_response(request, {"detail": chinese, "field": field}, status=exc.status_code)
    return api.create_response(request, {"detail": message, "field": None}, status=exc.status_code)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "记录不存在", "field": None}, status=404)


for name, module in contributions("api"):
    api.add_router(f"/{name}/", module.router)
