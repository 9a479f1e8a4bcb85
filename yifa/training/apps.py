from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class TrainingConfig(AppConfig):
    name = "yifa.training"
    label = "training"
    verbose_name = "培训与学法"

    def ready(self):
        from .models import Attendance
        from .year_hours import attendance_written

        for signal in (post_save, post_delete):
            signal.connect(attendance_written, sender=Attendance, dispatch_uid=f"year-hours-{signal is post_save}")
