"""The demo city's decisions load through the services and show on the portal and in the workspace."""

from yifa.decisions import demo
from yifa.decisions.models import Decision, DecisionState


def test_demo_decisions_load_and_show(cast, client, login):
    demo.load(cast)
    states = set(Decision.objects.values_list("state", flat=True))
    assert {DecisionState.DRAFTING, DecisionState.PUBLISHED, DecisionState.REVIEWING} <= states
    portal = client.get("/decisions/").content.decode()
    assert "中心城区停车收费标准调整" in portal and "江临市养老服务补贴办法" in portal and "听证" in portal
    assert "提交集体讨论" not in login(cast["reviewer"]).get("/staff/").content.decode()
    assert "社区养老服务设施布局规划" in login(cast["reviewer"]).get("/staff/").content.decode()


def test_seed_adds_decisions_and_comments(cast):
    from yifa.decisions.seed import seed

    counts = seed(scale=100, progress=lambda *a: None)
    assert counts == {"decisions": 5, "comments": 100}
    assert Decision.objects.count() == 5
