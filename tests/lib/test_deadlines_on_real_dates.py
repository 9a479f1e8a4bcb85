"""Each expected date checked by hand against the State Council holiday notices."""

import datetime as dt

import pytest

from yifa.lib.deadlines import (
    CALENDAR_DAYS,
    MONTHS,
    WORKDAYS,
    Pause,
    compute_due,
    earliest_after_notice,
    latest_notice_before,
)
from yifa.lib.workdays import WEEKENDS_ONLY, statutory_days_off

D = dt.date


@pytest.mark.parametrize(
    "start, days, expected, why",
    [
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
    ],
)
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
    result = compute_due(
        D(2024, 3, 1), 60, CALENDAR_DAYS, package_calendar, pauses=[Pause(D(2024, 3, 10), D(2024, 3, 19))]
    )
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


def test_year_without_schedule_still_has_the_statutory_days_off_and_says_so(package_calendar):
    result = compute_due(D(2026, 12, 20), 20, WORKDAYS, package_calendar)
    assert result.unpublished_years == (2027,)
    assert "2027年放假安排尚未录入，按周末和《全国年节及纪念日放假办法》第二条规定的节日计算" in result.sentence
    assert "调休上班日尚不可知" in result.sentence
    # 12-21…25 (5), 12-28…31 (9), 2027-01-01 元旦 off, 01-04…08 (14), 01-11…15 (19), 01-18 (20)
    assert result.due == D(2027, 1, 18)
    assert "跳过元旦假期（1月1日）" in result.sentence
    assert compute_due(D(2026, 12, 20), 20, WORKDAYS, WEEKENDS_ONLY).due == D(2027, 1, 15)


def test_new_years_day_counts_before_the_state_council_notice(package_calendar):
    # 2026-12-25 (Fri) + 10 working days: 12-28…31 (4), 1-1 元旦 off, 1-4…8 (9), 1-11 (10)
    assert compute_due(D(2026, 12, 25), 10, WORKDAYS, package_calendar).due == D(2027, 1, 11)


def test_lunar_festivals_of_an_unpublished_year_are_computed(package_calendar):
    # 2027: 除夕 Fri 2-5, 初一 Sat 2-6, 初二 Sun 2-7, 初三 Mon 2-8 (放假办法第二条第二项, 2024年修订)
    days = statutory_days_off(2027)
    assert [d for d, name in sorted(days.items()) if name == "春节"] == [D(2027, 2, d) for d in (5, 6, 7, 8)]
    assert days[D(2027, 4, 5)] == "清明节" and days[D(2027, 6, 9)] == "端午节" and days[D(2027, 9, 15)] == "中秋节"
    # From Thu 2027-02-04, 3 working days: 2-5 and 2-8 are off, so 2-9 (1), 2-10 (2), 2-11 (3)
    assert compute_due(D(2027, 2, 4), 3, WORKDAYS, package_calendar).due == D(2027, 2, 11)


@pytest.mark.parametrize("year", [2025, 2026])
def test_statutory_days_off_agree_with_the_published_notices(package_calendar, year):
    """Every day 放假办法第二条 fixes is a holiday in that year's State Council notice (国办发明电〔2024〕12号,
    〔2025〕7号): the lunar and solar-term computation matches the real schedules."""
    assert [d for d in statutory_days_off(year) if d not in package_calendar.holidays] == []


def test_bad_input_is_refused_in_chinese():
    with pytest.raises(ValueError, match="期限天数必须为正整数"):
        compute_due(D(2026, 1, 1), 0, WORKDAYS, WEEKENDS_ONLY)
    with pytest.raises(ValueError, match="结束日"):
        Pause(D(2026, 1, 5), D(2026, 1, 1))


# 国办发明电〔2022〕16号（2023）、〔2023〕7号（2024）、〔2024〕12号（2025）、〔2025〕7号（2026），逐日手算。
@pytest.mark.parametrize(
    "start, days, expected, why",
    [
        # 2023 春节 1月21日至27日放假，1月28日(六)、29日(日)上班：1-20(1) 1-28(2) 1-29(3) 1-30(4) 1-31(5)
        (D(2023, 1, 19), 5, D(2023, 1, 31), "2023 Spring Festival, both make-up weekend days count"),
        # 2023 劳动节 4月29日至5月3日放假，4月23日(日)上班：4-23(1) 4-24(2) 4-25(3)
        (D(2023, 4, 21), 3, D(2023, 4, 25), "2023 Labour Day make-up Sunday before the holiday"),
        # 2023 劳动节：4-28(1) 放假 4-29..5-3，5-4(2) 5-5(3) 5-6 周六上班(4)
        (D(2023, 4, 27), 4, D(2023, 5, 6), "2023 Labour Day make-up Saturday after the holiday"),
        # 2024 国庆 10月1日至7日放假，9月29日(日)、10月12日(六)上班：9-29(1) 9-30(2) 10-8(3)
        (D(2024, 9, 27), 3, D(2024, 10, 8), "2024 National Day, 29 Sep counts"),
        (D(2024, 9, 27), 7, D(2024, 10, 12), "2024 National Day, 12 Oct make-up Saturday is the 7th day"),
        # 2024 中秋 9月15日至17日放假，9月14日(六)上班
        (D(2024, 9, 13), 1, D(2024, 9, 14), "2024 Mid-autumn make-up Saturday is a working day"),
        (D(2024, 9, 13), 2, D(2024, 9, 18), "2024 Mid-autumn holiday skipped"),
        # 2025 春节 1月28日至2月4日放假，1月26日(日)、2月8日(六)上班：1-26(1) 1-27(2) 2-5(3) 2-6(4) 2-7(5) 2-8(6)
        (D(2025, 1, 24), 5, D(2025, 2, 7), "2025 Spring Festival"),
        (D(2025, 1, 24), 6, D(2025, 2, 8), "2025 Spring Festival, 8 Feb make-up Saturday"),
        # 2026 元旦 1月1日至3日放假，1月4日(日)上班
        (D(2025, 12, 31), 1, D(2026, 1, 4), "2026 New Year make-up Sunday across the year end"),
        # 2026 春节 2月15日至23日放假：2-14(六)上班(1)，2-24(2)
        (D(2026, 2, 13), 2, D(2026, 2, 24), "2026 Spring Festival, nine days off"),
        # 2026 国庆 9月20日(日)上班：9-18 起算，9-20(1) 9-21(2)
        (D(2026, 9, 18), 2, D(2026, 9, 21), "2026 National Day make-up Sunday 20 Sep"),
    ],
)
def test_workday_periods_on_more_real_schedules(package_calendar, start, days, expected, why):
    assert compute_due(start, days, WORKDAYS, package_calendar).due == expected, why


@pytest.mark.parametrize(
    "start, days, expected, why",
    [
        # 2023-09-14 + 15 = 9-29 中秋国庆（至10月6日），10月7日(六)调休上班 → 10-07
        (D(2023, 9, 14), 15, D(2023, 10, 7), "2023: last day in National Day rolls onto make-up Saturday"),
        # 2025-01-13 + 15 = 1-28 春节（至2月4日）→ 2-05
        (D(2025, 1, 13), 15, D(2025, 2, 5), "2025 Spring Festival"),
        # 2026-09-01 + 30 = 10-01 国庆（至10月7日）→ 10-08
        (D(2026, 9, 1), 30, D(2026, 10, 8), "2026 National Day"),
        # 2024-04-01 + 30 = 5-01 劳动节（至5月5日）→ 5-06 周一
        (D(2024, 4, 1), 30, D(2024, 5, 6), "2024 Labour Day"),
        # 2026-09-30 + 10 = 10-10，周六但为调休上班日，不是法定休假日 → 不顺延
        (D(2026, 9, 30), 10, D(2026, 10, 10), "make-up Saturday is not a rest day"),
        # 2025-03-05 + 30 = 4-04 清明（至4月6日）→ 4-07 周一
        (D(2025, 3, 5), 30, D(2025, 4, 7), "2025 Qingming Friday to Sunday"),
        # 2026-01-20 + 30 = 2-19 春节（至2月23日）→ 2-24
        (D(2026, 1, 20), 30, D(2026, 2, 24), "2026 Spring Festival"),
    ],
)
def test_calendar_periods_roll_off_rest_days_on_real_schedules(package_calendar, start, days, expected, why):
    assert compute_due(start, days, CALENDAR_DAYS, package_calendar).due == expected, why


def test_calendar_period_ending_on_a_working_day_is_not_moved(package_calendar):
    # 2025-08-02 + 60 + 30 = 2025-10-31 (Friday)
    result = compute_due(D(2025, 8, 2), 60, CALENDAR_DAYS, package_calendar, extension=30)
    assert result.due == D(2025, 10, 31)
    assert "顺延" not in result.sentence
    assert "延长30日，共90日" in result.sentence


def test_paused_working_days_push_the_due_date(package_calendar):
    # 20 working days from 2025-09-26 end 10-30; pausing 10-13..10-17 (5 working days) → 11-06
    result = compute_due(
        D(2025, 9, 26), 20, WORKDAYS, package_calendar, pauses=[Pause(D(2025, 10, 13), D(2025, 10, 17))]
    )
    assert result.due == D(2025, 11, 6)
    assert "扣除中止期间10月13日至17日共5日" in result.sentence


def test_pause_over_a_holiday_only_costs_its_working_days(package_calendar):
    # Pause 2025-09-30..10-09 covers 9-30 and 10-9 as working days: 20 days from 9-26 → 11-03
    # 9-28(1) 9-29(2) 10-10(3) 10-11(4) 10-13..17(5-9) 10-20..24(10-14) 10-27..31(15-19) 11-03(20)
    result = compute_due(D(2025, 9, 26), 20, WORKDAYS, package_calendar, pauses=[Pause(D(2025, 9, 30), D(2025, 10, 9))])
    assert result.due == D(2025, 11, 3)


def test_several_pauses_are_all_deducted(package_calendar):
    # 10 calendar days from 2026-03-02 (→ 3-12) + pauses 3-04..3-05 and 3-10 (3 days) → 3-15 (Sun) → 3-16
    result = compute_due(
        D(2026, 3, 2),
        10,
        CALENDAR_DAYS,
        package_calendar,
        pauses=[Pause(D(2026, 3, 10), D(2026, 3, 10)), Pause(D(2026, 3, 4), D(2026, 3, 5))],
    )
    assert result.due == D(2026, 3, 16)
    assert "3月4日至5日、3月10日共3日" in result.sentence


def test_restart_ignores_the_old_start_and_keeps_later_pauses(package_calendar):
    # 补正后重新起算（行政复议法第三十一条）：5 working days anew from 2024-02-07 → 2-20 (2-18 make-up Sunday counts)
    result = compute_due(D(2024, 1, 15), 5, WORKDAYS, package_calendar, restart=D(2024, 2, 7))
    assert result.due == D(2024, 2, 20)
    assert result.explanation[0] == "原自2024年1月15日起算，于2024年2月7日重新起算"


def test_restart_before_start_is_refused(package_calendar):
    with pytest.raises(ValueError, match="重新起算日不能早于原起算日"):
        compute_due(D(2024, 2, 7), 5, WORKDAYS, package_calendar, restart=D(2024, 2, 1))


def test_negative_extension_and_absurd_lengths_are_refused():
    with pytest.raises(ValueError, match="延长天数不能为负数"):
        compute_due(D(2026, 1, 5), 5, WORKDAYS, WEEKENDS_ONLY, extension=-1)
    with pytest.raises(ValueError, match="期限不能超过"):
        compute_due(D(2026, 1, 5), 8000, CALENDAR_DAYS, WEEKENDS_ONLY)


def test_status_colours_follow_the_due_date(package_calendar):
    result = compute_due(D(2025, 9, 26), 20, WORKDAYS, package_calendar)
    assert result.status_on(D(2025, 10, 20)) == "green"
    assert result.status_on(D(2025, 10, 27)) == "amber"
    assert result.status_on(D(2025, 10, 30)) == "amber"
    assert result.status_on(D(2025, 10, 31)) == "red"


def test_twenty_year_period_is_counted_and_rolls_off_the_holiday(package_calendar):
    # 行政复议法第二十一条: 20 years from 2006-10-01 end on 2026-10-01 (国庆假期至10月7日) → 10-08
    days = (D(2026, 10, 1) - D(2006, 10, 1)).days
    assert compute_due(D(2006, 10, 1), days, CALENDAR_DAYS, package_calendar).due == D(2026, 10, 8)


def test_endless_pause_is_refused_instead_of_counting_forever(package_calendar):
    with pytest.raises(ValueError, match="期限连同中止期间不能超过"):
        compute_due(D(2025, 1, 1), 5, CALENDAR_DAYS, package_calendar, pauses=[Pause(D(2025, 1, 2), D(9999, 12, 30))])


def test_overlapping_pauses_count_each_day_once(package_calendar):
    # 3-01 + 60 days, pauses 3-10..3-19 and 3-15..3-24 cover 15 days → 75 days → 2024-05-15 (Wednesday)
    result = compute_due(
        D(2024, 3, 1),
        60,
        CALENDAR_DAYS,
        package_calendar,
        pauses=[Pause(D(2024, 3, 10), D(2024, 3, 19)), Pause(D(2024, 3, 15), D(2024, 3, 24))],
    )
    assert result.due == D(2024, 5, 15)


def test_x_days_before_notices_have_one_reading(package_calendar):
    """“于举行……X日前通知”: the notice day is not counted and the event may be held on the X-th day after it."""
    # 复议听证 五日前 (working days): notice Thu 2025-09-25 → 9-26 (1), 9-28 make-up Sunday (2), 9-29 (3),
    # 9-30 (4), 国庆中秋 10-1…8, 10-9 (5): the hearing may be held on 2025-10-09
    assert earliest_after_notice(D(2025, 9, 25), 5, WORKDAYS, package_calendar) == D(2025, 10, 9)
    assert latest_notice_before(D(2025, 10, 9), 5, WORKDAYS, package_calendar) == D(2025, 9, 25)
    assert latest_notice_before(D(2025, 10, 8), 5, WORKDAYS, package_calendar) == D(2025, 9, 24)
    # 决策听证 7日前 (calendar days): a hearing on 2026-05-11 needs the notice by 2026-05-04
    assert earliest_after_notice(D(2026, 5, 4), 7, CALENDAR_DAYS, package_calendar) == D(2026, 5, 11)
    assert latest_notice_before(D(2026, 5, 11), 7, CALENDAR_DAYS, package_calendar) == D(2026, 5, 4)


@pytest.mark.parametrize(
    "start, months, expected, why",
    [
        (D(2026, 3, 10), 6, D(2026, 9, 10), "the corresponding day, a Thursday"),
        # 2025年8月31日起六个月：2026年2月无31日，月末日2月28日（星期六）是春节调休上班日，不顺延
        (D(2025, 8, 31), 6, D(2026, 2, 28), "no corresponding day: the month's last day, a make-up Saturday"),
        # 10月4日在国庆假期（10月1日至7日）内，顺延至10月8日
        (D(2026, 4, 4), 6, D(2026, 10, 8), "last day in the National Day holiday rolls off it"),
        (D(2026, 9, 10), 3, D(2026, 12, 10), "three months"),
    ],
)
def test_month_periods_end_on_the_corresponding_day_per_the_civil_code(package_calendar, start, months, expected, why):
    assert compute_due(start, months, MONTHS, package_calendar).due == expected, why


def test_a_month_period_explains_its_corresponding_day_and_refuses_pauses(package_calendar):
    result = compute_due(D(2025, 8, 31), 6, MONTHS, package_calendar)
    assert "自2025年8月31日起算6个月（当日不计入）" in result.sentence
    assert "到期月没有对应日，月末日2月28日为期间的最后一日（民法典第二百零二条）" in result.sentence
    rolled = compute_due(D(2026, 4, 4), 6, MONTHS, package_calendar).sentence
    assert "期间最后一日10月4日为休息日，顺延至休息日后第一个工作日（民法典第二百零三条）" in rolled
    with pytest.raises(ValueError, match="按月计算的期间不扣除中止期间"):
        compute_due(D(2026, 3, 10), 6, MONTHS, package_calendar, pauses=[Pause(D(2026, 4, 1), D(2026, 4, 2))])
