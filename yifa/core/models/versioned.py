from django.db import models


class Versioned(models.Model):
    """Optimistic locking: every write names the version it read
    (see ``yifa.core.concurrency.save_versioned``)."""

    version = models.PositiveIntegerField("版本", default=1)

    class Meta:
        abstract = True
