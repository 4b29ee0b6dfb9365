"""``python -m benchmarks``: measure the reference and print the table (see README, Performance).

Options: ``--json PATH`` also writes the table as JSON; ``--threads N`` (default 1) is the
number of BLAS and OpenMP threads both sides may use; ``--repeats R`` the repetitions behind
each median; ``--skip SECTION`` leaves out ``ratios``, ``scaling`` or ``bank``.

One thread by default: on a machine shared with other work, several BLAS threads make the
times depend on the load more than on the code, and scikit-learn's OpenMP loops (k-means,
k-NN) would get a parallelism that the NumPy code it is compared with does not use.
"""
import argparse
import importlib
import os
import sys
import time

from threadpoolctl import threadpool_info

from . import bank, gradient, ratios, report, scaling
from .timing import REPEATS, compare, limited_threads

# The libraries whose thread pools the limit must reach, loaded before it is set:
# threadpoolctl limits the pools that exist when its context is entered.
LOAD_FIRST = ("scipy.linalg", "sklearn.cluster", "sklearn.decomposition", "sklearn.linear_model",
              "sklearn.metrics", "sklearn.model_selection", "sklearn.neighbors",
              "sklearn.preprocessing", "sklearn.tree")

SECTIONS = ("ratios", "scaling", "bank")


def _parse(argv):
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON to PATH")
    parser.add_argument("--threads", type=int, default=1,
                        help="BLAS/OpenMP threads for both sides (default 1)")
    parser.add_argument("--repeats", type=int, default=REPEATS,
                        help=f"repetitions per median (default {REPEATS})")
    parser.add_argument("--skip", action="append", choices=SECTIONS, default=[],
                        help="leave a section out (repeatable)")
    return parser.parse_args(argv)


def _say(line=""):
    print(line, flush=True)


def _ratio(case, repeats):
    timing = compare(case.ours, case.theirs, repeats=repeats)
    ours_s = timing.ours_s / case.ours_units
    ratio = ours_s / timing.theirs_s
    met = ratio <= case.target
    notes = [case.note] if case.note else []
    if case.fix and not met:
        notes.insert(0, f"slow: {case.fix}")
    mismatch = case.same(timing.ours_result, timing.theirs_result) if case.same else None
    if mismatch:
        notes.insert(0, f"NOT THE SAME WORK: {mismatch}")
    return {"ours_s": ours_s, "sklearn_s": timing.theirs_s, "ratio": ratio,
            "target": case.target, "met": met, "baseline": case.baseline,
            "sizes": case.sizes, "note": "; ".join(notes), "same_work": mismatch is None}


def main(argv=None):
    options = _parse(argv)
    if not os.path.isdir("reference"):
        sys.exit("run python -m benchmarks from the repository root (reference/ not found)")
    started = time.perf_counter()
    info = report.machine(options.threads)
    result = {"cores": info["cores"], "threads": options.threads, "machine": info,
              "section_s": {}}
    for name in LOAD_FIRST:
        importlib.import_module(name)
    _say(report.header(info))
    with limited_threads(options.threads):
        info["thread_pools"] = [{"api": pool["internal_api"], "threads": pool["num_threads"]}
                                for pool in threadpool_info()]
        if "ratios" not in options.skip:
            section = time.perf_counter()
            _say()
            _say("Ratios: ours / baseline, medians after a warm-up (sk = scikit-learn on the same "
                 "work; floor = one X @ w and one X.T @ r); !! marks a missed target")
            _say(report.RATIO_COLUMNS)
            result["ratios"] = {}
            for case in (*ratios.cases(), *gradient.cases()):
                row = result["ratios"][case.name] = _ratio(case, options.repeats)
                _say(report.ratio_row(case.name, row))
            result["section_s"]["ratios"] = time.perf_counter() - section
        if "scaling" not in options.skip:
            section = time.perf_counter()
            _say()
            _say("Scaling: the exponent e of time ~ n^e, fitted on three sizes")
            _say(report.SCALING_COLUMNS)
            result["exponents"] = {}
            for measured in scaling.measure():
                row = result["exponents"][measured.name] = {
                    "ours": measured.ours_exponent, "sklearn": measured.sklearn_exponent,
                    "sizes": list(measured.sizes), "ours_s": measured.ours_s,
                    "sklearn_s": measured.sklearn_s, "detail": measured.detail}
                _say(report.scaling_row(measured.name, row))
            result["section_s"]["scaling"] = time.perf_counter() - section
        if "bank" not in options.skip:
            section = time.perf_counter()
            _say()
            _say("Grading cost: the whole bank (public and hidden) on the reference")
            measured = bank.measure()
            result["bank"] = measured
            result["bank_s"] = measured["bank_s"]
            result["per_exercise_s"] = {name: row["bank_s"]
                                        for name, row in measured["per_exercise"].items()}
            result["plugin_overhead_s"] = measured["plugin_overhead_s"]
            for line in report.bank_lines(measured):
                _say(line)
            result["section_s"]["bank"] = time.perf_counter() - section
    info["load_average_end"] = [round(value, 2) for value in os.getloadavg()]
    result["runtime_s"] = time.perf_counter() - started
    _say()
    _say(f"{result['runtime_s']:.0f} s in all; load average {info['load_average_end'][0]:.1f} at the end")
    if options.json:
        report.write_json(options.json, result)
        _say(f"written: {options.json}")
    return 0  # a missed target is a finding, printed in the table, not a failure


if __name__ == "__main__":
    sys.exit(main())
