"""The ``impl`` fixture: the exercise module under test, for the test module's exercise.

A test module ``test_<exercise>.py`` receives ``<exercise>.py`` from the folder under test.
After each test, the fixture undoes any patching of numpy or of the grader, and fails the
test (and so the exercise) when the code under test patched something or imported a
banned library.
"""
import pytest

from autograder.guard import Snapshot
from autograder.submission import SubmissionError, load_exercise

from .isolation import GUARD
from .options import SOURCE_DIR


def exercise_of(path):
    """``test_linear_regression.py`` -> ``linear_regression``."""
    return path.stem.removeprefix("test_")


@pytest.fixture
def impl(request):
    guard = request.config.stash[GUARD]
    snapshot, already = Snapshot(), len(guard.violations)
    try:
        module = load_exercise(request.config.stash[SOURCE_DIR], exercise_of(request.path))
    except SubmissionError as error:
        pytest.fail(str(error), pytrace=False)
    yield module
    patched = snapshot.restore()
    problems = guard.violations[already:]
    if patched:
        problems.append(f"the code under test replaced {', '.join(sorted(patched)[:3])}: "
                        "submissions may not patch numpy or the grader")
    if problems:
        request.node.user_properties.append(("violation", problems[0]))
        pytest.fail(f"{problems[0]} (this scores 0 for the exercise)", pytrace=False)
