import json
from io import StringIO

from django.core.management import call_command

from yifa.core.models import Deadline
from yifa.licensing import demo, seed
from yifa.licensing.models import Application, Certificate, Item


def test_demo_city_has_items_and_applications_at_each_stage(cast):
    demo.load(cast)
    assert Item.objects.filter(state="published").count() == 2
    states = set(Application.objects.values_list("state", flat=True))
    assert {"received", "accepted", "issued"} <= states
    assert Deadline.objects.filter(rule_id="licensing.decision", status="paused").count() == 1
    assert Certificate.objects.filter(reminded_on__isnull=False).count() == 1


def test_seed_adds_applications_and_certificates(cast):
    demo.load(cast)
    counts = seed.seed(scale=100, progress=lambda *a: None)
    assert counts["applications"] == 20
    assert Application.objects.filter(number__startswith="S").count() == 20
    assert Certificate.objects.filter(number__startswith="SJY").count() == counts["certificates"]


def test_rules_json_lists_every_licensing_period_with_its_article(db):
    out = StringIO()
    call_command("rules", "--json", stdout=out)
    periods = {r["id"]: r for r in json.loads(out.getvalue()) if r["id"].startswith("licensing.") and r["days"]}
    assert {k: (v["days"], v["unit"], v["extension_days"], v["article"]) for k, v in periods.items()} == {
        "licensing.correction_notice": (5, "workday", None, "第三十二条第一款第（四）项"),
        "licensing.decision": (20, "workday", 10, "第四十二条第一款"),
        "licensing.joint_decision": (45, "workday", 15, "第四十二条第二款"),
        "licensing.preliminary_review": (20, "workday", None, "第四十三条"),
        "licensing.certificate": (10, "workday", None, "第四十四条"),
        "licensing.hearing_request": (5, "calendar", None, "第四十七条第一款"),
        "licensing.hearing_organise": (20, "workday", None, "第四十七条第一款"),
        "licensing.hearing_notice": (7, "workday", None, "第四十八条第一款第（一）项"),
        "licensing.renewal_application": (30, "calendar", None, "第五十条第一款"),
    }
    assert all(v["law"] == "中华人民共和国行政许可法" for v in periods.values())
