"""Child rows written by the case flow's acts, inside the act's transaction."""

from __future__ import annotations

from yifa.core.uploads import store_upload

from .models import CaseOfficer, CaseRecord, CertificateReview


def assign_officers(case, *, certificates, **_) -> None:
    case.officers.all().delete()
    CaseOfficer.objects.bulk_create(
        CaseOfficer(case=case, certificate=cert, lead=(n == 0)) for n, cert in enumerate(certificates)
    )


def set_certificates(record, *, certificates=(), **_) -> None:
    """The officers of a coercive measure or an inspection (a many-to-many of certificates)."""
    record.certificates.set(certificates)


def stored(upload, *, by, subject, purpose):
    """The act's upload (name, bytes) kept as an attachment of ``subject``, or None when there is none."""
    if not upload:
        return None
    name, content = upload
    return store_upload(content=content, name=name, by=by, subject=subject, purpose=purpose)


def upload_into(field: str, name: str, purpose: str):
    """An ``after`` that keeps the act's upload ``name`` in the record's attachment ``field``."""

    def after(record, *, by, **inputs) -> None:
        setattr(record, field, stored(inputs.get(name), by=by, subject=record, purpose=purpose))
        record.save(update_fields=[field])

    return after


def add_record(case, *, stage, kind, title, reference="", upload=None, by, on, **_) -> None:
    attachment = stored(upload, by=by, subject=case, purpose=f"record:{stage}")
    CaseRecord.objects.create(
        case=case,
        stage=stage,
        kind=kind,
        title=title.strip(),
        reference=(reference or "").strip(),
        attachment=attachment,
        recorded_on=on,
    )


def review_result(cert, *, passed=False, on, **_) -> None:
    """A passed 年审 moves the next due date; a failed one leaves it, so the certificate stays overdue."""
    if passed:
        cert.last_reviewed_on = on


def add_review(cert, *, passed=False, opinion="", by, on, **_) -> None:
    CertificateReview.objects.create(
        certificate=cert, reviewed_on=on, passed=bool(passed), opinion=(opinion or "").strip(), reviewer=by
    )
