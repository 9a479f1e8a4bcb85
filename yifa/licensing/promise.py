"""告知承诺 (国办发〔2020〕42号): the standard 承诺书 of an item, and the random draw of the licences granted
on a promise that are checked afterwards — reproducible from the recorded seed and population."""

from __future__ import annotations

import datetime as dt
import math
import random
import secrets

from yifa.core.procedure import Checks, add, create
from yifa.lib.deadlines import zh_date

from . import rules
from .flows import PROMISE_CHECKS, organ_staff
from .models import Application, AppState, PromiseCheck, PromiseDraw


def standard_text(*, name: str, conditions: str, materials: str) -> str:
    """The 承诺书 an item gets when its list row gives none: the conditions, the materials replaced by the
    promise, and the liability for a false promise, told at once."""
    listed = "；".join(line.strip() for line in materials.replace("；", "\n").splitlines() if line.strip())
    return (
        f"本人（本单位）申请办理{name}，已知悉并承诺：\n"
        f"一、本人（本单位）符合下列许可条件：{conditions.strip()}\n"
        f"二、下列材料所证明的事项真实、准确，行政机关可以核查：{listed}\n"
        "三、愿意接受行政机关的核查；承诺不实的，行政机关依法撤销许可（《中华人民共和国行政许可法》第六十九条第二款），"
        "并将不实承诺记入信用记录，由本人（本单位）承担相应法律责任。"
    )


def sample(population: list[int], seed: str, percent: int) -> list[int]:
    """The checked applications: ``percent`` per cent of ``population`` (rounded up), drawn with ``seed``.
    Pure: the same population, seed and percentage always give the same sample."""
    ordered = sorted(population)
    size = min(len(ordered), math.ceil(len(ordered) * percent / 100))
    return sorted(random.Random(seed).sample(ordered, size))


def population(unit, granted_from: dt.date, granted_to: dt.date) -> list[int]:
    """Licences the unit granted on a promise in the period, not yet drawn and not revoked."""
    return list(
        Application.objects.filter(
            unit=unit,
            by_promise=True,
            accepted_on__isnull=False,
            decided_on__range=(granted_from, granted_to),
            state__in=[AppState.GRANTED, AppState.ISSUED],
            promise_check__isnull=True,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def draw(*, by, unit, granted_from, granted_to, percent, seed: str = "", on: dt.date) -> PromiseDraw:
    check = Checks()
    check.date("granted_from", "决定日期自", granted_from)
    check.date("granted_to", "决定日期至", granted_to)
    if granted_from and granted_to and granted_from > granted_to:
        check.fail("granted_to", "决定日期至：不能早于起始日期")
    if granted_to and granted_to > on:
        check.fail("granted_to", "决定日期至：不能晚于今天")
    if percent is None or not 1 <= percent <= 100:
        check.fail("percent", f"抽取比例：应为1至100之间的整数（{rules.PROMISE_CHECK.citation}）")
    seed = (seed or "").strip() or str(secrets.randbelow(10**12))
    if not seed.isdigit() or len(seed) > 20:
        check.fail("seed", "随机种子：应为不超过20位的数字，留空由系统生成")
    check.done()
    pool = population(unit, granted_from, granted_to)
    if not pool:
        check.fail(
            "granted_to",
            f"{zh_date(granted_from)}至{zh_date(granted_to)}没有以告知承诺方式准予、尚未核查的许可",
        )
        check.done()
    record = PromiseDraw(
        unit=unit,
        drawn_on=on,
        granted_from=granted_from,
        granted_to=granted_to,
        percent=percent,
        seed=seed,
        population=pool,
        by=by,
    )

    def checks(made):
        chosen = Application.objects.filter(pk__in=sample(pool, seed, percent)).order_by("pk")
        for app in chosen:
            create(
                PROMISE_CHECKS,
                "draw",
                build=lambda app=app: PromiseCheck(draw=made, application=app, unit=app.unit),
                by=by,
                on=on,
            )

    return add(
        record,
        by=by,
        who=organ_staff,
        action="licensing.promise_draw",
        label="随机抽取告知承诺核查对象",
        data={"seed": seed, "percent": percent, "population": len(pool)},
        after=checks,
    )
