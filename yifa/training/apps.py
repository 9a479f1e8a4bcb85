from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class TrainingConfig(AppConfig):
    name = "yifa.training"
    label = "training"
    verbose_name = "培训与学法"

    def ready(self):
        from .models import Attendance
        from .year_hours import attendance_written

        post_save.connect(attendance_written, sender=Attendance, dispatch_uid="year-hours-on-save")
        post_delete.connect(attendance_written, sender=Attendance, dispatch_uid="year-hours-on-delete")
