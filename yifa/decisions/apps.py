from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "yifa.decisions"
    label = "decisions"
    verbose_name = "重大行政决策"
