from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .calendar import forget_calendar
from .models import CalendarDay, CalendarYear

for model in (CalendarDay, CalendarYear):
    post_save.connect(forget_calendar, sender=model, dispatch_uid=f"forget-{model.__name__}-save")
    post_delete.connect(forget_calendar, sender=model, dispatch_uid=f"forget-{model.__name__}-del")

__all__ = ["receiver"]
