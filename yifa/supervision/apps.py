from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "yifa.supervision"
    label = "supervision"
    verbose_name = "执法监督与问责"
