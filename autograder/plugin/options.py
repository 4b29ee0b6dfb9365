"""``--impl``, ``--submission`` and ``--results``; resolve the folder under test."""
from pathlib import Path

import pytest

from autograder import ASSIGNMENTS_DIR, REFERENCE_DIR

SOURCE_DIR = pytest.StashKey[Path]()
IMPLEMENTATIONS = {"assignments": ASSIGNMENTS_DIR, "reference": REFERENCE_DIR}


def pytest_addoption(parser):
    group = parser.getgroup("autograder", "grading the course's exercises")
    group.addoption("--impl", choices=sorted(IMPLEMENTATIONS), default="assignments",
                    help="grade the student stubs in assignments/ (default) or reference/")
    group.addoption("--submission", metavar="DIR",
                    help="grade the exercise modules found in DIR (a student's submission)")
    group.addoption("--results", metavar="PATH", help="write the scores as JSON to PATH")


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "points(n, category): the test is worth n points in one of the categories "
        "shapes, correctness, stability, regularization, folds, edge_cases, vectorization")
    submission, impl = config.getoption("submission"), config.getoption("impl")
    if submission and impl != "assignments":
        raise pytest.UsageError("give either --impl or --submission, not both")
    if submission:
        source = Path(submission).resolve()
        if not source.is_dir():
            raise pytest.UsageError(f"--submission {submission}: no such folder")
    else:
        source = IMPLEMENTATIONS[impl]
    results = config.getoption("results")
    if results and Path(results).is_dir():
        raise pytest.UsageError(f"--results {results}: is a folder; give a file path")
    config.stash[SOURCE_DIR] = source
