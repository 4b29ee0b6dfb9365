"""Import an exercise module from a folder, the one way the bank reaches student code.

A folder is graded as a package named ``PACKAGE`` whose search path is the folder, then the
released helpers (``assignments/``): a submission may bring its own ``_validation.py`` or
none. A module that cannot be imported yields a ``SubmissionError`` whose message is the
cause, for a student to read.
"""
import importlib
import sys
import traceback
import types
from pathlib import Path

from . import ASSIGNMENTS_DIR
from .guard import scan

PACKAGE = "_graded_submission"


class SubmissionError(Exception):
    """An exercise module that is missing, malformed, or breaks the rules on import."""


def _package(directory):
    package = sys.modules.get(PACKAGE)
    if package is None or package.__path__[0] != str(directory):
        for name in [name for name in sys.modules if name.startswith(PACKAGE + ".")]:
            del sys.modules[name]
        package = types.ModuleType(PACKAGE)
        package.__path__ = [str(directory), str(ASSIGNMENTS_DIR)]
        sys.modules[PACKAGE] = package
    return package


def _where(error, directory):
    """``file:line`` of the deepest traceback frame inside the submission folder."""
    frames = [frame for frame in traceback.extract_tb(error.__traceback__)
              if Path(frame.filename).parent == directory]
    return f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""


def load_exercise(directory, exercise):
    """Import and return ``directory/<exercise>.py``; raise ``SubmissionError`` with the cause."""
    directory = Path(directory).resolve()
    name = f"{PACKAGE}.{exercise}"
    if name in sys.modules and sys.modules.get(PACKAGE) and sys.modules[PACKAGE].__path__[0] == str(directory):
        return sys.modules[name]
    path = directory / f"{exercise}.py"
    if not path.is_file():
        raise SubmissionError(f"{path.name} is missing from {directory}")
    try:
        source = path.read_text(encoding="utf-8")
        problems = scan(source, str(path))
    except (UnicodeDecodeError, SyntaxError, ValueError) as error:
        line = f" (line {error.lineno})" if getattr(error, "lineno", None) else ""
        raise SubmissionError(f"{path.name} cannot be read: {type(error).__name__}: {error.args[0] if error.args else error}{line}") from None
    if problems:
        raise SubmissionError(f"{path.name} {problems[0]}")
    _package(directory)
    try:
        return importlib.import_module(name)
    except BaseException as error:  # noqa: BLE001 - any failure of untrusted code is its cause
        if isinstance(error, KeyboardInterrupt):
            raise
        sys.modules.pop(name, None)
        raise SubmissionError(
            f"{path.name} fails on import{_where(error, directory)}: {type(error).__name__}: {error}"
        ) from None
