"""Administrators rename, move and deactivate units; the tree, scopes and audit trail follow."""

import datetime as dt

import pytest

from yifa.core import clocks, services
from yifa.core.access import scope, visible_unit_ids
from yifa.core.errors import AccessDenied, Conflict, GateBlocked, InvalidInput, YifaError
from yifa.core.models import Deadline, Event, Unit, UnitKind, User

pytestmark = pytest.mark.django_db
D = dt.date
NON_ADMINS = ["mayor", "legal_head", "reviewer", "minzheng_liaison", "minzheng_head", "town1_liaison", "expert"]


def fresh(user):
    return User.objects.get(pk=user.pk)


def snapshot():
    return (
        list(
            Unit.objects.order_by("pk").values_list(
                "pk", "name", "short_name", "kind", "is_legal_office", "parent", "path", "active"
            )
        ),
        Event.objects.count(),
    )


@pytest.fixture
def sub_office(cast):
    """民政局 → 办公室 → 档案室 → 库房: the subtree to move is three levels deep."""
    archive = Unit.objects.create(name="档案室", kind=UnitKind.DIVISION, parent=cast.units["民政局办公室"])
    Unit.objects.create(name="库房", kind=UnitKind.DIVISION, parent=archive)
    return archive


def test_renaming_a_unit_changes_its_name_and_records_before_and_after(cast):
    unit = cast.units["民政局"]
    services.unit_update(
        by=cast.people["admin"],
        unit=unit,
        name="江临市民政事务局",
        short_name="民政事务局",
        kind=UnitKind.DEPARTMENT,
        is_legal_office=False,
    )
    unit.refresh_from_db()
    assert (unit.name, unit.short_name) == ("江临市民政事务局", "民政事务局")
    event = Event.objects.get(action="unit.update")
    assert event.data["before"]["name"] == "江临市民政局"
    assert event.data["after"]["name"] == "江临市民政事务局"


def test_an_edit_based_on_a_stale_page_is_refused_and_nothing_changes(cast):
    unit, admin = cast.units["民政局"], cast.people["admin"]
    read = services.unit_version(unit)
    services.unit_update(
        by=admin,
        unit=unit,
        name="江临市民政事务局",
        short_name="",
        kind=UnitKind.DEPARTMENT,
        is_legal_office=False,
        expected_version=read,
    )
    before = snapshot()
    with pytest.raises(Conflict, match="已被他人修改"):
        services.unit_update(
            by=admin,
            unit=unit,
            name="另一个名称",
            short_name="",
            kind=UnitKind.DEPARTMENT,
            is_legal_office=False,
            expected_version=read,
        )
    assert snapshot() == before


def test_bad_edit_input_names_every_field_and_writes_nothing(cast):
    before = snapshot()
    with pytest.raises(InvalidInput) as caught:
        services.unit_update(
            by=cast.people["admin"],
            unit=cast.units["民政局"],
            name="江临市司法局",
            short_name="长" * 31,
            kind="ministry",
            is_legal_office=False,
        )
    assert set(caught.value.errors) == {"name", "short_name", "kind"}
    assert "同一上级单位下已有“江临市司法局”" in caught.value.errors["name"]
    assert "单位类型" in caught.value.errors["kind"]
    assert snapshot() == before


def test_moving_a_unit_carries_its_whole_subtree(cast, sub_office):
    office = cast.units["民政局办公室"]
    target = cast.units["市场监管局"]
    moved = services.unit_move(by=cast.people["admin"], unit=office, parent=target)
    sub_office.refresh_from_db()
    store = Unit.objects.get(name="库房")
    assert moved.path == f"{target.path}{office.pk}/"
    assert sub_office.path == f"{target.path}{office.pk}/{sub_office.pk}/"
    assert store.path == f"{sub_office.path}{store.pk}/"
    assert Unit.objects.get(pk=office.pk).path == moved.path
    event = Event.objects.get(action="unit.move")
    assert event.data["before"]["parent"] == cast.units["民政局"].pk
    assert event.data["after"]["parent"] == target.pk and event.data["units_moved"] == 3


def test_a_liaisons_visible_scope_follows_a_moved_unit(cast, sub_office, reply_rule):
    office = cast.units["民政局办公室"]
    clocks.start_clock(
        subject=sub_office, rule=reply_rule, start=D(2026, 9, 24), unit=sub_office, title="档案室的答复期限"
    )
    minzheng, shijian = cast.people["minzheng_liaison"], cast.people["shijian_liaison"]
    assert sub_office.pk in visible_unit_ids(fresh(minzheng))
    assert not scope(Deadline.objects.all(), fresh(shijian)).exists()

    services.unit_move(by=cast.people["admin"], unit=office, parent=cast.units["市场监管局"])

    assert {office.pk, sub_office.pk}.isdisjoint(visible_unit_ids(fresh(minzheng)))
    assert {office.pk, sub_office.pk} <= set(visible_unit_ids(fresh(shijian)))
    assert not scope(Deadline.objects.all(), fresh(minzheng)).exists()
    assert scope(Deadline.objects.all(), fresh(shijian)).get().title == "档案室的答复期限"


def test_a_unit_cannot_be_moved_under_itself_or_its_own_descendant(cast, sub_office):
    office, admin = cast.units["民政局办公室"], cast.people["admin"]
    before = snapshot()
    with pytest.raises(YifaError, match="不能把“办公室”移到它自己之下") as itself:
        services.unit_move(by=admin, unit=office, parent=office)
    with pytest.raises(YifaError, match="“档案室”是“办公室”的下级单位") as descendant:
        services.unit_move(by=admin, unit=office, parent=sub_office)
    with pytest.raises(YifaError, match="下级单位"):
        services.unit_move(by=admin, unit=cast.city, parent=cast.units["民政局"])
    assert itself.value.field == descendant.value.field == "parent"
    assert snapshot() == before


def test_a_unit_cannot_be_moved_where_its_name_is_taken(cast):
    clash = Unit.objects.create(name="办公室", kind=UnitKind.DIVISION, parent=cast.units["市场监管局"])
    before = snapshot()
    with pytest.raises(YifaError, match="已有名为“办公室”的单位") as caught:
        services.unit_move(by=cast.people["admin"], unit=cast.units["民政局办公室"], parent=clash.parent)
    assert caught.value.field == "parent"
    assert snapshot() == before


def test_deactivation_is_refused_listing_every_person_clock_and_sub_unit(cast, reply_rule):
    unit = cast.units["民政局"]
    clocks.start_clock(subject=unit, rule=reply_rule, start=D(2026, 9, 24), unit=unit, title="民政局的答复期限")
    before = snapshot()
    with pytest.raises(GateBlocked) as caught:
        services.unit_deactivate(by=cast.people["admin"], unit=unit, reason="机构改革")
    unmet = caught.value.unmet
    assert "下级单位“办公室”仍在用，请先停用或移出" in unmet
    assert any("（minzheng_liaison）" in u for u in unmet)
    assert any("（minzheng_head）" in u for u in unmet)
    assert any("民政局的答复期限" in u and "尚未办结" in u for u in unmet)
    assert len(unmet) == 4
    assert caught.value.message.startswith("不能停用“江临市民政局”")
    assert snapshot() == before


def test_an_empty_unit_is_deactivated_but_kept_with_its_reason(cast):
    office = cast.units["民政局办公室"]
    services.unit_deactivate(by=cast.people["admin"], unit=office, reason="并入局机关")
    office.refresh_from_db()
    assert office.active is False and Unit.objects.filter(pk=office.pk).exists()
    event = Event.objects.get(action="unit.deactivate")
    assert event.reason == "并入局机关"
    assert (event.data["before"]["active"], event.data["after"]["active"]) == (True, False)


def test_deactivation_needs_a_reason(cast):
    before = snapshot()
    with pytest.raises(YifaError, match="停用理由：必须填写") as caught:
        services.unit_deactivate(by=cast.people["admin"], unit=cast.units["民政局办公室"], reason="  ")
    assert caught.value.field == "reason"
    assert snapshot() == before


@pytest.mark.parametrize("who", NON_ADMINS)
def test_only_administrators_may_call_the_unit_services(cast, who):
    person, office = cast.people[who], cast.units["民政局办公室"]
    before = snapshot()
    for call in (
        lambda: services.unit_update(
            by=person, unit=office, name="新名", short_name="", kind=UnitKind.DIVISION, is_legal_office=False
        ),
        lambda: services.unit_move(by=person, unit=office, parent=cast.city),
        lambda: services.unit_deactivate(by=person, unit=office, reason="撤销"),
    ):
        with pytest.raises(AccessDenied):
            call()
    assert snapshot() == before


# --- pages ---------------------------------------------------------------


def edit_url(unit):
    return f"/staff/units/{unit.pk}/"


@pytest.mark.parametrize("who", NON_ADMINS)
def test_non_administrators_get_403_in_chinese_on_the_unit_editor(login, cast, who):
    client = login(cast.people[who])
    office = cast.units["民政局办公室"]
    before = snapshot()
    responses = [client.get(edit_url(office))] + [
        client.post(edit_url(office), data)
        for data in (
            {"action": "update", "edit-name": "新名", "edit-kind": "division"},
            {"action": "move", "move-parent": cast.city.pk},
            {"action": "deactivate", "off-reason": "撤销"},
        )
    ]
    for response in responses:
        assert response.status_code == 403
        assert "此操作需要系统管理员角色" in response.content.decode()
    assert snapshot() == before


def test_units_page_links_each_unit_to_its_editor_for_administrators_only(login, cast):
    office = cast.units["民政局办公室"]
    assert edit_url(office) in login(cast.people["admin"]).get("/staff/units/").content.decode()
    assert edit_url(office) not in login(cast.people["minzheng_liaison"]).get("/staff/units/").content.decode()


def test_anonymous_visitors_are_sent_to_login_from_the_unit_editor(client, cast):
    response = client.get(edit_url(cast.units["民政局"]))
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_administrator_renames_a_unit_through_the_page_without_javascript(login, cast):
    client, unit = login(cast.people["admin"]), cast.units["民政局"]
    page = client.get(edit_url(unit))
    assert page.status_code == 200 and "编辑单位：江临市民政局" in page.content.decode()
    version = page.context["forms"]["update"].initial["expected_version"]
    response = client.post(
        edit_url(unit),
        {
            "action": "update",
            "edit-name": "江临市民政事务局",
            "edit-short_name": "民政",
            "edit-kind": "department",
            "edit-expected_version": version,
        },
        follow=True,
    )
    assert "已保存单位“江临市民政事务局”" in response.content.decode()
    assert Unit.objects.get(pk=unit.pk).name == "江临市民政事务局"


def test_the_editor_loads_as_an_htmx_partial(login, cast):
    response = login(cast.people["admin"]).get(edit_url(cast.units["民政局"]), HTTP_HX_REQUEST="true")
    text = response.content.decode()
    assert response.status_code == 200 and 'id="unit-editor"' in text and "<html" not in text


PREFIX = {"update": "edit", "move": "move", "deactivate": "off"}


def read(unit, action, fields):
    """A page's POST: its fields and the version of the unit the page showed."""
    prefix = PREFIX[action]
    data = {f"{prefix}-{k}": v for k, v in fields.items()}
    return {"action": action, f"{prefix}-expected_version": services.unit_version(unit), **data}


@pytest.mark.parametrize(
    "action, fields",
    [("update", {"name": "新名", "kind": "department"}), ("move", {"parent": 0}), ("deactivate", {"reason": "撤销"})],
)
def test_every_unit_edit_from_the_page_needs_the_version_it_read(login, cast, action, fields):
    client, office = login(cast.people["admin"]), cast.units["民政局办公室"]
    fields = {**fields, "parent": cast.units["市场监管局"].pk} if action == "move" else fields
    data = read(office, action, fields)
    data.pop(f"{PREFIX[action]}-expected_version")
    before = snapshot()
    response = client.post(edit_url(office), data)
    assert response.status_code == 400 and "版本：缺少页面打开时单位的版本" in response.content.decode()
    assert snapshot() == before


def test_a_stale_page_cannot_move_a_unit(login, cast):
    client, office = login(cast.people["admin"]), cast.units["民政局办公室"]
    stale = read(office, "move", {"parent": cast.units["市场监管局"].pk})
    client.post(edit_url(office), read(office, "update", {"name": "综合办公室", "kind": "division"}))
    before = snapshot()
    response = client.post(edit_url(office), stale)
    assert response.status_code == 400 and "已被他人修改" in response.content.decode()
    assert snapshot() == before


def test_administrator_moves_a_unit_through_the_page(login, cast):
    client, office = login(cast.people["admin"]), cast.units["民政局办公室"]
    target = cast.units["市场监管局"]
    response = client.post(edit_url(office), read(office, "move", {"parent": target.pk}), follow=True)
    assert "已调整“办公室”的上级单位" in response.content.decode()
    assert Unit.objects.get(pk=office.pk).parent_id == target.pk


def test_page_refuses_a_move_under_own_descendant_and_shows_the_field_error(login, cast, sub_office):
    client, office = login(cast.people["admin"]), cast.units["民政局办公室"]
    before = snapshot()
    response = client.post(edit_url(office), read(office, "move", {"parent": sub_office.pk}))
    assert response.status_code == 400
    assert "上级单位" in response.content.decode() and "errorlist" in response.content.decode()
    assert sub_office.name not in [u.name for u in response.context["forms"]["move"].fields["parent"].queryset]
    assert snapshot() == before


def test_page_lists_every_blocker_when_deactivation_is_refused(login, cast):
    client, unit = login(cast.people["admin"]), cast.units["民政局"]
    before = snapshot()
    response = client.post(edit_url(unit), read(unit, "deactivate", {"reason": "机构改革"}))
    text = response.content.decode()
    assert response.status_code == 409
    assert "不能停用“江临市民政局”" in text and "下级单位“办公室”仍在用" in text
    assert "（minzheng_liaison）" in text and "（minzheng_head）" in text
    assert snapshot() == before


def test_page_shows_chinese_errors_for_bad_input_and_writes_nothing(login, cast):
    client, unit = login(cast.people["admin"]), cast.units["民政局"]
    before = snapshot()
    response = client.post(edit_url(unit), read(unit, "update", {"name": "江临市司法局", "kind": "department"}))
    assert response.status_code == 400
    assert "单位名称：同一上级单位下已有“江临市司法局”" in response.content.decode()
    assert snapshot() == before


def test_administrator_deactivates_an_empty_unit_through_the_page(login, cast):
    client, office = login(cast.people["admin"]), cast.units["民政局办公室"]
    response = client.post(edit_url(office), read(office, "deactivate", {"reason": "并入局机关"}), follow=True)
    assert "已停用单位“办公室”" in response.content.decode()
    assert Unit.objects.get(pk=office.pk).active is False
    assert "已停用" in client.get("/staff/units/").content.decode()
