"""Grade a folder with the bank in a fresh pytest process, as a student's push would be."""
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from autograder import ROOT

BANK = ROOT / "autograder"
WORKERS = os.cpu_count() or 2


def bank_files(exercise):
    """The public and hidden test modules of ``exercise`` that exist."""
    return [str(path) for folder in ("public", "hidden")
            if (path := BANK / folder / f"test_{exercise}.py").exists()]


def exercises():
    """Every exercise that has a reference module."""
    return sorted(path.stem for path in (ROOT / "reference").glob("[!_]*.py"))


def run_bank(exercises, *, submission=None, impl=None, options=(), timeout=600):
    """Run the banks of ``exercises`` on a folder in one pytest process.

    Return ``(results, run)``: the parsed ``--results`` JSON (``None`` if none was written)
    and the finished ``subprocess.CompletedProcess``.
    """
    with tempfile.TemporaryDirectory() as scratch:
        results = Path(scratch) / "results.json"
        where = ["--submission", str(submission)] if submission else ["--impl", impl or "assignments"]
        files = [path for exercise in exercises for path in bank_files(exercise)]
        command = [sys.executable, "-m", "pytest", *files, *where, "--results", str(results),
                   "-q", "--tb=no", "--no-header", "-p", "no:warnings", *options]
        run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
        return (json.loads(results.read_text()) if results.exists() else None), run


def grade(exercise, **kwargs):
    """The results of ``exercise``'s bank on a folder (see ``run_bank``)."""
    results, run = run_bank([exercise], **kwargs)
    if results is None:
        raise RuntimeError(f"grading {exercise} wrote no results:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}")
    return results["exercises"][exercise]


def grade_all(jobs):
    """Grade many ``(key, exercise, kwargs)`` jobs in parallel; return ``{key: result}``."""
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = {key: pool.submit(grade, exercise, **kwargs) for key, exercise, kwargs in jobs}
        return {key: future.result() for key, future in futures.items()}


def failed_tests(result):
    """Ids of the tests that earned less than their points."""
    return [test["id"] for test in result["tests"] if test["earned"] < test["points"]]
