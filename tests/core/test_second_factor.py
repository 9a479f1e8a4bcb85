"""The TOTP second factor: required for the legal office, administrators and whoever may see personal
data; enrolled from a QR code drawn on the page; asked at every login once enrolled."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import current_code, enrol_second_factor
from yifa.core.demo import DEMO_PASSWORD
from yifa.core.models import Event
from yifa.core.second_factor import second_factor_required

pytestmark = pytest.mark.django_db

LOGIN_REFUSED = "登录名、密码或动态口令不正确"


def password_login(username, **extra) -> Client:
    client = Client()
    response = client.post("/login/", {"username": username, "password": DEMO_PASSWORD, **extra})
    assert response.status_code == 302, response.content.decode()
    return client


@pytest.mark.parametrize(
    "username, required",
    [
        ("admin", True),
        ("legal_head", True),
        ("reviewer", True),
        ("fuyi", True),  # 复议工作人员 sees ID numbers unmasked
        ("mayor", False),
        ("minzheng_liaison", False),
        ("minzheng_head", False),
        ("expert", False),
    ],
)
def test_who_must_use_the_second_factor(cast, username, required):
    assert second_factor_required(cast[username]) is required


def test_legal_office_enrols_from_a_qr_code_before_anything_else(cast):
    client = password_login("reviewer")
    response = client.get("/staff/")
    assert response.status_code == 302 and response["Location"] == "/staff/account/"
    assert client.get("/api/core/me").status_code == 403
    page = client.get("/staff/account/").content.decode()
    assert "<svg" in page and "密钥" in page and "须绑定手机验证器" in page
    device = TOTPDevice.objects.get(user=cast["reviewer"], confirmed=False)
    wrong = client.post("/staff/account/", {"action": "otp_enrol", "otp_token": "000000"})
    assert wrong.status_code == 400 and "动态口令：不正确或已过期" in wrong.content.decode()
    device.refresh_from_db()
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    response = client.post("/staff/account/", {"action": "otp_enrol", "otp_token": current_code(device)})
    assert response.status_code == 302
    assert client.get("/staff/").status_code == 200
    assert TOTPDevice.objects.get(user=cast["reviewer"]).confirmed
    assert Event.objects.filter(action="otp.enrol", actor=cast["reviewer"]).count() == 1


def test_once_enrolled_the_code_is_asked_at_every_login(cast):
    device = enrol_second_factor(cast["legal_head"])
    client = Client()
    missing = client.post("/login/", {"username": "legal_head", "password": DEMO_PASSWORD})
    wrong = client.post("/login/", {"username": "legal_head", "password": DEMO_PASSWORD, "otp_token": "123456"})
    bad_password = client.post("/login/", {"username": "legal_head", "password": "not-it", "otp_token": "123456"})
    for refused in (missing, wrong, bad_password):  # the same answer: nothing tells the password was right
        assert refused.status_code == 200 and LOGIN_REFUSED in refused.content.decode()
    assert "_auth_user_id" not in client.session
    device = enrol_second_factor(cast["legal_head"])  # clears the slow-down the wrong code caused
    client = password_login("legal_head", otp_token=current_code(device))
    assert client.get("/staff/").status_code == 200
    login = Event.objects.get(action="login.success")
    assert login.data["second_factor"] is True
    failures = Event.objects.filter(action="login.failed").values_list("reason", flat=True)
    assert list(failures) == ["未填写动态口令", "动态口令错误", "登录名或密码不正确"]


def test_a_code_cannot_be_used_twice(cast):
    device = enrol_second_factor(cast["admin"])
    code = current_code(device)
    password_login("admin", otp_token=code)
    replay = Client().post("/login/", {"username": "admin", "password": DEMO_PASSWORD, "otp_token": code})
    assert replay.status_code == 200 and LOGIN_REFUSED in replay.content.decode()


def test_wrong_codes_count_towards_the_lockout(cast):
    enrol_second_factor(cast["fuyi"])
    client = Client()
    for _ in range(5):
        response = client.post("/login/", {"username": "fuyi", "password": DEMO_PASSWORD, "otp_token": "000000"})
    assert response.status_code == 429


def test_people_without_the_duty_log_in_with_the_password_alone(cast):
    client = password_login("minzheng_liaison")
    assert client.get("/staff/").status_code == 200


def test_anyone_may_enrol_and_then_needs_the_code(cast):
    client = password_login("minzheng_liaison")
    assert "可选" in client.get("/staff/account/").content.decode()
    device = TOTPDevice.objects.get(user=cast["minzheng_liaison"])
    client.post("/staff/account/", {"action": "otp_enrol", "otp_token": current_code(device)})
    again = Client().post("/login/", {"username": "minzheng_liaison", "password": DEMO_PASSWORD})
    assert again.status_code == 200 and LOGIN_REFUSED in again.content.decode()


def test_the_demo_switch_lets_every_demo_role_in_with_the_password(cast, settings):
    settings.TOTP_REQUIRED = False
    for username in ["admin", "legal_head", "reviewer", "fuyi"]:
        assert password_login(username).get("/staff/").status_code == 200


def test_administrator_removes_a_lost_device_and_the_person_enrols_again(cast, login):
    enrol_second_factor(cast["reviewer"])
    response = login(cast["admin"]).post("/staff/security/", {"action": "reset_otp", "otp-username": "reviewer"})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=cast["reviewer"]).exists()
    assert Event.objects.get(action="otp.reset").data == {"username": "reviewer"}
    client = password_login("reviewer")
    assert client.get("/staff/")["Location"] == "/staff/account/"


def test_yifa_demo_says_how_the_demo_logs_in_every_role(db):
    out = io.StringIO()
    call_command("demo", stdout=out)
    text = out.getvalue()
    assert "动态口令：admin、legal_head、reviewer、fuyi 登录后须先用手机验证器扫码绑定" in text
    assert "YIFA_TOTP_REQUIRED=0" in text
