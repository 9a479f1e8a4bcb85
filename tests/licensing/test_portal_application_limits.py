"""The online licensing application has the public-form limits: a captcha from the second submission of a
session on, and every text field bounded (issue 17)."""

from tests.conftest import solve_captcha
from yifa.licensing.models import Application


def fields(**extra):
    return {
        "applicant_name": "江临市好味餐饮有限公司",
        "applicant_id_number": "91330100MA2B3C4D5E",
        "applicant_phone": "13812345678",
        "summary": "申请食品经营许可（餐饮服务）",
        **extra,
    }


def test_the_second_application_of_a_session_needs_the_captcha(food_item, client):
    url = f"/licensing/items/{food_item.pk}/apply/"
    assert "captcha_1" not in client.get(url).content.decode()
    assert client.post(url, fields()).status_code == 302
    page = client.get(url).content.decode()
    assert 'name="captcha_1"' in page
    refused = client.post(url, fields(captcha_0=solve_captcha(page)["captcha_0"], captcha_1="xxxx"))
    assert refused.status_code == 200 and "验证码不正确" in refused.content.decode()
    assert Application.objects.count() == 1
    assert client.post(url, fields(**solve_captcha(refused.content.decode()))).status_code == 302
    assert Application.objects.count() == 2


def test_an_overlong_summary_is_refused_at_its_field(food_item, client):
    response = client.post(f"/licensing/items/{food_item.pk}/apply/", fields(summary="许" * 5001))
    assert response.status_code == 200 and "申请内容：最多5000个字" in response.content.decode()
    assert not Application.objects.exists()
