"""Migration 0005 marks existing organisations' applications from the encrypted number, a batch at a time:
memory and each statement bounded by the batch, not by the table."""

import datetime as dt
import importlib
from types import SimpleNamespace

from django.apps import apps
from django.db import connection

from yifa.core.endpoints import SqlLog
from yifa.licensing.models import Application

D = dt.date
MIGRATION = importlib.import_module("yifa.licensing.migrations.0005_applicant_is_organisation")


def test_organisations_are_marked_in_batches_and_people_are_not(cast, receive, monkeypatch):
    companies = [receive(D(2025, 11, 3)) for _ in range(3)]
    people = [receive(D(2025, 11, 3), applicant_name="张三", applicant_id_number="11010519491231002X")
              for _ in range(2)]  # fmt: skip
    Application.objects.update(applicant_is_organisation=False)  # as before the column existed
    monkeypatch.setattr(MIGRATION, "BATCH", 2)
    with SqlLog() as log:  # the function reads only the editor's connection
        MIGRATION.mark_organisations(apps, SimpleNamespace(connection=connection))
    marked = set(Application.objects.filter(applicant_is_organisation=True).values_list("pk", flat=True))
    assert marked == {a.pk for a in companies} and not marked & {p.pk for p in people}
    selects = [q for q in log if q.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 4  # three batches of at most two rows, and the empty read that ends it
    assert all("LIMIT" in q.upper() for q in selects)
