"""On clauses that market-regulation authorities published as violations, and on regulations in force,
the screener finds the violations and stays quiet on the clean texts (issue #16's thresholds)."""

import json
from pathlib import Path

from yifa.normdocs.screener import screen_plain

EVALUATION = Path(__file__).resolve().parent / "evaluation"
CASES = json.loads((EVALUATION / "violating_clauses.json").read_text(encoding="utf-8"))
CLEAN = sorted((EVALUATION / "clean").glob("*.md"))


def test_every_clause_and_clean_text_names_its_source():
    for clause in CASES["clauses"]:
        source = CASES["sources"][clause["source"]]
        assert source["publisher"] and source["title"] and "date" in source, clause["id"]
    sources = json.loads((EVALUATION / "clean" / "sources.json").read_text(encoding="utf-8"))["documents"]
    assert {p.name for p in CLEAN} == set(sources)
    assert all(s["publisher"] and s["date"] for s in sources.values())


def test_at_least_four_in_five_published_violating_clauses_are_flagged():
    caught = [c["id"] for c in CASES["clauses"] if screen_plain(c["text"])]
    assert len(CASES["clauses"]) >= 30
    assert len(caught) / len(CASES["clauses"]) >= 0.8, set(c["id"] for c in CASES["clauses"]) - set(caught)


def test_clean_regulations_raise_at_most_one_flag_each_on_average():
    flags = {p.stem: [f.sentence for f in screen_plain(p.read_text(encoding="utf-8"))] for p in CLEAN}
    assert len(CLEAN) >= 10
    assert sum(map(len, flags.values())) / len(CLEAN) <= 1, flags
