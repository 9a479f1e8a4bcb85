"""The public application form (第二十二条) refuses each bad input at its field and writes nothing; files
are judged by their bytes, kept once, and a zip bomb is refused; a second submission needs the captcha."""

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tests.conftest import solve_captcha
from yifa.core.models import Attachment
from yifa.reconsideration.models import Case

URL = "/reconsideration/apply/"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def form(cast, **overrides):
    today = timezone.localdate()
    data = {
        "applicant_kind": "person",
        "applicant_name": "张三",
        "applicant_id": "110101199003071233",
        "applicant_phone": "13812345678",
        "applicant_address": "江临市青石镇幸福路1号",
        "respondent_unit": cast.units["民政局"].pk,
        "act_title": "江民罚〔2026〕12号行政处罚决定",
        "act_type": "penalty",
        "act_date": (today - timezone.timedelta(days=20)).isoformat(),
        "known_on": (today - timezone.timedelta(days=15)).isoformat(),
        "requests": "撤销该行政处罚决定",
        "facts_reasons": "事实不清，证据不足",
        "consent": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def field_errors(page: str, field: str) -> list[str]:
    """The error messages shown in the paragraph of ``field`` (label for=id_<field>)."""
    import re

    block = re.search(rf'<p[^>]*>\s*<label for="id_{field}[^"]*".*?</p>', page, re.S)
    return re.findall(r'class="errorlist"[^>]*>([^<]+)<', block.group(0)) if block else []


def post(client, data, files=()):
    payload = dict(data)
    if files:
        payload["files"] = [SimpleUploadedFile(name, content) for name, content in files]
    return client.post(URL, payload)


def test_a_valid_application_becomes_a_case_with_its_file(cast, client):
    response = post(client, form(cast), [("处罚决定书.pdf", PDF)])
    assert response.status_code == 302, response.content.decode()[:3000]
    case = Case.objects.get()
    assert case.channel == "online" and Attachment.objects.filter(name="处罚决定书.pdf").count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("applicant_id", "", "申请人为自然人的，须填写居民身份证号码"),
        ("applicant_id", "110101199003071234", "校验码"),
        ("applicant_phone", "", "须填写手机号码"),
        ("applicant_phone", "1381234567", "11位手机号码"),
        ("applicant_phone", "02112345678", "11位手机号码"),
        ("requests", "长" * 5001, "行政复议请求：最多5000个字"),
        ("applicant_name", "名" * 101, "最多100个字"),
        ("consent", None, "个人信息处理告知"),
    ],
)
def test_bad_input_is_refused_once_at_its_field_and_nothing_written(cast, client, field, value, message):
    response = post(client, form(cast, **{field: value}))
    page = response.content.decode()
    assert response.status_code == 200
    errors = field_errors(page, field)
    assert len(errors) == 1 and message in errors[0], errors
    assert page.count(errors[0]) == 1  # not repeated above the form
    assert not Case.objects.exists()


def test_an_organisation_needs_no_id_number_but_a_valid_credit_code_if_given(cast, client):
    from django.test import Client

    bad = post(client, form(cast, applicant_kind="legal", applicant_id="123", applicant_phone=""))
    assert "统一社会信用代码" in field_errors(bad.content.decode(), "applicant_id")[0]
    other = Client(REMOTE_ADDR="10.2.2.2")
    assert post(other, form(cast, applicant_kind="legal", applicant_id="", applicant_phone="")).status_code == 302


def _docx() -> bytes:
    from docx import Document

    out = io.BytesIO()
    Document().save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("说明.txt", "文本材料".encode(), "只接受"),
        ("伪装.pdf", "文本材料".encode(), "扩展名.pdf与内容"),
        ("证据.zip", None, "只接受"),
    ],
)
def test_files_outside_pdf_images_and_word_are_refused(cast, client, name, content, message):
    if content is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            z.writestr("a.txt", "x")
        content = buffer.getvalue()
    page = post(client, form(cast), [(name, content)]).content.decode()
    assert message in field_errors(page, "files")[0]
    assert not Case.objects.exists() and not Attachment.objects.exists()


def test_word_and_images_are_accepted(cast, client):
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    assert post(client, form(cast), [("申请书.docx", _docx()), ("照片.png", png)]).status_code == 302
    assert Attachment.objects.count() == 2


def _bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\x00" * (300 * 1024 * 1024))
    return buffer.getvalue()


def test_a_zip_bomb_named_docx_is_refused_before_it_is_kept(cast, client):
    bomb = _bomb()
    assert len(bomb) < 1024 * 1024
    page = post(client, form(cast), [("申请书.docx", bomb)]).content.decode()
    assert "压缩炸弹" in field_errors(page, "files")[0]
    assert not Case.objects.exists() and not Attachment.objects.exists()


def test_total_upload_size_per_submission_is_limited(cast, client, settings):
    settings.PUBLIC_UPLOAD_TOTAL_BYTES = 100 * 1024
    big = PDF + b"0" * (60 * 1024)
    page = post(client, form(cast), [("一.pdf", big), ("二.pdf", big + b"1")]).content.decode()
    assert "超过每次提交" in field_errors(page, "files")[0]
    assert not Case.objects.exists()


def test_a_body_far_beyond_the_limit_is_refused_before_it_is_read(cast, client, settings):
    settings.PUBLIC_UPLOAD_TOTAL_BYTES = 100 * 1024
    response = post(client, form(cast), [("大.pdf", PDF + b"0" * (600 * 1024))])
    assert response.status_code == 413 and "提交的内容过大" in response.content.decode()
    assert not Case.objects.exists()


def test_identical_files_are_stored_once(cast, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    content = PDF + b"same evidence" * 1000
    post(client, form(cast), [("证据.pdf", content)])
    second = form(cast, applicant_id="110101199003071217", **solve_captcha(client.get(URL).content.decode()))
    assert post(client, second, [("同一证据.pdf", content)]).status_code == 302
    assert Case.objects.count() == 2 and Attachment.objects.count() == 2
    stored = [p for p in Path(tmp_path).rglob("*") if p.is_file()]
    assert len(stored) == 1 and stored[0].read_bytes() == content


def test_the_second_submission_needs_the_offline_captcha(cast, client):
    first = client.get(URL).content.decode()
    assert "captcha_1" not in first
    assert post(client, form(cast)).status_code == 302
    page = client.get(URL).content.decode()
    assert 'name="captcha_1"' in page
    image = page.split('src="/captcha/image/')[1].split('"')[0]
    drawn = client.get(f"/captcha/image/{image}")
    assert drawn.status_code == 200 and drawn.content[:4] == b"\x89PNG"  # drawn here, no outside service
    wrong = post(
        client,
        form(cast, applicant_id="110101199003071217", captcha_0=solve_captcha(page)["captcha_0"], captcha_1="xxxx"),
    )
    assert "验证码不正确" in field_errors(wrong.content.decode(), "captcha_1")[0]
    assert Case.objects.count() == 1
    right = form(cast, applicant_id="110101199003071217", **solve_captcha(wrong.content.decode()))
    assert post(client, right).status_code == 302 and Case.objects.count() == 2


def test_concurrent_first_posts_from_one_address_get_one_pass(cast, client):
    """The second post of an address needs the captcha even if the first has not finished (no session yet)."""
    from django.test import Client

    post(Client(), form(cast, applicant_name=""))  # a first post, refused for its input
    page = post(Client(), form(cast)).content.decode()
    assert "请输入验证码" in field_errors(page, "captcha_1")[0] and not Case.objects.exists()


def test_a_new_session_from_the_same_address_still_needs_the_captcha(cast, client, django_user_model):
    from django.test import Client

    post(client, form(cast))
    assert 'name="captcha_1"' in Client().get(URL).content.decode()


def test_posts_beyond_the_address_limit_are_refused_with_429(cast, client, settings):
    settings.PUBLIC_RATE_PER_ADDRESS = "3/h"
    from django.test import Client

    codes = [Client().post(URL, form(cast, applicant_name="")).status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    page = Client().post(URL, form(cast)).content.decode()
    assert "提交过于频繁" in page and not Case.objects.exists()


def test_posts_beyond_the_session_limit_are_refused_even_from_many_addresses(cast, client, settings):
    settings.PUBLIC_RATE_PER_SESSION = "2/h"
    client.get(URL)
    client.session.save()
    codes = [
        client.post(URL, form(cast, applicant_name=""), REMOTE_ADDR=f"10.0.0.{i}").status_code for i in range(1, 5)
    ]
    assert codes[-1] == 429


def test_the_applied_page_offers_a_receipt(cast, client):
    post(client, form(cast))
    assert (
        reverse("portal_reconsideration:receipt")
        in client.get(reverse("portal_reconsideration:applied")).content.decode()
    )


def test_the_receipt_names_the_case_the_code_and_the_acceptance_deadline(cast, client, monkeypatch):
    """行政复议法（2023）第三十条第一款, five days, working days by 第八十八条. Received Tuesday 2026-12-01:
    Wed 2, Thu 3, Fri 4, (weekend), Mon 7, Tue 8 → the review ends Tuesday 2026-12-08."""
    from yifa.lib.office import docx_text

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: dt.date(2026, 12, 1))
    post(client, form(cast, act_date="2026-11-10", known_on="2026-11-15"), [("决定书.pdf", PDF)])
    case = Case.objects.get()
    response = client.get(reverse("portal_reconsideration:receipt"))
    assert response["Content-Disposition"].startswith("attachment")
    text = docx_text(response.content)
    assert case.number in text and case.lookup_code in text and "决定书.pdf" in text
    assert "收到申请日期：2026年12月1日" in text and "第三十条" in text
    assert "审查期限至2026年12月8日" in text


def test_no_receipt_without_an_application_in_this_session(cast, client):
    assert client.get(reverse("portal_reconsideration:receipt")).status_code == 404
