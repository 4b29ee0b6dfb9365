"""Refuse banned imports from submission code for the whole session."""
import pytest

from autograder.guard import ImportGuard
from autograder.submission import PACKAGE

GUARD = pytest.StashKey[ImportGuard]()


def pytest_configure(config):
    config.stash[GUARD] = ImportGuard(PACKAGE)
    config.stash[GUARD].install()


def pytest_unconfigure(config):
    if GUARD in config.stash:
        config.stash[GUARD].uninstall()
