"""The legal office's marks on screening findings: right or a false alarm. Each mark is an example for its
rule: a sentence marked wrong is not raised again by that rule, one marked right is shown as confirmed, and
``yifa screening_examples`` exports them beside the catalogue's examples for the tests."""

from __future__ import annotations

import hashlib
import re

from django.db import models

from yifa.core.models import Versioned

SPACE = re.compile(r"\s+")


def sentence_key(sentence: str) -> str:
    """The same sentence whatever its spacing: a short hash, indexed."""
    return hashlib.sha256(SPACE.sub("", sentence or "").encode("utf-8")).hexdigest()[:32]


class Verdict(models.TextChoices):
    RIGHT = "right", "提示正确"
    WRONG = "wrong", "误报"


class ScreeningMark(Versioned):
    rule = models.CharField("规则", max_length=40)
    sentence = models.TextField("句子")
    sentence_key = models.CharField("句子摘要", max_length=32, db_index=True, editable=False)
    verdict = models.CharField("判断", max_length=8, choices=Verdict.choices)
    note = models.CharField("说明", max_length=300, blank=True)
    document = models.ForeignKey(
        "normdocs.Document", verbose_name="文件", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_by = models.ForeignKey("core.User", null=True, on_delete=models.SET_NULL, related_name="+")
    marked_at = models.DateTimeField("标记时间", auto_now=True)

    class Meta:
        app_label = "normdocs"
        verbose_name = verbose_name_plural = "筛查提示标记"
        ordering = ["-marked_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["rule", "sentence_key"], name="screening_mark_once")]

    def __str__(self):
        return f"{self.rule}：{self.get_verdict_display()}"

    def save(self, *args, **kwargs):
        self.sentence_key = sentence_key(self.sentence)
        super().save(*args, **kwargs)
