"""A pytest plugin that measures the time the bank spends inside the implementation.

Used by ``benchmarks.bank``, never by the bank itself:
``python -m pytest autograder --impl reference -p benchmarks.inside --inside-json PATH``.

Method. The bank reaches the code under test only through its ``impl`` fixture, which
imports the exercise module into the package ``_graded_submission`` (``autograder.submission``).
When that fixture has produced its module, this plugin replaces, once, every function and
every method (plain, static, class) defined in the modules of that package, the exercise
modules and their helpers (``_validation``, ``_base``), by a thin wrapper that reads the
clock around the call. Only the outermost entry into implementation code is timed: a call
from implementation code to implementation code (``fit`` calling ``best_split``) runs while
a depth counter is above zero and adds nothing, so nothing is counted twice. A generator
function (``split``) is timed step by step: each ``next()`` is one entry, and the time the
test spends between two steps is not counted. The time is charged to the exercise of the
test that runs (in its setup, call or teardown).

What counts as "inside": everything that runs while implementation code is on the stack,
including numpy called from it and callbacks it makes into test code (the loss passed to
``minimize``, an estimator passed to ``cross_val_score``: their own work is the
implementation's work). What counts as "outside", the plugin's overhead: pytest, the
grading plugin, building the data, the scikit-learn oracle, the checks, the guard and its
snapshots. A wrapper costs about a microsecond per outermost call, and the count of entries
is reported, so its share can be judged.

Also recorded per exercise: the number of tests and the sum of pytest's own durations of
their setup, call and teardown (what ``--durations=0`` prints).
"""
import functools
import inspect
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = "_graded_submission"  # autograder.submission.PACKAGE, read without importing it early


class Clock:
    """Outermost-call timing of the implementation, charged to the current exercise."""

    def __init__(self):
        self.depth = 0
        self.exercise = None
        self.inside = defaultdict(float)
        self.entries = defaultdict(int)
        self.wrapped = {}  # id(original function) -> wrapper
        self.modules = set()

    def enter(self, function, args, kwargs):
        if self.depth:
            self.depth += 1
            try:
                return function(*args, **kwargs)
            finally:
                self.depth -= 1
        self.depth = 1
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            self.inside[self.exercise] += time.perf_counter() - start
            self.entries[self.exercise] += 1
            self.depth = 0

    def wrap(self, function):
        if id(function) in self.wrapped:
            return self.wrapped[id(function)]
        clock = self
        if inspect.isgeneratorfunction(function):
            @functools.wraps(function)
            def wrapper(*args, **kwargs):
                iterator = clock.enter(function, args, kwargs)
                while True:
                    try:
                        value = clock.enter(next, (iterator,), {})
                    except StopIteration as stop:
                        return stop.value
                    yield value
        else:
            @functools.wraps(function)
            def wrapper(*args, **kwargs):
                return clock.enter(function, args, kwargs)
        wrapper.__benchmarks_original__ = function
        self.wrapped[id(function)] = wrapper
        return wrapper

    def _ours(self, function):
        return (inspect.isfunction(function)
                and getattr(function, "__module__", "").startswith(PACKAGE + ".")
                and not hasattr(function, "__benchmarks_original__"))

    def instrument_class(self, cls):
        for name, attribute in list(vars(cls).items()):
            if isinstance(attribute, (staticmethod, classmethod)):
                if self._ours(attribute.__func__):
                    setattr(cls, name, type(attribute)(self.wrap(attribute.__func__)))
            elif self._ours(attribute):
                setattr(cls, name, self.wrap(attribute))

    def instrument(self):
        """Wrap the functions and methods of every module of the graded package, once."""
        for name, module in list(sys.modules.items()):
            if not name.startswith(PACKAGE + ".") or module in self.modules:
                continue
            self.modules.add(module)
            for attribute_name, attribute in list(vars(module).items()):
                if self._ours(attribute):
                    setattr(module, attribute_name, self.wrap(attribute))
                elif inspect.isclass(attribute) and attribute.__module__ == name:
                    self.instrument_class(attribute)


CLOCK = Clock()
DURATIONS = defaultdict(float)
TESTS = defaultdict(int)
SESSION = {}


def _exercise(path):
    return Path(str(path)).stem.removeprefix("test_")


def pytest_addoption(parser):
    parser.addoption("--inside-json", metavar="PATH",
                     help="benchmarks: write the time inside the implementation per exercise")


def pytest_sessionstart(session):
    SESSION["start"] = time.perf_counter()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    CLOCK.exercise = _exercise(item.path)
    try:
        return (yield)
    finally:
        CLOCK.exercise = None


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    result = yield
    if fixturedef.argname == "impl":
        CLOCK.instrument()
    return result


def pytest_runtest_logreport(report):
    exercise = _exercise(report.fspath)
    DURATIONS[exercise] += report.duration
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        TESTS[exercise] += 1


def pytest_sessionfinish(session, exitstatus):
    path = session.config.getoption("inside_json")
    if not path:
        return
    exercises = sorted(set(DURATIONS) | set(CLOCK.inside))
    Path(path).write_text(json.dumps({
        "session_s": time.perf_counter() - SESSION["start"],
        "exercises": {
            name: {"tests": TESTS[name], "tests_s": DURATIONS[name],
                   "inside_s": CLOCK.inside[name], "entries": CLOCK.entries[name]}
            for name in exercises if name
        },
        "outside_tests_inside_s": CLOCK.inside.get(None, 0.0),
    }, indent=2))
