"""What a submission may not do, and how the grader notices.

Student modules may import numpy and the standard library only. Three layers enforce it:

- ``scan``: a static read of the source before it runs (banned imports, module names in
  strings, frame introspection, silencing numpy's floating-point warnings);
- ``ImportGuard``: at run time, ``import``, ``__import__`` and ``importlib.import_module``
  called from submission code refuse the banned libraries;
- ``Snapshot``: numpy's functions and the grader's own are compared before and after each
  test, so a submission that patches ``np.allclose`` (or anything else) is caught and undone.

These stop mistakes and casual cheating in-process; cohort grading also runs each
submission in its own process, with the hidden tests out of its reach.
"""
import ast
import builtins
import importlib
import re
import sys

BANNED_MODULES = ("sklearn", "scipy", "torch", "statsmodels", "pandas")
GRADER_MODULES = ("autograder", "pytest", "_pytest", "inspect", "gc", "ctypes")
_INTROSPECTION_ATTRIBUTES = {
    "_getframe", "f_back", "f_locals", "f_globals", "tb_frame", "gi_frame", "cr_frame",
    "__code__", "__globals__", "__subclasses__", "__builtins__", "setprofile", "settrace",
}
_SILENCING_LEVELS = {"all", "over", "divide", "invalid"}
_MODULE_PATH = re.compile(r"^[A-Za-z_]\w*(\.\w+)*$")


class BannedImportError(ImportError):
    """A submission tried to import a library it may not use."""


def _top(name):
    return name.split(".")[0]


def _banned_message(name):
    return (
        f"imports {_top(name)}: submissions may use only numpy and the Python standard "
        f"library ({', '.join(BANNED_MODULES)} are not allowed)"
    )


def _docstring_nodes(tree):
    nodes = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                nodes.add(id(body[0].value))
    return nodes


def _silences_warnings(node):
    name = getattr(node.func, "attr", getattr(node.func, "id", ""))
    if name not in {"seterr", "errstate"}:
        return False
    return any(
        keyword.arg in _SILENCING_LEVELS
        and isinstance(keyword.value, ast.Constant)
        and keyword.value.value in {"ignore", "warn", "print", "log", "call"}
        for keyword in node.keywords
    )


def scan(source, filename):
    """Return the problems (one sentence each) found in a submission's ``source``."""
    tree = ast.parse(source, filename)
    docstrings = _docstring_nodes(tree)
    problems = []
    for node in ast.walk(tree):
        imported = []
        if isinstance(node, ast.Import):
            imported = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            imported = [node.module]
        for name in imported:
            if _top(name) in BANNED_MODULES:
                problems.append(f"line {node.lineno} {_banned_message(name)}")
            elif _top(name) in GRADER_MODULES:
                problems.append(f"line {node.lineno} imports {_top(name)}, which reads the grader's internals")
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and _MODULE_PATH.match(node.value)
            and _top(node.value) in BANNED_MODULES + GRADER_MODULES
        ):
            problems.append(f"line {node.lineno} names the module '{node.value}', which submissions may not use")
        if isinstance(node, ast.Attribute) and node.attr in _INTROSPECTION_ATTRIBUTES:
            problems.append(f"line {node.lineno} uses .{node.attr}, which reads the grader's internals")
        if isinstance(node, ast.Call) and _silences_warnings(node):
            problems.append(
                f"line {node.lineno} silences numpy's floating-point warnings; make the "
                "computation stable instead (the bank checks that it raises none)"
            )
    return problems


class ImportGuard:
    """Refuse banned imports requested by modules whose name starts with ``prefix``."""

    def __init__(self, prefix):
        self.prefix = prefix
        self.violations = []
        self._original_import = builtins.__import__
        self._original_import_module = importlib.import_module

    def _from_submission(self, importer_globals):
        name = (importer_globals or {}).get("__name__") or ""
        return name == self.prefix or name.startswith(self.prefix + ".")

    def _refuse(self, name):
        message = _banned_message(name)
        self.violations.append(message)
        raise BannedImportError(message)

    def _guarded_import(self, name, globals=None, locals=None, fromlist=(), level=0):
        caller = globals if globals is not None else sys._getframe(1).f_globals
        if level == 0 and _top(name) in BANNED_MODULES and self._from_submission(caller):
            self._refuse(name)
        return self._original_import(name, globals, locals, fromlist, level)

    def _guarded_import_module(self, name, package=None):
        if _top(name) in BANNED_MODULES and self._from_submission(sys._getframe(1).f_globals):
            self._refuse(name)
        return self._original_import_module(name, package)

    def install(self):
        builtins.__import__ = self._guarded_import
        importlib.import_module = self._guarded_import_module

    def uninstall(self):
        builtins.__import__ = self._original_import
        importlib.import_module = self._original_import_module


def _watched_modules():
    import numpy

    from . import checks

    return [numpy, numpy.linalg, numpy.random, numpy.testing, checks, builtins]


def _function_of(value):
    """The Python function behind ``value``: numpy wraps many in a C dispatcher."""
    return getattr(value, "_implementation", value)


class Snapshot:
    """The functions of numpy and of the grader as they are now, to detect patching."""

    def __init__(self):
        self._entries = {}
        for module in _watched_modules():
            for name, value in list(vars(module).items()):
                if callable(value):
                    function = _function_of(value)
                    self._entries[(module, name)] = (
                        value,
                        getattr(function, "__code__", None),
                        getattr(function, "__defaults__", None),
                    )

    def restore(self):
        """Undo every change since the snapshot; return the names that had changed."""
        changed = []
        for (module, name), (value, code, defaults) in self._entries.items():
            function = _function_of(value)
            if (
                vars(module).get(name) is value
                and getattr(function, "__code__", None) is code
                and getattr(function, "__defaults__", None) is defaults
            ):
                continue
            changed.append(f"{module.__name__}.{name}")
            setattr(module, name, value)
            if code is not None:
                function.__code__ = code
                function.__defaults__ = defaults
        return changed
