"""The audit chain becomes keyed (HMAC-SM3 with YIFA_AUDIT_KEY) and, on PostgreSQL, append-only.

An existing chain made with plain SM3 is rehashed under the key only if it verifies intact first;
a chain that was already broken is left as it is, so ``yifa audit verify`` still reports it."""
import hashlib
import hmac
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations

GENESIS = "0" * 64

APPEND_ONLY = """
CREATE OR REPLACE FUNCTION core_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '审计事件只能追加，不能修改或删除（%）', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS core_event_append_only ON core_event;
CREATE TRIGGER core_event_append_only BEFORE UPDATE OR DELETE ON core_event
    FOR EACH ROW EXECUTE FUNCTION core_event_append_only();
"""
DROP_APPEND_ONLY = """
DROP TRIGGER IF EXISTS core_event_append_only ON core_event;
DROP FUNCTION IF EXISTS core_event_append_only();
"""


def _content(e, with_id: bool) -> bytes:
    content = {
        "at": e.at.isoformat(),
        "actor": e.actor_id,
        "actor_name": e.actor_name,
        "unit": e.unit_id,
        "subject_type": e.subject_type_id,
        "subject_id": e.subject_id,
        "subject_label": e.subject_label,
        "action": e.action,
        "from": e.from_state,
        "to": e.to_state,
        "reason": e.reason,
        "data": e.data,
        "prev": e.prev_hash,
    }
    if with_id:
        content["id"] = e.pk
    return json.dumps(content, sort_keys=True, ensure_ascii=False, cls=DjangoJSONEncoder).encode()


def rekey_intact_chain(apps, schema_editor):
    Event, AuditHead = apps.get_model("core", "Event"), apps.get_model("core", "AuditHead")
    events = list(Event.objects.order_by("id"))
    prev = GENESIS
    for e in events:
        if e.prev_hash != prev or hashlib.new("sm3", _content(e, with_id=True)).hexdigest() != e.hash:
            return
        prev = e.hash
    head = AuditHead.objects.filter(pk=1).first()
    if not events or head is None or head.last_hash != prev or head.count != len(events):
        return
    prev = GENESIS
    for e in events:
        e.prev_hash = prev
        e.hash = prev = hmac.new(settings.AUDIT_KEY.encode(), _content(e, with_id=False), "sm3").hexdigest()
        Event.objects.filter(pk=e.pk).update(prev_hash=e.prev_hash, hash=e.hash)
    AuditHead.objects.filter(pk=1).update(last_hash=prev)


def _run(schema_editor, sql: str) -> None:
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(sql)  # no parameters: the function body's % stays as written


def add_trigger(apps, schema_editor):
    _run(schema_editor, APPEND_ONLY)


def drop_trigger(apps, schema_editor):
    _run(schema_editor, DROP_APPEND_ONLY)


class Migration(migrations.Migration):
    dependencies = [("core", "0006_account_security")]

    operations = [
        migrations.RunPython(rekey_intact_chain, migrations.RunPython.noop),
        migrations.RunPython(add_trigger, drop_trigger),
    ]
