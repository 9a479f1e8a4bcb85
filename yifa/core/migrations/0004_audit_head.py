"""The audit chain's head row exists from the start, so two first events never race to create it."""
from django.db import migrations


def create_head(apps, schema_editor):
    apps.get_model("core", "AuditHead").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("core", "0003_calendar_day_changed_at")]
    operations = [migrations.RunPython(create_head, migrations.RunPython.noop)]
