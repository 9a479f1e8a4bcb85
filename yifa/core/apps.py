from django import forms
from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "yifa.core"
    label = "core"
    verbose_name = "基础平台"

    def ready(self):
        from . import calendar, checks, logins, public_forms, registry, signals  # noqa: F401

        registry.autodiscover()
        # django-simple-captcha's own translation would replace Django's "这个字段是必填项。" everywhere.
        forms.Field.default_error_messages["required"] = "这个字段是必填项。"
