from django.db import migrations

from yifa.supervision.rubrics import load


def forwards(apps, schema_editor):
    load(apps.get_model("supervision", "Rubric"), apps.get_model("supervision", "RubricItem"))


class Migration(migrations.Migration):
    dependencies = [("supervision", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
