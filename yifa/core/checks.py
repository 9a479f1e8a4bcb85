"""``yifa check --deploy``: production must bring its own keys, run without DEBUG and require TOTP.
Each finding is an error, so a deployment script that runs the check stops."""

from django.conf import settings
from django.core.checks import Error, Tags, register

MIN_KEY_LENGTH = 32
PLACEHOLDERS = ("change-me", "changeme", "change_me", "placeholder", "example", "your-", "dev-only", "insecure")


def weak_key(value: str) -> str:
    """Why a key is unfit for production, or "" if it will do."""
    if not value:
        return "未设置"
    lowered = value.lower()
    if any(word in lowered for word in PLACEHOLDERS):
        return "仍是样例中的占位值或开发用的默认值"
    if len(value) < MIN_KEY_LENGTH:
        return f"只有{len(value)}个字符，至少需要{MIN_KEY_LENGTH}个"
    if len(set(value)) < 10:
        return "字符过于单一，不是随机生成的"
    return ""


def _key_problem(value: str, dev_default: str | None) -> str:
    return "未设置" if value == dev_default else weak_key(value)


GENERATE = "用 python3 -c 'import secrets; print(secrets.token_urlsafe(50))' 生成"


@register(Tags.security, deploy=True)
def production_keys(app_configs, **kwargs):
    problems = []
    secret = _key_problem(settings.SECRET_KEY, getattr(settings, "DEV_SECRET_KEY", None))
    if secret:
        problems.append(
            Error(f"YIFA_SECRET_KEY {secret}：生产环境不能使用开发用或样例中的密钥", hint=GENERATE, id="yifa.E001")
        )
    if not settings.FIELD_ENCRYPTION_KEY:
        problems.append(
            Error(
                "YIFA_FIELD_KEY 未设置：身份证号、电话将用由 SECRET_KEY 派生的密钥加密，更换 SECRET_KEY 后将无法解密",
                hint="设置独立的随机密钥并妥善备份；" + GENERATE,
                id="yifa.E002",
            )
        )
    elif problem := weak_key(settings.FIELD_ENCRYPTION_KEY):
        problems.append(
            Error(
                f"YIFA_FIELD_KEY {problem}：身份证号、电话的加密密钥必须是随机生成的",
                hint=GENERATE + "，并与数据库备份分开保管",
                id="yifa.E003",
            )
        )
    audit_key = getattr(settings, "AUDIT_KEY", "")
    problem = _key_problem(audit_key, getattr(settings, "DEV_AUDIT_KEY", None))
    if problem:
        problems.append(
            Error(
                f"YIFA_AUDIT_KEY {problem}：审计链的HMAC密钥必须只在环境中、不在数据库中，否则篡改者可以重算整条链",
                hint=GENERATE + "；设置后在首次 yifa migrate 之前保存好，不可更换",
                id="yifa.E004",
            )
        )
    return problems


@register(Tags.security, deploy=True)
def production_mode(app_configs, **kwargs):
    problems = []
    if settings.DEBUG:
        problems.append(
            Error(
                "DEBUG 已打开：出错时会把源代码、路径和设置显示给任何人",
                hint="生产环境设置 YIFA_DEBUG=0（或不设置）",
                id="yifa.E005",
            )
        )
    if not getattr(settings, "TOTP_REQUIRED", True):
        problems.append(
            Error(
                "YIFA_TOTP_REQUIRED=0：法制机构、系统管理员和可查看个人信息的人员登录时不再需要动态口令",
                hint="该设置仅供演示；生产环境删除它",
                id="yifa.E006",
            )
        )
    return problems
