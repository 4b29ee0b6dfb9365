"""Mutation analysis: ``python -m tests.mutation_analysis [EXERCISE ...] [--json PATH]``.

Grades every automatic mutant of the reference (``tests.mutation``) with the exercise's
whole bank, two at a time in forked processes (``tests.forked``), stopping each at its first
lost test. A mutant is killed when it loses points, timed out when a test or the whole run
hits its time limit, and survives when it scores full marks. Survivors listed in
``tests/equivalent_mutants.py`` are equivalent: they cannot change graded behaviour.
The mutation score is (killed + timed out) / (mutants - equivalent); the target is 95%.
Exits 1 when an exercise misses the target or an equivalent entry no longer matches a mutant.
"""
import tests.forked as forked  # first: pins BLAS threads before numpy loads

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from tests.equivalent_mutants import EQUIVALENT  # noqa: E402
from tests.grading import exercises  # noqa: E402
from tests.mutation import mutants  # noqa: E402

TARGET = 0.95


def classify(outcome):
    if outcome.timed_out:
        return "timed_out"
    results = outcome.results
    if results is None:
        return "killed"  # crashed before writing results
    lost = [t for e in results["exercises"].values() for t in e["tests"] if t["earned"] < t["points"]]
    if not lost:
        return "survived"
    return "timed_out" if lost[0]["message"].startswith("took too long") else "killed"


def analyse(names):
    """Run the mutants of ``names``; return ``{exercise: summary}``."""
    every = {name: mutants(name) for name in names}
    with tempfile.TemporaryDirectory() as scratch:
        jobs = []
        for name, found in every.items():
            for mutant in found:
                folder = Path(scratch) / mutant.id
                folder.mkdir()
                (folder / f"{name}.py").write_text(mutant.source)
                jobs.append(forked.Job(mutant, name, folder))
        outcomes = forked.run(jobs)
    return {name: summarize(name, found, outcomes) for name, found in every.items()}


def summarize(name, found, outcomes):
    equivalent = EQUIVALENT.get(name, {})
    counts = {"killed": 0, "survived": 0, "timed_out": 0, "equivalent": 0}
    survivors, stale = [], sorted(set(equivalent) - {m.id for m in found})
    for mutant in found:
        verdict = classify(outcomes[mutant])
        if verdict == "survived" and mutant.id in equivalent:
            verdict = "equivalent"
        counts[verdict] += 1
        if verdict == "survived":
            survivors.append({"id": mutant.id, "change": mutant.describe()})
    live = len(found) - counts["equivalent"]
    score = (counts["killed"] + counts["timed_out"]) / live if live else 1.0
    return {"mutants": len(found), **counts, "mutation_score": round(score, 4),
            "survivors": survivors, "stale_equivalents": stale,
            "seconds": round(sum(outcomes[m].seconds for m in found), 1)}


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m tests.mutation_analysis", description=__doc__)
    parser.add_argument("exercises", nargs="*", help="exercises to analyse (default: all)")
    parser.add_argument("--json", metavar="PATH", help="also write the summaries as JSON")
    args = parser.parse_args(argv)
    names = args.exercises or exercises()
    unknown = sorted(set(names) - set(exercises()))
    if unknown:
        parser.error(f"no such exercise: {', '.join(unknown)}")
    started = time.monotonic()
    summaries = analyse(names)
    ok = True
    for name, summary in summaries.items():
        passed = summary["mutation_score"] >= TARGET and not summary["stale_equivalents"]
        ok &= passed
        print(f"{'ok  ' if passed else 'FAIL'} {name}: {summary['mutants']} mutants, {summary['killed']} killed, "
              f"{summary['timed_out']} timed out, {summary['survived']} survived, "
              f"{summary['equivalent']} equivalent; score {summary['mutation_score']:.1%}")
        for survivor in summary["survivors"]:
            print(f"       survivor {survivor['id']}: {survivor['change']}")
        for stale in summary["stale_equivalents"]:
            print(f"       equivalent entry {stale} matches no mutant any more: remove it")
    print(f"{time.monotonic() - started:.0f} s with {forked.WORKERS} workers")
    if args.json:
        Path(args.json).write_text(json.dumps(summaries, indent=2) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
