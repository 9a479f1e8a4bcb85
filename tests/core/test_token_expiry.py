"""API tokens expire: `yifa token create … --days N`, and a token past its day is refused like a bad one."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils import timezone

from yifa.core.models import ApiToken, Event

pytestmark = pytest.mark.django_db


def create(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("token", "create", "minzheng_liaison", "办公系统对接", *args, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue()


def test_a_token_lives_the_days_it_was_issued_for(cast):
    raw, note = create("--days", "30")
    token = ApiToken.objects.get(digest=ApiToken.digest_of(raw))
    assert abs(token.expires_at - (timezone.now() + dt.timedelta(days=30))) < dt.timedelta(minutes=1)
    until = timezone.localtime(token.expires_at)
    assert f"有效期至{until:%Y-%m-%d %H:%M}（30天）" in note
    assert Event.objects.get(action="token.issue").data["expires_at"].startswith(f"{token.expires_at:%Y-%m-%d}")


def test_without_days_a_token_lives_ninety(cast):
    raw, _ = create()
    token = ApiToken.objects.get(digest=ApiToken.digest_of(raw))
    assert abs(token.expires_at - (timezone.now() + dt.timedelta(days=90))) < dt.timedelta(minutes=1)


@pytest.mark.parametrize("days", ["0", "367", "abc", "-5"])
def test_days_out_of_range_are_refused_in_chinese(cast, days):
    with pytest.raises(CommandError, match=f"--days 有效天数：须为1至366的整数，收到“{days}”"):
        create("--days", days)
    assert not ApiToken.objects.exists()


def test_an_expired_token_is_refused_and_counts_as_a_failed_login(cast):
    raw, _ = create("--days", "1")
    client = Client()
    assert client.get("/api/core/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    ApiToken.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    response = client.get("/api/core/me", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 401 and response.json()["detail"] == "未登录或令牌无效"
    failed = Event.objects.get(action="login.failed")
    assert failed.data["via"] == "token" and failed.reason == "令牌无效或已过期"
