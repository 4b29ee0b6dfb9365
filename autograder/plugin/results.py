"""``--results PATH``: the scores as JSON, written atomically at the end of the run.

Shape: ``{"score", "max_score", "exercises": {NAME: {"score", "max_score",
"categories": {CAT: {"score", "max_score"}}, "tests": [{"id", "category", "points",
"earned", "outcome", "message", "hidden"}]}}}``.
"""
import json
import os
from pathlib import Path
import tempfile

from .scorebook import scorebook_of


def _number(points):
    return round(float(points), 6)


def to_json(book):
    """The scorebook as the plain data the results file holds."""
    exercises = {}
    for exercise in book.exercises():
        earned, possible = exercise.score()
        exercises[exercise.name] = {
            "score": _number(earned),
            "max_score": _number(possible),
            "categories": {
                category: dict(zip(("score", "max_score"), map(_number, exercise.score(category))))
                for category in exercise.categories()
            },
            "tests": [
                {
                    "id": test.id,
                    "category": test.category,
                    "points": _number(test.points),
                    "earned": _number(exercise.earned(test)),
                    "outcome": test.outcome,
                    "message": test.message or exercise.violation,
                    "hidden": test.hidden,
                }
                for test in exercise.tests
            ],
        }
    earned, possible = book.total()
    return {"score": _number(earned), "max_score": _number(possible), "exercises": exercises}


def write_atomically(path, data):
    """Write ``data`` as JSON to ``path`` so that a reader never sees half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "w") as stream:
        json.dump(data, stream, indent=2)
        stream.write("\n")
    os.replace(temporary, path)


def pytest_sessionfinish(session):
    path = session.config.getoption("results", None)
    if path:
        write_atomically(path, to_json(scorebook_of(session.config)))
