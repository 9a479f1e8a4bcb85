"""Child rows written by the case flow's acts, inside the act's transaction."""

from __future__ import annotations

from yifa.core.uploads import store_upload

from .models import CaseOfficer, CaseRecord


def assign_officers(case, *, certificates, **_) -> None:
    case.officers.all().delete()
    CaseOfficer.objects.bulk_create(
        CaseOfficer(case=case, certificate=cert, lead=(n == 0)) for n, cert in enumerate(certificates)
    )


def add_record(case, *, stage, kind, title, reference="", upload=None, by, on, **_) -> None:
    attachment = None
    if upload:
        name, content = upload
        attachment = store_upload(content=content, name=name, by=by, subject=case, purpose=f"record:{stage}")
    CaseRecord.objects.create(
        case=case,
        stage=stage,
        kind=kind,
        title=title.strip(),
        reference=(reference or "").strip(),
        attachment=attachment,
        recorded_on=on,
    )
