"""Passwords (Django's validators and a complexity rule wherever one is set, a forced change at first
login, self-service change) and sessions (idle timeout, absolute limit)."""

import io
import time

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from yifa.core import services
from yifa.core.errors import InvalidInput
from yifa.core.logins import LOGIN_AT, SEEN_AT
from yifa.core.models import Event, User

pytestmark = pytest.mark.django_db

RULE = "至少10位，且须包含大写字母、小写字母、数字、符号中的至少3类"


def create(cast, password, username="weak1"):
    return services.person_create(
        by=cast["admin"],
        username=username,
        full_name="弱口令测试",
        unit=cast["民政局"],
        roles=["liaison"],
        password=password,
    )


@pytest.mark.parametrize(
    "password, why",
    [
        ("12345678", RULE),
        ("password", RULE),
        ("jianglin", RULE),
        ("Yifa2026", RULE),  # three classes but eight characters
        ("jianglinshi", RULE),  # long but one class
        ("Password123", "这个密码太常见了"),
        ("Jianglin-admin1", "太相似"),
    ],
)
def test_weak_passwords_are_refused_when_an_administrator_creates_a_person(cast, password, why):
    with pytest.raises(InvalidInput) as err:
        create(cast, password, username="jianglin-admin")
    assert err.value.errors["password"].startswith("密码：") and why in err.value.errors["password"]
    assert not User.objects.filter(username="jianglin-admin").exists()


def test_the_people_page_refuses_a_weak_password_in_chinese(cast, login):
    response = login(cast["admin"]).post(
        "/staff/people/",
        {
            "username": "weak1",
            "full_name": "弱口令",
            "unit": cast["民政局"].pk,
            "roles": "liaison",
            "password": "12345678",
        },
    )
    assert response.status_code == 400 and RULE in response.content.decode()
    assert not User.objects.filter(username="weak1").exists()


def test_the_rule_is_configurable(cast, settings):
    settings.AUTH_PASSWORD_VALIDATORS = [
        {"NAME": "yifa.core.passwords.ComplexityValidator", "OPTIONS": {"min_length": 14, "min_classes": 4}}
    ]
    with pytest.raises(InvalidInput, match="至少14位，且须包含大写字母、小写字母、数字、符号中的至少4类"):
        create(cast, "Jianglin-2026")
    assert create(cast, "Jianglin-2026-x").check_password("Jianglin-2026-x")


def test_changepassword_follows_the_same_rule(cast, monkeypatch):
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "12345678")
    err = io.StringIO()
    with pytest.raises(CommandError, match="3 attempts"):
        call_command("changepassword", "minzheng_liaison", stdout=io.StringIO(), stderr=err)
    assert RULE in err.getvalue()


def test_a_new_person_must_change_the_initial_password_first(cast):
    create(cast, "Initial-pass-2026", username="newbie")
    client = Client()
    assert client.post("/login/", {"username": "newbie", "password": "Initial-pass-2026"}).status_code == 302
    response = client.get("/staff/deadlines/")
    assert response.status_code == 302 and response["Location"] == "/staff/account/"
    assert client.get("/api/core/me").json()["detail"].startswith("请先修改由管理员设置的初始密码")
    page = client.get("/staff/account/").content.decode()
    assert "当前密码由管理员设置" in page
    weak = client.post(
        "/staff/account/",
        {
            "action": "password",
            "old_password": "Initial-pass-2026",
            "new_password1": "12345678",
            "new_password2": "12345678",
        },
    )
    assert weak.status_code == 400 and RULE in weak.content.decode()
    done = client.post(
        "/staff/account/",
        {
            "action": "password",
            "old_password": "Initial-pass-2026",
            "new_password1": "Mine-and-only-2026",
            "new_password2": "Mine-and-only-2026",
        },
    )
    assert done.status_code == 302
    assert client.get("/staff/deadlines/").status_code == 200  # still logged in
    user = User.objects.get(username="newbie")
    assert user.check_password("Mine-and-only-2026") and not user.must_change_password
    assert Event.objects.filter(action="password.change", actor=user).count() == 1


def test_self_service_change_needs_the_old_password(cast, login):
    client = login(cast["minzheng_liaison"])
    response = client.post(
        "/staff/account/",
        {
            "action": "password",
            "old_password": "not-it",
            "new_password1": "Brand-new-2026",
            "new_password2": "Brand-new-2026",
        },
    )
    assert response.status_code == 400 and "旧密码" in response.content.decode()
    assert not User.objects.get(username="minzheng_liaison").check_password("Brand-new-2026")


def test_administrator_resets_a_password_and_the_person_must_change_it(cast, login):
    response = login(cast["admin"]).post(
        "/staff/security/", {"action": "reset_password", "pw-username": "expert", "pw-password": "Reset-by-admin-26"}
    )
    assert response.status_code == 302
    expert = User.objects.get(username="expert")
    assert expert.check_password("Reset-by-admin-26") and expert.must_change_password
    assert Event.objects.get(action="password.reset").actor == cast["admin"]
    weak = login(cast["admin"]).post(
        "/staff/security/", {"action": "reset_password", "pw-username": "expert", "pw-password": "expert123"}
    )
    assert weak.status_code == 400 and RULE in weak.content.decode()


def session_aged(client, *, idle: float = 0, since_login: float = 0):
    session = client.session
    now = time.time()
    session[SEEN_AT] = now - idle
    session[LOGIN_AT] = now - since_login
    session.save()


def test_thirty_idle_minutes_end_the_session(cast, login):
    client = login(cast["minzheng_liaison"])
    session_aged(client, idle=29 * 60)
    assert client.get("/staff/").status_code == 200
    session_aged(client, idle=31 * 60)
    response = client.get("/staff/deadlines/")
    assert response.status_code == 302 and response["Location"] == "/login/?next=/staff/deadlines/"
    assert client.get("/staff/").status_code == 302
    logout = Event.objects.get(action="logout")
    assert logout.reason == "30分钟未操作，已自动退出" and logout.actor == cast["minzheng_liaison"]


def test_the_idle_timeout_is_configurable(cast, login, settings):
    settings.SESSION_IDLE_SECONDS = 5 * 60
    client = login(cast["minzheng_liaison"])
    session_aged(client, idle=6 * 60)
    assert client.get("/staff/").status_code == 302


def test_an_active_session_still_ends_at_the_absolute_limit(cast, login):
    client = login(cast["minzheng_liaison"])
    session_aged(client, idle=10, since_login=10 * 3600 + 60)
    assert client.get("/api/core/me").status_code == 401
    assert Event.objects.get(action="logout").reason == "连续登录超过10小时，已自动退出"
    assert client.get("/staff/").status_code == 302


def test_htmx_requests_are_sent_to_the_login_page_whole(cast, login):
    client = login(cast["minzheng_liaison"])
    session_aged(client, idle=31 * 60)
    response = client.get("/staff/deadlines/", HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"].startswith("/login/")


def test_the_session_cookie_dies_with_the_browser(cast):
    response = Client().post("/login/", {"username": "minzheng_liaison", "password": "yifa-demo-2026"})
    cookie = response.cookies["sessionid"]
    assert not cookie["max-age"] and not cookie["expires"]
