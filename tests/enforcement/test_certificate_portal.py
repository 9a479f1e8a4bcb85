"""Scanning a certificate's QR code opens a public page with its number and status, nothing personal."""

import datetime as dt

from django.urls import reverse

from yifa.core.procedure import fire
from yifa.enforcement.flows import CERTIFICATE_FLOW

from .conftest import D, certificate


def test_qr_address_shows_status_and_nothing_personal(client, legal, body, officers):
    cert = officers[0]
    page = client.get(reverse("portal_enforcement:certificate", args=[cert.code]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "37010001" in text and "有效" in text and "江临市市场监督管理局" in text
    for personal in ("孙执法", "110101199001011234", "13800000000"):
        assert personal not in text
    body = text.split("<main", 1)[1].split("</main>", 1)[0]  # the site footer carries the office's own phone
    for fragment in ("1234", "0000"):
        assert fragment not in body


def test_expired_and_suspended_certificates_show_so(client, legal, body, officers):
    old = certificate(legal, body, "吴旧证", "37010009", since=D(2020, 1, 1), until=dt.date(2023, 12, 31))
    page = client.get(reverse("portal_enforcement:certificate", args=[old.code])).content.decode()
    assert "已过期" in page and "不能用于行政执法" in page
    fire(CERTIFICATE_FLOW, officers[1], "suspend", by=legal, reason="暂扣")
    page = client.get(reverse("portal_enforcement:certificate", args=[officers[1].code])).content.decode()
    assert '<strong id="status">暂扣</strong>' in page


def test_qr_image_encodes_the_check_address(client, officers):
    response = client.get(reverse("portal_enforcement:certificate_qr", args=[officers[0].code]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content


def test_unknown_code_is_not_found(client, officers):
    assert client.get(reverse("portal_enforcement:certificate", args=["nope"])).status_code == 404
    assert client.get(reverse("portal_enforcement:certificate_qr", args=["nope"])).status_code == 404


def test_officer_page_is_scoped_and_masks_personal_data(cast, login, officers):
    officer = officers[0].officer
    url = reverse("enforcement:officer", args=[officer.pk])
    page = login(cast["shijian_officer"]).get(url).content.decode()
    assert "孙执法" in page and "110101199001011234" not in page and "13800000000" not in page
    assert login(cast["minzheng_liaison"]).get(url).status_code == 403
    assert "110101199001011234" in login(cast["admin"]).get(url).content.decode()


def test_portal_lists_consolidated_powers_and_only_published_benchmarks(cast, client):
    from yifa.enforcement import demo
    from yifa.enforcement.models import Benchmark

    demo.load(cast)
    Benchmark.objects.create(
        unit=cast["市场监管局"],
        code="SJ-DRAFT",
        violation="草稿基准",
        circumstance="-",
        degree="minor",
        fine_min=0,
        fine_max=1,
        legal_basis="-",
    )
    bodies = client.get(reverse("portal_enforcement:bodies")).content.decode()
    assert "江临市青石镇综合行政执法办公室" in bodies
    assert "省人民政府关于赋予乡镇（街道）部分行政处罚权的决定" in bodies
    benchmarks = client.get(reverse("portal_enforcement:benchmarks")).content.decode()
    assert "SJ-001" in benchmarks and "SJ-DRAFT" not in benchmarks
