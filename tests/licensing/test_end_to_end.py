"""End to end through the pages (Django test client; see test_browser.py for the Chromium run):
item published → application on the portal → 补正 → 受理 → decision → certificate → expiry reminder."""

import datetime as dt
import re

from django.core import mail
from django.utils import timezone

from tests.conftest import solve_captcha
from yifa.core.models import Deadline, Notification
from yifa.licensing import rules, tasks
from yifa.licensing.models import Application, Certificate

D = dt.date


def post_act(client, app, name, **fields):
    app.refresh_from_db()
    data = {f"{name}-version": app.version, **{f"{name}-{k}": v for k, v in fields.items()}}
    response = client.post(f"/staff/licensing/applications/{app.pk}/act/{name}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_from_the_published_item_to_the_renewal_reminder(cast, food_item, client, login):
    guide = client.get(food_item.get_public_url()).content.decode()
    assert "办事指南" in guide and "申请书" in guide and "不收费" in guide

    response = client.post(
        f"/licensing/items/{food_item.pk}/apply/",
        {
            "applicant_name": "江临市好味餐饮有限公司",
            "applicant_id_number": "91330100MA2B3C4D5E",
            "applicant_phone": "13812345678",
            "summary": "申请食品经营许可（餐饮服务）",
        },
    )
    assert response.status_code == 302
    done = client.get(response["Location"]).content.decode()
    number = re.search(r'id="number">([^<]+)<', done).group(1)
    code = re.search(r'id="code">([^<]+)<', done).group(1)
    app = Application.objects.get(number=number)
    assert app.channel == "online" and app.received_on == timezone.localdate()

    staff = login(cast["shijian_liaison"])
    post_act(staff, app, "request_correction", items="补交食品安全管理制度文本")
    # The session has applied once: its lookup, like any public form after a submission, asks the captcha.
    captcha = solve_captcha(client.get("/licensing/status/").content.decode())
    status = client.post("/licensing/status/", {"number": number, "code": code, **captcha}).content.decode()
    assert "待补正" in status and "补交食品安全管理制度文本" in status
    assert "91330100MA2B3C4D5E" not in status and "13812345678" not in status

    post_act(staff, app, "receive_correction")
    post_act(staff, app, "accept")
    post_act(staff, app, "grant", decision_number="江市监许〔2026〕1号")
    post_act(staff, app, "issue", number="JY13301000000001")
    cert = Certificate.objects.get(application=app)
    today = timezone.localdate()
    assert cert.valid_until > today

    shown = client.get("/licensing/certificates/", {"number": "JY13301000000001"}).content.decode()
    assert "有效" in shown and "食品经营许可" in shown
    assert "好味餐饮" not in shown and "91330100MA2B3C4D5E" not in shown

    renewal = Deadline.objects.get(rule_id=rules.RENEWAL_DUE.id, subject_id=str(cert.pk))
    assert renewal.due == rules.last_renewal_day(cert.valid_until)
    mail.outbox.clear()
    remind_on = renewal.due - dt.timedelta(days=rules.REMIND_DAYS_BEFORE_RENEWAL)
    assert "发出延续提醒0件" in tasks.daily(remind_on - dt.timedelta(days=1))
    assert "发出延续提醒1件" in tasks.daily(remind_on)
    assert "发出延续提醒0件" in tasks.daily(remind_on)
    cert.refresh_from_db()
    assert cert.reminded_on == remind_on
    note = Notification.objects.filter(user=cast["shijian_liaison"], title__contains="JY13301000000001").get()
    assert "前申请延续" in note.body and "第五十条第一款" in note.body
    assert f"应于{renewal.due:%Y-%m-%d}前（含当日）申请延续" in staff.get(cert.get_absolute_url()).content.decode()
