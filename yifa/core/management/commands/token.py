"""yifa token create USERNAME NAME [--days N] | yifa token revoke PREFIX"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from yifa.core.audit import record_event
from yifa.core.models import ApiToken, User


class Command(BaseCommand):
    help = "签发或吊销接口令牌（令牌只显示一次，库中只存摘要）"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="为某人员签发令牌")
        create.add_argument("username", help="人员登录名")
        create.add_argument("name", help="用途，例如“办公系统对接”")
        create.add_argument(
            "--days",
            default=str(settings.API_TOKEN_DAYS),
            help=f"有效天数（默认{settings.API_TOKEN_DAYS}，最多{settings.API_TOKEN_MAX_DAYS}）；到期后须重新签发",
        )
        revoke = sub.add_parser("revoke", help="吊销令牌")
        revoke.add_argument("prefix", help="令牌前8位")

    def handle(self, *args, **opts):
        if opts["action"] == "create":
            return self._create(opts["username"], opts["name"], self._days(opts["days"]))
        return self._revoke(opts["prefix"])

    def _days(self, text: str) -> int:
        top = settings.API_TOKEN_MAX_DAYS
        if not text.isdigit() or not 1 <= int(text) <= top:
            raise CommandError(f"--days 有效天数：须为1至{top}的整数，收到“{text}”")
        return int(text)

    def _create(self, username: str, name: str, days: int):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"登录名：“{username}”不存在")
        if not user.is_active:
            raise CommandError(f"登录名：“{username}”已停用，不能签发令牌")
        name = name.strip()
        if not name or len(name) > 60:
            raise CommandError("用途：必须填写，且不超过60字")
        with transaction.atomic():
            token, raw = ApiToken.issue(user=user, name=name, days=days)
            record_event(
                actor=None,
                subject=user,
                action="token.issue",
                action_label="签发接口令牌",
                unit=user.unit,
                data={"name": name, "prefix": token.prefix, "expires_at": token.expires_at},
            )
        self.stdout.write(raw)
        until = timezone.localtime(token.expires_at)
        self.stderr.write(
            f"已为{user.display_name}签发令牌“{name}”，有效期至{until:%Y-%m-%d %H:%M}（{days}天）。"
            "令牌只显示这一次，请妥善保存；请求时使用请求头 Authorization: Bearer <令牌>"
        )

    def _revoke(self, prefix: str):
        tokens = ApiToken.objects.filter(prefix=prefix, revoked=False)
        if not tokens.exists():
            raise CommandError(f"令牌前缀：“{prefix}”没有对应的有效令牌")
        with transaction.atomic():
            for token in tokens.select_related("user"):
                record_event(
                    actor=None,
                    subject=token.user,
                    action="token.revoke",
                    action_label="吊销接口令牌",
                    unit=token.user.unit,
                    data={"name": token.name, "prefix": token.prefix},
                )
            count = tokens.update(revoked=True)
        self.stdout.write(f"已吊销{count}个令牌")
