from django.apps import AppConfig


class NormdocsConfig(AppConfig):
    name = "yifa.normdocs"
    label = "normdocs"
    verbose_name = "行政规范性文件"
