"""The bank report for instructors: ``python -m autograder report [--output MD] [--json PATH]``.

One run grades, for every exercise: the reference (under several seeds, and with float32
data), both alternative implementations, every catalogued mistake (whole bank) and every
automatic mutant (stopping at the first lost test). From those it writes a Markdown report
(points per category and public/hidden split, which tests catch each mistake, mutation
score with survivors and equivalents, tolerance margins, runtime) and, with ``--json``, the
figures as ``{"exercises": {NAME: {"mutants", "killed", "survived", "timed_out",
"equivalent", "mutation_score", "min_tolerance_margin", ...}}}``.

It exits 1 when an exercise misses a target: mutation score below 95%, a mistake not
caught by its category, an alternative below full marks, the reference below full marks
(with the bank's seeds, or with any of the shifted seeds of the calibration), or a
reference tolerance margin below 100.
"""
import tests.forked as forked  # first: pins BLAS threads before numpy loads

import argparse  # noqa: E402
import datetime  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import os  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from autograder import ROOT  # noqa: E402
from tests import calibration, mutation_analysis  # noqa: E402
from tests.conftest import ALTERNATIVES, alternative_folder  # noqa: E402
from tests.equivalent_mutants import EQUIVALENT  # noqa: E402
from tests.grading import exercises  # noqa: E402
from tests.mistakes import catalogue  # noqa: E402

MARGIN_TARGET = 100


def _lost(results):
    return [t for e in results["exercises"].values() for t in e["tests"] if t["earned"] < t["points"]]


def _short(test_id):
    return test_id.split("::")[-1]


def collect(names, seeds):
    """Every figure of the report, by exercise."""
    started = time.monotonic()
    extra = [forked.Job((route, name), name, alternative_folder(route), False)
             for name in names for route in ALTERNATIVES]
    tests, outcomes = calibration.measure(names, seeds, extra)
    margins = calibration.summarize(tests)
    mutations = mutation_analysis.analyse(names)
    figures = {}
    for name in names:
        reference = outcomes[("reference", name, "seed+0")]
        results = reference.results["exercises"][name] if reference.results else {"tests": [], "score": 0}
        split = {}
        for test in results["tests"]:
            row = split.setdefault(test["category"], {"public": 0.0, "hidden": 0.0})
            row["hidden" if test["hidden"] else "public"] += test["points"]
        mistakes = []
        for mistake in catalogue().get(name, []):
            outcome = outcomes[("mistake", name, mistake.name)]
            lost = _lost(outcome.results) if outcome.results else []
            mistakes.append({"name": mistake.name, "category": mistake.category, "why": mistake.why,
                             "caught_by": [_short(t["id"]) for t in lost],
                             "caught_in_category": any(t["category"] == mistake.category for t in lost)})
        alternatives = {route: (outcomes[(route, name)].results or {"score": 0})["score"] for route in ALTERNATIVES}
        margin = margins.get(name, {"min_tolerance_margin": math.inf, "seed_failures": {}, "flagged": {}})
        figures[name] = {
            **{key: mutations[name][key] for key in ("mutants", "killed", "survived", "timed_out", "equivalent",
                                                       "mutation_score", "survivors", "stale_equivalents")},
            "min_tolerance_margin": margin["min_tolerance_margin"],
            "seed_failures": {_short(test): runs for test, runs in margin["seed_failures"].items()},
            "flagged_tolerances": margin["flagged"],
            "reference_score": results["score"],
            "alternatives": alternatives,
            "points": split,
            "mistakes": mistakes,
            "bank_seconds": round(reference.seconds, 2),
            "mutation_seconds": mutations[name]["seconds"],
        }
    return figures, time.monotonic() - started


def misses(figure):
    """The targets an exercise misses, one phrase each."""
    found = []
    if figure["reference_score"] != 100:
        found.append(f"reference scores {figure['reference_score']}")
    if figure["mutation_score"] < mutation_analysis.TARGET:
        found.append(f"mutation score {figure['mutation_score']:.1%}")
    if figure["stale_equivalents"]:
        found.append("stale equivalent-mutant entries")
    found += [f"mistake {m['name']} not caught by a {m['category']} test"
              for m in figure["mistakes"] if not m["caught_in_category"]]
    found += [f"alternative {route} scores {score}" for route, score in figure["alternatives"].items() if score != 100]
    if figure["min_tolerance_margin"] < MARGIN_TARGET:
        found.append(f"tolerance margin {figure['min_tolerance_margin']:.3g}")
    found += [f"reference fails {test} under {', '.join(runs)}" for test, runs in figure["seed_failures"].items()]
    return found


def _json_ready(figure):
    """JSON has no infinity: a margin of ∞ (the exercise compares nothing with a tolerance) is null."""
    margin = figure["min_tolerance_margin"]
    return {**figure, "min_tolerance_margin": None if margin == math.inf else margin}


def _margin(value):
    return "∞" if value == math.inf else f"{value:.3g}"


def markdown(figures, seconds):
    lines = [
        "# Bank report",
        "",
        f"Generated by `python -m autograder report` on {datetime.date.today()} ({os.cpu_count()} cores, "
        f"{seconds / 60:.1f} minutes). Targets: the reference and two independent implementations "
        f"score 100; every catalogued mistake is caught by a test of its category; mutation score "
        f">= {mutation_analysis.TARGET:.0%} of the non-equivalent mutants; the reference uses at most "
        f"1/{MARGIN_TARGET} of any tolerance and passes every test, across {{seeds}} seeds.",
        "",
        "| exercise | public / hidden | mistakes caught | mutation score | survived | equivalent | "
        "min tolerance margin | bank time | targets |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, f in figures.items():
        public = sum(row["public"] for row in f["points"].values())
        hidden = sum(row["hidden"] for row in f["points"].values())
        caught = sum(m["caught_in_category"] for m in f["mistakes"])
        lines.append(f"| {name} | {public:g} / {hidden:g} | {caught} / {len(f['mistakes'])} | "
                     f"{f['mutation_score']:.1%} ({f['killed'] + f['timed_out']} / {f['mutants'] - f['equivalent']}) | "
                     f"{f['survived']} | {f['equivalent']} | {_margin(f['min_tolerance_margin'])} | "
                     f"{f['bank_seconds']:.1f} s | {'met' if not misses(f) else '**missed**'} |")
    for name, f in figures.items():
        lines += ["", f"## {name}", ""]
        if misses(f):
            lines += [f"**Missed targets:** {'; '.join(misses(f))}.", ""]
        lines += ["| category | public | hidden | total |", "|---|---|---|---|"]
        lines += [f"| {category} | {row['public']:g} | {row['hidden']:g} | {row['public'] + row['hidden']:g} |"
                  for category, row in f["points"].items()]
        lines += ["", f"Alternatives: {', '.join(f'{r} {s:g}' for r, s in f['alternatives'].items())}. "
                      f"Bank time on the reference: {f['bank_seconds']:.1f} s.", "",
                  "Catalogued mistakes and the tests that catch them:", "",
                  "| mistake | category | caught by |", "|---|---|---|"]
        for m in f["mistakes"]:
            shown = ", ".join(f"`{t}`" for t in m["caught_by"][:4]) + (" …" if len(m["caught_by"]) > 4 else "")
            lines.append(f"| {m['name']} | {m['category']}{'' if m['caught_in_category'] else ' ✗'} | {shown} |")
        lines += ["", f"Mutation analysis: {f['mutants']} mutants, {f['killed']} killed, {f['timed_out']} timed out, "
                      f"{f['survived']} survived, {f['equivalent']} equivalent "
                      f"({f['mutation_seconds']:.0f} s of grading)."]
        lines += [f"- survivor `{s['id']}`: {s['change']}" for s in f["survivors"]]
        equivalent = EQUIVALENT.get(name, {})
        if equivalent:
            lines += ["", "Equivalent mutants:"]
            lines += [f"- `{mutant_id}`: {reason}" for mutant_id, reason in equivalent.items()]
        lines += ["", f"Smallest tolerance margin of the reference: {_margin(f['min_tolerance_margin'])}."]
        lines += [f"- `{_short(test)}`: {'; '.join(notes)}" for test, notes in f["flagged_tolerances"].items()]
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m autograder report", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("exercises", nargs="*", help="exercises to report on (default: all)")
    parser.add_argument("--output", default=str(ROOT / "BANK_REPORT.md"), help="the Markdown file to write")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    parser.add_argument("--seeds", type=int, default=3, help="seed shifts for tolerance calibration (default 3)")
    args = parser.parse_args(argv)
    names = args.exercises or exercises()
    unknown = sorted(set(names) - set(exercises()))
    if unknown:
        parser.error(f"no such exercise: {', '.join(unknown)}")
    figures, seconds = collect(names, args.seeds)
    Path(args.output).write_text(markdown(figures, seconds).replace("{seeds}", str(args.seeds)))
    if args.json:
        exported = {name: _json_ready(figure) for name, figure in figures.items()}
        Path(args.json).write_text(json.dumps({"exercises": exported}, indent=2, allow_nan=False) + "\n")
    failing = {name: misses(figure) for name, figure in figures.items() if misses(figure)}
    for name, found in failing.items():
        print(f"{name}: missed {'; '.join(found)}")
    print(f"wrote {args.output} in {seconds / 60:.1f} minutes; "
          f"{len(figures) - len(failing)} of {len(figures)} exercises meet every target")
    return 1 if failing else 0
