"""A unit's own catalogue, guide and annual report: pages in scope, publication gated by the year's end,
part 五 and the balance of table 三; the portal shows only what is published."""

import datetime as dt

import pytest

from yifa.core.errors import GateBlocked, InvalidInput
from yifa.disclosure import registers, services
from yifa.disclosure.models import AnnualReport, CatalogueItem

D = dt.date
pytestmark = pytest.mark.django_db


def test_unit_staff_record_an_item_and_publish_it_to_the_portal(cast, login, client):
    c = login(cast["minzheng_liaison"])
    url = f"/staff/disclosure/units/{cast['民政局'].pk}/catalogue/"
    response = c.post(url, {"title": "2026年低保标准", "category": "20_11", "formed_on": "2026-11-20"})
    assert response.status_code == 302
    item = CatalogueItem.objects.get()
    assert "2026年低保标准" not in client.get(f"/disclosure/units/{cast['民政局'].pk}/").content.decode()
    response = c.post(
        f"/staff/disclosure/catalogue/{item.pk}/act/publish/",
        {"publish-version": item.version, "publish-on": "2026-11-25"},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.state == "published" and item.published_on == D(2026, 11, 25)
    assert "2026年低保标准" in client.get(f"/disclosure/units/{cast['民政局'].pk}/").content.decode()


def test_another_unit_cannot_add_to_the_catalogue_but_may_not_even_see_it(cast, login):
    url = f"/staff/disclosure/units/{cast['民政局'].pk}/catalogue/"
    assert login(cast["jiaotong_liaison"]).get(url).status_code == 403
    response = login(cast["jiaotong_liaison"]).post(url, {"title": "x", "category": "20_11", "formed_on": "2026-11-20"})
    assert response.status_code == 403 and not CatalogueItem.objects.exists()


def test_a_watcher_sees_the_catalogue_without_the_form(cast, login):
    page = login(cast["reviewer"]).get(f"/staff/disclosure/units/{cast['民政局'].pk}/catalogue/").content.decode()
    assert "尚未编制政府信息公开指南" in page and "登记主动公开信息" not in page


def test_guide_is_written_by_the_unit_and_shown_on_the_portal(cast, login, client):
    c = login(cast["minzheng_liaison"])
    response = c.post(
        f"/staff/disclosure/units/{cast['民政局'].pk}/guide/",
        {"office": "民政局办公室", "text": "申请可以网上提交", "address": "人民路1号", "hours": "", "contact": ""},
    )
    assert response.status_code == 302
    assert "民政局办公室" in client.get(f"/disclosure/units/{cast['民政局'].pk}/").content.decode()
    assert login(cast["jiaotong_liaison"]).get(f"/staff/disclosure/units/{cast['民政局'].pk}/guide/").status_code == 403


def test_report_cannot_be_published_before_the_year_ends_or_without_part_five(cast, register):
    register(D(2026, 11, 2))
    staff = cast["minzheng_liaison"]
    with pytest.raises(GateBlocked) as refused:
        registers.save_report(by=staff, unit=cast["民政局"], year=2026, publish=True, on=D(2026, 12, 1))
    assert "2026年度尚未结束" in str(refused.value.unmet) and "五、存在的主要问题" in str(refused.value.unmet)
    assert not AnnualReport.objects.exists()


def test_published_report_keeps_its_figures(cast, register):
    register(D(2025, 12, 29))
    staff = cast["minzheng_liaison"]
    report = registers.save_report(
        by=staff, unit=cast["民政局"], year=2025, publish=True, problems="答复质量待提高", on=D(2026, 1, 20)
    )
    assert report.published_on == D(2026, 1, 20)
    assert report.figures["table3"][-1] == {"row": "结转下年度继续办理", "counts": [1, 0, 0, 0, 0, 0, 1]}
    with pytest.raises(GateBlocked, match="不能"):
        registers.save_report(by=staff, unit=cast["民政局"], year=2025, publish=False, problems="改", on=D(2026, 1, 21))


def test_report_page_in_scope_only(cast, login, register):
    register(D(2026, 11, 2))
    url = f"/staff/disclosure/units/{cast['民政局'].pk}/report/2026/"
    page = login(cast["reviewer"]).get(url).content.decode()
    assert "本年新收政府信息公开申请数量" in page and "各列均平衡" in page
    assert login(cast["jiaotong_liaison"]).get(url).status_code == 403


def test_government_report_due_31_march_department_31_january(cast):
    assert registers.report_due(cast["市政府"], 2026) == D(2027, 3, 31)
    assert registers.report_due(cast["民政局"], 2026) == D(2027, 1, 31)


def test_catalogue_page_stays_flat(cast, login, django_assert_max_num_queries):
    for i in range(30):
        services.catalogue_record(
            by=cast["minzheng_liaison"],
            unit=cast["民政局"],
            title=f"信息{i}",
            category="20_2",
            formed_on=D(2026, 11, 2),
        )
    c = login(cast["minzheng_liaison"])
    with django_assert_max_num_queries(20):
        assert c.get(f"/staff/disclosure/units/{cast['民政局'].pk}/catalogue/").status_code == 200


def test_editing_the_guide_or_the_report_without_the_version_read_is_refused(cast):
    staff, unit = cast["minzheng_liaison"], cast["民政局"]
    guide = registers.save_guide(by=staff, unit=unit, guide=None, office="办公室", text="指南正文")
    with pytest.raises(InvalidInput, match="版本号"):
        registers.save_guide(by=staff, unit=unit, guide=guide, office="另一办公室", text="覆盖")
    report = registers.save_report(by=staff, unit=unit, year=2025, publish=False, problems="甲", on=D(2026, 1, 5))
    with pytest.raises(GateBlocked, match="版本号"):
        registers.save_report(by=staff, unit=unit, year=2025, publish=False, problems="乙", on=D(2026, 1, 6))
    guide.refresh_from_db()
    report.refresh_from_db()
    assert guide.office == "办公室" and report.problems == "甲"
