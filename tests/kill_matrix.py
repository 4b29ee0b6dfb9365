"""Which test catches which catalogued mistake: ``python -m tests.kill_matrix [EXERCISE ...]``.

For each exercise, grades every catalogued mistake with the whole bank (in parallel), then
prints each mistake with the tests that caught it, flags a mistake that no test of its
declared category catches, and lists the tests that catch no mistake at all.
"""
import argparse
import sys
import tempfile

from tests.grading import failed_tests, grade, grade_all
from tests.mistakes import catalogue, write_mistake


def short(test_id):
    return test_id.split("::", 1)[-1]


def run_catalogue(exercises):
    """Grade every mistake of ``exercises``: ``{(exercise, mistake.name): (mistake, result)}``."""
    book = {exercise: mistakes for exercise, mistakes in catalogue().items() if exercise in exercises}
    with tempfile.TemporaryDirectory() as scratch:
        jobs, mistakes = [], {}
        for exercise, entries in book.items():
            for mistake in entries:
                folder = tempfile.mkdtemp(dir=scratch)
                write_mistake(exercise, mistake, folder)
                jobs.append(((exercise, mistake.name), exercise, {"submission": folder}))
                mistakes[(exercise, mistake.name)] = mistake
        results = grade_all(jobs)
    return {key: (mistakes[key], results[key]) for key in results}


def caught_by_category(mistake, result):
    """The failing tests of ``result`` in the mistake's declared category."""
    return [t["id"] for t in result["tests"]
            if t["earned"] < t["points"] and t["category"] == mistake.category]


def report(exercise, graded, all_tests):
    """The kill-matrix lines of one exercise, and whether every mistake is caught."""
    lines, ok, killers = [f"== {exercise}"], True, set()
    for name, (mistake, result) in graded.items():
        caught = failed_tests(result)
        killers.update(caught)
        in_category = caught_by_category(mistake, result)
        mark = "ok  " if in_category else "MISS"
        ok &= bool(in_category)
        lines.append(f"{mark} {name} [{mistake.category}] score {result['score']:g}: "
                     f"caught by {len(caught)} test(s), {len(in_category)} of its category")
        lines += [f"       {short(test)}" for test in caught]
    idle = [test for test in all_tests if test not in killers]
    lines.append(f"tests that catch no catalogued mistake ({len(idle)}):")
    lines += [f"       {short(test)}" for test in idle]
    return lines, ok


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m tests.kill_matrix", description=__doc__)
    parser.add_argument("exercises", nargs="*", help="exercises to analyse (default: all)")
    args = parser.parse_args(argv)
    exercises = args.exercises or sorted(catalogue())
    unknown = sorted(set(exercises) - set(catalogue()))
    if unknown:
        parser.error(f"no mistake catalogue for: {', '.join(unknown)}")
    graded = run_catalogue(exercises)
    all_ok = True
    for exercise in exercises:
        reference = grade(exercise, impl="reference")
        mine = {name: value for (owner, name), value in graded.items() if owner == exercise}
        lines, ok = report(exercise, mine, [t["id"] for t in reference["tests"]])
        all_ok &= ok
        print("\n".join(lines), end="\n\n")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
