"""Seed the working-day calendar 2004–2026 from the State Council schedules
shipped in the ``chinesecalendar`` package. Later years are entered by administrators."""
from django.db import migrations

FIRST_YEAR, LAST_YEAR = 2004, 2026


def seed(apps, schema_editor):
    from yifa.lib.workdays import calendar_from_package

    CalendarDay = apps.get_model("core", "CalendarDay")
    CalendarYear = apps.get_model("core", "CalendarYear")
    cal = calendar_from_package(FIRST_YEAR, LAST_YEAR)
    rows = [CalendarDay(date=d, kind="holiday", name=n) for d, n in cal.holidays.items()]
    rows += [CalendarDay(date=d, kind="makeup", name=n) for d, n in cal.makeup_days.items()]
    CalendarDay.objects.bulk_create(rows, ignore_conflicts=True)
    CalendarYear.objects.bulk_create(
        [CalendarYear(year=y, source="国务院办公厅节假日安排（chinesecalendar 数据）")
         for y in range(FIRST_YEAR, LAST_YEAR + 1)],
        ignore_conflicts=True,
    )


def unseed(apps, schema_editor):
    apps.get_model("core", "CalendarDay").objects.all().delete()
    apps.get_model("core", "CalendarYear").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
