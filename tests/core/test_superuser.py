"""A superuser (``yifa createsuperuser``) runs the platform: units, people, calendar, login security and
the Django admin. It holds no statutory power — it cannot submit, review, accept or decide anything, nor
act as the legal office or a unit's head: those acts are done by the people the law names (等保：三权分立、
最小权限)."""

import pytest

from yifa.core.access import can_see_personal_data, is_admin, is_legal_office
from yifa.core.audit import timeline
from yifa.core.errors import AccessDenied
from yifa.core.models import User
from yifa.core.procedure import LEGAL_OFFICE, fire, in_unit_of, with_role
from yifa.reconsideration.who import OFFICE_HEAD, ORGAN_HEAD, STAFF

from .memo import MEMO_FLOW, Memo, MemoState

pytestmark = pytest.mark.django_db


@pytest.fixture
def root(cast):
    return User.objects.create_superuser("root", password="Zx9-long-and-strong")


def test_a_superuser_administers_the_platform(cast, root, login):
    client = login(root)
    for url in ("/staff/units/", "/staff/people/", "/staff/security/"):
        assert client.get(url).status_code == 200, url
    assert is_admin(root)


def test_a_superuser_holds_no_statutory_power(cast, root):
    memo = Memo.objects.create(title="请示", body="正文", legal_review_done=True, unit=cast.units["民政局"])
    with pytest.raises(AccessDenied):
        fire(MEMO_FLOW, memo, "submit", by=root)
    memo.refresh_from_db()
    assert memo.state == MemoState.DRAFT and not timeline(memo).exists()
    assert MEMO_FLOW.available(root, memo) == []
    for who in (LEGAL_OFFICE, STAFF, OFFICE_HEAD, ORGAN_HEAD, with_role("reviewer"), in_unit_of("head")):
        assert not who(root, memo), who.label
    assert not is_legal_office(root)


def test_a_superuser_cannot_open_the_legal_offices_work_queues(cast, root, login):
    assert login(root).get("/staff/reconsideration/held/").status_code == 403


def test_a_superuser_sees_personal_data_as_an_administrator_does(cast, root):
    assert can_see_personal_data(root) == can_see_personal_data(cast["admin"])
