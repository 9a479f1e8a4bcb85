"""Catalogues and decision rules get a state, so the kit's flows can run them; a catalogue already
published is in the state “已公布”."""

from django.db import migrations, models


def published_catalogues(apps, schema_editor):
    Catalogue = apps.get_model("decisions", "Catalogue")
    Catalogue.objects.filter(published_on__isnull=False).update(state="published")


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0003_party_report_and_exploratory_reform"),
    ]

    operations = [
        migrations.AddField(
            model_name="catalogue",
            name="state",
            field=models.CharField(
                choices=[("drafting", "编制中"), ("published", "已公布")],
                default="drafting",
                max_length=12,
                verbose_name="状态",
            ),
        ),
        migrations.AddField(
            model_name="decisionrules",
            name="state",
            field=models.CharField(
                choices=[("recorded", "已登记")], default="recorded", max_length=10, verbose_name="状态"
            ),
        ),
        migrations.RunPython(published_catalogues, migrations.RunPython.noop),
    ]
