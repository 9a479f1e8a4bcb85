from django.apps import AppConfig


class ReconsiderationConfig(AppConfig):
    name = "yifa.reconsideration"
    label = "reconsideration"
    verbose_name = "行政复议"
