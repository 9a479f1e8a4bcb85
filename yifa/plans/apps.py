from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "yifa.plans"
    label = "plans"
    verbose_name = "年度计划与督办"
