"""Generate student stubs: ``reference/*.py`` -> ``assignments/*.py``.

Every region between ``# BEGIN SOLUTION`` and ``# END SOLUTION`` becomes a TODO banner
and ``raise NotImplementedError``. The region must open with comment lines that say what to
compute (shapes, hints): they become the banner, so the stub tells the student exactly what
the reference does there. Everything outside the regions is copied unchanged.
"""
import ast
import re
from dataclasses import dataclass
from pathlib import Path

BEGIN = "# BEGIN SOLUTION"
END = "# END SOLUTION"
_MARKER = re.compile(r"^(\s*)# (BEGIN|END) SOLUTION\s*$")
_BANNER_WIDTH = 79


class BuildError(Exception):
    """A reference file whose solution markers cannot be turned into a stub."""


@dataclass(frozen=True)
class Region:
    """Lines ``begin``..``end`` (0-based, the marker lines included) of one solution."""

    begin: int
    end: int
    indent: str


def find_regions(lines, path):
    """Return the solution regions of ``lines``; raise ``BuildError`` on a malformed marker."""
    regions, open_at, indent = [], None, ""
    for number, line in enumerate(lines):
        match = _MARKER.match(line)
        if not match:
            if ("BEGIN SOLUTION" in line or "END SOLUTION" in line) and line.lstrip().startswith("#"):
                raise BuildError(f"{path}:{number + 1}: write the marker exactly as '{BEGIN}' or '{END}'")
            continue
        kind = match.group(2)
        if kind == "BEGIN":
            if open_at is not None:
                raise BuildError(f"{path}:{number + 1}: '{BEGIN}' inside the region opened at line {open_at + 1}")
            if not match.group(1):
                raise BuildError(f"{path}:{number + 1}: a solution region at module level would make the stub fail on import; put it inside a function")
            open_at, indent = number, match.group(1)
        else:
            if open_at is None:
                raise BuildError(f"{path}:{number + 1}: '{END}' without a '{BEGIN}' before it")
            if match.group(1) != indent:
                raise BuildError(f"{path}:{number + 1}: '{END}' is indented differently from its '{BEGIN}' at line {open_at + 1}")
            regions.append(Region(open_at, number, indent))
            open_at = None
    if open_at is not None:
        raise BuildError(f"{path}:{open_at + 1}: '{BEGIN}' is never closed by '{END}'")
    return regions


def _task_lines(lines, region, path):
    """The comment lines that open ``region``: the TODO text."""
    task = []
    for line in lines[region.begin + 1 : region.end]:
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        text = stripped[1:]
        task.append((text[1:] if text.startswith(" ") else text).rstrip())
    if not task:
        raise BuildError(
            f"{path}:{region.begin + 1}: the solution region has no task comment; open it with "
            "comment lines that say what to compute, with shapes and a hint"
        )
    return task


def _enclosing_names(source):
    """Map each line number (1-based) to the qualified name of the innermost def around it."""
    names = {}

    def visit(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                qualified = f"{prefix}{child.name}"
                for line in range(child.lineno, child.end_lineno + 1):
                    names[line] = qualified
                visit(child, qualified + ".")

    visit(ast.parse(source), "")
    return names


def _stub_block(task, indent, where):
    rule = indent + "# " + "=" * (_BANNER_WIDTH - len(indent) - 2)
    banner = [rule, f"{indent}# TODO ({where}):"]
    banner += [f"{indent}#   {text}".rstrip() for text in task]
    banner += [rule, f'{indent}raise NotImplementedError("TODO: {where}")']
    return banner


def make_stub(source, path="<reference>"):
    """Return the stub text for a reference module's ``source``."""
    lines = source.splitlines()
    regions = find_regions(lines, path)
    if not regions:
        return source
    names = _enclosing_names(source)
    out, last = [], 0
    for region in regions:
        out += lines[last : region.begin]
        where = names.get(region.begin + 1, Path(path).stem)
        out += _stub_block(_task_lines(lines, region, path), region.indent, where)
        last = region.end + 1
    out += lines[last:]
    return "\n".join(out) + "\n"


def planned_outputs(reference_dir, assignments_dir):
    """Map each stub path to the text the build would write there."""
    return {
        assignments_dir / source_path.name: make_stub(source_path.read_text(), str(source_path))
        for source_path in sorted(reference_dir.glob("*.py"))
    }


def drift(planned, assignments_dir):
    """Stub files that differ from ``planned``, are missing, or have no reference file."""
    stale = [path for path, text in planned.items() if not path.exists() or path.read_text() != text]
    extra = [path for path in sorted(assignments_dir.glob("*.py")) if path not in planned]
    return stale + extra
