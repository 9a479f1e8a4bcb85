import pytest

from yifa.core.errors import InvalidInput
from yifa.core.models import Notification
from yifa.core.sweep import run_sweep
from yifa.normdocs import queries, services, tasks
from yifa.normdocs.models import DocStatus, Document
from yifa.normdocs.queries import filing_clock, filing_stats

from .conftest import D, publish_lawfully


def test_filing_deadline_falls_thirty_days_after_publication_rolled_past_national_day(published):
    clock = filing_clock(published)
    # 2025年9月5日公布，第30日为10月5日（国庆假期），顺延至假期后第一个工作日10月9日
    assert clock.due == D(2025, 10, 9)
    assert "民事诉讼法第八十五条" in clock.explanation
    assert clock.unit == published.unit


def test_filing_deadline_on_an_ordinary_working_day(cast):
    doc = services.document_create(
        by=cast["minzheng_liaison"],
        unit=cast.units["民政局"],
        title="春季文件",
        full_text="第一条 本办法自公布之日起施行。",
    )
    doc = publish_lawfully(
        cast, doc, number="江民发〔2026〕1号", published_on=D(2026, 3, 2), submitted_on=D(2026, 2, 2)
    )
    assert filing_clock(doc).due == D(2026, 4, 1)


def test_reminder_before_the_filing_deadline_and_overdue_mark_after(cast, published):
    run_sweep(D(2025, 10, 8))
    liaison = cast["minzheng_liaison"]
    assert Notification.objects.filter(user=liaison, title__contains="规范性文件报送备案").exists()
    run_sweep(D(2025, 10, 10))
    clock = filing_clock(published)
    assert clock.overdue_marked
    assert Notification.objects.filter(user=liaison, title__startswith="已逾期").exists()
    assert filing_stats(cast["legal_head"], today=D(2025, 10, 10))["overdue"] == 1


def test_late_filing_is_counted_and_timely_filing_is_not(cast, published):
    services.file_with_superior(
        by=cast["minzheng_liaison"], doc=published, filed_on=D(2025, 10, 10), filed_with="江临市人民政府"
    )
    other = services.document_create(
        by=cast["minzheng_liaison"],
        unit=cast.units["民政局"],
        title="按期文件",
        full_text="第一条 本办法自公布之日起施行。",
    )
    other = publish_lawfully(cast, other, number="江民发〔2025〕4号")
    services.file_with_superior(
        by=cast["minzheng_liaison"], doc=other, filed_on=D(2025, 10, 9), filed_with="江临市人民政府"
    )
    stats = filing_stats(cast["legal_head"], today=D(2025, 11, 1))
    assert (stats["late"], stats["on_time"], stats["overdue"]) == (1, 1, 0)
    assert filing_clock(published).status == "late"


def test_filing_before_publication_date_is_refused(cast, published):
    with pytest.raises(InvalidInput) as err:
        services.file_with_superior(by=cast["minzheng_liaison"], doc=published, filed_on=D(2025, 9, 1), filed_with="")
    assert set(err.value.errors) == {"filed_on", "filed_with"}
    assert Document.objects.get(pk=published.pk).filed_on is None


def test_correction_required_by_filing_review_is_tracked_until_closed(cast, published):
    services.file_with_superior(
        by=cast["minzheng_liaison"], doc=published, filed_on=D(2025, 9, 20), filed_with="江临市人民政府"
    )
    with pytest.raises(InvalidInput):
        services.record_filing_result(by=cast["reviewer"], doc=published, result="correct", on=D(2025, 10, 20))
    doc = services.record_filing_result(
        by=cast["reviewer"],
        doc=published,
        result="correct",
        on=D(2025, 10, 20),
        comments="第三条增设了申请人义务，缺乏上位法依据",
    )
    assert doc.correction_open
    doc = services.close_correction(by=cast["reviewer"], doc=doc, report="已删除第三条", on=D(2025, 11, 3))
    assert not doc.correction_open and doc.correction_closed_on == D(2025, 11, 3)


def test_document_lapses_automatically_the_day_after_its_validity_ends(cast, published):
    assert published.expires_on == D(2030, 9, 4)
    tasks.daily(D(2030, 9, 4))
    assert Document.objects.get(pk=published.pk).status == DocStatus.IN_FORCE
    tasks.daily(D(2030, 9, 5))
    doc = Document.objects.get(pk=published.pk)
    assert doc.status == DocStatus.EXPIRED and doc.ended_on == D(2030, 9, 5)


def test_expiry_reminder_goes_out_six_months_before_and_only_once(cast, published):
    assert tasks.remind_expiring(D(2030, 1, 1)) == 0
    sent = tasks.remind_expiring(D(2030, 3, 10))
    assert sent >= 1
    assert tasks.remind_expiring(D(2030, 3, 11)) == 0
    assert Notification.objects.filter(user=cast["minzheng_liaison"], title__contains="有效期届满").exists()


def test_relation_repeals_the_target_with_the_deciding_document(cast, published, successor):
    new = successor
    services.relation_add(by=cast["minzheng_liaison"], source=new, kind="replaces", target=published, on=D(2026, 3, 2))
    old = Document.objects.get(pk=published.pk)
    assert old.status == DocStatus.REPEALED and old.ended_by == new and old.ended_on == D(2026, 3, 2)


def test_month_and_year_arithmetic_for_validity_periods():
    from yifa.normdocs.models import add_months, add_years

    assert add_years(D(2024, 2, 29), 5) == D(2029, 2, 28)
    assert add_months(D(2030, 8, 31), 6) == D(2031, 2, 28)
    assert add_months(D(2030, 3, 4), 6) == D(2030, 9, 4)
    assert add_months(D(2025, 12, 15), 1) == D(2026, 1, 15)


def test_expiry_reminder_starts_exactly_six_months_before(cast, published):
    # 届满日2030年9月4日：3月4日起提醒，3月3日不提醒
    assert tasks.remind_expiring(D(2030, 3, 3)) == 0
    assert tasks.remind_expiring(D(2030, 3, 4)) >= 1


def test_a_missed_day_is_caught_up_and_a_moved_end_is_reminded_again(cast, published):
    """The job did not run on 4 March 2030 (the first day of the six months' notice before 4 September): the
    next run reminds once; a later run reads nothing; an end moved later is reminded of again."""
    titles = lambda: list(  # noqa: E731
        Notification.objects.filter(user=cast["minzheng_liaison"], title__contains="有效期届满").values_list(
            "title", flat=True
        )
    )
    assert tasks.remind_expiring(D(2030, 3, 9)) > 0  # the issuing unit's liaison and head
    assert titles() == [f"规范性文件将于2030年09月04日有效期届满：{published.title}"]
    assert tasks.remind_expiring(D(2030, 3, 10)) == 0
    assert not queries.expiry_reminders_due(D(2030, 3, 10), D(2030, 9, 10)).exists()  # nothing left to read
    Document.objects.filter(pk=published.pk).update(expires_on=D(2030, 12, 31))
    assert tasks.remind_expiring(D(2030, 7, 1)) > 0
    assert len(titles()) == 2 and any("2030年12月31日" in t for t in titles())
