"""The audit chain: each event's SM3 hash covers its content and the previous hash."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from .models import AuditHead, Event

GENESIS = "0" * 64


def sm3(data: bytes) -> str:
    return hashlib.new("sm3", data).hexdigest()


def _canonical(event: Event) -> bytes:
    content = {
        "id": event.pk,
        "at": event.at.isoformat(),
        "actor": event.actor_id,
        "actor_name": event.actor_name,
        "unit": event.unit_id,
        "subject_type": event.subject_type_id,
        "subject_id": event.subject_id,
        "subject_label": event.subject_label,
        "action": event.action,
        "from": event.from_state,
        "to": event.to_state,
        "reason": event.reason,
        "data": event.data,
        "prev": event.prev_hash,
    }
    return json.dumps(content, sort_keys=True, ensure_ascii=False, cls=DjangoJSONEncoder).encode()


def record_event(
    *,
    actor=None,
    subject=None,
    action: str,
    action_label: str = "",
    from_state: str = "",
    to_state: str = "",
    reason: str = "",
    data: dict | None = None,
    unit=None,
    actor_name: str = "",
) -> Event:
    """Append one event. Must run inside the caller's transaction.
    ``actor_name`` names an actor without an account (e.g. “公众” on the portal)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("record_event must run inside the service's transaction")
    head, _ = AuditHead.objects.select_for_update().get_or_create(pk=1)
    event = Event(
        at=timezone.now(),
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=actor_name or getattr(actor, "display_name", "") or ("系统" if actor is None else str(actor)),
        unit=unit if unit is not None else getattr(actor, "unit", None),
        action=action,
        action_label=action_label,
        from_state=from_state or "",
        to_state=to_state or "",
        reason=reason or "",
        data=json.loads(json.dumps(data or {}, cls=DjangoJSONEncoder)),
        prev_hash=head.last_hash,
        hash="pending-" + timezone.now().isoformat() + str(head.count),
    )
    if subject is not None:
        event.subject_type = ContentType.objects.get_for_model(subject)
        event.subject_id = str(subject.pk)
        event.subject_label = str(subject)[:200]
    event.save()
    event.hash = sm3(_canonical(event))
    event.save(update_fields=["hash"], _chain=True)
    head.last_id, head.last_hash, head.count = event.pk, event.hash, head.count + 1
    head.save()
    return event


@dataclass
class ChainReport:
    checked: int
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_chain(batch: int = 2000) -> ChainReport:
    problems: list[str] = []
    prev_hash, count, last_id = GENESIS, 0, 0
    for event in Event.objects.order_by("id").iterator(chunk_size=batch):
        count += 1
        if event.prev_hash != prev_hash:
            problems.append(f"事件#{event.pk}：前序哈希不符，其前的事件被删除或篡改")
        if sm3(_canonical(event)) != event.hash:
            problems.append(f"事件#{event.pk}：内容与哈希不符，记录被篡改")
        prev_hash, last_id = event.hash, event.pk
    head = AuditHead.objects.filter(pk=1).first()
    if head is None and count:
        problems.append(f"链头记录缺失：实有{count}条事件，无法确认链尾是否被删除")
    if head and (head.last_hash != prev_hash or head.count != count):
        problems.append(
            f"链尾不符：应有{head.count}条、末条#{head.last_id}，实有{count}条、末条#{last_id}，有事件被删除"
        )
    return ChainReport(count, problems)


def timeline(subject):
    ct = ContentType.objects.get_for_model(subject)
    return Event.objects.filter(subject_type=ct, subject_id=str(subject.pk)).select_related("actor")
