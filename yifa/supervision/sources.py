"""Where a review campaign's files come from, per kind of file: each source module's read interface (never
its models). A source gives the population (files decided in the period by the units, rows with ``id``,
``number``, ``unit_id``, in id order), the link to a file, and what its data already shows for prefilling
the rubric (``Prefill`` names as keys, a note or nothing as values)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from yifa.enforcement import interface as enforcement
from yifa.licensing import interface as licensing

from .models import FileKind, Prefill


def _penalty_shown(facts: dict) -> dict:
    return {
        Prefill.CERTIFICATE: facts["invalid_certificates"]
        and "据案件数据：" + "、".join(facts["invalid_certificates"]) + "办案时无有效执法证",
        Prefill.TWO_OFFICERS: facts["officer_count"] < 2 and f"据案件数据：承办执法人员{facts['officer_count']}人",
        Prefill.LATE_CLOCK: facts["late_clocks"] and "据案件数据：" + "、".join(facts["late_clocks"]) + "逾期办结",
        Prefill.OUTSIDE_BENCHMARK: facts["outside_without_reason"] and "据案件数据：罚款超出裁量基准幅度，未说明理由",
    }


def _licensing_shown(facts: dict) -> dict:
    return {Prefill.LATE_CLOCK: facts["late_clocks"] and "据许可数据：" + "、".join(facts["late_clocks"]) + "逾期"}


@dataclass(frozen=True)
class Source:
    population: Callable  # (unit_ids=, start=, end=) -> rows
    link: Callable[[int], str]
    findings: Callable  # (ids) -> {id: facts}
    shown: Callable[[dict], dict]


SOURCES = {
    FileKind.PENALTY: Source(
        enforcement.decided_cases, enforcement.case_link, enforcement.file_findings, _penalty_shown
    ),
    FileKind.LICENSING: Source(
        licensing.decided_applications, licensing.application_link, licensing.file_findings, _licensing_shown
    ),
}


def source(kind: str) -> Source:
    return SOURCES[FileKind(kind)]
