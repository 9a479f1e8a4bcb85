"""PostgreSQL: substring search of a case's number or party name (queries.case_search) through GIN trigram
indexes, so the staff list does not read the whole table. pg_trgm is a trusted extension (PostgreSQL 13+): the
database owner may create it. CJK characters make trigrams only under a UTF-8 ctype (C.UTF-8, zh_CN.UTF-8);
under a plain C ctype the index would not serve Chinese names. SQLite keeps the plain LIKE."""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS case_number_trgm ON enforcement_case USING gin (number gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS case_party_trgm ON enforcement_case USING gin (party_name gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS case_party_trgm",
    "DROP INDEX IF EXISTS case_number_trgm",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("enforcement", "0007_case_search_btree")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
