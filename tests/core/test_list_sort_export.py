"""The people list sorts by its headers and goes to Excel with each person's roles, the phone and ID number
masked as on the page (revealing one stays an audited act), and only the people the user may see."""

import pytest

from tests.list_checks import column, sheet, sorts_and_exports
from yifa.core import services
from yifa.core.models import Role

pytestmark = pytest.mark.django_db


def test_the_people_list_sorts_and_exports_masked_with_roles(cast, login):
    services.person_create(
        by=cast["admin"],
        username="mz_clerk",
        full_name="王小明",
        unit=cast.units["民政局"],
        roles=[Role.LIAISON, Role.HEAD],
        password="a-long-password-2026",
        phone="13812345678",
        id_number="11010519491231002X",
    )
    rows = sorts_and_exports(login(cast["admin"]), "/staff/people/", "username", "登录名")
    assert rows[0] == ("姓名", "登录名", "单位", "角色", "电话", "身份证号")
    clerk = rows[column(rows, "登录名").index("mz_clerk") + 1]
    assert clerk == ("王小明", "mz_clerk", "江临市民政局", "联络员 单位负责人", "138****5678", "1101**********002X")
    assert "13812345678" not in str(rows), [r for r in rows if "13812345678" in str(r)]
    assert "liaison" not in str(column(rows, "角色"))


def test_a_liaison_exports_only_its_own_units_people(cast, login):
    rows = sheet(login(cast["minzheng_liaison"]).get("/staff/people/?format=xlsx"))
    assert len(rows) > 1 and set(column(rows, "单位")) == {"江临市民政局"}
