"""Decision catalogues and each organ's decision rules: who may act, what a published catalogue refuses,
and the event other modules hear when rules are recorded."""

import pytest

from yifa.core import bus
from yifa.core.errors import AccessDenied, GateBlocked
from yifa.core.models import Event
from yifa.decisions import services
from yifa.decisions.models import CatalogueItem, DecisionRules

from .builders import D, act, rules_recorded


@pytest.fixture
def catalogue(cast):
    catalogue = services.catalogue_create(by=cast["mayor"], unit=cast.city, year=2026)
    services.catalogue_item_add(
        by=cast["mayor"], catalogue=catalogue, title="城市更新规划", category="plan", lead_unit=cast["自然资源局"]
    )
    catalogue.refresh_from_db()
    return catalogue


def test_a_catalogue_page_is_for_its_organ(cast, login, client, catalogue):
    url = f"/staff/decisions/catalogues/{catalogue.pk}/"
    assert client.get(url).status_code == 302
    page = login(cast["mayor"]).get(url).content.decode()
    assert "城市更新规划" in page and "/act/publish/" in page and "第三条第三款" in page
    assert login(cast["huanjing_liaison"]).get(url).status_code == 403
    refused = login(cast["huanjing_liaison"]).post(
        f"{url}act/publish/", act("publish", catalogue.version, party_consent_on="2026-01-05")
    )
    assert refused.status_code == 403 and catalogue.__class__.objects.get(pk=catalogue.pk).published_on is None


def test_a_published_catalogue_takes_no_more_items_and_says_why(cast, login, catalogue):
    services.catalogue_publish(by=cast["mayor"], catalogue=catalogue, party_consent_on=D(2026, 1, 5))
    with pytest.raises(GateBlocked) as refused:
        services.catalogue_item_add(
            by=cast["mayor"], catalogue=catalogue, title="补充事项", category="other", lead_unit=cast["民政局"]
        )
    assert "重新经同级党委同意后公布" in refused.value.message and "第三条第三款" in refused.value.message
    assert list(CatalogueItem.objects.values_list("title", flat=True)) == ["城市更新规划"]
    page = login(cast["mayor"]).get(f"/staff/decisions/catalogues/{catalogue.pk}/").content.decode()
    assert "/act/" not in page and "已公布" in page


def test_recording_rules_tells_other_modules_what_the_unit_adopted(cast, monkeypatch):
    heard = []

    def receiver(*, obj, by, **_):
        heard.append((obj.unit, obj.adopted_on, obj.title, obj.document_no, by))

    monkeypatch.setattr(bus, "_receivers", {"decision_rules.record": [receiver]})
    rules_recorded(cast)
    assert heard == [
        (cast["民政局"], D(2026, 4, 20), "民政局重大行政决策规则", "江民发〔2026〕3号", cast["minzheng_head"])
    ]
    event = Event.objects.get(action="decision_rules.record")
    assert event.action_label == "登记重大事项决策规则" and event.unit == cast["民政局"]


def test_only_the_units_own_staff_record_its_rules(cast):
    with pytest.raises(AccessDenied):
        services.decision_rules_record(
            by=cast["shijian_liaison"], unit=cast["民政局"], title="冒名的规则", adopted_on=D(2026, 4, 20)
        )
    assert not DecisionRules.objects.exists() and not Event.objects.filter(action="decision_rules.record").exists()


def test_recorded_rules_keep_their_text_as_the_entrys_attachment(cast, login):
    response = login(cast["minzheng_head"]).post(
        "/staff/decisions/rules/",
        {
            "unit": cast["民政局"].pk,
            "title": "民政局重大行政决策规则",
            "adopted_on": "2026-04-20",
            "document": _upload("规则.txt", "第一条 重大行政决策适用本规则。".encode()),
        },
    )
    assert response.status_code == 302
    entry = DecisionRules.objects.get()
    assert entry.document.name == "规则.txt" and entry.document.subject_id == str(entry.pk)


def _upload(name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)
