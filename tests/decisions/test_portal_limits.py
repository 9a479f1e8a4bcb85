"""Public comments and hearing sign-ups carry the same limits as every public form: per address and per
session, a captcha from the second submission, bounded fields (the API too)."""

import datetime as dt

from django.test import Client
from django.utils import timezone

from tests.conftest import solve_captcha
from yifa.decisions import services
from yifa.decisions.models import Comment, HearingParticipant

from .test_portal import open_now


def test_a_hundred_comments_in_a_burst_mostly_bounce(cast, simple_decision, settings):
    settings.PUBLIC_RATE_PER_ADDRESS = "5/h"
    open_now(cast, simple_decision)
    url = f"/decisions/{simple_decision.pk}/comment/"
    codes = [Client().post(url, {"body": f"意见{i}", "anonymous": "on"}).status_code for i in range(100)]
    assert codes.count(302) <= 5 and codes.count(429) >= 95
    assert Comment.objects.count() <= 5


def test_the_second_comment_of_a_session_needs_the_captcha(cast, client, simple_decision):
    open_now(cast, simple_decision)
    url = f"/decisions/{simple_decision.pk}/comment/"
    assert client.post(url, {"body": "第一条意见", "anonymous": "on"}).status_code == 302
    page = client.get(f"/decisions/{simple_decision.pk}/").content.decode()
    assert 'name="captcha_1"' in page
    without = client.post(url, {"body": "第二条意见", "anonymous": "on"}).content.decode()
    assert "请输入验证码" in without and Comment.objects.count() == 1
    solved = client.post(url, {"body": "第二条意见", "anonymous": "on", **solve_captcha(page)})
    assert solved.status_code == 302 and Comment.objects.count() == 2


def test_a_million_character_comment_is_refused_before_it_is_read(cast, client, simple_decision):
    open_now(cast, simple_decision)
    url = f"/decisions/{simple_decision.pk}/comment/"
    response = client.post(url, {"body": "长" * 1_000_000})
    assert response.status_code == 413 and not Comment.objects.exists()
    page = client.post(url, {"body": "长" * 2001}).content.decode()
    assert "您的意见：最多2000个字（现为2001个）" in page and not Comment.objects.exists()


def test_the_api_comment_endpoint_is_limited_too(cast, simple_decision, settings):
    settings.PUBLIC_RATE_PER_ADDRESS = "3/h"
    open_now(cast, simple_decision)
    url = f"/api/decisions/public/{simple_decision.pk}/comments"
    too_long = Client().post(url, {"body": "长" * 2001}, content_type="application/json")
    assert too_long.status_code == 422 and "body" in too_long.json()["detail"]
    codes = [Client().post(url, {"body": f"意见{i}"}, content_type="application/json").status_code for i in range(5)]
    assert codes == [201, 201, 201, 429, 429]
    assert Comment.objects.count() == 3


def test_hearing_sign_ups_are_limited_per_address(cast, simple_decision, settings):
    settings.PUBLIC_RATE_PER_ADDRESS = "2/h"
    today = timezone.localdate()
    hearing = services.hearing_schedule(
        by=cast["minzheng_liaison"],
        decision=simple_decision,
        hearing_on=today + dt.timedelta(days=14),
        place="市民中心三楼",
        selection_method="按利益相关方分组抽签",
        signup_closes=today + dt.timedelta(days=5),
    )
    url = f"/decisions/hearings/{hearing.pk}/"
    codes = [Client().post(url, {"name": f"李{i}", "phone": "13900002222"}).status_code for i in range(4)]
    assert codes[-1] == 429 and HearingParticipant.objects.count() <= 2
