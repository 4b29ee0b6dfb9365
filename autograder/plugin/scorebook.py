"""Points earned per test, exercise and category: the one record every output reads."""
from dataclasses import dataclass, field
from fractions import Fraction

import pytest

CATEGORIES = (
    "shapes", "correctness", "stability", "regularization", "folds", "edge_cases", "vectorization",
)
SCOREBOOK = pytest.StashKey["Scorebook"]()


@dataclass
class TestRecord:
    """One graded test: what it is worth and how it went."""

    id: str
    exercise: str
    category: str
    points: Fraction
    hidden: bool
    outcome: str = "not run"
    message: str = "did not run"
    violation: str = ""

    @property
    def name(self):
        return self.id.split("::", 1)[-1]


@dataclass
class ExerciseScore:
    """The tests of one exercise and the score they add up to."""

    name: str
    tests: list = field(default_factory=list)

    @property
    def violation(self):
        return next((test.violation for test in self.tests if test.violation), "")

    def earned(self, test):
        """Points ``test`` earns: all if it passed and the exercise broke no rule, else 0."""
        return test.points if test.outcome == "passed" and not self.violation else Fraction(0)

    def score(self, category=None):
        tests = [t for t in self.tests if category in (None, t.category)]
        return sum((self.earned(t) for t in tests), Fraction(0)), sum((t.points for t in tests), Fraction(0))

    def categories(self):
        return [c for c in CATEGORIES if any(t.category == c for t in self.tests)]


class Scorebook:
    """All graded tests of the run, by node id."""

    def __init__(self):
        self.tests = {}

    def add(self, record):
        self.tests.setdefault(record.id, record)

    def exercises(self):
        by_name = {}
        for test in self.tests.values():
            by_name.setdefault(test.exercise, ExerciseScore(test.exercise)).tests.append(test)
        return [by_name[name] for name in sorted(by_name)]

    def total(self):
        scores = [exercise.score() for exercise in self.exercises()]
        return sum((s[0] for s in scores), Fraction(0)), sum((s[1] for s in scores), Fraction(0))

    def has_hidden(self):
        return any(test.hidden for test in self.tests.values())


def scorebook_of(config):
    """The run's scorebook, created on first use."""
    return config.stash.setdefault(SCOREBOOK, Scorebook())
