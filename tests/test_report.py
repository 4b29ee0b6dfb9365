"""The bank report gates CI: every target it checks turns a miss into a failing exit."""
import math

import pytest

from tests.report import MARGIN_TARGET, _json_ready, markdown, misses


def figure(**changes):
    """The figures of an exercise that meets every target, with ``changes`` applied."""
    good = {
        "mutants": 100, "killed": 95, "survived": 0, "timed_out": 0, "equivalent": 5,
        "mutation_score": 1.0, "survivors": [], "stale_equivalents": [],
        "min_tolerance_margin": 1e4, "seed_failures": {}, "flagged_tolerances": {}, "reference_score": 100.0,
        "alternatives": {"first": 100.0, "second": 100.0},
        "points": {"correctness": {"public": 20.0, "hidden": 80.0}},
        "mistakes": [{"name": "sign_flipped", "category": "correctness", "why": "-", "caught_by": ["test_x"],
                      "caught_in_category": True}],
        "bank_seconds": 1.0, "mutation_seconds": 50.0,
    }
    return {**good, **changes}


def test_an_exercise_meeting_every_target_has_no_miss():
    assert misses(figure()) == []
    assert misses(figure(min_tolerance_margin=math.inf)) == []


@pytest.mark.parametrize("changes, phrase", [
    ({"reference_score": 99.5}, "reference scores 99.5"),
    ({"mutation_score": 0.949}, "mutation score 94.9%"),
    ({"stale_equivalents": ["3d2941c6f6"]}, "stale equivalent-mutant entries"),
    ({"alternatives": {"first": 100.0, "second": 97.0}}, "alternative second scores 97.0"),
    ({"min_tolerance_margin": MARGIN_TARGET * 0.99}, "tolerance margin 99"),
    ({"seed_failures": {"test_fit[3]": ["seed+1", "seed+2"]}}, "reference fails test_fit[3] under seed+1, seed+2"),
    ({"mistakes": [{"name": "sign_flipped", "category": "correctness", "why": "-", "caught_by": ["test_y"],
                    "caught_in_category": False}]}, "mistake sign_flipped not caught by a correctness test"),
], ids=["reference", "mutation", "stale", "alternative", "margin", "seed", "mistake"])
def test_each_target_missed_is_named(changes, phrase):
    assert misses(figure(**changes)) == [phrase]


def test_markdown_marks_the_exercise_that_misses_a_target():
    text = markdown({"good": figure(), "bad": figure(mutation_score=0.5)}, seconds=60)
    rows = {line.split(" | ")[0]: line for line in text.splitlines() if line.startswith("| good") or
            line.startswith("| bad")}
    assert rows["| good"].endswith("| met |")
    assert rows["| bad"].endswith("| **missed** |")
    assert "**Missed targets:** mutation score 50.0%." in text


def test_json_writes_an_infinite_margin_as_null():
    assert _json_ready(figure(min_tolerance_margin=math.inf))["min_tolerance_margin"] is None
    assert _json_ready(figure())["min_tolerance_margin"] == 1e4
