from django.apps import AppConfig


class LicensingConfig(AppConfig):
    name = "yifa.licensing"
    label = "licensing"
    verbose_name = "行政许可"
