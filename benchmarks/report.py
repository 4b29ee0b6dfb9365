"""The printed table and the ``--json`` file: the same numbers, two formats."""
import json
import os
import platform

import numpy as np
import sklearn


def machine(threads):
    """What the numbers depend on: cores, thread limit, versions, load."""
    return {"cores": os.cpu_count(), "threads": threads, "python": platform.python_version(),
            "numpy": np.__version__, "sklearn": sklearn.__version__,
            "load_average_start": [round(value, 2) for value in os.getloadavg()]}


def _duration(seconds):
    if seconds is None:
        return "-"
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("us", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds * 1e9:.3g} ns"


def header(info):
    return (f"reference/ vs scikit-learn {info['sklearn']} (numpy {info['numpy']}, python "
            f"{info['python']}); {info['cores']} cores, {info['threads']} BLAS/OpenMP "
            f"thread(s) on both sides; load average {info['load_average_start'][0]:.1f} at start")


RATIO_COLUMNS = f"{'':2}{'name':31}{'sizes':38}{'ours':>10}{'baseline':>17}{'ratio':>7}{'target':>8}  note"


def ratio_row(name, row):
    mark = "  " if row["met"] else "!!"
    baseline = f"{_duration(row['sklearn_s'])} {'floor' if row['baseline'] == 'floor' else 'sk'}"
    return (f"{mark}{name:31}{row['sizes']:38}{_duration(row['ours_s']):>10}{baseline:>17}"
            f"{row['ratio']:>7.2f}{'<= ' + format(row['target'], 'g'):>8}  {row['note']}")


SCALING_COLUMNS = f"  {'time ~ n^e':31}{'sizes n':22}{'ours e':>7}{'sk e':>7}  ours times / scikit-learn times"


def scaling_row(name, row):
    sizes = ", ".join(str(n) for n in row["sizes"])
    times = (" ".join(_duration(t) for t in row["ours_s"]) + " / "
             + " ".join(_duration(t) for t in row["sklearn_s"]))
    return f"  {name:31}{sizes:22}{row['ours']:>7.2f}{row['sklearn']:>7.2f}  {times}   ({row['detail']})"


def bank_lines(bank):
    lines = [f"  {bank['command']}: {_duration(bank['bank_s'])} wall, score "
             f"{bank['score']:g} / {bank['max_score']:g}"
             + (f"  LOST POINTS: {bank['lost_points']}" if bank["lost_points"] else ""),
             f"  {'exercise':22}{'tests':>6}{'time':>10}{'inside impl':>13}{'overhead':>10}"]
    for name, row in bank["per_exercise"].items():
        lines.append(f"  {name:22}{row['tests']:>6}{_duration(row['bank_s']):>10}"
                     f"{_duration(row['inside_s']):>13}{_duration(row['overhead_s']):>10}")
    lines.append(f"  {'all tests':22}{sum(r['tests'] for r in bank['per_exercise'].values()):>6}"
                 f"{_duration(bank['tests_s']):>10}{_duration(bank['inside_s']):>13}"
                 f"{_duration(bank['tests_s'] - bank['inside_s']):>10}")
    lines.append(f"  startup and collection (instrumented run): "
                 f"{_duration(bank['startup_and_collection_s'])}; plugin overhead = bank time - "
                 f"time inside the implementation = {_duration(bank['plugin_overhead_s'])} "
                 f"({bank['plugin_overhead_s'] / bank['bank_s']:.0%} of the bank)")
    return lines


def write_json(path, result):
    with open(path, "w", encoding="utf-8") as file:
        json.dump(result, file, indent=2)
        file.write("\n")
