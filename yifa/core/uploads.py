"""Attachments: the type is sniffed from the bytes, never trusted from the name."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import PurePath

import filetype
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from .errors import YifaError
from .models import Attachment, StoredFile
from .models.attachments import upload_path

# Office formats are zip containers; the extension decides which, once the bytes say "zip".
ALLOWED = {
    "application/pdf": {".pdf"},
    "image/jpeg": {".jpg", ".jpeg"},
    "image/png": {".png"},
    "application/zip": {".docx", ".xlsx", ".pptx", ".zip", ".ofd"},
    "text/plain": {".txt", ".csv"},
}
EXTENSION_MIME = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".ofd": "application/ofd",
    ".csv": "text/csv",
}
ZIP_MAX_RATIO = 100
ZIP_MAX_MEMBERS = 2000
CHUNK = 1024 * 1024
EXECUTABLE_MAGIC = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"#!")
# An Office/OFD file is a zip that holds these members; any other zip named .docx is refused.
CONTAINER_MEMBERS = {
    ".docx": ("[Content_Types].xml", "word/"),
    ".xlsx": ("[Content_Types].xml", "xl/"),
    ".pptx": ("[Content_Types].xml", "ppt/"),
    ".ofd": ("OFD.xml",),
}


def sniff(content: bytes, name: str) -> str:
    """The MIME type the bytes prove, or raise a Chinese error naming the file."""
    suffix = PurePath(name).suffix.lower()
    if content.startswith(EXECUTABLE_MAGIC):
        raise YifaError(f"文件“{name}”实为可执行程序，禁止上传", field="file")
    kind = filetype.guess(content)
    if kind is not None:
        mime = kind.mime
        if mime in {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        }:
            mime = "application/zip"
    elif _is_text(content):
        mime = "text/plain"
    else:
        raise YifaError(f"无法识别文件“{name}”的类型，只接受PDF、Word、Excel、图片和文本文件", field="file")
    allowed = ALLOWED.get(mime)
    if allowed is None:
        raise YifaError(f"文件“{name}”的内容类型为{mime}，不在允许上传的类型之列", field="file")
    if suffix not in allowed:
        raise YifaError(f"文件“{name}”的扩展名{suffix or '（无）'}与内容（{mime}）不符", field="file")
    if mime == "application/zip":
        inspect_zip(content, name)
    if suffix in CONTAINER_MEMBERS and not _holds(content, CONTAINER_MEMBERS[suffix]):
        raise YifaError(f"文件“{name}”不是有效的{suffix[1:].upper()}文件（压缩包内容与扩展名不符）", field="file")
    return EXTENSION_MIME.get(suffix, mime)


def refuse_upload(content: bytes, name: str, suffixes: set[str]) -> str | None:
    """Why a form that promises only ``suffixes`` must refuse this file, judged by its bytes; None if fine."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in suffixes:
        return f"文件“{safe_name(name)}”：只接受{'、'.join(sorted(s[1:].upper() for s in suffixes))}文件"
    try:
        sniff(content, safe_name(name))
    except YifaError as exc:
        return exc.message
    return None


def inspect_zip(content: bytes, name: str) -> None:
    """A zip (an Office file is one) is unpacked in memory-bounded chunks before it is kept: a bomb, a
    zip that unpacks to more than ``UPLOAD_UNZIPPED_MAX_BYTES`` or ``ZIP_MAX_RATIO`` times its size, or
    one with too many members is refused. Sizes the headers declare are not trusted."""
    limit = min(settings.UPLOAD_UNZIPPED_MAX_BYTES, max(len(content), 1) * ZIP_MAX_RATIO)
    bomb = YifaError(
        f"文件“{name}”解压后过大（超过{limit // 1048576 or 1}MB或压缩比过高），疑为压缩炸弹，拒绝上传", field="file"
    )
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
        if len(members) > ZIP_MAX_MEMBERS:
            raise YifaError(f"文件“{name}”内含文件超过{ZIP_MAX_MEMBERS}个，拒绝上传", field="file")
        if sum(m.file_size for m in members) > limit:
            raise bomb
        total = 0
        for member in members:
            with archive.open(member) as stream:
                while chunk := stream.read(CHUNK):
                    total += len(chunk)
                    if total > limit:
                        raise bomb
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, ValueError, EOFError):
        raise YifaError(f"文件“{name}”是损坏或加密的压缩文件，无法检查，拒绝上传", field="file")


def _holds(content: bytes, members: tuple[str, ...]) -> bool:
    try:
        names = zipfile.ZipFile(io.BytesIO(content)).namelist()
    except (zipfile.BadZipFile, ValueError):
        return False
    return all(any(n == m or (m.endswith("/") and n.startswith(m)) for n in names) for m in members)


def _is_text(content: bytes) -> bool:
    sample = content[:4096]
    if b"\x00" in sample:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            sample.decode(encoding)
            return True
        except UnicodeDecodeError:
            continue
    return False


def safe_name(name: str) -> str:
    base = PurePath(name.replace("\\", "/")).name.strip().lstrip(".")
    return base[:200] or "未命名"


def store_upload(
    *, content: bytes, name: str, by=None, subject=None, purpose: str = "", is_public: bool = False
) -> Attachment:
    """Validate and store one file. Call inside the service's transaction."""
    name = safe_name(name)
    if not content:
        raise YifaError(f"文件“{name}”为空", field="file")
    limit = settings.UPLOAD_MAX_BYTES
    if len(content) > limit:
        raise YifaError(f"文件“{name}”超过{limit // (1024 * 1024)}MB的大小限制", field="file")
    mime = sniff(content, name)
    digest = hashlib.sha256(content).hexdigest()
    attachment = Attachment(
        name=name,
        mime=mime,
        size=len(content),
        sha256=digest,
        uploaded_by=by if getattr(by, "pk", None) else None,
        unit=getattr(by, "unit", None),
        purpose=purpose,
        is_public=is_public,
    )
    if subject is not None:
        attachment.subject_type = ContentType.objects.get_for_model(subject)
        attachment.subject_id = str(subject.pk)
    keep_once(attachment, content)
    attachment.save()
    return attachment


def keep_once(attachment: Attachment, content: bytes) -> None:
    """Content-addressed: the file is named by its SHA-256, so identical bytes are written once and every
    attachment of them points at that one file. Claiming the digest's row first makes this hold for
    simultaneous uploads too: the second insert waits for the first transaction, then finds the row."""
    path = upload_path(attachment, attachment.name)
    attachment.file.name = path
    try:
        with transaction.atomic():
            StoredFile.objects.create(sha256=attachment.sha256, size=len(content))
    except IntegrityError:
        return
    if not attachment.file.storage.exists(path):  # a file left by a rolled-back upload is the same bytes
        attachment.file.save(attachment.sha256, ContentFile(content), save=False)


def attachments_of(subject, purpose: str | None = None):
    qs = Attachment.objects.filter(subject_type=ContentType.objects.get_for_model(subject), subject_id=str(subject.pk))
    return qs.filter(purpose=purpose) if purpose is not None else qs


def attachments_by_subject(subjects, purpose: str | None = None) -> dict[int, list[Attachment]]:
    """Attachments of many records of one model in one query: {pk: [attachments]}."""
    subjects = list(subjects)
    grouped: dict[int, list[Attachment]] = {s.pk: [] for s in subjects}
    if not subjects:
        return grouped
    qs = Attachment.objects.filter(
        subject_type=ContentType.objects.get_for_model(subjects[0]), subject_id__in=[str(s.pk) for s in subjects]
    )
    if purpose is not None:
        qs = qs.filter(purpose=purpose)
    for attachment in qs.order_by("id"):
        grouped[int(attachment.subject_id)].append(attachment)
    return grouped
