"""The bank proves itself: full marks for the reference and for independent correct
implementations, zero for the stubs, and every catalogued mistake caught by its category."""
import pytest

from tests.conftest import ALTERNATIVES, alternative_folder
from tests.grading import bank_files, exercises
from tests.kill_matrix import caught_by_category
from tests.mistakes import catalogue

EXERCISES = exercises()
MISTAKES = [(exercise, mistake) for exercise, entries in catalogue().items() for mistake in entries]


def lost(result):
    return [f"{t['id'].split('::')[-1]}: {t['message']}" for t in result["tests"] if t["earned"] < t["points"]]


@pytest.mark.parametrize("exercise", EXERCISES)
def test_exercise_has_public_and_hidden_tests_worth_100_points(exercise, graded):
    assert len(bank_files(exercise)) == 2, f"{exercise} needs autograder/public and autograder/hidden test modules"
    result = graded[("reference", exercise)]
    assert result["max_score"] == 100
    public = sum(t["points"] for t in result["tests"] if not t["hidden"])
    assert 15 <= public <= 25, f"public tests of {exercise} are worth {public} points: about a fifth"


@pytest.mark.parametrize("exercise", EXERCISES)
def test_reference_scores_full_marks(exercise, graded):
    result = graded[("reference", exercise)]
    assert result["score"] == 100, "\n".join(lost(result))


@pytest.mark.parametrize("exercise", EXERCISES)
def test_untouched_stubs_score_zero(exercise, graded):
    result = graded[("stubs", exercise)]
    passing = [t["id"] for t in result["tests"] if t["earned"] > 0]
    assert result["score"] == 0, f"tests that pass on the stub: {passing}"


@pytest.mark.parametrize("route", ALTERNATIVES)
@pytest.mark.parametrize("exercise", EXERCISES)
def test_independent_correct_implementation_scores_full_marks(exercise, route, graded):
    assert (alternative_folder(route) / f"{exercise}.py").exists(), (
        f"tests/alternatives/{route}/{exercise}.py is missing: every exercise needs two")
    result = graded[(route, exercise)]
    assert result["score"] == 100, "false failures (bank bugs):\n" + "\n".join(lost(result))


@pytest.mark.parametrize("exercise", EXERCISES)
def test_catalogue_holds_at_least_ten_mistakes(exercise):
    assert len(catalogue().get(exercise, [])) >= 10


@pytest.mark.parametrize("exercise, mistake", MISTAKES, ids=[f"{e}-{m.name}" for e, m in MISTAKES])
def test_catalogued_mistake_is_caught_by_its_category(exercise, mistake, graded):
    result = graded[("mistake", exercise, mistake.name)]
    assert caught_by_category(mistake, result), (
        f"no {mistake.category} test catches '{mistake.name}' ({mistake.why}); "
        f"caught only by: {[t for t in lost(result)] or 'nothing'}")
