"""Fixtures for the foundation's own tests: statutory rules to run clocks on."""

import pytest

from yifa.lib.deadlines import CALENDAR_DAYS, WORKDAYS
from yifa.lib.law import REGISTRY, Rule
from yifa.lib.statutes import FUYI_2023


@pytest.fixture
def decision_rule():
    # 行政复议法(2023)第六十二条第一款：六十日内作出决定；延长期限最多不得超过三十日
    rule = Rule(
        "testcore.decision",
        "作出行政复议决定",
        FUYI_2023,
        "第六十二条第一款",
        days=60,
        unit=CALENDAR_DAYS,
        extension_days=30,
    )
    yield rule
    REGISTRY.pop(rule.id, None)


@pytest.fixture
def reply_rule():
    # 行政复议法(2023)第四十八条：十日内提出书面答复（第八十八条：指工作日）
    rule = Rule("testcore.reply", "被申请人提出书面答复", FUYI_2023, "第四十八条", days=10, unit=WORKDAYS)
    yield rule
    REGISTRY.pop(rule.id, None)


@pytest.fixture
def twenty_workdays():
    rule = Rule("testcore.twenty", "二十个工作日内办结", FUYI_2023, "第八十八条", days=20, unit=WORKDAYS)
    yield rule
    REGISTRY.pop(rule.id, None)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test-only Memo table (tests/core/memo.py) next to the migrated schema."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from .memo import Memo

    with django_db_blocker.unblock():
        with connection.schema_editor() as editor:
            editor.create_model(Memo)
        # Outside any test's transaction: ContentType ids are cached for the whole process.
        ContentType.objects.get_for_model(Memo)
