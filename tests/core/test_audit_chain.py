"""The keyed audit chain: written once, HMAC-SM3 with a key outside the database, anchors kept outside
it, and on PostgreSQL a trigger that refuses UPDATE and DELETE."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext

from yifa.core.audit import GENESIS, _canonical, chain_hash, current_anchor, record_event, sm3, verify_chain
from yifa.core.models import AuditHead, Event

from .tamper import trigger_off

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(cast):
    with transaction.atomic():
        return [
            record_event(actor=cast["admin"], subject=cast.city, action=f"test.{i}", action_label="测试", data={"i": i})
            for i in range(6)
        ]


def run(*args) -> tuple[list[str], str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
    except CommandError as exc:
        return out.getvalue().splitlines(), err.getvalue() + str(exc)
    return out.getvalue().splitlines(), err.getvalue()


def delete_and_rechain(victim: Event, hash_of) -> None:
    """The reviewer's 10-line script: delete an event, then recompute every later link and the head."""
    with trigger_off():
        Event.objects.filter(pk=victim.pk).delete()
        prev = GENESIS
        for event in Event.objects.order_by("id"):
            event.prev_hash = prev
            prev = hash_of(event)
            Event.objects.filter(pk=event.pk).update(prev_hash=event.prev_hash, hash=prev)
        last = Event.objects.order_by("-id").first()
        AuditHead.objects.filter(pk=1).update(last_hash=prev, last_id=last.pk, count=Event.objects.count())


def test_each_event_is_written_once_with_its_hash(cast):
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        event = record_event(actor=cast["admin"], subject=cast.city, action="test.once")
    sql = [q["sql"].upper() for q in queries.captured_queries if "CORE_EVENT" in q["sql"].upper().replace('"', "")]
    assert [s.split()[0] for s in sql] == ["INSERT"]
    assert Event.objects.get(pk=event.pk).hash == chain_hash(event)


def test_a_deleted_and_rechained_event_is_detected_without_the_key(events):
    delete_and_rechain(events[2], lambda e: sm3(_canonical(e)))
    report = verify_chain()
    assert not report.ok and report.checked == 5
    assert f"事件#{events[3].pk}：内容与哈希不符" in "\n".join(report.problems)
    _, err = run("audit", "verify")
    assert "审计链校验失败" in err


def test_rechaining_with_a_guessed_key_is_detected(events):
    delete_and_rechain(events[2], lambda e: chain_hash(e, key="dev-only-audit-key-change-me-in-production"))
    assert not verify_chain().ok


def test_a_chain_made_under_another_key_does_not_verify(events, settings):
    settings.AUDIT_KEY = "Another-deployment-key-0123456789abcdefXYZ"
    report = verify_chain()
    assert len(report.problems) == 6


def test_an_anchor_kept_outside_catches_a_rewrite_even_with_the_key(events):
    anchor_line, description = run("audit", "anchor")[0]
    head = AuditHead.objects.get(pk=1)
    assert anchor_line == f"{head.last_id}:{head.last_hash}"
    assert description.startswith(f"链头：事件#{head.last_id}（") and "取锚时间" in description
    assert run("audit", "verify", "--anchor", anchor_line)[0] == ["审计链完整：共6条事件，哈希逐条相符，与1个锚点相符"]
    delete_and_rechain(events[1], chain_hash)  # an insider who also holds the key
    assert verify_chain().ok  # the key alone cannot tell: that is what the anchor is for
    out, err = run("audit", "verify", "--anchor", anchor_line)
    assert out == [] and f"事件#{events[5].pk}：与锚点{head.last_hash[:12]}…不符" in err


def test_an_anchored_event_that_was_deleted_is_reported(events):
    anchor, _ = current_anchor()
    delete_and_rechain(events[5], chain_hash)
    _, err = run("audit", "verify", "--anchor", str(anchor))
    assert f"锚点所指的事件#{events[5].pk}已不存在" in err


def test_a_malformed_anchor_is_refused_in_chinese(events):
    _, err = run("audit", "verify", "--anchor", "12:abc")
    assert "--anchor：锚点“12:abc”的格式应为 事件编号:64位十六进制哈希" in err


def test_anchor_of_an_empty_chain(db):
    assert run("audit", "anchor")[0] == [f"0:{GENESIS}", "审计链为空：锚点为起始值"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the append-only trigger is PostgreSQL's")
def test_postgresql_refuses_update_and_delete_on_the_event_table(events):
    for change in (
        lambda: Event.objects.filter(pk=events[0].pk).update(reason="事后补写"),
        lambda: Event.objects.filter(pk=events[0].pk).delete(),
    ):
        with pytest.raises(DatabaseError, match="审计事件只能追加"), transaction.atomic():
            change()
    assert verify_chain().ok
