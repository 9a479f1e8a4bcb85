"""Warnings computed from the other modules' data: a unit whose 纠错率 in reconsideration over the last twelve
months passes the city's threshold (kept from reconsideration's decision events; 山东条例第二十六条), and a
disclosure request past its reply period (the disclosure clock in core, 政府信息公开条例第三十三条第二款)."""

import datetime as dt

from yifa.supervision import tasks
from yifa.supervision.models import Alert, CorrectionFact

from ..assessment.test_reconsideration_facts import _decide
from ..disclosure.conftest import register  # noqa: F401  (fixture)
from ..reconsideration.conftest import accepted, receive  # noqa: F401  (fixtures)

D = dt.date


def test_a_unit_whose_correction_rate_passes_the_threshold_is_warned(cast, accepted, settings):  # noqa: F811
    _decide(cast, accepted(D(2025, 3, 3), D(2025, 3, 4)), "uphold", D(2025, 4, 2))
    _decide(cast, accepted(D(2025, 5, 6), D(2025, 5, 7)), "revoke", D(2025, 6, 4))
    assert CorrectionFact.objects.filter(unit=cast["民政局"]).count() == 2
    tasks.daily(D(2025, 6, 30))
    assert not Alert.objects.filter(kind="correction_rate").exists()  # two decisions: fewer than three

    _decide(cast, accepted(D(2025, 6, 9), D(2025, 6, 10)), "illegal", D(2025, 7, 8))
    tasks.daily(D(2025, 7, 31))
    alert = Alert.objects.get(kind="correction_rate")
    assert alert.unit == cast["民政局"] and alert.state == "open"
    assert "纠错率66.7%（审结3件，纠错2件），超过20%" in alert.title
    assert "山东省行政执法监督条例" in alert.detail and "第二十六条" in alert.detail

    settings.CORRECTION_RATE_WARNING_PERCENT = 70  # the city raises its threshold: the warning clears
    tasks.daily(D(2025, 8, 1))
    alert.refresh_from_db()
    assert alert.state == "cleared"
    settings.CORRECTION_RATE_WARNING_PERCENT = 20
    tasks.daily(D(2026, 6, 5))  # the April and June decisions are over twelve months old
    alert.refresh_from_db()
    assert alert.state == "cleared"


def test_a_disclosure_request_past_its_reply_period_is_warned_to_the_unit(cast, register, login):  # noqa: F811
    request = register(D(2026, 9, 18))  # reply due 2026-10-22 (see disclosure's test_clocks_on_real_dates)
    tasks.daily(D(2026, 10, 22))
    assert not Alert.objects.filter(kind="disclosure_late").exists()
    tasks.daily(D(2026, 10, 23))
    alert = Alert.objects.get(kind="disclosure_late")
    assert alert.unit == cast["民政局"] and "2026-10-22届满，仍未答复" in alert.title
    assert alert.link == request.get_absolute_url() and "第三十三条第二款" in alert.detail
    cockpit = login(cast["minzheng_liaison"]).get("/staff/supervision/").content.decode()
    assert "政府信息公开逾期未答复" in cockpit
