"""``yifa seed --scale N``: a large synthetic data set on top of the demo city, for the benchmarks.

Adds, in batches: divisions and people (with encrypted phone and ID numbers), N statutory
clocks (core.Deadline) over all units, statuses and due dates, N audit events that extend
the SM3 chain (``yifa audit verify`` still passes), and notifications. Then each module's
``<app>/seed.py`` adds its own rows.

Due dates come from the one engine: each distinct (rule, start, extension) is computed once
with ``Rule.due`` and reused by every row that shares it.

``progress`` (given to each module's ``seed``) may be called as ``progress("文字")`` or
``progress("文字", done, total)``.
"""

from __future__ import annotations

import datetime as dt
import inspect
import os
import random
import sys
import time
from types import SimpleNamespace

from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

from yifa.lib.law import Rule, all_rules

from .audit import GENESIS, chain_hash, record_event
from .bulk import insert_objects, insert_rows
from .calendar import current_calendar
from .clocks import recompute
from .closed_counts import rebuild as rebuild_closed_counts
from .demo import DEPARTMENTS, TOWNSHIPS, Cast, build_city
from .models import AuditHead, Deadline, DeadlineStatus, Event, Notification, Role, RoleGrant, Unit, UnitKind, User
from .registry import contributions

BATCH = 2000
PREFIX = "seed"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰飞鹏辉建国晓红文斌宁"
DIVISIONS = ["办公室", "法规科", "执法监督科", "审批服务科", "综合执法大队", "信访科", "政策研究室", "财务科"]
ACTIONS = [
    ("clock.start", "开始计时", "", "running"),
    ("clock.pause", "中止计时", "running", "paused"),
    ("clock.resume", "恢复计时", "paused", "running"),
    ("clock.extend", "延长期限", "running", "running"),
    ("clock.stop", "按期办结", "running", "met"),
    ("deadline.overdue", "标记逾期", "running", "running"),
    ("record.update", "修改登记信息", "", ""),
    ("record.assign", "指定承办人", "", ""),
]


class Progress:
    """Prints one line per step, overwriting it while a long step runs."""

    def __init__(self, stream=None, quiet: bool = False):
        # Django's OutputWrapper appends a newline to every write; write past it.
        self.stream, self.quiet = getattr(stream, "_out", stream) or sys.stdout, quiet

    def __call__(self, label: str, done: int | None = None, total: int | None = None):
        if self.quiet:
            return
        if done is None or not total:
            self.stream.write(f"{label}\n")
        else:
            end = "\n" if done >= total else "\r"
            self.stream.write(f"  {label}：{done}/{total}（{done * 100 // total}%）{end}")
        self.stream.flush()


def existing_cast() -> Cast:
    """The demo city's cast, read back from a database where ``yifa demo`` already ran."""
    city = Unit.objects.filter(parent__isnull=True, kind=UnitKind.GOVERNMENT).order_by("pk").first()
    legal = Unit.objects.filter(is_legal_office=True).order_by("pk").first()
    if city is None or legal is None:
        raise ValueError("数据库中没有演示城市（缺少市政府或法制机构）")
    cast = Cast(city=city, legal_office=legal, units={"市政府": city, "司法局": legal})
    top = {u.name: u for u in Unit.objects.filter(parent=city)}
    for name in [d for d, _ in DEPARTMENTS] + TOWNSHIPS:
        if f"江临市{name}" in top:
            cast.units[name] = top[f"江临市{name}"]
    review = Unit.objects.filter(parent=legal, name="行政复议科").first()
    if review is not None:
        cast.units["复议科"] = review
    if "民政局" in cast.units:
        office = Unit.objects.filter(parent=cast.units["民政局"], name="办公室").first()
        if office is not None:
            cast.units["民政局办公室"] = office
    cast.people = {u.username: u for u in User.objects.exclude(username__startswith=f"{PREFIX}_")}
    return cast


def city_for_seed(progress) -> Cast:
    if Unit.objects.exists():
        return existing_cast()
    progress("数据库为空：先载入演示城市（江临市）")
    return build_city()


def period_rules() -> list[Rule]:
    return [rule for rule in all_rules() if rule.is_period]


class DueCache:
    """Each distinct (rule, start, extension) computed once by the engine."""

    def __init__(self):
        self.calendar = current_calendar()
        self.results = {}

    def get(self, rule: Rule, start: dt.date, extension: int = 0):
        key = (rule.id, start, extension)
        if key not in self.results:
            result = rule.due(start, self.calendar, extension=extension)
            self.results[key] = (result.due, "，".join(result.explanation))
        return self.results[key]

    def span(self, rule: Rule, start: dt.date) -> int:
        return (self.get(rule, start)[0] - start).days


def _batches(total: int):
    for first in range(0, total, BATCH):
        yield first, min(total, first + BATCH)


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _id_number(rng: random.Random, born: dt.date) -> str:
    body = f"3{rng.randint(10000, 99999)}{born:%Y%m%d}{rng.randint(100, 999)}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]
    return body + check


def seed_units(scale: int, cast: Cast, progress) -> list[Unit]:
    parents = [u for u in Unit.objects.filter(kind__in=[UnitKind.DEPARTMENT, UnitKind.TOWNSHIP])]
    wanted = min(400, max(len(DIVISIONS), scale // 500))
    taken = set(Unit.objects.filter(parent__in=parents).values_list("parent_id", "name"))
    created, n = 0, 0
    while created < wanted and n < wanted * 4:
        parent = parents[n % len(parents)]
        name = f"{DIVISIONS[(n // len(parents)) % len(DIVISIONS)]}{'' if n < len(parents) * len(DIVISIONS) else n}"
        n += 1
        if (parent.pk, name) in taken:
            continue
        Unit.objects.create(name=name, kind=UnitKind.DIVISION, parent=parent)
        taken.add((parent.pk, name))
        created += 1
    progress(f"  内设机构：新增{created}个")
    return list(Unit.objects.exclude(kind=UnitKind.OUTSIDE))


def seed_people(scale: int, units: list[Unit], rng: random.Random, progress) -> list[User]:
    total = max(20, scale // 200)
    offset = User.objects.filter(username__startswith=f"{PREFIX}_").count()
    password = make_password(None)
    roles = [Role.LIAISON, Role.HEAD, Role.ENFORCEMENT, Role.REVIEWER, Role.RECONSIDERATION]
    for first, last in _batches(total):
        people = []
        for i in range(first, last):
            unit = units[i % len(units)]
            born = dt.date(1965, 1, 1) + dt.timedelta(days=rng.randint(0, 12000))
            people.append(
                User(
                    username=f"{PREFIX}_{offset + i:06d}",
                    password=password,
                    full_name=_name(rng),
                    unit=unit,
                    title="工作人员",
                    email=f"{PREFIX}_{offset + i:06d}@demo.yifa.local",
                    phone=f"1{rng.choice('3589')}{rng.randint(0, 999999999):09d}",
                    id_number=_id_number(rng, born),
                )
            )
        insert_objects(people)
        insert_objects([RoleGrant(user=u, role=roles[u.pk % len(roles)]) for u in people])
        progress("人员", last, total)
    return list(User.objects.filter(is_active=True).select_related("unit"))


def _deadline_rows(count, rules, units, people_by_unit, subject_type, today, rng, cache):
    for i in range(count):
        rule = rules[i % len(rules)]
        unit = units[rng.randrange(len(units))]
        roll = rng.random()
        length = max(1, cache.span(rule, today))
        extension = 0
        if roll < 0.55:
            status = DeadlineStatus.RUNNING
            start = today - dt.timedelta(days=rng.randint(0, length))
            if rule.extension_days and rng.random() < 0.05:
                extension = rule.extension_days
        elif roll < 0.62:
            status = DeadlineStatus.RUNNING
            start = today - dt.timedelta(days=length + rng.randint(1, 120))
        elif roll < 0.67:
            status = DeadlineStatus.PAUSED
            start = today - dt.timedelta(days=rng.randint(0, length))
        else:
            status = rng.choice([DeadlineStatus.MET] * 8 + [DeadlineStatus.LATE, DeadlineStatus.CANCELLED])
            start = today - dt.timedelta(days=length + rng.randint(1, 700))
        staff = people_by_unit.get(unit.pk)
        # a dict of column values, not a model instance: building 100k instances cost as much as writing them
        row = {
            "subject_type_id": subject_type.pk,
            "subject_id": str(unit.pk),
            "subject_label": f"{unit.short_name or unit.name}（合成）事项{i + 1:06d}号",
            "rule_id": rule.id,
            "title": rule.title,
            "unit_id": unit.pk,
            "assignee_id": staff[rng.randrange(len(staff))].pk if staff and rng.random() < 0.7 else None,
            "start": start,
            "status": status,
            "extension_days": extension,
            "extensions_used": 1 if extension else 0,
        }
        if status == DeadlineStatus.PAUSED:
            row["paused_since"] = start + dt.timedelta(days=rng.randint(0, max(0, (today - start).days)))
            paused = recompute(Deadline(**row), save=False)
            row["due"], row["explanation"] = paused.due, paused.explanation
        else:
            row["due"], row["explanation"] = cache.get(rule, start, extension)
        if status == DeadlineStatus.MET:
            row["closed_on"] = start + dt.timedelta(days=rng.randint(1, max(1, (row["due"] - start).days)))
        elif status == DeadlineStatus.LATE:
            row["closed_on"] = row["due"] + dt.timedelta(days=rng.randint(1, 60))
        elif status == DeadlineStatus.CANCELLED:
            row["closed_on"] = start + dt.timedelta(days=rng.randint(1, 20))
        elif status == DeadlineStatus.RUNNING and row["due"] < today:
            row["overdue_marked"] = rng.random() < 0.8
        yield row


def seed_deadlines(scale: int, units, people, today, rng, progress, rules=None) -> int:
    rules = rules if rules is not None else period_rules()
    if not rules:
        progress("  尚无模块登记法定期限（rules.py 中带天数的规则），不生成期限数据")
        return 0
    people_by_unit: dict[int, list[User]] = {}
    for person in people:
        if person.unit_id:
            people_by_unit.setdefault(person.unit_id, []).append(person)
    subject_type = ContentType.objects.get_for_model(Unit)
    rows = _deadline_rows(scale, rules, units, people_by_unit, subject_type, today, rng, DueCache())
    for first, last in _batches(scale):
        insert_rows(Deadline, [next(rows) for _ in range(first, last)])
        progress("法定期限", last, scale)
    rebuild_closed_counts()  # the rows went in around the engine's stop_clock, which counts one close at a time
    return scale


def seed_events(scale: int, people, today, rng, progress) -> int:
    """Appends ``scale`` events to the audit chain, hashed here with the audit module's own
    canonical form, under the chain head's lock so no other writer can fork it."""
    deadline_type = ContentType.objects.get_for_model(Deadline)
    deadline_ids = list(Deadline.objects.order_by("-id").values_list("pk", flat=True)[:50000]) or [0]
    with transaction.atomic():
        head, _ = AuditHead.objects.select_for_update().get_or_create(pk=1)
        last = Event.objects.order_by("-id").values_list("pk", "hash").first()
        next_id = (last[0] if last else 0) + 1
        prev = last[1] if last else GENESIS
        if prev != head.last_hash:
            raise ValueError("审计链尾与链头记录不符，请先运行 yifa audit verify")
        newest = Event.objects.order_by("-id").values_list("at", flat=True).first()
        begin = max(
            newest or dt.datetime.min.replace(tzinfo=dt.timezone.utc),
            dt.datetime.combine(today - dt.timedelta(days=730), dt.time(), tzinfo=dt.timezone.utc),
        )
        step = max(1, int((timezone.now() - begin).total_seconds() * 1_000_000) // (scale + 1))
        for first, last_n in _batches(scale):
            batch = []
            for i in range(first, last_n):
                actor = people[rng.randrange(len(people))]
                action, label, src, dst = ACTIONS[rng.randrange(len(ACTIONS))]
                subject_id = deadline_ids[rng.randrange(len(deadline_ids))]
                event = SimpleNamespace(
                    id=next_id + i,
                    at=begin + dt.timedelta(microseconds=step * (i + 1)),
                    actor_id=actor.pk,
                    actor_name=actor.display_name,
                    unit_id=actor.unit_id,
                    subject_type_id=deadline_type.pk,
                    subject_id=str(subject_id),
                    subject_label=f"合成期限#{subject_id}",
                    action=action,
                    action_label=label,
                    from_state=src,
                    to_state=dst,
                    reason="合成数据" if rng.random() < 0.1 else "",
                    data={"seed": True, "n": i},
                    prev_hash=prev,
                )
                event.hash = prev = chain_hash(event)  # the audit module's own canonical form and key
                batch.append(vars(event))
            insert_rows(Event, batch)
            progress("审计事件", last_n, scale)
        head.last_id, head.last_hash, head.count = next_id + scale - 1, prev, head.count + scale
        head.save()
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [Event]):
                cursor.execute(sql)
    return scale


def seed_notifications(scale: int, people, rng, progress) -> int:
    total = scale // 2
    offset = Notification.objects.filter(key__startswith=f"{PREFIX}:").count()
    liaisons = [p for p in people if not p.username.startswith(PREFIX)] or people
    now = timezone.now()
    for first, last in _batches(total):
        rows = []
        for i in range(first, last):
            user = liaisons[i % len(liaisons)] if i % 4 == 0 else people[rng.randrange(len(people))]
            rows.append(
                {
                    "user_id": user.pk,
                    "key": f"{PREFIX}:{offset + i}",
                    "title": f"合成提醒{offset + i}号：期限即将届满",
                    "body": "合成数据，用于性能测试。",
                    "link": "/staff/deadlines/",
                    "read_at": now if rng.random() < 0.6 else None,
                }
            )
        insert_rows(Notification, rows)
        progress("通知", last, total)
    return total


def _call_app_seed(module, *, scale: int, cast: Cast, progress):
    params = inspect.signature(module.seed).parameters
    kwargs = {"scale": scale, "progress": progress}
    if "cast" in params:
        kwargs["cast"] = cast
    return module.seed(**{k: v for k, v in kwargs.items() if k in params or "kwargs" in params})


def _clock() -> tuple[float, float]:
    return time.monotonic(), time.process_time()


def _mark_batch(step: str, scale: int, counts, began: tuple[float, float], progress) -> None:
    """One audit event per seed step, in the step's own transaction: the rows it added are synthetic, written
    in bulk without an event each; this event says so, with their counts (``yifa audit`` shows it)."""
    seconds, cpu = round(time.monotonic() - began[0], 1), round(time.process_time() - began[1], 1)
    record_event(
        action="seed.batch",
        action_label="载入合成数据（性能测试）",
        reason=f"yifa seed --scale {scale}",
        data={"step": step, "scale": scale, "rows": counts, "seconds": seconds, "cpu_seconds": cpu},
    )
    progress(f"  {step}：{seconds}秒（本进程CPU {cpu}秒，负载{os.getloadavg()[0]:.1f}）")


def seed(
    *, scale: int, today: dt.date | None = None, random_seed: int = 2026, progress=None, rules: list[Rule] | None = None
) -> dict:
    if scale < 1:
        raise ValueError("--scale 须为正整数")
    progress = progress or Progress()
    today = today or timezone.localdate()
    rng = random.Random(random_seed)
    counts = {}
    with transaction.atomic():
        cast = city_for_seed(progress)
        began = _clock()
        progress(f"生成合成数据（规模 {scale}）")
        units = seed_units(scale, cast, progress)
        people = seed_people(scale, units, rng, progress)
        counts["people"] = len(people)
        counts["deadlines"] = seed_deadlines(scale, units, people, today, rng, progress, rules)
        _mark_batch("core", scale, {"people": counts["people"], "deadlines": counts["deadlines"]}, began, progress)
    began = _clock()
    counts["events"] = seed_events(scale, people, today, rng, progress)
    with transaction.atomic():
        counts["notifications"] = seed_notifications(scale, people, rng, progress)
        _mark_batch(
            "core", scale, {"events": counts["events"], "notifications": counts["notifications"]}, began, progress
        )
    for name, module in contributions("seed"):
        if name == "core" or not hasattr(module, "seed"):
            continue
        progress(f"模块 {name}：")
        began = _clock()
        with transaction.atomic():
            counts[name] = _call_app_seed(module, scale=scale, cast=cast, progress=progress)
            _mark_batch(name, scale, counts[name], began, progress)
    settle(progress)
    return counts


def settle(progress) -> None:
    """After a bulk load on PostgreSQL, what autovacuum would do some minutes later: VACUUM ANALYZE, so that the
    planner knows the new sizes and counts read their covering indexes alone (until the visibility map is set,
    an index-only scan also visits the table: the cockpit took 184 ms at 100k instead of 67). VACUUM cannot run
    inside a transaction (a test's), so there it is left to autovacuum."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    began = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    progress(f"  VACUUM ANALYZE：{time.monotonic() - began:.1f}秒")
