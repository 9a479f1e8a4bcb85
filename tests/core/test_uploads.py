"""Uploads: the type comes from the bytes; executables, mismatches, empty and oversized files are refused."""

import io
import struct
import zipfile
import zlib

import pytest
from django.db import transaction

from yifa.core.errors import YifaError
from yifa.core.models import Attachment
from yifa.core.uploads import store_upload
from yifa.lib.office import docx_from_text

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
WINDOWS_EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200
LINUX_ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 200


def png() -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")
    )


def zip_with(name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(content, name, by=None):
    with transaction.atomic():
        return store_upload(content=content, name=name, by=by)


@pytest.mark.parametrize(
    "content, name",
    [
        (WINDOWS_EXE, "答复书.pdf"),
        (WINDOWS_EXE, "决定书.docx"),
        (LINUX_ELF, "证据.pdf"),
        (LINUX_ELF, "说明.txt"),
        (b"#!/bin/sh\nrm -rf /\n", "说明.txt"),
    ],
)
def test_a_disguised_executable_is_refused(content, name):
    with pytest.raises(YifaError, match=f"文件“{name}”实为可执行程序，禁止上传") as err:
        upload(content, name)
    assert err.value.field == "file"
    assert not Attachment.objects.exists()


@pytest.mark.parametrize(
    "content, name, message",
    [
        (png(), "扫描件.pdf", "扩展名.pdf与内容（image/png）不符"),
        (PDF, "决定书.docx", "扩展名.docx与内容（application/pdf）不符"),
        ("纯文本".encode(), "表格.xlsx", "扩展名.xlsx与内容（text/plain）不符"),
        (zip_with("setup.exe", WINDOWS_EXE), "决定书.docx", "不是有效的DOCX文件"),
        (docx_from_text("标题", ["正文"]), "表格.xlsx", "不是有效的XLSX文件"),
        (b"\x00\x01\x02\x03" * 100, "数据.bin", "无法识别文件"),
    ],
)
def test_extension_and_content_must_agree(content, name, message):
    with pytest.raises(YifaError, match=message):
        upload(content, name)
    assert not Attachment.objects.exists()


def test_an_empty_file_is_refused():
    with pytest.raises(YifaError, match="文件“空.pdf”为空"):
        upload(b"", "空.pdf")


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    with pytest.raises(YifaError, match="超过1MB的大小限制"):
        upload(PDF + b"0" * (1024 * 1024), "大.pdf")
    assert not Attachment.objects.exists()


@pytest.mark.parametrize(
    "content, name, mime",
    [
        (PDF, "答复书.pdf", "application/pdf"),
        (
            docx_from_text("行政复议决定书", ["经审理查明……"]),
            "决定书.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (png(), "现场照片.PNG", "image/png"),
        ("申请人：张三\n请求事项：撤销处罚决定".encode("gb18030"), "申请书.txt", "text/plain"),
    ],
)
def test_real_documents_are_accepted_with_a_digest(cast, content, name, mime):
    import hashlib

    attachment = upload(content, name, by=cast.people["minzheng_liaison"])
    assert (attachment.name, attachment.mime, attachment.size) == (name, mime, len(content))
    assert attachment.sha256 == hashlib.sha256(content).hexdigest()
    assert attachment.unit == cast.units["民政局"]
    assert attachment.file.read() == content


def test_a_path_in_the_file_name_is_dropped():
    assert upload(PDF, "../../etc/答复书.pdf").name == "答复书.pdf"


def test_download_is_a_forced_attachment_with_nosniff(cast, login):
    attachment = upload(PDF, "答复书.pdf", by=cast.people["minzheng_liaison"])
    response = login(cast.people["minzheng_liaison"]).get(f"/staff/attachments/{attachment.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == PDF


def test_the_uploader_may_always_download_own_file(cast, login):
    expert = cast.people["expert"]  # belongs to no unit
    attachment = upload(PDF, "论证意见.pdf", by=expert)
    assert login(expert).get(f"/staff/attachments/{attachment.pk}/").status_code == 200
    assert login(cast.people["minzheng_liaison"]).get(f"/staff/attachments/{attachment.pk}/").status_code == 403
