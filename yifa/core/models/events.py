from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


class AppendOnly(Exception):
    pass


class Event(models.Model):
    """One row per state change, written once, hash-chained with HMAC-SM3 (``yifa.core.audit``)."""

    at = models.DateTimeField("时间", db_index=True)
    actor = models.ForeignKey(
        "core.User", verbose_name="操作人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_name = models.CharField("操作人姓名", max_length=50, blank=True)
    unit = models.ForeignKey(
        "core.Unit", verbose_name="单位", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    subject_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT)
    subject_id = models.CharField(max_length=40, blank=True)
    subject_label = models.CharField("对象", max_length=200, blank=True)
    action = models.CharField("动作", max_length=60)
    action_label = models.CharField("动作名称", max_length=60, blank=True)
    from_state = models.CharField("原状态", max_length=40, blank=True)
    to_state = models.CharField("新状态", max_length=40, blank=True)
    reason = models.TextField("理由", blank=True)
    data = models.JSONField("数据", default=dict, blank=True, encoder=DjangoJSONEncoder)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = verbose_name_plural = "审计事件"
        ordering = ["id"]
        indexes = [models.Index(fields=["subject_type", "subject_id", "id"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action_label or self.action}"

    def save(self, *args, **kwargs):
        if self.pk and not self._state.adding:
            raise AppendOnly("审计事件只能追加，不能修改")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("审计事件只能追加，不能删除")


class AuditHead(models.Model):
    """The newest link of the chain; locked while appending so links never fork,
    and compared on verify so a deleted tail is noticed."""

    last_id = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)
    count = models.BigIntegerField(default=0)
