"""``yifa check --deploy``: production must bring its own keys."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def production_keys(app_configs, **kwargs):
    problems = []
    if getattr(settings, "DEV_SECRET_KEY", None) == settings.SECRET_KEY:
        problems.append(
            Error(
                "YIFA_SECRET_KEY 未设置：生产环境不能使用开发用的默认密钥",
                hint="设置至少50位的随机字符串",
                id="yifa.E001",
            )
        )
    if not settings.FIELD_ENCRYPTION_KEY:
        problems.append(
            Error(
                "YIFA_FIELD_KEY 未设置：身份证号、电话将用由 SECRET_KEY 派生的密钥加密，更换 SECRET_KEY 后将无法解密",
                hint="设置独立的随机密钥并妥善备份",
                id="yifa.E002",
            )
        )
    return problems
