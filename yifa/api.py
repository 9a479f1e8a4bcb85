"""The REST API at /api/ (OpenAPI at /api/docs). Each app adds ``router`` in its ``api.py``."""

import datetime as dt

from django.http import Http404
from django.utils import timezone
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.renderers import JSONRenderer
from ninja.security import HttpBearer
from ninja.security.session import SessionAuth

from yifa.core.errors import AccessDenied, YifaError
from yifa.core.logins import address_locked, lockout_message, token_failed
from yifa.core.middleware import gate_problem
from yifa.core.models import ApiToken
from yifa.core.registry import contributions

# How precisely a token's last use is kept: a system polling every second must not write every second.
TOKEN_USE_RESOLUTION = dt.timedelta(minutes=1)


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
        now = timezone.now()
        if record.last_used_at is None or now - record.last_used_at >= TOKEN_USE_RESOLUTION:
            ApiToken.objects.filter(pk=record.pk).update(last_used_at=now)
        request.user = record.user
        return record.user


class GatedSession(SessionAuth):
    """The browser session, but not before the person has changed an initial password and entered
    (or enrolled) a required second factor: the same gate as the workspace pages."""

    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        if user is not None and (problem := gate_problem(user)):
            raise AccessDenied(problem)
        return user


class ChineseJSONRenderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}


ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "required": ["detail", "field"],
    "properties": {
        "detail": {"type": "string", "description": "中文说明"},
        "field": {"anyOf": [{"type": "string"}, {"type": "null"}], "description": "出错的字段"},
        "errors": {"type": "object", "additionalProperties": {"type": "string"}, "description": "各字段的错误"},
        "unmet": {"type": "array", "items": {"type": "string"}, "description": "尚不具备的条件"},
    },
}
ERRORS = {
    400: "输入不符合规则，或含有不允许的控制字符",
    401: "未登录，或令牌无效、已过期、已吊销",
    403: "无权访问该记录或办理该事项；或会话须先修改初始密码、绑定动态口令",
    404: "记录不存在",
    409: "记录已被他人修改（版本不符），或办理条件尚不具备",
    422: "参数格式不正确（指明字段）",
    429: "登录失败次数过多，本地址已被锁定；或公众提交、查询过于频繁",
}
WRITES = {"post", "put", "patch", "delete"}


def error_codes(method: str, operation: dict) -> list[int]:
    """The errors an operation can answer with, from what it takes: every request may be refused as bad
    input; a login can fail, be refused or locked out; a record named by the path, by a lookup's query
    (anything but a paged list) or by a write's body may not exist; a write may find the record changed
    or its conditions unmet; any input may be malformed."""
    if "x-errors" in operation:  # an endpoint that knows better says so: openapi_extra={"x-errors": [...]}
        return operation.pop("x-errors")
    codes = [400]
    if operation.get("security"):
        codes += [401, 403, 429]
    parameters = operation.get("parameters", [])
    names_a_record = any(p.get("in") == "path" for p in parameters) or (
        any(p.get("in") == "query" for p in parameters) and not any(p.get("name") == "page" for p in parameters)
    )
    if names_a_record or (method in WRITES and "requestBody" in operation):
        codes.append(404)
    if method in WRITES:
        codes.append(409)
    if parameters or "requestBody" in operation:
        codes.append(422)
    return codes


class YifaAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        schema["components"].setdefault("schemas", {})["Error"] = ERROR_SCHEMA
        error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        for operations in schema["paths"].values():
            for method, operation in operations.items():
                for code in error_codes(method, operation):
                    operation["responses"].setdefault(code, {"description": ERRORS[code], "content": error})
        return schema


api = YifaAPI(
    renderer=ChineseJSONRenderer(),
    title="依法 yifa API",
    version="1",
    description="依法行政工作平台接口。认证：请求头 Authorization: Bearer <令牌>，或已登录的浏览器会话。",
    auth=[BearerToken(), GatedSession()],
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
