"""The course's test bank and grading machinery.

- ``public/`` and ``hidden/``: one test module per exercise, ``test_<exercise>.py``.
- ``plugin/``: the pytest plugin behind ``pytest autograder`` (points, categories, the
  implementation switch, the score table, the results file).
- ``checks.py``: the comparisons tests use on student output.
- ``build.py``: the stub generator behind ``python -m autograder build``.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_DIR = ROOT / "reference"
ASSIGNMENTS_DIR = ROOT / "assignments"
