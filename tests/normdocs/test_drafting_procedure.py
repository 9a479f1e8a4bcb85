import pytest

from yifa.core.audit import timeline
from yifa.core.errors import AccessDenied, Conflict, GateBlocked, InvalidInput
from yifa.normdocs import services
from yifa.normdocs.models import DocStatus, Document

from .conftest import D, publish_lawfully


def test_cannot_publish_without_passed_legality_review_and_all_missing_steps_are_listed(cast, draft):
    Document.objects.filter(pk=draft.pk).update(fair_competition_conclusion="")
    draft.refresh_from_db()
    with pytest.raises(GateBlocked) as err:
        services.publish(
            by=cast["minzheng_liaison"], doc=draft, number="", signed_by="", signed_on=None, published_on=None
        )
    unmet = err.value.unmet
    assert any(
        "未经法制机构合法性审核" in u and "国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见" in u
        for u in unmet
    )
    assert any("集体讨论" in u for u in unmet)
    assert any("公平竞争审查结论" in u and "第十八条" in u for u in unmet)
    assert {"缺少文号", "缺少签发人", "缺少签发日期", "缺少公布日期"} <= set(unmet)
    draft.refresh_from_db()
    assert draft.status == DocStatus.DRAFT and draft.number == ""


def test_unlawful_opinion_blocks_publication(cast, draft):
    services.submit_review(by=cast["minzheng_liaison"], doc=draft, on=D(2025, 8, 1))
    doc = services.document_review(
        by=cast["reviewer"], doc=draft, opinion="unlawful", comments="无上位法依据设定义务", on=D(2025, 8, 5)
    )
    assert doc.status == DocStatus.DRAFT
    with pytest.raises(GateBlocked) as err:
        services.publish(
            by=cast["minzheng_liaison"],
            doc=doc,
            number="江民发〔2025〕3号",
            signed_by="局长",
            signed_on=D(2025, 9, 1),
            published_on=D(2025, 9, 1),
        )
    assert any("不合法" in u for u in err.value.unmet)


def test_collective_discussion_needs_a_passed_review(cast, draft):
    with pytest.raises(InvalidInput) as err:
        services.record_meeting(
            by=cast["minzheng_liaison"], doc=draft, meeting_on=D(2025, 8, 1), meeting_name="局务会议", record="通过"
        )
    assert "不得提交集体讨论" in err.value.errors["status"]


def test_review_clock_runs_fifteen_workdays_over_national_day(cast, draft):
    from yifa.normdocs.queries import review_clock

    services.submit_review(by=cast["minzheng_liaison"], doc=draft, on=D(2025, 9, 26))
    clock = review_clock(draft)
    # 9月28日、10月11日调休上班计入，10月1日至8日放假跳过：第15个工作日为10月23日
    assert clock.due == D(2025, 10, 23)
    assert clock.unit.is_legal_office


def test_only_the_legal_office_gives_the_review_opinion(cast, draft):
    services.submit_review(by=cast["minzheng_liaison"], doc=draft, on=D(2025, 8, 1))
    with pytest.raises(AccessDenied):
        services.document_review(by=cast["minzheng_liaison"], doc=draft, opinion="lawful", on=D(2025, 8, 2))


def test_another_unit_cannot_draft_for_civil_affairs(cast):
    with pytest.raises(AccessDenied):
        services.document_create(by=cast["shijian_officer"], unit=cast.units["民政局"], title="越权文件")


def test_publication_records_number_dates_and_validity(cast, published):
    assert published.status == DocStatus.IN_FORCE
    assert published.number == "江民发〔2025〕3号"
    assert published.effective_on == D(2025, 9, 5)
    assert published.expires_on == D(2030, 9, 4)
    actions = [e.action for e in timeline(published)]
    assert actions == [
        "normdocs.create",
        "normdocs.edit",
        "normdocs.submit_review",
        "normdocs.review_lawful",
        "normdocs.meeting",
        "normdocs.publish",
    ]


def test_document_number_is_validated_and_unique_per_issuing_unit(cast, published):
    other = services.document_create(
        by=cast["minzheng_liaison"],
        unit=cast.units["民政局"],
        title="另一文件",
        full_text="第一条 本办法自公布之日起施行。",
    )
    with pytest.raises(GateBlocked) as err:
        publish_lawfully(cast, other, number="江民发〔2025〕3号")
    assert any("已被使用" in u for u in err.value.unmet)
    with pytest.raises(GateBlocked) as err:
        services.publish(
            by=cast["minzheng_liaison"],
            doc=Document.objects.get(pk=other.pk),
            number="民发2025-3",
            signed_by="局长",
            signed_on=D(2025, 9, 5),
            published_on=D(2025, 9, 5),
        )
    assert any("格式不正确" in u for u in err.value.unmet)
    # 另一机关可以用同一文号
    third = services.document_create(
        by=cast["shijian_liaison"],
        unit=cast.units["市场监管局"],
        title="市监文件",
        full_text="第一条 本办法自公布之日起施行。",
    )
    third = services.document_update(
        by=cast["shijian_liaison"],
        doc=third,
        expected_version=third.version,
        title=third.title,
        full_text=third.full_text,
        valid_years=5,
        involves_business=False,
    )
    assert third.status == DocStatus.DRAFT


def test_stale_edit_is_refused_and_nothing_changes(cast, draft):
    services.document_update(
        by=cast["minzheng_liaison"],
        doc=draft,
        expected_version=draft.version,
        title="新标题",
        full_text=draft.full_text,
        valid_years=5,
        involves_business=True,
    )
    with pytest.raises(Conflict):
        services.document_update(
            by=cast["minzheng_liaison"],
            doc=draft,
            expected_version=draft.version,
            title="旧版本上的修改",
            full_text="",
            valid_years=5,
            involves_business=True,
        )
    assert Document.objects.get(pk=draft.pk).title == "新标题"


def test_bad_input_names_the_fields_and_writes_nothing(cast):
    with pytest.raises(InvalidInput) as err:
        services.document_create(by=cast["minzheng_liaison"], unit=cast.units["民政局"], title="  ", valid_years=99)
    assert set(err.value.errors) == {"title", "valid_years"}
    assert "标题" in err.value.message
    assert not Document.objects.exists()


def test_solicitation_is_optional_and_needs_a_period(cast, draft):
    with pytest.raises(GateBlocked) as err:
        services.document_solicit(
            by=cast["minzheng_liaison"], doc=draft, kind="public", start=D(2025, 8, 10), end=D(2025, 8, 1)
        )
    assert "征求意见截止日期须晚于开始日期" in err.value.unmet
    doc = services.document_solicit(
        by=cast["minzheng_liaison"], doc=draft, kind="public", start=D(2025, 8, 1), end=D(2025, 8, 31)
    )
    assert doc.status == DocStatus.SOLICITING
    doc = services.end_solicitation(by=cast["minzheng_liaison"], doc=doc, summary="收到意见3条，采纳2条")
    assert doc.status == DocStatus.DRAFT and doc.solicitation_summary


def test_full_text_is_extracted_from_a_word_upload(cast):
    from yifa.lib.office import docx_from_text

    content = docx_from_text("江临市临时救助办法", ["第一条 为了规范临时救助，制定本办法。"])
    doc = services.document_create(
        by=cast["minzheng_liaison"],
        unit=cast.units["民政局"],
        title="江临市临时救助办法",
        upload=(content, "临时救助办法.docx"),
    )
    assert "为了规范临时救助" in doc.full_text
