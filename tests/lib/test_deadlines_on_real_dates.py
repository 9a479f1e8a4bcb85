"""Each expected date checked by hand against the State Council holiday notices."""
import datetime as dt

import pytest

from yifa.lib.deadlines import CALENDAR_DAYS, WORKDAYS, Pause, compute_due
from yifa.lib.workdays import WEEKENDS_ONLY

D = dt.date


@pytest.mark.parametrize("start, days, expected, why", [
    # 2025 国庆中秋 10月1日至8日放假，9月28日(日)、10月11日(六)上班
    (D(2025, 9, 26), 20, D(2025, 10, 30), "2025 National Day with both make-up days"),
    # 2024 春节 2月10日至17日放假，2月4日(日)、2月18日(日)上班；2月9日除夕照常上班
    (D(2024, 2, 7), 5, D(2024, 2, 20), "2024 Spring Festival, 18 Feb counts"),
    # 2023 中秋国庆 9月29日至10月6日放假，10月7日(六)、8日(日)上班
    (D(2023, 9, 27), 10, D(2023, 10, 17), "2023 National Day, 7–8 Oct count"),
    # 2026 春节 2月15日至23日放假，2月14日(六)、2月28日(六)上班
    (D(2026, 2, 12), 5, D(2026, 2, 26), "2026 Spring Festival, 14 Feb counts"),
    # 2026 中秋 9月25日至27日，国庆 10月1日至7日放假，10月10日(六)上班
    (D(2026, 9, 24), 5, D(2026, 10, 9), "2026 Mid-autumn then National Day"),
    (D(2026, 9, 24), 7, D(2026, 10, 12), "2026: 10 Oct make-up Saturday counts"),
])
def test_workday_periods_skip_holidays_and_count_makeup_days(package_calendar, start, days, expected, why):
    assert compute_due(start, days, WORKDAYS, package_calendar).due == expected, why


def test_start_day_is_not_counted(package_calendar):
    # 民法典第二百零一条: Monday 2026-11-23 + 1 working day = Tuesday
    assert compute_due(D(2026, 11, 23), 1, WORKDAYS, package_calendar).due == D(2026, 11, 24)
    assert compute_due(D(2026, 11, 23), 1, CALENDAR_DAYS, package_calendar).due == D(2026, 11, 24)


def test_calendar_period_ending_in_holiday_rolls_to_first_working_day(package_calendar):
    # 2025-08-02 + 60 days = 2025-10-01 (国庆), holiday runs to 10-08 → 10-09
    result = compute_due(D(2025, 8, 2), 60, CALENDAR_DAYS, package_calendar)
    assert result.due == D(2025, 10, 9)
    assert "民事诉讼法第八十五条" in result.sentence


def test_calendar_period_ending_on_weekend_rolls_to_monday(package_calendar):
    # 2026-01-01 + 30 = Sat 2026-01-31 → Mon 2026-02-02
    assert compute_due(D(2026, 1, 1), 30, CALENDAR_DAYS, package_calendar).due == D(2026, 2, 2)


def test_calendar_period_ending_before_makeup_sunday_rolls_onto_it(package_calendar):
    # 2024-02-01 + 15 = 02-16 (春节假期) → holiday ends 02-17; 02-18 is a make-up working Sunday
    assert compute_due(D(2024, 2, 1), 15, CALENDAR_DAYS, package_calendar).due == D(2024, 2, 18)


def test_pause_days_do_not_count(package_calendar):
    # 60 days from 2024-03-01 with 10 paused days (03-10..03-19) = 70 days → Fri 2024-05-10
    result = compute_due(D(2024, 3, 1), 60, CALENDAR_DAYS, package_calendar,
                         pauses=[Pause(D(2024, 3, 10), D(2024, 3, 19))])
    assert result.due == D(2024, 5, 10)
    assert "扣除中止期间3月10日至19日共10日" in result.sentence


def test_extension_adds_days_of_the_same_unit(package_calendar):
    # 60 + 30 calendar days from 2024-01-02 → 2024-04-01 (Monday; 2024 is a leap year)
    assert compute_due(D(2024, 1, 2), 60, CALENDAR_DAYS, package_calendar, extension=30).due == D(2024, 4, 1)


def test_restart_counts_from_the_new_start(package_calendar):
    result = compute_due(D(2025, 9, 1), 5, WORKDAYS, package_calendar, restart=D(2025, 9, 26))
    # 9-28 (make-up), 9-29, 9-30, 10-9, 10-10
    assert result.due == D(2025, 10, 10)
    assert "重新起算" in result.sentence


def test_explanation_names_holidays_and_makeup_days(package_calendar):
    result = compute_due(D(2025, 9, 26), 20, WORKDAYS, package_calendar)
    assert result.sentence == (
        "自2025年9月26日起算20个工作日（当日不计入），跳过国庆节、中秋节假期（10月1日至8日），"
        "计入9月28日、10月11日调休上班日，届满日为2025年10月30日"
    )


def test_year_without_schedule_falls_back_to_weekends_and_says_so(package_calendar):
    result = compute_due(D(2026, 12, 20), 20, WORKDAYS, package_calendar)
    assert result.unpublished_years == (2027,)
    assert "2027年放假安排尚未录入，按周末计算" in result.sentence
    assert compute_due(D(2026, 12, 20), 20, WORKDAYS, WEEKENDS_ONLY).due == result.due


def test_bad_input_is_refused_in_chinese():
    with pytest.raises(ValueError, match="期限天数必须为正整数"):
        compute_due(D(2026, 1, 1), 0, WORKDAYS, WEEKENDS_ONLY)
    with pytest.raises(ValueError, match="结束日"):
        Pause(D(2026, 1, 5), D(2026, 1, 1))
