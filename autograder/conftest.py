"""Load the grading plugin for every run of the bank (``pytest autograder``)."""
from autograder.plugin import MODULES as pytest_plugins  # noqa: F401
