"""The staff registers: bodies (with 相对集中处罚权 transfers), officers and certificates, and the powers catalogue
with each power's responsible post; every change keeps before/after and shows on the record's page."""

from django.urls import reverse

from yifa.enforcement.models import Body, Certificate, Officer, Power

POWER = {
    "code": "SJ-CF-001",
    "name": "对销售超过保质期食品的行政处罚",
    "kind": "penalty",
    "legal_basis": "《中华人民共和国食品安全法》第一百二十四条",
    "benchmark_code": "SJ-001",
    "responsible_post": "执法稽查科科长",
    "active": "on",
}


def test_legal_office_registers_a_power_and_the_portal_publishes_it(cast, login, body, client):
    staff = login(cast["legal_head"])
    response = staff.post(reverse("enforcement:power_new"), {**POWER, "body": body.pk})
    power = Power.objects.get(code="SJ-CF-001")
    assert response.status_code == 302 and response.url == power.get_absolute_url()
    page = client.get(reverse("portal_enforcement:powers")).content.decode()
    assert "对销售超过保质期食品的行政处罚" in page and "执法稽查科科长" in page and "第一百二十四条" in page


def test_a_power_without_its_responsible_post_is_refused_naming_the_rule(cast, login, body):
    response = login(cast["legal_head"]).post(
        reverse("enforcement:power_new"), {**POWER, "body": body.pk, "responsible_post": " "}
    )
    assert response.status_code == 400
    assert "责任岗位（《山东省行政执法监督条例》（2014年）第十五条第二款）：必须填写" in response.content.decode()
    assert not Power.objects.exists()


def test_changing_the_responsible_post_shows_before_and_after_on_the_power_page(cast, login, body, client):
    staff = login(cast["legal_head"])
    staff.post(reverse("enforcement:power_new"), {**POWER, "body": body.pk})
    power = Power.objects.get()
    url = power.get_absolute_url()
    response = staff.post(url, {**POWER, "body": body.pk, "version": power.version, "responsible_post": "稽查局局长"})
    assert response.status_code == 302
    page = staff.get(url).content.decode()
    assert "责任岗位：执法稽查科科长 → 稽查局局长" in page and "修改执法事项" in page
    stale = staff.post(url, {**POWER, "body": body.pk, "version": power.version, "responsible_post": "别的岗位"})
    assert stale.status_code == 400
    assert Power.objects.get().responsible_post == "稽查局局长"


def test_a_withdrawn_power_leaves_the_portal(cast, login, body, client):
    staff = login(cast["legal_head"])
    staff.post(reverse("enforcement:power_new"), {**POWER, "body": body.pk})
    power = Power.objects.get()
    data = {k: v for k, v in POWER.items() if k != "active"}
    staff.post(power.get_absolute_url(), {**data, "body": body.pk, "version": power.version})
    assert not Power.objects.get().active
    assert "对销售超过保质期食品" not in client.get(reverse("portal_enforcement:powers")).content.decode()


def test_an_officer_of_another_unit_cannot_change_a_power(cast, login, body):
    staff = login(cast["legal_head"])
    staff.post(reverse("enforcement:power_new"), {**POWER, "body": body.pk})
    power = Power.objects.get()
    outsider = login(cast["minzheng_head"])
    page = outsider.get(power.get_absolute_url())
    assert page.status_code == 200 and "<h2>修改</h2>" not in page.content.decode()
    refused = outsider.post(
        power.get_absolute_url(), {**POWER, "body": body.pk, "version": power.version, "responsible_post": "x"}
    )
    assert refused.status_code == 403
    assert Power.objects.get().responsible_post == "执法稽查科科长"


def test_a_consolidated_body_needs_its_transfer_act(cast, login):
    data = {
        "unit": cast["青石镇"].pk,
        "name": "江临市青石镇综合行政执法办公室",
        "kind": "consolidated",
        "fields": "城市管理",
        "legal_basis": "《中华人民共和国行政处罚法》第十八条第二款",
        "transferred_from": "江临市自然资源局",
        "transferred_powers": "违法建设的行政处罚权",
    }
    response = login(cast["legal_head"]).post(reverse("enforcement:body_new"), data)
    assert response.status_code == 400
    assert "决定文件（《中华人民共和国行政处罚法》（2021年）第十八条第二款）：必须填写" in response.content.decode()
    assert not Body.objects.exists()


def test_a_body_transfer_is_recorded_and_published(cast, login, body, client):
    staff = login(cast["legal_head"])
    data = {
        "unit": body.unit_id,
        "name": body.name,
        "kind": "consolidated",
        "fields": "市场监管、城市管理",
        "legal_basis": body.legal_basis,
        "transferred_from": "江临市城市管理局",
        "transferred_powers": "占道经营的行政处罚权",
        "transfer_act": "省人民政府关于相对集中行政处罚权的决定",
        "version": body.version,
    }
    assert staff.post(body.get_absolute_url(), data).status_code == 302
    page = staff.get(body.get_absolute_url()).content.decode()
    assert "决定文件：（空） → 省人民政府关于相对集中行政处罚权的决定" in page
    portal = client.get(reverse("portal_enforcement:bodies")).content.decode()
    assert "自江临市城市管理局划入：占道经营的行政处罚权" in portal
    refused = login(cast["shijian_head"]).post(body.get_absolute_url(), {**data, "version": body.version + 1})
    assert refused.status_code == 403


def test_legal_office_registers_an_officer_and_issues_a_certificate(cast, login, body):
    staff = login(cast["legal_head"])
    response = staff.post(
        reverse("enforcement:officer_new"),
        {"body": body.pk, "name": "李执法", "id_number": "110101199001011234", "phone": "13800000000"},
    )
    officer = Officer.objects.get(name="李执法")
    assert response.url == reverse("enforcement:officer", args=[officer.pk])
    url = response.url
    cert = {
        "form": "certificate",
        "cert-number": "37019999",
        "cert-field": "市场监管",
        "cert-issuer": "山东省人民政府",
        "cert-valid_from": "2026-01-01",
        "cert-valid_until": "2025-12-31",
    }
    bad = staff.post(url, cert)
    assert bad.status_code == 400 and "有效期至：须晚于有效期起" in bad.content.decode()
    assert not Certificate.objects.filter(number="37019999").exists()
    assert staff.post(url, {**cert, "cert-valid_until": "2029-12-31"}).status_code == 302
    assert Certificate.objects.get(number="37019999").officer == officer
    edit = {"form": "officer", "officer-body": body.pk, "officer-name": "李新名", "officer-version": officer.version}
    assert staff.post(url, edit).status_code == 302
    officer.refresh_from_db()
    assert officer.name == "李新名" and officer.id_number == "110101199001011234"
    page = staff.get(url).content.decode()
    assert "姓名：李执法 → 李新名" in page
    refused = login(cast["shijian_officer"]).post(url, {**edit, "officer-name": "x", "officer-version": 1})
    assert refused.status_code in (403, 404)


def test_api_lists_the_published_powers_without_login(cast, login, body, client):
    login(cast["legal_head"]).post(reverse("enforcement:power_new"), {**POWER, "body": body.pk})
    client.logout()
    items = client.get("/api/enforcement/public/powers").json()["items"]
    assert items == [
        {
            "code": "SJ-CF-001",
            "name": "对销售超过保质期食品的行政处罚",
            "kind": "行政处罚",
            "body": "江临市市场监督管理局",
            "legal_basis": "《中华人民共和国食品安全法》第一百二十四条",
            "benchmark_code": "SJ-001",
            "responsible_post": "执法稽查科科长",
        }
    ]
