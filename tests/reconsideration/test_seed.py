import pytest

from yifa.reconsideration.models import Case
from yifa.reconsideration.seed import seed

pytestmark = pytest.mark.django_db


def test_seed_adds_cases_with_decision_clocks_for_the_benchmarks(cast):
    counts = seed(scale=200, progress=lambda *a: None)
    assert counts["cases"] == 20 and Case.objects.count() == 20
    assert counts["deadlines"] == Case.objects.filter(state="accepted").count()
