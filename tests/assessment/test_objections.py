"""异议: a unit objects to one indicator's provisional score with evidence; the legal office answers, and an
upheld objection's points replace the computed ones on the unit's page and in the cockpit."""

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from yifa.assessment.models import ManualScore, Objection, ObjectionState
from yifa.core.models import Attachment

from .test_indicator_system import STUDY, _line, _row


def _object(client, *, code=STUDY, reason="4月、9月两次学法记录在纸质台账，附会议纪要", files=()):
    data = {"code": code, "year": 2025, "reason": reason}
    if files:
        data["files"] = files
    return client.post(reverse("assessment:objection_file"), data, follow=True)


def test_unit_objects_with_evidence_and_an_upheld_objection_changes_its_score(cast, login):
    assert _line(_row(cast, "民政局"), STUDY).points == 0
    minutes = SimpleUploadedFile("学法会议纪要.pdf", b"%PDF-1.4 minutes", content_type="application/pdf")
    page = _object(login(cast["minzheng_liaison"]), files=[minutes]).content.decode()
    assert "已提出异议，等待法制机构答复（领导班子学法不少于两次）" in page and "学法会议纪要.pdf" in page
    objection = Objection.objects.get()
    assert (objection.unit, objection.points_then, objection.state) == (cast["民政局"], 0, ObjectionState.FILED)
    assert Attachment.objects.filter(name="学法会议纪要.pdf").exists()

    listing = login(cast["reviewer"]).get(reverse("assessment:objections") + "?year=2025").content.decode()
    assert "江临市民政局" in listing and "待答复" in listing
    url = reverse("assessment:objection_act", args=[objection.pk, "uphold"])
    answer = {"uphold-version": objection.version, "uphold-answer": "经核会议纪要，学法两次属实", "uphold-points": "10"}
    done = login(cast["reviewer"]).post(url, answer, follow=True).content.decode()
    assert "已答复：异议成立，得分已调整" in done and "经核会议纪要，学法两次属实" in done

    line = _line(_row(cast, "民政局"), STUDY)
    assert line.points == 10 and line.manual.objection == Objection.objects.get()
    unit_page = login(cast["minzheng_head"]).get(reverse("assessment:unit", args=[cast["民政局"].pk]) + "?year=2025")
    assert "经异议复核，法制机构评定10.0分" in unit_page.content.decode()


def test_a_second_objection_on_the_same_item_is_refused(cast, login):
    _object(login(cast["minzheng_liaison"]))
    again = _object(login(cast["minzheng_liaison"])).content.decode()
    assert "2025年度已对“领导班子学法不少于两次”提出过异议" in again
    assert Objection.objects.count() == 1


def test_the_answer_is_required_and_points_stay_within_the_indicator(cast, login):
    _object(login(cast["minzheng_liaison"]))
    objection = Objection.objects.get()
    client = login(cast["reviewer"])
    url = reverse("assessment:objection_act", args=[objection.pk, "uphold"])
    refused = client.post(url, {"uphold-version": objection.version, "uphold-answer": "属实", "uphold-points": "50"})
    assert "复核后得分：须在0至10分之间" in refused.content.decode()
    url = reverse("assessment:objection_act", args=[objection.pk, "dismiss"])
    empty = client.post(url, {"dismiss-version": objection.version, "dismiss-answer": ""}).content.decode()
    assert "答复意见" in empty
    objection.refresh_from_db()
    assert objection.state == ObjectionState.FILED and not ManualScore.objects.exists()

    client.post(url, {"dismiss-version": objection.version, "dismiss-answer": "台账未载明参加人员，不予认定"})
    objection.refresh_from_db()
    assert objection.state == ObjectionState.DISMISSED and objection.answer == "台账未载明参加人员，不予认定"
    assert _line(_row(cast, "民政局"), STUDY).points == 0


def test_only_the_unit_objects_and_only_the_legal_office_answers(cast, login):
    page = login(cast["minzheng_head"]).get(reverse("assessment:unit", args=[cast["民政局"].pk]) + "?year=2025")
    assert "对此项提出异议" in page.content.decode()
    mayor_page = login(cast["mayor"]).get(reverse("assessment:unit", args=[cast["民政局"].pk]) + "?year=2025")
    assert "对此项提出异议" not in mayor_page.content.decode()
    _object(login(cast["minzheng_liaison"]))
    objection = Objection.objects.get()
    assert login(cast["shijian_head"]).get(objection.get_absolute_url()).status_code == 403
    url = reverse("assessment:objection_act", args=[objection.pk, "uphold"])
    answer = {"uphold-version": objection.version, "uphold-answer": "成立", "uphold-points": "10"}
    assert login(cast["minzheng_head"]).post(url, answer).status_code == 403
    assert Objection.objects.get().state == ObjectionState.FILED
    assert login(cast["minzheng_head"]).get(objection.get_absolute_url()).status_code == 200


def test_an_objection_without_a_reason_writes_nothing(cast, login):
    page = _object(login(cast["minzheng_liaison"]), reason="").content.decode()
    assert "异议理由和证据说明：这个字段是必填项" in page
    assert not Objection.objects.exists()
    assert Decimal(0) == _line(_row(cast, "民政局"), STUDY).points
