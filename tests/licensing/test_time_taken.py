"""办理用时: working days from acceptance to decision net of the periods 许可法第四十五条 keeps out, stored with
the decision and charted per organ. Expected figures counted by hand against the State Council's 2026 schedule
(国办发明电〔2025〕7号): 中秋 9月25日至27日 and 国庆 10月1日至7日 off, Sunday 20 September and Saturday
10 October worked."""

import datetime as dt
import importlib

from django.apps import apps as django_apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from yifa.core.procedure import fire
from yifa.licensing.flows import APPLICATIONS, ITEMS
from yifa.licensing.models import Application

D = dt.date


def act(app, name, by, on, **inputs):
    app.refresh_from_db()
    return fire(APPLICATIONS, app, name, by=by, on=on, expected_version=app.version, **inputs)


def reviewed_by_experts(cast, receive, number="江市监许〔2026〕8号"):
    """Accepted Monday 14 September 2026; expert review 21–27 September; granted Tuesday 13 October."""
    liaison = cast["shijian_liaison"]
    app = act(receive(D(2026, 9, 14)), "accept", liaison, D(2026, 9, 14))
    act(app, "exclude", liaison, D(2026, 9, 21), kind="expert_review", notice="专家评审约需5个工作日")
    act(app, "end_exclusion", liaison, D(2026, 9, 28))
    return act(app, "grant", liaison, D(2026, 10, 13), decision_number=number)


def refused_across_national_day(cast, receive):
    """Accepted Tuesday 29 September 2026, refused Monday 12 October."""
    liaison = cast["shijian_liaison"]
    app = act(receive(D(2026, 9, 29)), "accept", liaison, D(2026, 9, 29))
    return act(app, "refuse", liaison, D(2026, 10, 12), decision_number="江市监不许〔2026〕2号", reason="场所不符")


def test_a_grant_stores_the_working_days_taken_net_of_the_expert_review(cast, receive):
    app = reviewed_by_experts(cast, receive)
    # 9月15–18 (4), 20日(日,调休上班) 5, 21–27 专家评审不计, 28–30 (8), 10月1–7 国庆, 8 (9), 9 (10),
    # 10日(六,调休上班) 11, 12 (12), 13 (13)
    assert Application.objects.get(pk=app.pk).working_days_taken == 13


def test_a_refusal_across_the_national_day_holiday_counts_only_working_days(cast, receive):
    app = refused_across_national_day(cast, receive)
    # 9月30日 1, 10月1–7 国庆, 8 (2), 9 (3), 10日(六,调休上班) 4, 12 (5)
    assert Application.objects.get(pk=app.pk).working_days_taken == 5


def test_a_grant_on_the_applicants_promise_takes_no_working_day(cast, food_item, receive):
    liaison = cast["shijian_liaison"]
    fire(ITEMS, food_item, "set_promise", by=liaison, expected_version=food_item.version, allowed=True,
         text="本人承诺符合食品经营许可条件，承诺不实的愿承担法律责任。")  # fmt: skip
    app = act(receive(D(2026, 3, 2), by_promise=True), "grant_on_promise", liaison, D(2026, 3, 2), decision_number="X")
    assert Application.objects.get(pk=app.pk).working_days_taken == 0  # 当场决定（第三十四条第二款）


def test_the_migration_fills_the_figure_for_decisions_made_before_it(cast, receive):
    granted, refused = reviewed_by_experts(cast, receive), refused_across_national_day(cast, receive)
    Application.objects.update(working_days_taken=None)
    migration = importlib.import_module("yifa.licensing.migrations.0007_application_working_days_taken")
    migration.fill_time_taken(django_apps, None)
    figures = dict(Application.objects.values_list("pk", "working_days_taken"))
    assert figures == {granted.pk: 13, refused.pk: 5}


def test_the_statistics_page_shows_each_organs_average_and_longest_time_taken(cast, receive, login):
    reviewed_by_experts(cast, receive)
    refused_across_national_day(cast, receive)
    body = login(cast["mayor"]).get("/staff/licensing/statistics/?year=2026").content.decode()
    assert 'id="time-taken-by-unit"' in body and body.index('id="on-time-by-unit"') > body.index("</title>")
    assert "<td>江临市市场监管局</td><td>2</td><td>9.0</td><td>13</td>" in body  # (13 + 5) / 2
    other = login(cast["minzheng_liaison"]).get("/staff/licensing/statistics/?year=2026").content.decode()
    assert "<td>9.0</td>" not in other and "本年没有作出决定的申请。" in other  # only one's own organs
    assert "<td>9.0</td>" not in login(cast["mayor"]).get("/staff/licensing/statistics/?year=2025").content.decode()


def test_the_statistics_page_costs_the_same_queries_for_one_decision_or_many(cast, receive, login):
    client = login(cast["mayor"])
    reviewed_by_experts(cast, receive, number="江市监许〔2026〕1号")
    client.get("/staff/licensing/statistics/?year=2026")
    with CaptureQueriesContext(connection) as one:
        client.get("/staff/licensing/statistics/?year=2026")
    for i in range(2, 8):
        reviewed_by_experts(cast, receive, number=f"江市监许〔2026〕{i}号")
    with CaptureQueriesContext(connection) as many:
        body = client.get("/staff/licensing/statistics/?year=2026").content.decode()
    assert "<td>江临市市场监管局</td><td>7</td><td>13.0</td><td>13</td>" in body
    assert len(many) == len(one) <= 20


def test_the_count_agrees_with_the_deadline_engine_over_2026(db):
    from yifa.core.calendar import current_calendar
    from yifa.lib.deadlines import WORKDAYS, Pause, compute_due, counted_days

    calendar, pauses = current_calendar(), [Pause(D(2026, 9, 21), D(2026, 9, 27))]
    for n in range(1, 80):
        due = compute_due(D(2026, 8, 31), n, WORKDAYS, calendar, pauses=pauses).due
        assert counted_days(D(2026, 8, 31), due, calendar, pauses) == n
