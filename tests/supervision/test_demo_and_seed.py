"""The demo city and ``yifa seed`` hold an open case with an expired certificate, and the warning rule finds it."""

import datetime as dt

from yifa.core.registry import contributions
from yifa.core.seed import Progress, seed
from yifa.core.sweep import run_daily
from yifa.supervision.models import Accountability, Alert, Campaign, Notice


def load_demo(cast):
    for name, module in contributions("demo"):
        if name != "core" and hasattr(module, "load"):
            module.load(cast)


def test_the_demo_city_has_a_warning_for_an_expired_certificate_on_an_open_case(cast):
    load_demo(cast)
    alert = Alert.objects.get(kind="certificate")
    assert "冯证过期" in alert.title and alert.state == "open" and alert.unit == cast["市场监管局"]
    campaign = Campaign.objects.get()
    assert campaign.seed == 20261201 and campaign.files.filter(passed=False, vetoed=True).count() == 1
    assert Notice.objects.filter(source="review").exists()
    assert Accountability.objects.filter(investigators=cast["reviewer"]).exists()


def test_seeded_data_has_one_and_the_sweep_finds_it(db):
    today = dt.date.today()
    seed(scale=50, today=today, progress=Progress(quiet=True))
    run_daily(today)
    assert Alert.objects.filter(kind="certificate", title__contains="冯证过期", state="open").exists()
