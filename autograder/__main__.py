"""Command line: ``python -m autograder build [--check]`` and ``python -m autograder report``."""
import argparse
import sys

from . import ASSIGNMENTS_DIR, REFERENCE_DIR
from .build import BuildError, drift, planned_outputs


def build(check):
    """Write the stubs, or with ``check`` only report those that would change."""
    try:
        planned = planned_outputs(REFERENCE_DIR, ASSIGNMENTS_DIR)
    except BuildError as error:
        print(f"build failed: {error}", file=sys.stderr)
        return 2
    stale = drift(planned, ASSIGNMENTS_DIR)
    if check:
        for path in stale:
            print(f"out of date: {path.relative_to(ASSIGNMENTS_DIR.parent)}", file=sys.stderr)
        if stale:
            print("run `python -m autograder build` and commit the result", file=sys.stderr)
        return 1 if stale else 0
    ASSIGNMENTS_DIR.mkdir(exist_ok=True)
    for path in stale:
        if path in planned:
            path.write_text(planned[path])
        else:
            path.unlink()
        print(f"wrote {path.relative_to(ASSIGNMENTS_DIR.parent)}" if path in planned
              else f"removed {path.relative_to(ASSIGNMENTS_DIR.parent)}")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m autograder", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser("build", help="generate assignments/ from reference/")
    build_parser.add_argument("--check", action="store_true",
                              help="write nothing; exit 1 and name each stub that would change")
    commands.add_parser("report", add_help=False,
                        help="grade the bank itself and write BANK_REPORT.md (instructor repository only)")
    args, rest = parser.parse_known_args(argv)
    if args.command == "report":
        return report(rest)
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    return build(args.check)


def report(argv):
    """Run the bank report, which needs the instructor repository's ``tests/``."""
    try:
        from tests.report import main as report_main
    except ImportError as error:
        print(f"the report needs the instructor repository's tests/ folder: {error}", file=sys.stderr)
        return 2
    return report_main(argv)


if __name__ == "__main__":
    sys.exit(main())
