from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "yifa.core"
    label = "core"
    verbose_name = "基础平台"

    def ready(self):
        from . import calendar, checks, logins, public_forms, registry, signals  # noqa: F401

        registry.autodiscover()
