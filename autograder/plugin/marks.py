"""Check every bank test's ``points`` mark and record what it is worth.

A test function's points are split evenly across its parametrized cases, so adding a case
never changes an exercise's total. A test without a valid mark stops the run.
"""
from collections import Counter
from fractions import Fraction
from numbers import Real
from pathlib import Path

import pytest

from .fixtures import exercise_of
from .scorebook import CATEGORIES, TestRecord, scorebook_of

BANK_DIR = Path(__file__).resolve().parent.parent
BANK_FOLDERS = ("public", "hidden")


def is_bank_test(item):
    return item.path.parent.parent == BANK_DIR and item.path.parent.name in BANK_FOLDERS


def _points_and_category(item):
    mark = item.get_closest_marker("points")
    usage = "@pytest.mark.points(N, CATEGORY)"
    if mark is None:
        raise pytest.UsageError(f"{item.nodeid}: every bank test needs {usage}")
    if len(mark.args) != 2 or mark.kwargs:
        raise pytest.UsageError(f"{item.nodeid}: write the mark as {usage}")
    points, category = mark.args
    if isinstance(points, bool) or not isinstance(points, Real) or points <= 0:
        raise pytest.UsageError(f"{item.nodeid}: points must be a positive number, got {points!r}")
    if category not in CATEGORIES:
        raise pytest.UsageError(f"{item.nodeid}: category {category!r} is not one of {', '.join(CATEGORIES)}")
    return Fraction(points), category


def pytest_collection_modifyitems(session, config, items):
    bank = [item for item in items if is_bank_test(item)]
    cases = Counter((item.path, item.originalname) for item in bank)
    for item in bank:
        points, category = _points_and_category(item)
        record = TestRecord(
            id=item.nodeid,
            exercise=exercise_of(item.path),
            category=category,
            points=points / cases[(item.path, item.originalname)],
            hidden=item.path.parent.name == "hidden",
        )
        scorebook_of(config).add(record)
        item.user_properties.append(("graded", record.id))
