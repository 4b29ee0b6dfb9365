"""Attach to every failed test a one-line cause that a student can act on."""
from pathlib import Path
import traceback

import pytest

from autograder.guard import BannedImportError

from .options import SOURCE_DIR

TIMEOUT_HINT = ("an endless loop, or Python loops where numpy would do? "
                "(each test has a time limit)")


def _location(excinfo, source_dir):
    frames = [frame for frame in traceback.extract_tb(excinfo.tb)
              if Path(frame.filename).parent == source_dir]
    if not frames:
        return ""
    frame = frames[-1]
    return f" (in {frame.name}, {Path(frame.filename).name}:{frame.lineno})"


def describe(excinfo, source_dir):
    """A one-line cause for the exception in ``excinfo``."""
    error = excinfo.value
    message = str(error).strip()
    if excinfo.errisinstance(NotImplementedError):
        return f"not implemented yet: {message.removeprefix('TODO: ') or 'this'} is still a TODO"
    if excinfo.errisinstance(pytest.fail.Exception):
        if message.startswith("Timeout"):
            return f"took too long: {TIMEOUT_HINT}"
        return message
    if excinfo.errisinstance((AssertionError, BannedImportError)):
        return message
    return f"{type(error).__name__}: {message}{_location(excinfo, source_dir)}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed and call.excinfo is not None:
        report.user_properties.append(("cause", describe(call.excinfo, item.config.stash[SOURCE_DIR])))
    return report
