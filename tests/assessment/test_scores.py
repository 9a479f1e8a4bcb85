"""The assessment is computed from what the modules hold: a normative document filed late lowers its
unit's score, and the unit's score page links to that document."""

import datetime as dt

from django.urls import reverse

from yifa.assessment import queries
from yifa.assessment.indicators import NORMDOCS_FILED
from yifa.assessment.models import Fact
from yifa.normdocs import services as normdocs

from ..normdocs.conftest import NEUTRAL_TEXT, publish_lawfully
from .records import records_shown

D = dt.date
AS_OF = D(2025, 12, 31)


def _published(cast, number, published_on):
    doc = normdocs.document_create(
        by=cast["minzheng_liaison"], unit=cast["民政局"], title=f"办法{number}", full_text=NEUTRAL_TEXT
    )
    return publish_lawfully(cast, doc, number=number, published_on=published_on, submitted_on=D(2025, 8, 1))


def _score(cast, unit_key, as_of=AS_OF):
    rows = queries.scores(cast["mayor"], year=2025, as_of=as_of)
    return next(r for r in rows if r.unit == cast[unit_key])


def _filing_points(row):
    return next(line.points for line in row.lines if line.indicator.code == NORMDOCS_FILED)


def test_a_document_filed_late_lowers_the_units_score_and_the_page_links_to_it(cast, login):
    on_time = _published(cast, "江民发〔2025〕3号", D(2025, 9, 5))
    late = _published(cast, "江民发〔2025〕4号", D(2025, 9, 5))
    # 2025年9月5日公布，30日届满于国庆假期，顺延至10月9日（见 normdocs 的期限测试）
    normdocs.file_with_superior(by=cast["minzheng_liaison"], doc=on_time, filed_on=D(2025, 10, 9), filed_with="市政府")
    before = _score(cast, "民政局", as_of=D(2025, 10, 9))  # the second is still within its period
    assert _filing_points(before) == 20

    normdocs.file_with_superior(by=cast["minzheng_liaison"], doc=late, filed_on=D(2025, 10, 10), filed_with="市政府")
    after = _score(cast, "民政局")
    assert _filing_points(after) == 10  # one of two filed on time: half of 20 points
    assert after.total == before.total - 10
    assert _score(cast, "市场监管局").total == before.total  # another unit is untouched

    client = login(cast["minzheng_head"])
    page = client.get(reverse("assessment:unit", args=[cast["民政局"].pk]) + "?year=2025").content.decode()
    assert late.get_absolute_url() not in page  # the records behind each line are loaded when it is opened
    text = records_shown(client, cast["民政局"], NORMDOCS_FILED, 2025)
    assert f'href="{late.get_absolute_url()}"' in text
    assert "2025-10-10报送备案，届满日2025-10-09，逾期" in text


def test_a_document_never_filed_counts_as_late_once_its_deadline_passes(cast):
    _published(cast, "江民发〔2025〕5号", D(2025, 9, 5))
    assert _filing_points(_score(cast, "民政局", as_of=D(2025, 10, 9))) == 20
    assert _filing_points(_score(cast, "民政局", as_of=D(2025, 10, 10))) == 0


def test_the_fact_is_recorded_once_per_document(cast):
    doc = _published(cast, "江民发〔2025〕6号", D(2025, 9, 5))
    normdocs.file_with_superior(by=cast["minzheng_liaison"], doc=doc, filed_on=D(2025, 10, 9), filed_with="市政府")
    fact = Fact.objects.get()
    assert (fact.unit, fact.good, fact.link) == (cast["民政局"], True, doc.get_absolute_url())


def test_another_unit_cannot_open_the_score_page_but_the_cockpit_shows_leaders_all(cast, login):
    url = reverse("assessment:unit", args=[cast["民政局"].pk])
    assert login(cast["shijian_head"]).get(url).status_code == 403
    cockpit = login(cast["mayor"]).get(reverse("assessment:cockpit")).content.decode()
    assert "江临市民政局" in cockpit and "<svg" in cockpit


def test_the_unit_page_lists_its_unfiled_documents_and_its_clocks_closed_late_with_links(cast, login):
    from django.contrib.contenttypes.models import ContentType

    from yifa.core.models import Deadline, DeadlineStatus, Unit

    unfiled = _published(cast, "江民发〔2025〕5号", D(2025, 9, 5))  # never filed: its period ran out on 10月9日
    late = Deadline.objects.create(
        subject_type=ContentType.objects.get_for_model(Unit),
        subject_id="1",
        subject_label="低保申请（张三）",
        link="/staff/example/1/",
        rule_id="licensing.decision",
        title="许可决定期限",
        unit=cast["民政局"],
        start=D(2025, 6, 3),
        due=D(2025, 6, 30),
        status=DeadlineStatus.LATE,
        closed_on=D(2025, 7, 2),
    )
    client = login(cast["minzheng_head"])
    text = records_shown(client, cast["民政局"], NORMDOCS_FILED, 2025)
    assert f'href="{unfiled.get_absolute_url()}"' in text and "逾期未报送备案" in text
    text = records_shown(client, cast["民政局"], "clocks_on_time", 2025)
    assert f'href="{late.link}"' in text and "低保申请（张三）：许可决定期限" in text and "逾期办结" in text
    # without JavaScript the same link opens a page of its own
    page = client.get(reverse("assessment:unit_records", args=[cast["民政局"].pk, "clocks_on_time"]) + "?year=2025")
    assert "<html" in page.content.decode() and f'href="{late.link}"' in page.content.decode()
    other = login(cast["shijian_head"]).get(
        reverse("assessment:unit_records", args=[cast["民政局"].pk, "clocks_on_time"])
    )
    assert other.status_code == 403
