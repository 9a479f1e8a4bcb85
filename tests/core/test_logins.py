"""Logins: lockout per account and per address on /login/, /admin/login/ and bearer tokens, an
administrator's unlock, and every login, failure, lockout and logout in the audit log."""

import pytest
from django.test import Client

from yifa.core.audit import verify_chain
from yifa.core.demo import DEMO_PASSWORD
from yifa.core.models import ApiToken, Event

pytestmark = pytest.mark.django_db

LIMIT = 5  # YIFA_LOGIN_FAILURE_LIMIT's default


def attempt(username, password, ip="198.51.100.7", client=None):
    return (client or Client()).post("/login/", {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_five_wrong_passwords_lock_the_account_even_from_new_addresses(cast):
    for i in range(LIMIT):
        response = attempt("minzheng_liaison", f"wrong-{i}", ip=f"198.51.100.{i + 1}")
    assert response.status_code == 429
    assert "登录失败次数过多" in response.content.decode()
    response = attempt("minzheng_liaison", DEMO_PASSWORD, ip="203.0.113.50")
    assert response.status_code == 429 and "_auth_user_id" not in response.wsgi_request.session


def test_five_failures_from_one_address_lock_that_address_for_every_account(cast):
    for name in ["reviewer", "mayor", "fuyi", "expert", "nobody-such"]:
        attempt(name, "guess-123", ip="198.51.100.9")
    refused = attempt("minzheng_head", DEMO_PASSWORD, ip="198.51.100.9")
    assert refused.status_code == 429
    elsewhere = attempt("minzheng_head", DEMO_PASSWORD, ip="203.0.113.9")
    assert elsewhere.status_code == 302 and elsewhere["Location"] == "/staff/"


def test_four_failures_then_the_right_password_logs_in_and_forgives_the_account(cast):
    for i in range(LIMIT - 1):
        attempt("minzheng_liaison", f"wrong-{i}", ip=f"198.51.100.{i + 1}")
    assert attempt("minzheng_liaison", DEMO_PASSWORD, ip="198.51.100.20").status_code == 302
    for i in range(LIMIT - 1):
        attempt("minzheng_liaison", f"again-{i}", ip=f"198.51.100.{i + 30}")
    assert attempt("minzheng_liaison", DEMO_PASSWORD, ip="198.51.100.21").status_code == 302


def test_admin_login_is_the_same_page_and_its_post_logs_nobody_in(cast):
    client = Client()
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302 and response["Location"] == "/login/?next=/admin/"
    response = client.post("/admin/login/", {"username": "admin", "password": DEMO_PASSWORD})
    assert response.status_code == 302 and "_auth_user_id" not in client.session
    for i in range(LIMIT):
        response = client.post("/login/?next=/admin/", {"username": "admin", "password": f"x{i}"})
    assert response.status_code == 429


def test_bearer_token_guesses_lock_the_address_even_for_a_valid_token(cast):
    _, raw = ApiToken.issue(user=cast["minzheng_liaison"], name="对接")
    client = Client()
    for i in range(LIMIT - 1):
        assert (
            client.get("/api/core/me", HTTP_AUTHORIZATION=f"Bearer yf_guess{i}", REMOTE_ADDR="198.51.100.4").status_code
            == 401
        )
    last = client.get("/api/core/me", HTTP_AUTHORIZATION="Bearer yf_guess", REMOTE_ADDR="198.51.100.4")
    assert last.status_code == 429 and "登录失败次数过多" in last.json()["detail"]
    valid_here = client.get("/api/core/me", HTTP_AUTHORIZATION=f"Bearer {raw}", REMOTE_ADDR="198.51.100.4")
    assert valid_here.status_code == 429
    valid_elsewhere = client.get("/api/core/me", HTTP_AUTHORIZATION=f"Bearer {raw}", REMOTE_ADDR="203.0.113.4")
    assert valid_elsewhere.status_code == 200


def test_administrator_sees_and_unlocks_a_locked_account(cast, login):
    for i in range(LIMIT):
        attempt("minzheng_liaison", f"wrong-{i}", ip=f"198.51.100.{i + 1}")
    admin = login(cast["admin"])
    page = admin.get("/staff/security/").content.decode()
    assert "minzheng_liaison" in page and "被锁定的账号" in page
    response = admin.post("/staff/security/", {"action": "unlock", "username": "minzheng_liaison"})
    assert response.status_code == 302
    assert attempt("minzheng_liaison", DEMO_PASSWORD, ip="198.51.100.1").status_code == 302
    unlock = Event.objects.get(action="login.unlock")
    assert unlock.actor == cast["admin"] and unlock.data["username"] == "minzheng_liaison"


def test_administrator_unlocks_an_address(cast, login):
    for i in range(LIMIT):
        attempt(f"someone{i}", "guess-123", ip="198.51.100.99")
    admin = login(cast["admin"])
    assert "198.51.100.99" in admin.get("/staff/security/").content.decode()
    admin.post("/staff/security/", {"action": "unlock", "ip_address": "198.51.100.99"})
    assert attempt("minzheng_head", DEMO_PASSWORD, ip="198.51.100.99").status_code == 302


def test_only_administrators_may_open_login_security(cast, login):
    response = login(cast["legal_head"]).get("/staff/security/")
    assert response.status_code == 403 and "系统管理员" in response.content.decode()
    response = login(cast["legal_head"]).post("/staff/security/", {"action": "unlock", "username": "x"})
    assert response.status_code == 403


def test_every_login_failure_lockout_and_logout_is_in_the_audit_log(cast):
    client = Client()
    for i in range(LIMIT):
        attempt("minzheng_head", f"wrong-{i}", ip=f"198.51.100.{i + 1}", client=client)
    assert attempt("minzheng_liaison", DEMO_PASSWORD, client=client).status_code == 302
    client.post("/logout/")
    client.get("/api/core/me", HTTP_AUTHORIZATION="Bearer yf_nonsense", REMOTE_ADDR="198.51.100.77")
    events = list(Event.objects.filter(action__in=["login.failed", "login.locked", "login.success", "logout"]))
    actions = [e.action for e in events]
    assert actions == ["login.failed"] * LIMIT + ["login.locked", "login.success", "logout", "login.failed"]
    failed, locked, success, logout, token = events[0], events[LIMIT], events[-3], events[-2], events[-1]
    assert failed.subject_id == str(cast["minzheng_head"].pk) and failed.data["ip"] == "198.51.100.1"
    assert failed.reason == "登录名或密码不正确" and failed.actor is None
    assert "连续5次登录失败" in locked.reason and "minzheng_head" in locked.reason
    assert success.actor == cast["minzheng_liaison"] and success.data == {
        "ip": "198.51.100.7",
        "via": "login",
        "second_factor": False,
    }
    assert logout.actor == cast["minzheng_liaison"] and logout.reason == "主动退出"
    assert token.data["via"] == "token" and token.data["ip"] == "198.51.100.77"
    assert verify_chain().ok


def test_attempts_during_a_lockout_are_recorded_as_refused(cast):
    for i in range(LIMIT + 1):
        attempt("reviewer", f"wrong-{i}")
    refused = Event.objects.filter(action="login.failed").last()
    assert refused.reason == "锁定期间的登录尝试，已拒绝"
    assert Event.objects.filter(action="login.locked").count() == 1
