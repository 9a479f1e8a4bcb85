"""The shared cast: the demo city's units and one person per role."""

import datetime as dt

import pytest
from django.test import Client

from yifa.core.demo import DEMO_PASSWORD, build_city
from yifa.lib.workdays import calendar_from_package


def pytest_configure(config):
    """Password hashing is not what these tests test; PBKDF2 for ~25 demo people per test is slow."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Background jobs run at once, in-process (tests/core/test_calendar_jobs.py uses the database queue).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    # django-tasks keeps the backend it first built; a task declared at import, before this line, would
    # otherwise leave every test on the database queue (imports stayed "queued" in some test orders).
    from django.test.signals import setting_changed

    setting_changed.send(sender=None, setting="TASKS", value=settings.TASKS, enter=True)


@pytest.fixture(scope="session")
def package_calendar():
    """The State Council schedules 2004–2026, without the database."""
    return calendar_from_package(2004, 2026)


@pytest.fixture
def cast(db):
    return build_city()


def enrol_second_factor(user):
    """A confirmed TOTP device for ``user``, ready for a fresh code (no code counts as used)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="测试验证器", confirmed=True)
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1, throttling_failure_count=0)
    device.refresh_from_db()
    return device


def current_code(device) -> str:
    from django_otp.oath import TOTP

    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"


class StaffClient(Client):
    """force_login as the login page would leave the session: people who must use the second factor
    arrive having entered it. It stands for a login made earlier, so it leaves no login event in the
    audit log (tests of logins, their audit and the second factor use the login page itself)."""

    def force_login(self, user, backend=None):
        from django.contrib.auth.signals import user_logged_in
        from django_otp import DEVICE_ID_SESSION_KEY

        from yifa.core.logins import AUDIT_LOGIN, on_login
        from yifa.core.second_factor import second_factor_required

        user_logged_in.disconnect(dispatch_uid=AUDIT_LOGIN)
        try:
            super().force_login(user, backend)
        finally:
            user_logged_in.connect(on_login, dispatch_uid=AUDIT_LOGIN)
        if second_factor_required(user):
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = enrol_second_factor(user).persistent_id
            session.save()


@pytest.fixture
def client():
    return StaffClient()


@pytest.fixture
def login(client):
    def as_(user) -> Client:
        client.force_login(user)
        return client

    return as_


@pytest.fixture
def today():
    return dt.date(2026, 11, 26)


__all__ = ["DEMO_PASSWORD"]


CHROMIUM = "/usr/bin/chromium"


@pytest.fixture
def browser_page(django_db_serialized_rollback, live_server):
    """A real headless Chromium page (Debian's chromium, driven by Playwright).
    Skipped where chromium is missing, unless YIFA_REQUIRE_BROWSER is set (CI).
    live_server needs a transactional database, whose flush would also empty the
    holiday calendar seeded by migration for later tests: serialized rollback restores it."""
    import os
    import shutil

    if not shutil.which(CHROMIUM):
        if os.environ.get("YIFA_REQUIRE_BROWSER"):
            pytest.fail("浏览器测试需要 /usr/bin/chromium（apt-get install chromium）")
        pytest.skip("chromium not installed")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        page = browser.new_page(base_url=live_server.url, locale="zh-CN")
        page.set_default_timeout(15000)
        yield page
        browser.close()


@pytest.fixture
def browser_login(browser_page):
    from yifa.core.second_factor import second_factor_required

    def as_(user, password=DEMO_PASSWORD):
        browser_page.goto("/login/")
        browser_page.fill("#id_username", user.username)
        browser_page.fill("#id_password", password)
        if second_factor_required(user):
            browser_page.fill("#id_otp_token", current_code(enrol_second_factor(user)))
        browser_page.click("button:has-text('登录')")
        browser_page.wait_for_url("**/staff/**")
        return browser_page

    return as_


@pytest.fixture(autouse=True)
def _fresh_public_limits():
    """Every test starts with no public-form submissions counted (they share 127.0.0.1 and the locmem cache)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def solve_captcha(page: str) -> dict:
    """What a person reading the image would type: the answer the server stored for the key in ``page``."""
    import re

    from captcha.models import CaptchaStore

    key = re.search(r'name="captcha_0" value="([0-9a-f]+)"', page).group(1)
    return {"captcha_0": key, "captcha_1": CaptchaStore.objects.get(hashkey=key).response}
