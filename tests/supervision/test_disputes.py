"""执法争议协调 (山东省行政执法监督条例第十八条): a department raises a dispute; the legal office coordinates, or
refers it to the government and records the ruling; the time limit runs on the raising unit's deadlines."""

import pytest
from django.urls import reverse

from yifa.core.clocks import clocks_of
from yifa.core.errors import AccessDenied, GateBlocked
from yifa.core.procedure import fire
from yifa.supervision import rules, services
from yifa.supervision.flows import DISPUTE_FLOW
from yifa.supervision.models import Dispute

from .conftest import D


@pytest.fixture
def dispute(cast):
    return services.dispute_submit(
        by=cast["shijian_head"],
        unit=cast["市场监管局"],
        other_units=[cast["民政局"]],
        matter="养老机构食品安全检查由哪一部门负责",
        on=D(2026, 11, 2),
    )


def test_coordination_sets_a_time_limit_on_the_units_deadlines(cast, dispute):
    with pytest.raises(GateBlocked) as refused:
        fire(DISPUTE_FLOW, dispute, "coordinate", by=cast["legal_head"], on=D(2026, 11, 9), decision="", comply_by=None)
    assert "执行期限：须晚于今天" in refused.value.unmet
    fire(
        DISPUTE_FLOW,
        dispute,
        "coordinate",
        by=cast["legal_head"],
        on=D(2026, 11, 9),
        decision="由市场监管局负责，民政局配合",
        comply_by=D(2026, 11, 30),
    )
    clock = clocks_of(dispute, rule=rules.DISPUTE).get()
    assert clock.due == D(2026, 11, 30) and clock.unit == cast["市场监管局"]
    fire(DISPUTE_FLOW, Dispute.objects.get(), "comply", by=cast["shijian_head"], on=D(2026, 11, 20))
    assert clocks_of(dispute, rule=rules.DISPUTE, open_only=False).get().status == "met"


def test_referred_to_the_government_and_its_ruling_recorded(cast, dispute):
    with pytest.raises(GateBlocked):
        fire(DISPUTE_FLOW, dispute, "refer", by=cast["legal_head"], on=D(2026, 11, 9))  # the reason is required
    dispute = fire(DISPUTE_FLOW, dispute, "refer", by=cast["legal_head"], on=D(2026, 11, 9), reason="两部门意见不一致")
    dispute = fire(
        DISPUTE_FLOW,
        dispute,
        "record_ruling",
        by=cast["legal_head"],
        on=D(2026, 11, 20),
        decision="市政府裁决：由市场监管局负责",
        comply_by=D(2026, 12, 20),
    )
    assert (dispute.state, dispute.deciding_organ) == ("settled", "government")


def test_both_parties_see_it_and_other_units_do_not(cast, login, dispute):
    url = reverse("supervision:dispute", args=[dispute.pk])
    assert login(cast["minzheng_liaison"]).get(url).status_code == 200
    assert login(cast["shijian_liaison"]).get(url).status_code == 200
    assert login(cast["town1_liaison"]).get(url).status_code == 403
    with pytest.raises(AccessDenied):  # a department cannot coordinate its own dispute
        fire(DISPUTE_FLOW, dispute, "coordinate", by=cast["shijian_head"], decision="x", comply_by=D(2027, 1, 1))


def test_a_dispute_with_itself_is_refused(cast):
    with pytest.raises(GateBlocked) as refused:
        services.dispute_submit(
            by=cast["shijian_head"], unit=cast["市场监管局"], other_units=[cast["市场监管局"]], matter="x"
        )
    assert "争议相对单位：不能是提请单位本身" in refused.value.unmet
    assert not Dispute.objects.exists()
