"""The public sees the 述法 reports the legal office published, and nothing of a draft or a submitted one;
a report holding personal data can be neither submitted nor published."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from yifa.assessment import services
from yifa.assessment.flows import REPORTS
from yifa.assessment.models import ReportKind, ReportState
from yifa.core.errors import GateBlocked
from yifa.core.procedure import fire


@pytest.fixture
def submitted(cast):
    report = services.report_draft(by=cast["minzheng_head"], unit=cast["民政局"], year=2025, kind=ReportKind.SHUFA)
    return fire(REPORTS, report, "submit", by=cast["minzheng_head"], expected_version=report.version)


def test_a_published_shufa_report_is_on_the_portal(cast, submitted):
    public = Client()
    assert submitted.title not in public.get(reverse("portal_assessment:shufa_list")).content.decode()
    assert public.get(reverse("portal_assessment:shufa", args=[submitted.pk])).status_code == 404

    fire(REPORTS, submitted, "publish", by=cast["reviewer"], expected_version=submitted.version, on=dt.date(2026, 2, 3))
    listing = public.get(reverse("portal_assessment:shufa_list")).content.decode()
    assert submitted.title in listing and "2026-02-03" in listing
    page = public.get(reverse("portal_assessment:shufa", args=[submitted.pk])).content.decode()
    assert "一、履行第一责任人职责的基本情况" in page
    assert submitted.title in public.get("/").content.decode()  # the portal's home lists it
    assert submitted.title in public.get("/search/?q=述法").content.decode()


def test_a_report_with_a_phone_or_id_number_is_not_submitted(cast):
    report = services.report_draft(by=cast["minzheng_head"], unit=cast["民政局"], year=2025, kind=ReportKind.SHUFA)
    report = fire(
        REPORTS,
        report,
        "edit",
        by=cast["minzheng_head"],
        expected_version=report.version,
        title=report.title,
        body=report.body + "\n联系人电话13912345678",
    )
    with pytest.raises(GateBlocked) as refused:
        fire(REPORTS, report, "submit", by=cast["minzheng_head"], expected_version=report.version)
    assert "含有个人信息" in str(refused.value.unmet) and "13912345678" not in str(refused.value.unmet)
    report.refresh_from_db()
    assert report.state == ReportState.DRAFT


def test_only_the_legal_office_publishes(cast, submitted, login):
    url = reverse("assessment:report_act", args=[submitted.pk, "publish"])
    response = login(cast["minzheng_head"]).post(url, {"publish-version": submitted.version})
    assert response.status_code == 403
    submitted.refresh_from_db()
    assert submitted.state == ReportState.SUBMITTED
