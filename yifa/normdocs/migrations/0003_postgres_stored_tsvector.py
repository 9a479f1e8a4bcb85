"""PostgreSQL: keep the tsvector stored, so phrase (<->) matches are rechecked from the column
instead of re-parsing every candidate's text."""
from django.db import migrations

FORWARD = [
    "DROP INDEX IF EXISTS normdocs_grams_gin",
    "ALTER TABLE normdocs_searchgrams ADD COLUMN tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', grams)) STORED",
    # uncompressed: the phrase recheck reads each candidate's tsvector; decompressing them cost more than I/O
    "ALTER TABLE normdocs_searchgrams ALTER COLUMN tsv SET STORAGE EXTERNAL",
    "UPDATE normdocs_searchgrams SET grams = grams",
    "CREATE INDEX normdocs_tsv_gin ON normdocs_searchgrams USING gin (tsv)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS normdocs_tsv_gin",
    "ALTER TABLE normdocs_searchgrams DROP COLUMN IF EXISTS tsv",
    "CREATE INDEX normdocs_grams_gin ON normdocs_searchgrams USING gin (to_tsvector('simple', grams))",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    dependencies = [("normdocs", "0002_screen_rules_and_search")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
