"""yifa demo: load the fictional city 江临市 and print the logins."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from yifa.core.demo import DEMO_PASSWORD, LOGINS, build_city
from yifa.core.models import Unit, User
from yifa.core.registry import contributions
from yifa.core.second_factor import second_factor_required


class Command(BaseCommand):
    help = "载入演示城市（江临市）并打印演示账号"

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="已有数据时跳过而不报错")

    def handle(self, *args, **opts):
        if Unit.objects.exists():
            if opts["if_empty"]:
                self.stdout.write("数据库已有数据，跳过演示数据载入。")
                self._print_logins()
                return
            raise CommandError("数据库已有单位数据；演示数据只能载入空库（可删除 var/yifa.sqlite3 后重试）")
        # The demo's notices land in the inbox; printing each e-mail would bury the logins.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"), transaction.atomic():
            cast = build_city()
            for name, module in contributions("demo"):
                if name != "core" and hasattr(module, "load"):
                    module.load(cast)
                    self.stdout.write(f"  已载入{name}演示数据")
        self.stdout.write("演示城市“江临市”已载入。")
        self._print_logins()

    def _print_logins(self):
        self.stdout.write(f"演示账号（密码均为 {DEMO_PASSWORD}）：")
        for username, label in LOGINS:
            self.stdout.write(f"  {username:<18} {label}")
        people = User.objects.in_bulk([name for name, _ in LOGINS], field_name="username")
        required = "、".join(name for name, _ in LOGINS if name in people and second_factor_required(people[name]))
        self.stdout.write(
            f"动态口令：{required} 登录后须先用手机验证器扫码绑定；make run 以 YIFA_DEBUG=1 YIFA_TOTP_REQUIRED=0 "
            "运行演示，无需绑定（仅供演示，yifa check --deploy 拒绝这两项设置）。"
        )
        self.stdout.write("工作台：http://127.0.0.1:8000/staff/   公众门户：http://127.0.0.1:8000/")
