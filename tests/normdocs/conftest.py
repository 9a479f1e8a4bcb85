import datetime as dt

import pytest

from yifa.normdocs import services

D = dt.date

LOCAL_PROTECTION_TEXT = (
    "第一条 为了加强本地农产品市场监管，制定本办法。\n"
    "第二条 政府采购项目优先采购本市企业生产的产品。\n"
    "第三条 本地居民可以向所在街道申请临时救助。\n"
)
NEUTRAL_TEXT = (
    "第一条 为了规范本市社会救助工作，根据《社会救助暂行办法》，制定本办法。\n"
    "第二条 各部门不得排斥外地经营者参与本地招标投标。\n"
    "第三条 本办法自公布之日起施行。\n"
)


@pytest.fixture
def draft(cast):
    return services.document_create(
        by=cast["minzheng_liaison"],
        unit=cast.units["民政局"],
        title="江临市最低生活保障审核确认办法",
        full_text=NEUTRAL_TEXT,
        legal_bases=["社会救助暂行办法"],
        fair_competition_conclusion="经审查，不含排除、限制竞争的内容",
    )


PUBLISHED_ON, SUBMITTED_ON = D(2025, 9, 5), D(2025, 8, 1)


def publish_lawfully(
    cast, doc, *, number="江民发〔2025〕3号", published_on=PUBLISHED_ON, submitted_on=SUBMITTED_ON, liaison=None
):
    """The full drafting procedure, done right."""
    liaison, reviewer = liaison or cast["minzheng_liaison"], cast["reviewer"]
    doc = services.document_update(
        by=liaison,
        doc=doc,
        expected_version=doc.version,
        title=doc.title,
        full_text=doc.full_text,
        legal_bases=doc.legal_bases,
        valid_years=doc.valid_years,
        involves_business=True,
        fair_competition_conclusion="经审查，不含排除、限制竞争的内容",
    )
    doc = services.submit_review(by=liaison, doc=doc, on=submitted_on)
    doc = services.document_review(
        by=reviewer, doc=doc, opinion="lawful", comments="合法", on=submitted_on + dt.timedelta(days=7)
    )
    doc = services.record_meeting(
        by=liaison,
        doc=doc,
        meeting_on=submitted_on + dt.timedelta(days=14),
        meeting_name="局务会议",
        record="会议讨论通过",
    )
    return services.publish(
        by=liaison, doc=doc, number=number, signed_by="民政局长", signed_on=published_on, published_on=published_on
    )


@pytest.fixture
def published(cast, draft):
    return publish_lawfully(cast, draft)


@pytest.fixture
def successor(cast, published):
    """A later document of the same office, published on 2026-03-02, that may modify or repeal ``published``."""
    new = services.document_create(
        by=cast["minzheng_liaison"],
        unit=cast.units["民政局"],
        title="新办法",
        full_text="第一条 本办法自公布之日起施行。",
    )
    return publish_lawfully(
        cast, new, number="江民发〔2026〕2号", published_on=D(2026, 3, 2), submitted_on=D(2026, 2, 2)
    )
