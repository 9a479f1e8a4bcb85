from django.contrib.contenttypes.models import ContentType
from django.db import models


def upload_path(instance, filename):
    return f"attachments/{instance.sha256[:2]}/{instance.sha256}"


class Attachment(models.Model):
    subject_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.CASCADE)
    subject_id = models.CharField(max_length=40, blank=True)
    purpose = models.CharField("用途", max_length=40, blank=True)
    file = models.FileField(upload_to=upload_path, max_length=200)
    name = models.CharField("文件名", max_length=200)
    mime = models.CharField("类型", max_length=100)
    size = models.PositiveBigIntegerField("大小")
    sha256 = models.CharField("摘要", max_length=64, db_index=True)
    uploaded_by = models.ForeignKey("core.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    unit = models.ForeignKey("core.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    is_public = models.BooleanField("可公开", default=False)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "附件"
        indexes = [models.Index(fields=["subject_type", "subject_id"])]

    def __str__(self):
        return self.name


class StoredFile(models.Model):
    """One row per distinct content on disk. Its unique digest is the claim that decides which of two
    simultaneous uploads of the same bytes writes the file; the other waits for it and reuses the file."""

    sha256 = models.CharField("摘要", max_length=64, unique=True)
    size = models.PositiveBigIntegerField("大小")
    stored_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "存储文件"

    def __str__(self):
        return self.sha256
