"""Tolerance calibration: ``python -m tests.calibration [EXERCISE ...] [--seeds N] [--json PATH]``.

Every comparison of ``autograder.checks`` records the share of its tolerance it used
(error / allowed). This command grades the reference with the whole bank under ``--seeds``
seed shifts in float64 and once with float32 data, and grades every catalogued mistake once,
then reports per test:

- the reference's worst share (its margin is the inverse: 1000 means the error stayed a
  thousand times under the tolerance), and whether any seed made it fail;
- the worst share with float32 data, for information: the tolerances are set for float64,
  and an oracle fed float32 data computes in float32 itself;
- the nearest mistake: the smallest share among the catalogued mistakes this test catches by
  a comparison (a share just over 1 means the tolerance barely catches it).

A test is flagged when the reference's margin is under 100, when a seed makes it fail, or
when the tolerance is looser than needed: the nearest mistake used less than 10 times the
tolerance while the reference used under a thousandth of it (tighten it toward the reference).
"""
import tests.forked as forked  # first: pins BLAS threads before numpy loads

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402
from pathlib import Path  # noqa: E402

from autograder import REFERENCE_DIR  # noqa: E402
from tests.grading import exercises  # noqa: E402
from tests.mistakes import catalogue, write_mistake  # noqa: E402

PLUGIN = ("-p", "tests.calibration_plugin")


def _jobs(names, seeds, scratch, extra):
    jobs = list(extra)
    for name in names:
        runs = [(f"seed+{shift}", (("AUTOGRADER_SEED_SHIFT", str(shift)),)) for shift in range(seeds)]
        runs.append(("float32", (("AUTOGRADER_DTYPE", "float32"),)))
        for label, environment in runs:
            jobs.append(forked.Job(("reference", name, label), name, REFERENCE_DIR, False, PLUGIN, environment))
        for mistake in catalogue().get(name, []):
            folder = write_mistake(name, mistake, tempfile.mkdtemp(dir=scratch))
            jobs.append(forked.Job(("mistake", name, mistake.name), name, Path(folder), False))
    return jobs


def measure(names, seeds, extra=()):
    """Run the calibration jobs and ``extra`` ones alongside.

    Return ``(tests, outcomes)``: ``{test: {...}}`` with shares and failures, and every
    job's ``forked.Outcome`` by key (``("reference", exercise, "seed+0")``,
    ``("mistake", exercise, name)``, and the extra jobs' keys).
    """
    tests = defaultdict(lambda: {"reference": 0.0, "float32": 0.0, "failed_runs": [], "nearest_mistake": None})
    with tempfile.TemporaryDirectory() as scratch:
        jobs = _jobs(names, seeds, scratch, extra)
        for job in jobs:
            record = Path(scratch) / f"{abs(hash(job.key))}.jsonl"
            job.environment = (*job.environment, ("AUTOGRADER_CALIBRATION_FILE", str(record)))
        outcomes = forked.run(jobs, test_timeout=60)
        for job in jobs[len(extra):]:
            kind, name, label = job.key
            record = Path(dict(job.environment)["AUTOGRADER_CALIBRATION_FILE"])
            lines = record.read_text().splitlines() if record.exists() else []
            for entry in map(json.loads, lines):
                test = tests[entry["test"]]
                used = entry["used"]
                if kind == "reference":
                    field = "float32" if label == "float32" else "reference"
                    test[field] = max(test[field], used)
                elif used > 1 and (test["nearest_mistake"] is None or used < test["nearest_mistake"][1]):
                    test["nearest_mistake"] = (label, used)
            results = outcomes[job.key].results
            if kind == "reference" and results:
                for exercise in results["exercises"].values():
                    for entry in exercise["tests"]:
                        if entry["earned"] < entry["points"] and label != "float32":
                            tests[entry["id"]]["failed_runs"].append(label)
    return dict(tests), outcomes


def flags(test):
    margin = math.inf if test["reference"] == 0 else 1 / test["reference"]
    found = []
    if test["failed_runs"]:
        found.append(f"fails under {', '.join(test['failed_runs'])}")
    if margin < 100:
        found.append(f"reference margin only {margin:.3g}")
    nearest = test["nearest_mistake"]
    if nearest and nearest[1] < 10 and margin > 1000:
        found.append(f"looser than needed: nearest mistake {nearest[0]} is only {nearest[1]:.3g}x the tolerance")
    return found


def summarize(tests):
    """Per exercise: the smallest reference margin, the tests that fail under a shifted seed,
    and the flagged tests."""
    summary = defaultdict(lambda: {"min_tolerance_margin": math.inf, "seed_failures": {}, "flagged": {}})
    for test_id, test in tests.items():
        exercise = Path(test_id.split("::")[0]).stem.removeprefix("test_")
        margin = math.inf if test["reference"] == 0 else 1 / test["reference"]
        summary[exercise]["min_tolerance_margin"] = min(summary[exercise]["min_tolerance_margin"], margin)
        if test["failed_runs"]:
            summary[exercise]["seed_failures"][test_id] = test["failed_runs"]
        if flags(test):
            summary[exercise]["flagged"][test_id] = flags(test)
    return dict(summary)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m tests.calibration", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("exercises", nargs="*", help="exercises to calibrate (default: all)")
    parser.add_argument("--seeds", type=int, default=4, help="seed shifts in float64 (default 4)")
    parser.add_argument("--json", metavar="PATH", help="also write the per-test figures as JSON")
    args = parser.parse_args(argv)
    names = args.exercises or exercises()
    if args.seeds < 1:
        parser.error("--seeds must be at least 1")
    started = time.monotonic()
    tests, _ = measure(names, args.seeds)
    for exercise, figures in sorted(summarize(tests).items()):
        print(f"{exercise}: smallest reference margin {figures['min_tolerance_margin']:.3g}")
        for test_id, found in figures["flagged"].items():
            print(f"    {test_id.split('::')[-1]}: {'; '.join(found)}")
    print(f"{time.monotonic() - started:.0f} s")
    if args.json:
        Path(args.json).write_text(json.dumps(tests, indent=2, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
