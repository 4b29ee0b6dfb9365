"""Print the score table: per exercise and category, then each lost point's cause, then the total.

Everything fits in 80 columns; lost points that share a cause are grouped on one line.
"""
import textwrap
from pathlib import Path

from .options import SOURCE_DIR
from .scorebook import scorebook_of

WIDTH = 80


def fmt(points):
    """``12`` for whole points, ``3.3`` otherwise."""
    return str(int(points)) if points.denominator == 1 else f"{float(points):.1f}"


def _pack(cells, indent):
    """Lay ``cells`` out in rows of at most ``WIDTH`` columns, never splitting a cell."""
    rows, row = [], ""
    for cell in cells:
        if row and len(indent) + len(row) + 3 + len(cell) > WIDTH:
            rows.append(indent + row)
            row = ""
        row = f"{row}   {cell}" if row else cell
    return rows + ([indent + row] if row else [])


def _exercise_lines(exercise):
    earned, possible = exercise.score()
    lines = [f"{exercise.name:<{WIDTH - 12}}{fmt(earned):>5} / {fmt(possible):<4}".rstrip()]
    cells = []
    for category in exercise.categories():
        got, of = exercise.score(category)
        cells.append(f"{category} {fmt(got)}/{fmt(of)}")
    lines += _pack(cells, indent="    ")
    if exercise.violation:
        lines += textwrap.wrap(f"scored 0: {exercise.violation}", WIDTH - 4,
                               initial_indent="    ", subsequent_indent="    ")
    return lines


def _clip(text, width):
    return text if len(text) <= width else text[: width - 1] + "…"


def _lost_lines(exercise):
    groups = {}
    for test in exercise.tests:
        if exercise.earned(test) < test.points:
            groups.setdefault(test.message or "failed", []).append(test)
    lines = [exercise.name] if groups else []
    for cause, tests in groups.items():
        lost = sum(test.points for test in tests)
        if len(tests) == 1:
            what = f"{tests[0].category:<15}{tests[0].name}"
        else:
            what = f"{len(tests)} tests in {', '.join(sorted({t.category for t in tests}))}"
        lines.append(_clip(f"  -{fmt(lost):<5}{what}", WIDTH))
        lines += textwrap.wrap(cause, WIDTH - 8, initial_indent="        ",
                               subsequent_indent="        ", max_lines=3, placeholder=" …")
    return lines


def _shown(path):
    try:
        return f"{path.relative_to(Path.cwd())}/"
    except ValueError:
        return str(path)


def pytest_terminal_summary(terminalreporter, config):
    book = scorebook_of(config)
    exercises = book.exercises()
    if not exercises:
        return
    write = terminalreporter.write_line
    terminalreporter.write_sep("=", "grades")
    write(f"graded: {_shown(config.stash[SOURCE_DIR])}")
    for exercise in exercises:
        for line in _exercise_lines(exercise):
            write(line)
    lost = [line for exercise in exercises for line in _lost_lines(exercise)]
    if lost:
        terminalreporter.write_sep("-", "lost points and why")
        for line in lost:
            write(line)
    earned, possible = book.total()
    terminalreporter.write_sep("-", f"total {fmt(earned)} / {fmt(possible)}", bold=True)
    notes = []
    if terminalreporter.stats.get("error"):
        notes.append("Some tests could not be collected or set up (see the errors above): "
                     "these grades are incomplete.")
    if not book.has_hidden():
        notes.append("These are the public tests; the hidden tests run when your work is graded.")
    for note in notes:
        for line in textwrap.wrap(note, WIDTH):
            write(line)
