from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE normdocs_fts USING fts5(grams, content='normdocs_searchgrams', "
    "content_rowid='document_id', tokenize='unicode61')",
    "CREATE TRIGGER normdocs_fts_ai AFTER INSERT ON normdocs_searchgrams BEGIN "
    "INSERT INTO normdocs_fts(rowid, grams) VALUES (new.document_id, new.grams); END",
    "CREATE TRIGGER normdocs_fts_ad AFTER DELETE ON normdocs_searchgrams BEGIN "
    "INSERT INTO normdocs_fts(normdocs_fts, rowid, grams) VALUES ('delete', old.document_id, old.grams); END",
    "CREATE TRIGGER normdocs_fts_au AFTER UPDATE ON normdocs_searchgrams BEGIN "
    "INSERT INTO normdocs_fts(normdocs_fts, rowid, grams) VALUES ('delete', old.document_id, old.grams); "
    "INSERT INTO normdocs_fts(rowid, grams) VALUES (new.document_id, new.grams); END",
]
SQLITE_DROP = ["DROP TRIGGER IF EXISTS normdocs_fts_ai", "DROP TRIGGER IF EXISTS normdocs_fts_ad",
               "DROP TRIGGER IF EXISTS normdocs_fts_au", "DROP TABLE IF EXISTS normdocs_fts"]
POSTGRES = ["CREATE INDEX normdocs_grams_gin ON normdocs_searchgrams "
            "USING gin (to_tsvector('simple', grams))"]
POSTGRES_DROP = ["DROP INDEX IF EXISTS normdocs_grams_gin"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    dependencies = [("normdocs", "0001_initial")]

    operations = [
        migrations.RunPython(_run({"sqlite": SQLITE, "postgresql": POSTGRES}),
                             _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP})),
    ]
