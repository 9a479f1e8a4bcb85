"""Search: each document's single characters join its index line (search.grams_of), so a one-character
query is answered from the index. Re-index the documents already stored."""

from django.db import migrations

BATCH = 1000


def reindex(apps, schema_editor):
    from yifa.normdocs.search import grams_of

    Document = apps.get_model("normdocs", "Document")
    SearchGrams = apps.get_model("normdocs", "SearchGrams")
    last = 0
    while True:
        docs = list(
            Document.objects.filter(pk__gt=last)
            .select_related("unit")
            .prefetch_related("joint_issuers")
            .order_by("pk")[:BATCH]
        )
        if not docs:
            return
        for d in docs:
            joint = " ".join(u.name for u in d.joint_issuers.all())
            SearchGrams.objects.update_or_create(
                document=d, defaults={"grams": grams_of(d.title, d.number, d.unit.name, joint, d.full_text)}
            )
        last = docs[-1].pk


class Migration(migrations.Migration):
    dependencies = [("normdocs", "0005_screening_marks_and_catalogue")]
    operations = [migrations.RunPython(reindex, migrations.RunPython.noop)]
