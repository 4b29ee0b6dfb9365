"""The cost of grading: the whole bank (public and hidden tests) on the reference.

Two runs of pytest, each in a subprocess, one after the other:

1. the grading command itself, timed from outside (wall clock, interpreter start included):
   ``python -m pytest autograder --impl reference --results PATH``. Its time is ``bank_s``,
   and its results file must show every exercise at full score (a failing test would make
   the time meaningless: it is reported);
2. the same command with the plugin ``benchmarks.inside``, which splits the time of every
   exercise into the time inside the implementation and the rest (see that module for the
   method): ``per_exercise_s`` (pytest's durations of setup, call and teardown, summed per
   exercise), ``inside_s``, and ``overhead_s = per_exercise_s - inside_s``.

The plugin's own overhead, as reported, is ``bank_s`` (run 1) minus the time inside the
implementation (run 2): everything that grading costs beyond running the code under test,
that is pytest, collection, the grading plugin, the data, the scikit-learn oracle, the
checks and the guard. Both runs inherit the benchmark's thread limit through the
environment.
"""
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMAND = ["-m", "pytest", "autograder", "--impl", "reference"]


def _run(arguments, cwd):
    start = time.perf_counter()
    completed = subprocess.run([sys.executable, *COMMAND, *arguments], cwd=cwd,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return time.perf_counter() - start, completed


def _lost_points(results):
    return {name: exercise["max_score"] - exercise["score"]
            for name, exercise in results["exercises"].items()
            if exercise["score"] != exercise["max_score"]}


def measure(root="."):
    """Run the bank twice (plain, then instrumented) and return the numbers as a dict."""
    with tempfile.TemporaryDirectory(prefix="benchmarks-") as folder:
        results, inside = Path(folder) / "results.json", Path(folder) / "inside.json"
        bank_s, plain = _run(["--results", str(results)], root)
        instrumented_s, instrumented = _run(["--results", str(Path(folder) / "again.json"),
                                             "-p", "benchmarks.inside", "--inside-json",
                                             str(inside)], root)
        if not results.is_file() or not inside.is_file():
            tail = (plain.stdout + instrumented.stdout)[-2000:]
            raise RuntimeError(f"the bank did not run to the end:\n{tail}")
        scores = json.loads(results.read_text())
        split = json.loads(inside.read_text())
    exercises = split["exercises"]
    inside_s = sum(exercise["inside_s"] for exercise in exercises.values())
    tests_s = sum(exercise["tests_s"] for exercise in exercises.values())
    return {
        "command": "python " + " ".join(COMMAND) + " --results PATH",
        "bank_s": bank_s,
        "score": scores["score"], "max_score": scores["max_score"],
        "lost_points": _lost_points(scores),
        "exit_code": plain.returncode,
        "instrumented_s": instrumented_s,
        "tests_s": tests_s,
        "startup_and_collection_s": instrumented_s - tests_s,
        "inside_s": inside_s,
        "plugin_overhead_s": bank_s - inside_s,
        "per_exercise": {
            name: {"tests": exercise["tests"], "bank_s": exercise["tests_s"],
                   "inside_s": exercise["inside_s"], "entries": exercise["entries"],
                   "overhead_s": exercise["tests_s"] - exercise["inside_s"]}
            for name, exercise in sorted(exercises.items())
        },
    }
