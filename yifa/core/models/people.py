from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.lookups import StartsWith

from ..crypto import EncryptedTextField


class Role(models.TextChoices):
    LIAISON = "liaison", "联络员"
    HEAD = "head", "单位负责人"
    REVIEWER = "reviewer", "法制审核员"
    RECONSIDERATION = "reconsideration", "复议工作人员"
    ENFORCEMENT = "enforcement", "执法人员"
    LEADER = "leader", "领导"
    EXPERT = "expert", "专家"
    ADMIN = "admin", "系统管理员"


class User(AbstractUser):
    full_name = models.CharField("姓名", max_length=50, blank=True)
    unit = models.ForeignKey(
        "core.Unit", verbose_name="所在单位", null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    title = models.CharField("职务", max_length=50, blank=True)
    phone = EncryptedTextField("电话", blank=True)
    id_number = EncryptedTextField("身份证号", blank=True)
    # Set when someone else chose the password (an administrator creating or resetting the account);
    # the person must choose their own before doing anything else.
    must_change_password = models.BooleanField("须修改密码", default=False)

    class Meta:
        verbose_name = verbose_name_plural = "人员"

    def __str__(self):
        return self.full_name or self.username

    @property
    def display_name(self) -> str:
        return self.full_name or self.username

    @property
    def role_set(self) -> frozenset[str]:
        if not hasattr(self, "_role_cache"):
            self._role_cache = frozenset(self.role_grants.values_list("role", flat=True))
        return self._role_cache

    def has_role(self, *roles: str) -> bool:
        """A superuser counts as a system administrator and nothing more: no statutory role (README: 超级用户)."""
        return bool(self.role_set.intersection(roles)) or (self.is_superuser and Role.ADMIN in roles)

    @property
    def in_legal_office(self) -> bool:
        if not hasattr(self, "_in_legal_office"):
            # asked on every page: one query loads the person's unit (the pages read it next) and whether it is
            # a legal-office unit or below one (the office's path begins the unit's path)
            self._in_legal_office = False
            if self.unit_id:
                from .units import Unit

                legal_above = Unit.objects.filter(
                    StartsWith(models.OuterRef("path"), models.F("path")), is_legal_office=True
                )
                unit = Unit.objects.filter(pk=self.unit_id).annotate(legal=models.Exists(legal_above)).first()
                if unit is not None:
                    if not self._meta.get_field("unit").is_cached(self):
                        self.unit = unit
                    self._in_legal_office = unit.legal
        return self._in_legal_office

    @property
    def own_unit(self):
        """``unit``, read together with ``in_legal_office`` (one query for both: pages ask both)."""
        if self.unit_id and not hasattr(self, "_in_legal_office"):
            _ = self.in_legal_office  # caches the unit it reads
        return self.unit

    @property
    def sees_everything(self) -> bool:
        """法制机构、领导和系统管理员看得到全市的记录。"""
        if not hasattr(self, "_sees_everything"):
            self._sees_everything = self.is_active and (self.has_role(Role.LEADER, Role.ADMIN) or self.in_legal_office)
        return self._sees_everything


class RoleGrant(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField("角色", max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = verbose_name_plural = "角色"
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="role_once_per_user")]
        indexes = [models.Index(fields=["role"])]

    def __str__(self):
        return f"{self.user}：{self.get_role_display()}"
