from django.db import models


class ImportJob(models.Model):
    """One uploaded file imported by the task worker: read, every row validated, then all rows written in
    one transaction with one audit event (the file's SM3 hash and row count). The page polls its progress."""

    class Status(models.TextChoices):
        QUEUED = "queued", "排队中"
        VALIDATING = "validating", "逐行校验中"
        WRITING = "writing", "写入中（一次提交，全部或全不）"
        DONE = "done", "已完成"
        FAILED = "failed", "失败（一行也未写入）"

    kind = models.CharField("导入类型", max_length=100)  # the dotted path of the importer's run function
    label = models.CharField("名称", max_length=100)
    file_name = models.CharField("文件名", max_length=200, blank=True)
    sm3 = models.CharField("文件SM3", max_length=64)
    content = models.BinaryField("文件内容")
    created_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    status = models.CharField("状态", max_length=12, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField("行数", default=0)
    done = models.PositiveIntegerField("已处理", default=0)
    error = models.TextField("错误", blank=True)
    next_url = models.CharField("完成后查看", max_length=200, blank=True)
    options = models.JSONField("导入参数", default=dict, blank=True)  # what the importer needs besides the file
    requested_at = models.DateTimeField("提交时间", auto_now_add=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "导入任务"
        ordering = ["-id"]

    def __str__(self):
        return f"{self.label}：{self.file_name}（{self.total}行）"

    @property
    def busy(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.VALIDATING, self.Status.WRITING)

    @property
    def percent(self) -> int:
        return 100 if self.status == self.Status.DONE else (self.done * 100 // self.total if self.total else 0)
