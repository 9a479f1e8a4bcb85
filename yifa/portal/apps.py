from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "yifa.portal"
    label = "portal"
    verbose_name = "公众门户"
