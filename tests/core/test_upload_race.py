"""Two simultaneous uploads of the same bytes keep one file: the first claims the digest in the database,
the second waits for it and points at the same file (PostgreSQL, two connections)."""

import contextlib
import threading
from pathlib import Path

import pytest
from django.core.files.storage import FileSystemStorage
from django.db import connection, connections, transaction

from yifa.core.models import Attachment
from yifa.core.uploads import store_upload

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n" + b"evidence" * 1000

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),  # keeps the seeded calendar for later tests
    pytest.mark.skipif(connection.vendor != "postgresql", reason="two connections writing at once: PostgreSQL"),
]


def test_two_simultaneous_identical_uploads_write_one_file(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    # Both uploads ask "is the file there?" before either writes: the moment a race goes wrong.
    both_asked = threading.Barrier(2, timeout=3)
    exists = FileSystemStorage.exists

    def exists_after_the_other_asked(self, name):
        answer = exists(self, name)
        with contextlib.suppress(threading.BrokenBarrierError):
            both_asked.wait()
        return answer

    monkeypatch.setattr(FileSystemStorage, "exists", exists_after_the_other_asked)
    errors = []

    def upload(name):
        try:
            with transaction.atomic():
                store_upload(content=PDF, name=name)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=upload, args=(f"证据{i}.pdf",)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    stored = [p for p in Path(tmp_path).rglob("*") if p.is_file()]
    assert len(stored) == 1 and stored[0].read_bytes() == PDF
    assert {a.file.name for a in Attachment.objects.all()} == {str(stored[0].relative_to(tmp_path))}
    assert Attachment.objects.count() == 2
