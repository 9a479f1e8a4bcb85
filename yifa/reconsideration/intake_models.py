"""Every online application is counted here, so that the quotas hold; the ones over a quota wait here,
encrypted, until staff release them (then they become cases received on their original day)."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils import timezone

from yifa.core.crypto import EncryptedTextField
from yifa.core.models.versioned import Versioned

RECEIPT_PREFIX = "网申"


class IntakeState(models.TextChoices):
    ADMITTED = "admitted", "已登记为案件"
    HELD = "held", "超出限额，待放行"
    RELEASED = "released", "已放行并登记"
    DISCARDED = "discarded", "已作废"


class OnlineIntake(Versioned):
    state = models.CharField("状态", max_length=10, choices=IntakeState.choices)
    received_on = models.DateField("收到日期", db_index=True)
    received_at = models.DateTimeField("收到时间", default=timezone.now)
    # HMAC of the applicant's ID number (or name and phone): counts per applicant, reveals nothing.
    applicant_key = models.CharField(max_length=64, db_index=True)
    # 1…YIFA_APPLY_PER_DAY for the day's admitted applications: the database refuses a second holder.
    day_slot = models.PositiveIntegerField(null=True, blank=True)
    # 1…YIFA_APPLY_HELD_PER_DAY for the day's held applications, likewise one holder each.
    held_slot = models.PositiveIntegerField(null=True, blank=True)
    summary = models.CharField("摘要", max_length=200)
    held_reason = models.CharField("暂存原因", max_length=200, blank=True)
    # A held application's own lookup code (an admitted one has its case's): the applicant follows it in
    # the queue, and after release to its case.
    lookup_code = models.CharField("查询码", max_length=12, blank=True)
    payload = EncryptedTextField("申请内容", blank=True)
    case = models.ForeignKey(
        "reconsideration.Case", verbose_name="案件", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    office = models.ForeignKey("core.Unit", verbose_name="复议机构", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "网上申请登记"
        ordering = ["received_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["received_on", "day_slot"], name="reconsideration_one_intake_per_slot"),
            models.UniqueConstraint(fields=["received_on", "held_slot"], name="reconsideration_one_held_per_slot"),
            models.UniqueConstraint(
                fields=["lookup_code"], condition=~models.Q(lookup_code=""), name="reconsideration_intake_code_once"
            ),
        ]

    def __str__(self):
        return f"{self.received_on:%Y-%m-%d} 网上申请（{self.summary}）"

    @property
    def receipt_number(self) -> str:
        """收件编号 of a held application (it has no 案号 until released)."""
        return f"{RECEIPT_PREFIX}{self.received_on:%Y%m%d}-{self.pk}"

    @property
    def public_state_label(self) -> str:
        """What the applicant is told of a held application that has not become a case."""
        return "待受理（排队中）" if self.state == IntakeState.HELD else "未予登记"

    def get_absolute_url(self):
        return reverse("reconsideration:held")
