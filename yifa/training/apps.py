from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "yifa.training"
    label = "training"
    verbose_name = "培训与学法"
