from django.utils import timezone

from yifa.assessment import demo, queries, seed
from yifa.assessment.models import Fact, LeaderReport, ReportKind


def test_demo_drafts_the_civil_affairs_shufa_report(cast):
    demo.load(cast)
    report = LeaderReport.objects.get(kind=ReportKind.SHUFA)
    assert report.unit == cast["民政局"] and report.year == timezone.localdate().year
    assert "一、履行第一责任人职责的基本情况" in report.body


def test_seeded_facts_reach_the_cockpit(cast):
    counts = seed.seed(scale=500, progress=lambda *_: None)
    assert Fact.objects.count() == counts["facts"] == 50
    year = Fact.objects.order_by("-year").first().year
    rows = queries.scores(cast["mayor"], year=year, as_of=timezone.localdate())
    assert sum(line.tally.total for r in rows for line in r.lines[:2]) == Fact.objects.filter(year=year).count()
