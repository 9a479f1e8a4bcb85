import hashlib
import io

from django.contrib.contenttypes.models import ContentType
from openpyxl import Workbook

from yifa.core.audit import verify_chain
from yifa.core.models import Event
from yifa.normdocs import search, services
from yifa.normdocs.models import DocStatus, Document

from .conftest import D


def test_staff_pages_need_login(client, draft):
    for url in [
        "/staff/normdocs/",
        f"/staff/normdocs/{draft.pk}/",
        "/staff/normdocs/filing/",
        "/staff/normdocs/campaigns/",
        "/staff/normdocs/screening/",
        "/staff/normdocs/import/",
        "/staff/normdocs/new/",
    ]:
        assert client.get(url).status_code == 302, url


def test_pages_open_for_staff(cast, login, draft):
    client = login(cast["minzheng_liaison"])
    for url in [
        "/staff/normdocs/",
        f"/staff/normdocs/{draft.pk}/",
        "/staff/normdocs/filing/",
        "/staff/normdocs/campaigns/",
        "/staff/normdocs/screening/",
        "/staff/normdocs/import/",
        "/staff/normdocs/new/",
    ]:
        assert client.get(url).status_code == 200, url


def test_another_department_cannot_open_a_draft(cast, login, draft):
    client = login(cast["shijian_liaison"])
    assert client.get(f"/staff/normdocs/{draft.pk}/").status_code == 403
    assert draft.title not in client.get("/staff/normdocs/").content.decode()


def test_publishing_from_the_page_lists_every_missing_step(cast, login, draft):
    client = login(cast["minzheng_liaison"])
    response = client.post(
        f"/staff/normdocs/{draft.pk}/act/publish/",
        {"publish-version": draft.version, "publish-number": "江民发〔2025〕3号"},
    )
    text = response.content.decode()
    assert response.status_code == 400
    assert "未经法制机构合法性审核" in text and "集体讨论" in text and "缺少签发日期" in text
    assert Document.objects.get(pk=draft.pk).status == DocStatus.DRAFT


def test_review_by_legal_office_through_the_page(cast, login, draft):
    services.submit_review(by=cast["minzheng_liaison"], doc=draft, on=D(2025, 8, 1))
    assert (
        login(cast["minzheng_liaison"])
        .post(
            f"/staff/normdocs/{draft.pk}/act/review_lawful/",
            {"review_lawful-version": 2, "review_lawful-opinion": "lawful", "review_lawful-on": "2025-08-05"},
        )
        .status_code
        == 403
    )
    assert Document.objects.get(pk=draft.pk).status == DocStatus.REVIEW
    response = login(cast["reviewer"]).post(
        f"/staff/normdocs/{draft.pk}/act/review_lawful/",
        {
            "review_lawful-version": 2,
            "review_lawful-opinion": "lawful",
            "review_lawful-comments": "合法",
            "review_lawful-on": "2025-08-05",
        },
    )
    assert response.status_code == 302
    assert Document.objects.get(pk=draft.pk).status == DocStatus.APPROVED


def test_create_a_draft_through_the_page(cast, login):
    client = login(cast["minzheng_liaison"])
    response = client.post(
        "/staff/normdocs/new/",
        {
            "title": "江临市殡葬管理实施细则",
            "unit": cast.units["民政局"].pk,
            "full_text": "第一条 为了规范殡葬管理。",
            "valid_years": 5,
            "involves_business": "on",
        },
    )
    assert response.status_code == 302
    assert Document.objects.get(title="江临市殡葬管理实施细则").status == DocStatus.DRAFT


def test_screen_rules_page_lets_only_the_legal_office_edit(cast, login):
    page = login(cast["minzheng_liaison"]).get("/staff/normdocs/screening/").content.decode()
    assert "第八条至第十一条" in page and "新增或修改规则" not in page  # the catalogue needs no rows
    assert "新增或修改规则" in login(cast["reviewer"]).get("/staff/normdocs/screening/").content.decode()
    refused = login(cast["minzheng_liaison"]).post(
        "/staff/normdocs/screening/",
        {
            "rule-code": "X",
            "rule-category": "conduct",
            "rule-pattern": "x",
            "rule-article": "第十一条",
            "rule-explanation": "x",
        },
    )
    assert refused.status_code == 403


def _xlsx(rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["文件名称", "文号", "制定机关", "公布日期", "有效期（年）"])
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    out.name = "目录.xlsx"
    return out


def test_import_previews_errors_per_row_and_writes_nothing_until_clean(cast, login):
    client = login(cast["minzheng_liaison"])
    bad = _xlsx(
        [
            ["江临市救助办法", "江民发〔2021〕2号", "民政局", "2021-03-01", 5],
            ["坏行", "民发2021", "不存在的局", "昨天", 5],
            ["越权", "江市监发〔2021〕1号", "市场监管局", "2021-03-01", 5],
        ]
    )
    page = client.post("/staff/normdocs/import/", {"file": bad, "commit": "on"}).content.decode()
    assert "格式不正确" in page and "不在单位名录中" in page and "无法识别" in page and "无权为" in page
    assert not Document.objects.exists()
    good = _xlsx([["江临市救助办法", "江民发〔2021〕2号", "民政局", "2021-03-01", 5]])
    preview = client.post("/staff/normdocs/import/", {"file": good}).content.decode()
    assert "可导入" in preview and not Document.objects.exists()
    good = _xlsx([["江临市救助办法", "江民发〔2021〕2号", "民政局", "2021-03-01", 5]])
    answer = client.post("/staff/normdocs/import/", {"file": good, "commit": "on"})
    doc = Document.objects.get()
    assert doc.status == DocStatus.IN_FORCE and doc.expires_on == D(2026, 2, 28)
    job = client.get(answer.url).content.decode()
    assert "已完成" in job and "已导入 1 行" in job
    assert "救助" in [d.title for d in Document.objects.filter(pk__in=search.matching(Document.objects, "救助"))][0]


def test_an_import_is_one_audit_event_with_the_files_sm3_and_row_count(cast, login):
    client = login(cast["minzheng_liaison"])
    rows = [[f"江临市救助办法{i}", f"江民发〔2021〕{i}号", "民政局", "2021-03-01", 5] for i in range(1, 301)]
    upload = _xlsx(rows)
    content = upload.getvalue()
    answer = client.post("/staff/normdocs/import/", {"file": upload, "commit": "on"})
    assert answer.status_code == 302 and Document.objects.count() == 300
    event = Event.objects.get(action="normdocs.import")
    assert event.data["rows"] == 300 and event.subject_label.startswith("导入规范性文件目录")
    assert not Event.objects.filter(subject_type=ContentType.objects.get_for_model(Document)).exists()
    assert event.data["sm3"] == hashlib.new("sm3", content).hexdigest()
    assert verify_chain().ok
    assert "已导入 300 行" in client.get(answer.url).content.decode()
    assert login(cast["shijian_liaison"]).get(answer.url).status_code == 403


def test_campaign_pages_permissions(cast, login, published):
    from yifa.normdocs import campaigns

    campaign = campaigns.campaign_open(
        by=cast["reviewer"], title="清理", baseline=D(2026, 1, 1), units=[cast.units["民政局"]]
    )
    item = campaign.items.get()
    assert login(cast["shijian_liaison"]).get(f"/staff/normdocs/items/{item.pk}/").status_code == 403
    client = login(cast["minzheng_liaison"])
    assert (
        client.post(
            f"/staff/normdocs/items/{item.pk}/act/propose/",
            {"propose-version": item.version, "propose-proposal": "retain", "propose-reasons": "仍适用"},
        ).status_code
        == 302
    )
    page = client.post(f"/staff/normdocs/campaigns/{campaign.pk}/act/close/", {"close-version": campaign.version})
    assert page.status_code == 403
    board = login(cast["reviewer"]).get(f"/staff/normdocs/campaigns/{campaign.pk}/").content.decode()
    assert "各单位进度" in board and "江临市民政局" in board


def test_todo_and_portal_home_show_normative_documents(cast, login, client, published):
    draft = services.document_create(
        by=cast["minzheng_liaison"],
        unit=cast.units["民政局"],
        title="待审草案",
        full_text="第一条 本办法自公布之日起施行。",
        involves_business=False,
    )
    services.submit_review(by=cast["minzheng_liaison"], doc=draft, on=D(2025, 8, 1))
    todo = login(cast["reviewer"]).get("/staff/").content.decode()
    assert f"合法性审核：{draft.title}" in todo
    client.logout()
    home = client.get("/").content.decode()
    assert "行政规范性文件" in home and published.title in home
