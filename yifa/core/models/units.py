from __future__ import annotations

from django.db import models
from django.db.models import Value
from django.db.models.functions import Concat, Substr


class UnitKind(models.TextChoices):
    GOVERNMENT = "government", "人民政府"
    DEPARTMENT = "department", "政府部门"
    TOWNSHIP = "township", "乡镇（街道）"
    DIVISION = "division", "内设机构"
    OUTSIDE = "outside", "外部机关"


class UnitQuerySet(models.QuerySet):
    def legal_office(self) -> Unit | None:
        """The city's legal affairs office (法制机构): the topmost unit marked as one."""
        return self.filter(is_legal_office=True).order_by("path").first()

    def within(self, unit: Unit):
        """``unit`` and every unit below it."""
        return self.filter(path__startswith=unit.path)


class Unit(models.Model):
    """An organ in the city's tree. ``path`` ("/1/5/12/") makes subtree queries one LIKE."""

    name = models.CharField("名称", max_length=100)
    short_name = models.CharField("简称", max_length=30, blank=True)
    kind = models.CharField("类型", max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name="上级单位", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    is_legal_office = models.BooleanField("法制机构", default=False)
    code = models.CharField("机构代码", max_length=40, blank=True)
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    sort = models.PositiveIntegerField("排序", default=0)
    active = models.BooleanField("在用", default=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "单位"
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="unit_name_unique_under_parent"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        path = (self.parent.path if self.parent else "/") + f"{self.pk}/"
        if path != self.path:
            old = self.path
            Unit.objects.filter(pk=self.pk).update(path=path)
            self.path = path
            if old:  # the whole subtree follows in one statement: new prefix + the rest of each path
                Unit.objects.filter(path__startswith=old).exclude(pk=self.pk).update(
                    path=Concat(Value(path), Substr("path", len(old) + 1), output_field=models.CharField())
                )

    @property
    def depth(self) -> int:
        return self.path.count("/") - 2

    def contains(self, other: Unit | None) -> bool:
        """Whether ``other`` is this unit or one below it."""
        return other is not None and bool(self.path) and other.path.startswith(self.path)

    def subtree(self):
        return Unit.objects.filter(path__startswith=self.path)

    def ancestors(self):
        ids = [int(x) for x in self.path.strip("/").split("/") if x]
        return Unit.objects.filter(pk__in=ids).order_by("path")
