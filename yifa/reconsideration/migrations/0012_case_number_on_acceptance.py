"""案号 given on acceptance: the old number becomes the 案号 (documents already carry it) and also the
收件编号 of cases numbered on receipt; numbering series per kind (案号, 收件编号, 不予受理决定书文号)."""

from django.db import migrations, models
from django.db.models import F


def receipt_numbers_from_case_numbers(apps, schema_editor):
    apps.get_model("reconsideration", "Case").objects.update(receipt_number=F("case_number"))


class Migration(migrations.Migration):
    dependencies = [
        ("reconsideration", "0011_online_intake"),
    ]

    operations = [
        migrations.RenameField(model_name="case", old_name="number", new_name="case_number"),
        migrations.AlterField(
            model_name="case",
            name="case_number",
            field=models.CharField(blank=True, max_length=60, null=True, unique=True, verbose_name="案号"),
        ),
        migrations.AddField(
            model_name="case",
            name="receipt_number",
            field=models.CharField(max_length=60, null=True, verbose_name="收件编号"),
        ),
        migrations.RunPython(receipt_numbers_from_case_numbers, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="case",
            name="receipt_number",
            field=models.CharField(max_length=60, unique=True, verbose_name="收件编号"),
        ),
        migrations.AddField(
            model_name="case",
            name="not_accepted_number",
            field=models.CharField(blank=True, max_length=60, verbose_name="不予受理决定书文号"),
        ),
        migrations.AddField(
            model_name="numbering",
            name="kind",
            field=models.CharField(
                choices=[
                    ("case", "案号（受理时编号）"),
                    ("receipt", "收件编号（收到申请时编号，申请人凭其和查询码查询）"),
                    ("not_accepted", "不予受理决定书文号（作出决定时编号）"),
                ],
                default="case",
                max_length=20,
                verbose_name="编号种类",
            ),
        ),
        migrations.AlterField(
            model_name="numbering",
            name="year",
            field=models.PositiveIntegerField(verbose_name="年度"),
        ),
        migrations.AlterField(
            model_name="numbering",
            name="pattern",
            field=models.CharField(default="〔{year}〕江临复字第{seq}号", max_length=60, verbose_name="编号格式"),
        ),
        migrations.AddConstraint(
            model_name="numbering",
            constraint=models.UniqueConstraint(fields=("kind", "year"), name="reconsideration_numbering_kind_year"),
        ),
        migrations.AlterModelOptions(name="numbering", options={"verbose_name": "编号规则", "verbose_name_plural": "编号规则"}),
    ]
