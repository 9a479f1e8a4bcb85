"""Acts on a document that keep its state (报送备案、备案审查、登记文件关系、上传附件、纠正完成) go through the
same engine as the others: version, lock, one event each, and the public record shows only what is public."""

import pytest

from yifa.core.audit import timeline
from yifa.core.errors import AccessDenied, Conflict, GateBlocked, InvalidInput
from yifa.core.procedure import fire
from yifa.normdocs import services
from yifa.normdocs.flows import DOCUMENTS
from yifa.normdocs.models import DocStatus, Document, Relation

from .conftest import D


def test_late_filing_keeps_the_state_records_the_lateness_and_refuses_a_stale_page(cast, published):
    liaison = cast["minzheng_liaison"]
    read = published.version
    # 公布于2025年9月5日，应于10月9日前报送（10月5日落在国庆假期，顺延）；10月10日报送为迟报
    doc = services.file_with_superior(
        by=liaison, doc=published, filed_on=D(2025, 10, 10), filed_with="江临市人民政府", expected_version=read
    )
    assert (doc.status, doc.filed_on, doc.version) == (DocStatus.IN_FORCE, D(2025, 10, 10), read + 1)
    event = timeline(doc).get(action="normdocs.file")
    assert (event.from_state, event.to_state, event.data["late"]) == ("in_force", "in_force", True)
    with pytest.raises(InvalidInput) as err:
        services.file_with_superior(by=liaison, doc=doc, filed_on=D(2025, 10, 11), filed_with="江临市人民政府")
    assert "已于2025年10月10日报送备案" in err.value.errors["status"]
    assert timeline(doc).filter(action="normdocs.file").count() == 1


def test_a_stale_filing_result_is_refused_and_nothing_is_written(cast, published):
    services.file_with_superior(
        by=cast["minzheng_liaison"], doc=published, filed_on=D(2025, 9, 20), filed_with="江临市人民政府"
    )
    with pytest.raises(Conflict, match="当前为第"):
        services.record_filing_result(
            by=cast["reviewer"],
            doc=published,
            result="accepted",
            on=D(2025, 10, 20),
            expected_version=published.version,
        )
    assert Document.objects.get(pk=published.pk).filing_result == ""


def test_revocation_by_the_filing_review_repeals_and_is_recorded_once(cast, published):
    reviewer = cast["reviewer"]
    services.file_with_superior(
        by=cast["minzheng_liaison"], doc=published, filed_on=D(2025, 9, 20), filed_with="江临市人民政府"
    )
    with pytest.raises(AccessDenied, match="需法制机构"):
        services.record_filing_result(by=cast["minzheng_liaison"], doc=published, result="accepted", on=D(2025, 10, 1))
    doc = services.record_filing_result(
        by=reviewer, doc=published, result="revoke", on=D(2025, 10, 20), comments="违法设定行政许可"
    )
    assert (doc.status, doc.ended_on, doc.filing_result) == (DocStatus.REPEALED, D(2025, 10, 20), "revoke")
    assert timeline(doc).get(action="normdocs.filing_revoke").action_label == "备案审查：撤销"
    with pytest.raises(InvalidInput) as err:
        services.record_filing_result(by=reviewer, doc=doc, result="accepted", on=D(2025, 10, 21))
    assert "已于2025年10月20日记录备案审查结果：撤销" in err.value.errors["status"]


def test_only_the_deciding_documents_issuer_repeals_through_it_and_both_records_show_it(cast, published, successor):
    new = successor
    with pytest.raises(AccessDenied, match="需制定机关工作人员或法制机构"):
        services.relation_add(
            by=cast["shijian_liaison"], source=new, kind="repeals", target=published, on=D(2026, 3, 2)
        )
    with pytest.raises(GateBlocked, match="只能由决定文件的制定机关"):
        fire(DOCUMENTS, published, "repealed_by", by=cast["shijian_liaison"], on=D(2026, 3, 2))
    assert not Relation.objects.exists()
    services.relation_add(by=cast["minzheng_liaison"], source=new, kind="repeals", target=published, on=D(2026, 3, 2))
    old = Document.objects.get(pk=published.pk)
    assert (old.status, old.ended_by, old.ended_on) == (DocStatus.REPEALED, new, D(2026, 3, 2))
    assert timeline(old).get(action="normdocs.repealed_by").action_label == "被《新办法》废止"
    assert timeline(new).get(action="normdocs.relate").data["target"] == old.pk
    with pytest.raises(GateBlocked, match="对象文件处于“已废止”状态，不能再废止"):
        services.relation_add(by=cast["minzheng_liaison"], source=new, kind="repeals", target=old, on=D(2026, 3, 3))


def test_the_public_record_shows_filing_and_repeal_but_not_attachments_or_correction_reports(cast, client, published):
    liaison, reviewer = cast["minzheng_liaison"], cast["reviewer"]
    services.file_with_superior(by=liaison, doc=published, filed_on=D(2025, 9, 20), filed_with="江临市人民政府")
    services.attach(by=liaison, doc=published, content="起草说明".encode(), name="起草说明.txt")
    services.record_filing_result(
        by=reviewer, doc=published, result="correct", on=D(2025, 10, 20), comments="第三条缺乏上位法依据"
    )
    services.close_correction(by=reviewer, doc=published, report="已删除第三条", on=D(2025, 11, 3))
    history = client.get(f"/normdocs/{published.pk}/").context["history"]
    assert [e.action_label for e in history] == ["签发公布", "报送备案", "备案审查：要求纠正"]
