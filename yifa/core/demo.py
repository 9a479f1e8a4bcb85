"""The demo city: 江临市 (fictional). ``build_city`` is also the tests' shared cast."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from .models import Role, RoleGrant, Unit, UnitKind, User

DEMO_PASSWORD = "yifa-demo-2026"

DEPARTMENTS = [
    ("民政局", "民政"),
    ("市场监管局", "市监"),
    ("生态环境局", "环境"),
    ("自然资源局", "自然资源"),
    ("交通运输局", "交通"),
    ("人社局", "人社"),
]
TOWNSHIPS = ["青石镇", "白沙镇", "柳河乡", "东山街道"]


@dataclass
class Cast:
    city: Unit
    legal_office: Unit
    units: dict[str, Unit] = field(default_factory=dict)
    people: dict[str, User] = field(default_factory=dict)

    def __getitem__(self, key):
        return self.people.get(key) or self.units[key]


def _person(username, full_name, unit, roles, *, title="", password=DEMO_PASSWORD) -> User:
    user = User.objects.create_user(
        username=username,
        password=password,
        full_name=full_name,
        unit=unit,
        title=title,
        email=f"{username}@demo.yifa.local",
    )
    RoleGrant.objects.bulk_create([RoleGrant(user=user, role=r) for r in roles])
    return user


@transaction.atomic
def build_city(password: str = DEMO_PASSWORD) -> Cast:
    city = Unit.objects.create(name="江临市人民政府", short_name="市政府", kind=UnitKind.GOVERNMENT)
    legal = Unit.objects.create(
        name="江临市司法局", short_name="司法局", kind=UnitKind.DEPARTMENT, parent=city, is_legal_office=True
    )
    cast = Cast(city=city, legal_office=legal, units={"市政府": city, "司法局": legal})
    cast.units["复议科"] = Unit.objects.create(name="行政复议科", kind=UnitKind.DIVISION, parent=legal)
    for name, _short in DEPARTMENTS:
        cast.units[name] = Unit.objects.create(
            name=f"江临市{name}", short_name=name, kind=UnitKind.DEPARTMENT, parent=city
        )
    for name in TOWNSHIPS:
        cast.units[name] = Unit.objects.create(
            name=f"江临市{name}", short_name=name, kind=UnitKind.TOWNSHIP, parent=city
        )
    cast.units["民政局办公室"] = Unit.objects.create(name="办公室", kind=UnitKind.DIVISION, parent=cast.units["民政局"])
    p = cast.people
    p["admin"] = _person("admin", "系统管理员", legal, [Role.ADMIN], password=password)
    p["mayor"] = _person("mayor", "周市长", city, [Role.LEADER, Role.HEAD], title="市长", password=password)
    p["legal_head"] = _person(
        "legal_head", "王局长", legal, [Role.HEAD, Role.REVIEWER], title="司法局局长", password=password
    )
    p["reviewer"] = _person("reviewer", "李审核", legal, [Role.REVIEWER], title="法制审核员", password=password)
    p["fuyi"] = _person(
        "fuyi", "赵复议", cast.units["复议科"], [Role.RECONSIDERATION], title="复议科科长", password=password
    )
    p["expert"] = _person("expert", "陈教授", None, [Role.EXPERT], title="江临大学法学院教授", password=password)
    for name, short in DEPARTMENTS:
        unit = cast.units[name]
        key = {
            "民政局": "minzheng",
            "市场监管局": "shijian",
            "生态环境局": "huanjing",
            "自然资源局": "ziran",
            "交通运输局": "jiaotong",
            "人社局": "renshe",
        }[name]
        p[f"{key}_liaison"] = _person(
            f"{key}_liaison", f"{short}联络员", unit, [Role.LIAISON], title="法制联络员", password=password
        )
        p[f"{key}_head"] = _person(f"{key}_head", f"{short}局长", unit, [Role.HEAD], title="局长", password=password)
    p["shijian_officer"] = _person(
        "shijian_officer", "孙执法", cast.units["市场监管局"], [Role.ENFORCEMENT], title="执法队员", password=password
    )
    for i, name in enumerate(TOWNSHIPS, start=1):
        p[f"town{i}_liaison"] = _person(
            f"town{i}_liaison", f"{name}联络员", cast.units[name], [Role.LIAISON], title="司法所所长", password=password
        )
    p["town1_head"] = _person(
        "town1_head", "青石镇镇长", cast.units["青石镇"], [Role.HEAD], title="镇长", password=password
    )
    return cast


LOGINS = [
    ("admin", "系统管理员（司法局）"),
    ("legal_head", "司法局局长：单位负责人、法制审核员"),
    ("reviewer", "法制审核员"),
    ("fuyi", "行政复议工作人员"),
    ("mayor", "市长：领导"),
    ("minzheng_liaison", "民政局联络员"),
    ("minzheng_head", "民政局局长"),
    ("shijian_officer", "市场监管局执法人员"),
    ("town1_liaison", "青石镇联络员"),
    ("expert", "专家"),
]
