"""The audit chain: each event's hash is an HMAC-SM3, keyed from the environment (YIFA_AUDIT_KEY), over
its content and the previous event's hash. Without the key nobody can rebuild the chain after deleting or
editing an event; with it, an anchor kept outside the database (``yifa audit anchor``) still shows the
rewrite. On PostgreSQL a trigger refuses UPDATE and DELETE on the table (migration 0007)."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from .models import AuditHead, Event

GENESIS = "0" * 64


def sm3(data: bytes) -> str:
    return hashlib.new("sm3", data).hexdigest()


def chain_hash(event: Event, key: str | None = None) -> str:
    """HMAC-SM3 of the event's content and its predecessor's hash."""
    secret = (settings.AUDIT_KEY if key is None else key).encode()
    return hmac.new(secret, _canonical(event), "sm3").hexdigest()


def _canonical(event: Event) -> bytes:
    # The row id is not covered: the hash is computed before the row is written, and the order is
    # fixed by each event naming its predecessor's hash.
    content = {
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
    subject_label: str = "",
) -> Event:
    """Append one event, written once with its hash. Must run inside the caller's transaction.
    ``actor_name`` names an actor without an account (e.g. “公众” on the portal); ``subject_label`` names
    what an event without one ``subject`` is about (a batch: “民政局的12项期限”)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("record_event must run inside the service's transaction")
    head, _ = AuditHead.objects.select_for_update().get_or_create(pk=1)
    event = Event(
        at=timezone.now(),
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=(actor_name or getattr(actor, "display_name", "") or ("系统" if actor is None else str(actor)))[:50],
        unit=unit if unit is not None else getattr(actor, "unit", None),
        action=action,
        action_label=action_label,
        from_state=from_state or "",
        to_state=to_state or "",
        reason=reason or "",
        data=json.loads(json.dumps(data or {}, cls=DjangoJSONEncoder)),
        prev_hash=head.last_hash,
        subject_label=subject_label[:200],
    )
    if subject is not None:
        event.subject_type = ContentType.objects.get_for_model(subject)
        event.subject_id = str(subject.pk)
        event.subject_label = str(subject)[:200]
    event.hash = chain_hash(event)
    event.save()
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


@dataclass(frozen=True)
class Anchor:
    """The chain's head at a moment, to be kept outside the database: ``<event id>:<hash>``."""

    event_id: int
    hash: str

    def __str__(self) -> str:
        return f"{self.event_id}:{self.hash}"

    @classmethod
    def parse(cls, text: str) -> Anchor:
        event_id, _, digest = (text or "").strip().partition(":")
        if not event_id.isdigit() or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
            raise ValueError(f"锚点“{text}”的格式应为 事件编号:64位十六进制哈希（由 yifa audit anchor 打印）")
        return cls(int(event_id), digest)


def current_anchor() -> tuple[Anchor, Event | None]:
    head = AuditHead.objects.filter(pk=1).first()
    if head is None or not head.count:
        return Anchor(0, GENESIS), None
    return Anchor(head.last_id, head.last_hash), Event.objects.filter(pk=head.last_id).first()


def verify_chain(batch: int = 2000, anchors: tuple[Anchor, ...] = ()) -> ChainReport:
    problems: list[str] = []
    prev_hash, count, last_id = GENESIS, 0, 0
    expected = {a.event_id: a for a in anchors if a.event_id}
    for event in Event.objects.order_by("id").iterator(chunk_size=batch):
        count += 1
        if event.prev_hash != prev_hash:
            problems.append(f"事件#{event.pk}：前序哈希不符，其前的事件被删除或篡改")
        if not hmac.compare_digest(chain_hash(event), event.hash):
            problems.append(f"事件#{event.pk}：内容与哈希不符，记录被篡改或未用本系统的审计密钥生成")
        anchor = expected.pop(event.pk, None)
        if anchor and anchor.hash != event.hash:
            problems.append(f"事件#{event.pk}：与锚点{anchor.hash[:12]}…不符，锚点之前的记录被改写")
        prev_hash, last_id = event.hash, event.pk
    for anchor in expected.values():
        problems.append(f"锚点所指的事件#{anchor.event_id}已不存在，记录被删除")
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
