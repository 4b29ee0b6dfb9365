"""Grade every folder the proof suite needs once, in parallel, and share the results."""
import tempfile

import pytest

from tests.grading import grade_all
from tests.mistakes import catalogue, write_mistake

ALTERNATIVES = ("first", "second")
SELECTED = pytest.StashKey[set]()


def pytest_collection_modifyitems(config, items):
    """Remember which exercises the selected tests need, so ``graded`` grades only those.

    The bank's per-test time limit (``timeout`` in pyproject.toml) is for student code; the
    proof suite opts out, since ``graded`` grades for minutes and each of its subprocesses
    has a limit of its own.
    """
    config.stash[SELECTED] = {item.callspec.params["exercise"] for item in items
                              if hasattr(item, "callspec") and "exercise" in item.callspec.params}
    for item in items:
        item.add_marker(pytest.mark.timeout(0))


def alternative_folder(route):
    from autograder import ROOT

    return ROOT / "tests" / "alternatives" / route


@pytest.fixture(scope="session")
def graded(request, tmp_path_factory):
    """``{key: results}`` for the reference, the stubs, the alternatives and every mistake
    of the exercises that the selected tests need."""
    selected = request.config.stash.get(SELECTED, set())
    jobs = []
    for exercise in sorted(selected):
        jobs.append((("reference", exercise), exercise, {"impl": "reference"}))
        jobs.append((("stubs", exercise), exercise, {"impl": "assignments"}))
        for route in ALTERNATIVES:
            if (alternative_folder(route) / f"{exercise}.py").exists():
                jobs.append(((route, exercise), exercise, {"submission": alternative_folder(route)}))
    scratch = tmp_path_factory.mktemp("mistakes")
    for exercise, mistakes in catalogue().items():
        for mistake in mistakes if exercise in selected else []:
            folder = write_mistake(exercise, mistake, tempfile.mkdtemp(dir=scratch))
            jobs.append((("mistake", exercise, mistake.name), exercise, {"submission": folder}))
    return grade_all(jobs)
