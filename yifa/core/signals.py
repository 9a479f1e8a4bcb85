from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .calendar import forget_calendar
from .closed_counts import count_closing
from .models import CalendarDay, CalendarYear, Deadline

for model in (CalendarDay, CalendarYear):
    post_save.connect(forget_calendar, sender=model, dispatch_uid=f"forget-{model.__name__}-save")
    post_delete.connect(forget_calendar, sender=model, dispatch_uid=f"forget-{model.__name__}-del")


def _uncount_deleted_clock(sender, instance, **_):
    """A closed clock deleted (with its record, or its content type) leaves the closed-clock counts too."""
    count_closing(instance, sign=-1)


post_delete.connect(_uncount_deleted_clock, sender=Deadline, dispatch_uid="uncount-deleted-clock")

__all__ = ["receiver"]
