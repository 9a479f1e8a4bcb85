"""What the supervision transitions write besides their fields: the drawn sample, item scores, the
investigators, the notice a filing review sends. Called by the kit inside the act's transaction."""

from __future__ import annotations

import random
import secrets
from decimal import Decimal

from yifa.core.clocks import clocks_of
from yifa.core.models import Unit
from yifa.enforcement import interface as enforcement

from . import rules
from .models import FilingOutcome, Finding, ItemScore, NoticeKind, NoticeSource, ReviewFile, Section
from .sources import source


def subtree_ids(unit) -> list[int]:
    return list(Unit.objects.filter(path__startswith=unit.path).values_list("pk", flat=True))


def population(campaign) -> dict:
    """{unit: [case rows decided in the period]}, units in id order (a stable order for the draw)."""
    files, found = source(campaign.kind), {}
    for unit in campaign.units.order_by("pk"):
        found[unit] = list(
            files.population(unit_ids=subtree_ids(unit), start=campaign.period_start, end=campaign.period_end)
        )
    return found


def draw(campaign) -> list[tuple]:
    """The sample: for each unit in id order, ``sample_size`` of its files in id order, drawn by one
    generator seeded with the campaign's seed. The same seed and the same files give the same sample."""
    rng = random.Random(campaign.seed)
    picked = []
    for unit, rows in population(campaign).items():
        for row in rng.sample(rows, min(campaign.sample_size, len(rows))):
            picked.append((unit, row))
    return picked


def record_seed(campaign, *, seed=None, on, **_):
    campaign.seed = int(seed) if seed not in (None, "") else secrets.randbelow(10**9)
    campaign.population = sum(len(rows) for rows in population(campaign).values())
    campaign.drawn_on = on


def draw_sample(campaign, **_):
    ReviewFile.objects.bulk_create(
        ReviewFile(campaign=campaign, unit=unit, case_id=row["id"], case_number=row["number"])
        for unit, row in draw(campaign)
    )


def sample_numbers(campaign) -> list[str]:
    return list(campaign.files.order_by("id").values_list("case_number", flat=True))


def apply_scores(review_file, *, scores, by, on, **_):
    rubric_items = {i.pk: i for i in review_file.rubric_items().select_related("rubric")}
    rubric = next(iter(rubric_items.values())).rubric
    lost = {Section.FORM: Decimal(0), Section.CONTENT: Decimal(0)}
    vetoed = False
    for item_id, (deducted, veto, _) in scores.items():
        item = rubric_items[item_id]
        vetoed = vetoed or (bool(veto) and item.section == Section.VETO)
        if item.section in lost:
            lost[item.section] += Decimal(str(deducted or 0))
    review_file.form_score = max(Decimal(rubric.form_points) - lost[Section.FORM], Decimal(0))
    review_file.content_score = max(Decimal(rubric.content_points) - lost[Section.CONTENT], Decimal(0))
    review_file.total = review_file.form_score + review_file.content_score
    review_file.vetoed = vetoed
    review_file.passed = not vetoed and review_file.total >= rubric.pass_mark
    review_file.scored_on, review_file.scored_by = on, by


def save_scores(review_file, *, scores, suggested=(), **_):
    review_file.scores.all().delete()
    ItemScore.objects.bulk_create(
        ItemScore(
            file=review_file,
            item_id=item_id,
            deducted=Decimal(str(deducted or 0)),
            vetoed=bool(veto),
            note=(note or "").strip()[:300],
            from_data=item_id in set(suggested),
        )
        for item_id, (deducted, veto, note) in scores.items()
    )


def record_report(notice, *, report, on, **_):
    clock = clocks_of(notice, rule=rules.SUPERVISION_OPINION).first()
    notice.report, notice.done_on = report.strip(), on
    notice.on_time = None if clock is None else on <= clock.due


def notice_from_filing(filing, *, by, on, outcome, opinion, **_):
    if outcome == FilingOutcome.AGREED:
        return
    from .services import notice_issue

    notice_issue(
        by=by,
        unit=filing.unit,
        kind=NoticeKind.CORRECT if outcome == FilingOutcome.CORRECT else NoticeKind.SUGGEST,
        source=NoticeSource.FILING,
        subject=f"{filing.decision_number or filing.case_number}（重大行政处罚备案审查）",
        link=filing.get_absolute_url(),
        text=opinion,
        on=on,
    )


def set_investigators(case, *, investigators, **_):
    case.investigators.set(investigators)


def set_units(campaign, *, units, **_):
    campaign.units.set(units)


def number_complaint(complaint, **_):
    complaint.number = f"TS{complaint.received_on:%Y%m%d}{secrets.token_hex(3).upper()}"


def find_case(complaint, number: str):
    return enforcement.case_by_number(unit_ids=subtree_ids(complaint.unit), number=number)


def link_case(complaint, *, case_number, **_):
    found = find_case(complaint, case_number)
    complaint.case_id, complaint.linked_case_number = found["id"], found["number"]
    complaint.linked_officers = "、".join(found["officers"])[:300]


def set_other_units(dispute, *, other_units, **_):
    dispute.other_units.set(other_units)


def record_finding(inspection, *, by, on, unit, text, problem=False, typical=False, rectify="", **_):
    """A unit's finding; a problem is sent to the unit as a rectification notice (its 30-day clock starts)."""
    from .services import notice_issue

    notice = None
    if problem:
        notice = notice_issue(
            by=by,
            unit=unit,
            kind=NoticeKind.CORRECT,
            source=NoticeSource.INSPECTION,
            subject=f"{inspection.name}发现的问题",
            link=inspection.get_absolute_url(),
            text=rectify,
            on=on,
        )
    Finding.objects.create(
        inspection=inspection,
        unit=unit,
        text=text.strip(),
        problem=bool(problem),
        typical=bool(typical),
        notice=notice,
        found_on=on,
    )
