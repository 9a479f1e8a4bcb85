import pytest

from yifa.plans import seed
from yifa.plans.models import AnnualReport, InfoItem, PlanTask

pytestmark = pytest.mark.django_db


def test_seed_adds_bulk_reports_tasks_and_information(cast):
    counts = seed.seed(scale=50, progress=lambda *a, **k: None)
    assert counts == {
        "reports": AnnualReport.objects.count(),
        "tasks": PlanTask.objects.count(),
        "info": InfoItem.objects.count(),
    }
    assert counts["info"] == 50 and counts["tasks"] == 5
