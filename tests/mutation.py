"""Automatic mutants of the reference's solution regions.

Each operator looks at one AST node inside a ``# BEGIN SOLUTION`` region and proposes
small replacements for its source text: the kinds of slips a student makes. A mutant is
the reference with exactly one such replacement. Its id is stable under edits elsewhere
in the file: a hash of the enclosing function, the line's text, the change and its
occurrence on that line.
"""
import ast
import hashlib
from dataclasses import dataclass

from autograder import REFERENCE_DIR
from autograder.build import _enclosing_names, find_regions

_BINARY_SWAPS = {ast.Add: [ast.Sub], ast.Sub: [ast.Add], ast.Mult: [ast.Div], ast.Div: [ast.Mult],
                 ast.FloorDiv: [ast.Div], ast.Pow: [ast.Mult], ast.Mod: [ast.FloorDiv]}
_COMPARE_SWAPS = {ast.Lt: [ast.LtE, ast.Gt], ast.LtE: [ast.Lt, ast.GtE], ast.Gt: [ast.GtE, ast.Lt],
                  ast.GtE: [ast.Gt, ast.LtE], ast.Eq: [ast.NotEq], ast.NotEq: [ast.Eq],
                  ast.Is: [ast.IsNot], ast.IsNot: [ast.Is], ast.In: [ast.NotIn], ast.NotIn: [ast.In]}
_NAME_SWAPS = {"argmin": "argmax", "argmax": "argmin", "min": "max", "max": "min",
               "minimum": "maximum", "maximum": "minimum", "sum": "mean", "mean": "sum",
               "any": "all", "all": "any", "floor": "ceil", "ceil": "floor",
               "nanargmin": "nanargmax", "nanargmax": "nanargmin", "cumsum": "cumprod"}
_SIZE_NAMES = {"n", "n_samples", "n_features", "n_classes", "n_clusters", "k", "n_splits"}


@dataclass(frozen=True)
class Mutant:
    """The reference of ``exercise`` with ``original`` replaced by ``replacement`` at ``line``."""

    exercise: str
    id: str
    line: int
    where: str
    operator: str
    original: str
    replacement: str
    source: str

    def describe(self):
        return f"line {self.line} ({self.where}), {self.operator}: `{self.original}` -> `{self.replacement}`"


def _text(node):
    return ast.unparse(node)


def _with(node, **changes):
    """A copy of ``node`` with some fields replaced, unparsed to source."""
    fields = {name: getattr(node, name) for name in node._fields}
    fields.update(changes)
    return _text(type(node)(**fields))


def _binary(node):
    if isinstance(node, ast.BinOp):
        for swap in _BINARY_SWAPS.get(type(node.op), []):
            yield "arithmetic operator", _with(node, op=swap())
        if not isinstance(node.op, (ast.Add, ast.Mult)):
            yield "swapped operands", _with(node, left=node.right, right=node.left)
    if isinstance(node, ast.BoolOp):
        yield "logical operator", _with(node, op=ast.Or() if isinstance(node.op, ast.And) else ast.And())


def _compare(node):
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        for swap in _COMPARE_SWAPS.get(type(node.ops[0]), []):
            yield "comparison", _with(node, ops=[swap()])


def _sign(node):
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.Not, ast.Invert)):
        yield "sign or negation removed", _text(node.operand)


def _constant(node):
    if not isinstance(node, ast.Constant) or isinstance(node.value, (str, bytes)) or node.value is None:
        return
    value = node.value
    if isinstance(value, bool):
        yield "boolean flipped", repr(not value)
    elif isinstance(value, int):
        yield "constant nudged", repr(value + 1)
        if value > 0:
            yield "constant nudged", repr(value - 1)
    elif isinstance(value, float):
        nudges = {0.0: [1.0], 1.0: [0.0, 2.0], 0.5: [1.0], 2.0: [1.0]}.get(value, [value * 2])
        for nudge in nudges:
            yield "constant nudged", repr(nudge)


def _size(node):
    if isinstance(node, ast.Name) and node.id in _SIZE_NAMES and isinstance(node.ctx, ast.Load):
        yield "n -> n - 1", f"({node.id} - 1)"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "len":
        yield "n -> n - 1", f"({_text(node)} - 1)"


def _call(node):
    if not isinstance(node, ast.Call):
        return
    function = node.func
    name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", None)
    if name in _NAME_SWAPS:
        swapped = (ast.Attribute(value=function.value, attr=_NAME_SWAPS[name], ctx=ast.Load())
                   if isinstance(function, ast.Attribute) else ast.Name(id=_NAME_SWAPS[name], ctx=ast.Load()))
        yield "function swapped", _with(node, func=swapped)
    for keyword in node.keywords:
        if keyword.arg == "axis" and isinstance(keyword.value, (ast.Constant, ast.UnaryOp)):
            current = _text(keyword.value)
            for axis in ("0", "1", "-1", "None"):
                if axis != current:
                    others = [k if k is not keyword else ast.keyword(arg="axis", value=ast.parse(axis, mode="eval").body)
                              for k in node.keywords]
                    yield "axis changed", _with(node, keywords=others)
    if len(node.args) == 2 and not any(isinstance(a, ast.Starred) for a in node.args):
        yield "swapped arguments", _with(node, args=[node.args[1], node.args[0]])


def _slice(node):
    if not isinstance(node, ast.Slice) or node.step is not None:
        return
    lower, upper = node.lower, node.upper
    bumped = ast.parse(f"({_text(lower)}) + 1" if lower else "1", mode="eval").body
    yield "off-by-one slice", _text(ast.Slice(lower=bumped, upper=upper, step=None))
    if upper is not None:
        shrunk = ast.parse(f"({_text(upper)}) - 1", mode="eval").body
        yield "off-by-one slice", _text(ast.Slice(lower=lower, upper=shrunk, step=None))


def _statement(node):
    if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Expr)) and not (
            isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)):
        yield "statement removed", "pass"


OPERATORS = (_binary, _compare, _sign, _constant, _size, _call, _slice, _statement)


def _offsets(source):
    """Byte offset of the start of each line (AST columns count UTF-8 bytes)."""
    starts, total = [0], 0
    for line in source.encode("utf-8").splitlines(keepends=True):
        total += len(line)
        starts.append(total)
    return starts


def _solution_lines(lines, path):
    """1-based numbers of the lines strictly inside a solution region."""
    inside = set()
    for region in find_regions(lines, path):
        inside.update(range(region.begin + 2, region.end + 1))
    return inside


def mutants(exercise):
    """Every mutant of ``reference/<exercise>.py`` that compiles and differs from it."""
    path = REFERENCE_DIR / f"{exercise}.py"
    source = path.read_text()
    encoded, starts = source.encode("utf-8"), _offsets(source)
    lines = source.splitlines()
    inside = _solution_lines(lines, str(path))
    names = _enclosing_names(source)
    found, seen = [], {}
    for node in ast.walk(ast.parse(source)):
        if not hasattr(node, "lineno") or node.lineno not in inside or node.end_lineno not in inside:
            continue
        begin = starts[node.lineno - 1] + node.col_offset
        end = starts[node.end_lineno - 1] + node.end_col_offset
        original = encoded[begin:end].decode("utf-8")
        for operator in OPERATORS:
            for label, replacement in operator(node):
                if replacement == original or replacement == _text(node):
                    continue
                if "\n" in original:
                    indent = " " * node.col_offset
                    replacement = replacement.replace("\n", "\n" + indent)
                text = (encoded[:begin] + replacement.encode("utf-8") + encoded[end:]).decode("utf-8")
                try:
                    compile(text, str(path), "exec")
                except SyntaxError:
                    continue
                key = (names.get(node.lineno, ""), lines[node.lineno - 1].strip(), original, replacement)
                seen[key] = seen.get(key, 0) + 1
                digest = hashlib.sha1(repr((key, seen[key])).encode()).hexdigest()[:10]
                found.append(Mutant(exercise, digest, node.lineno, names.get(node.lineno, exercise),
                                    label, _short(original), _short(replacement), text))
    return found


def _short(text, width=70):
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
