"""The catalogue of known-wrong implementations: mistakes students really make.

Each exercise has a module ``tests/mistakes/<exercise>.py`` holding ``MISTAKES``, a list of
``Mistake``: a small edit of the reference (each ``old`` text must occur exactly once in
``reference/<exercise>.py``) and the test category that must catch it.
"""
import importlib
from dataclasses import dataclass, field
from pathlib import Path

from autograder import REFERENCE_DIR
from autograder.plugin.scorebook import CATEGORIES


@dataclass(frozen=True)
class Mistake:
    """A wrong implementation: the reference with ``edits`` applied."""

    name: str
    category: str
    why: str
    edits: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.category not in CATEGORIES:
            raise ValueError(f"mistake {self.name}: unknown category {self.category!r}")


class StaleMistake(Exception):
    """A mistake whose edit no longer matches the reference."""


def apply(mistake, source):
    """Return ``source`` with the mistake's edits; raise ``StaleMistake`` if one does not fit."""
    for old, new in mistake.edits.items():
        count = source.count(old)
        if count != 1:
            raise StaleMistake(f"{mistake.name}: {old!r} occurs {count} times in the reference, not once")
        source = source.replace(old, new)
    return source


def catalogue():
    """``{exercise: [Mistake, ...]}`` for every exercise with a mistakes module."""
    modules = sorted(p.stem for p in Path(__file__).parent.glob("[!_]*.py"))
    return {name: importlib.import_module(f"{__name__}.{name}").MISTAKES for name in modules}


def write_mistake(exercise, mistake, folder):
    """Write the mistaken ``<exercise>.py`` into ``folder`` and return the folder."""
    source = (REFERENCE_DIR / f"{exercise}.py").read_text()
    (Path(folder) / f"{exercise}.py").write_text(apply(mistake, source))
    return folder
