"""Work information adopted per unit; the institutions each unit must have."""

import datetime as dt

import pytest

from yifa.core.errors import AccessDenied, YifaError
from yifa.core.models import Event
from yifa.plans import services
from yifa.plans.models import InfoItem, InfoState
from yifa.plans.queries import info_counts, institution_board

D = dt.date
pytestmark = pytest.mark.django_db


def test_units_submit_information_and_the_legal_office_adopts_it_for_the_assessment(cast):
    first = services.info_submit(
        by=cast["minzheng_liaison"], title="民政局开展会前学法", body="局务会前学习民法典", on=D(2026, 5, 6)
    )
    services.info_submit(by=cast["minzheng_liaison"], title="民政局清理规范性文件", body="清理12件", on=D(2026, 6, 1))
    services.info_submit(by=cast["town1_liaison"], title="青石镇法治讲座", body="讲座一场", on=D(2026, 6, 2))
    with pytest.raises(AccessDenied):
        services.info_decide(by=cast["minzheng_head"], item=first, adopt=True)
    services.info_decide(by=cast["reviewer"], item=first, adopt=True)
    with pytest.raises(YifaError) as error:
        services.info_decide(by=cast["reviewer"], item=first, adopt=False)
    assert "已已采用" not in error.value.message and "不能再次处理" in error.value.message
    counts = {c["unit__name"]: (c["submitted"], c["adopted"]) for c in info_counts(year=2026)}
    assert counts == {"江临市民政局": (2, 1), "江临市青石镇": (1, 0)}
    assert InfoItem.objects.get(pk=first.pk).state == InfoState.ADOPTED


def test_information_needs_a_title_and_body_and_a_unit_role(cast):
    with pytest.raises(YifaError) as error:
        services.info_submit(by=cast["minzheng_liaison"], title="", body="")
    assert error.value.message == "标题：必须填写；内容：必须填写"
    with pytest.raises(AccessDenied):
        services.info_submit(by=cast["shijian_officer"], title="执法", body="x")
    assert InfoItem.objects.count() == 0


def test_board_shows_which_units_lack_which_institution(cast):
    rules = services.institution_define(
        by=cast["reviewer"],
        year=2026,
        name="重大事项决策规则",
        due=D(2026, 5, 1),
        basis="深化依法行政规划安排第1项：尚未建立的要在5月1日前建立",
    )
    study = services.institution_define(by=cast["reviewer"], year=2026, name="领导干部会前学法制度", basis="第18项")
    services.institution_record(
        by=cast["minzheng_liaison"],
        institution=rules,
        unit=cast["民政局"],
        established_on=D(2026, 4, 20),
        document_title="江临民政〔2026〕3号",
        file=("决策规则.txt", "重大事项决策规则".encode()),
    )
    services.institution_record(
        by=cast["town1_liaison"],
        institution=rules,
        unit=cast["青石镇"],
        established_on=D(2026, 5, 8),
        document_title="青政〔2026〕9号",
    )
    columns, rows = institution_board(year=2026, today=D(2026, 5, 10))
    assert [c.name for c in columns] == ["重大事项决策规则", "领导干部会前学法制度"]
    by_unit = {r["unit"].short_name: r for r in rows}
    assert [c["label"] for c in by_unit["民政局"]["cells"]] == ["已建立", "未建立"]
    assert by_unit["民政局"]["cells"][0]["record"].evidence.name == "决策规则.txt"
    assert [c["label"] for c in by_unit["青石镇"]["cells"]] == ["逾期建立", "未建立"]
    assert [c["label"] for c in by_unit["交通运输局"]["cells"]] == ["缺失", "未建立"]
    assert by_unit["交通运输局"]["missing"] == 2
    assert study.due is None


def test_institutions_are_defined_by_the_legal_office_and_recorded_by_the_unit(cast):
    with pytest.raises(AccessDenied):
        services.institution_define(by=cast["minzheng_head"], year=2026, name="决策规则")
    rules = services.institution_define(by=cast["reviewer"], year=2026, name="重大事项决策规则")
    with pytest.raises(YifaError) as error:
        services.institution_define(by=cast["reviewer"], year=2026, name="重大事项决策规则")
    assert "2026年已列有“重大事项决策规则”" in error.value.message
    with pytest.raises(AccessDenied):
        services.institution_record(
            by=cast["shijian_liaison"],
            institution=rules,
            unit=cast["民政局"],
            established_on=D(2026, 4, 1),
            document_title="x",
        )
    before = Event.objects.count()
    with pytest.raises(YifaError) as error:
        services.institution_record(
            by=cast["minzheng_liaison"],
            institution=rules,
            unit=cast["民政局"],
            established_on=D(2099, 1, 1),
            document_title="",
        )
    assert "建立日期：不能晚于今天" in error.value.message and "制度文件" in error.value.message
    assert Event.objects.count() == before


def test_a_unit_sees_only_its_own_information_counts(cast):
    services.info_submit(by=cast["minzheng_liaison"], title="民政局会前学法", body="学习民法典", on=D(2026, 6, 1))
    services.info_submit(by=cast["town1_liaison"], title="青石镇法治讲座", body="讲座一场", on=D(2026, 6, 2))
    assert [r["unit__name"] for r in info_counts(year=2026, user=cast["minzheng_liaison"])] == ["江临市民政局"]
    assert len(info_counts(year=2026, user=cast["reviewer"])) == 2
