from django.db import models
from django.urls import reverse


class Versioned(models.Model):
    """Optimistic locking: every write names the version it read
    (see ``yifa.core.concurrency.save_versioned``)."""

    version = models.PositiveIntegerField("版本", default=1)

    class Meta:
        abstract = True


class Record(Versioned):
    """A versioned record with its own staff page: ``<app label>:<url_name>`` taking the record's pk."""

    url_name = ""

    class Meta:
        abstract = True

    def get_absolute_url(self):
        return reverse(f"{self._meta.app_label}:{self.url_name}", args=[self.pk])
