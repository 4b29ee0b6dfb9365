"""Grade many submission folders fast: each in a child forked from a warm parent.

The parent imports numpy, scikit-learn, scipy and pytest once; every child inherits them
and runs the bank with ``pytest.main`` in its own process, under a memory limit and a
wall-clock limit, so a mutant that crashes, hangs or eats memory costs only itself.
Import this module before numpy anywhere else: it pins BLAS to one thread per process
(the workers share the cores, and a forked child must not inherit a thread pool).
"""
import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import ast  # noqa: E402
import importlib  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import signal  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from autograder import ROOT  # noqa: E402
from tests.grading import WORKERS, bank_files  # noqa: E402

MEMORY_LIMIT = 4 << 30


def _warm():
    """Import in the parent every library the bank's test modules import, once for all children."""
    for path in (ROOT / "autograder").glob("*/test_*.py"):
        for node in ast.parse(path.read_text()).body:
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 else [])
            for name in names:
                if not name.startswith("autograder"):
                    importlib.import_module(name)


_warm()


@dataclass
class Job:
    """Grade ``folder`` with ``exercise``'s bank; ``first_failure`` stops at the first lost test."""

    key: object
    exercise: str
    folder: Path
    first_failure: bool = True
    options: tuple = ()
    environment: tuple = ()


@dataclass
class Outcome:
    """How a job ended: its results JSON (None if it wrote none) or that it ran out of time."""

    results: dict = None
    timed_out: bool = False
    seconds: float = 0.0


def _child(job, results_path, test_timeout):
    os.chdir(ROOT)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    os.environ.update(dict(job.environment))
    arguments = [*job.options, *bank_files(job.exercise), "--submission", str(job.folder), "--results", str(results_path),
                 "-q", "-p", "no:cacheprovider", "-p", "no:warnings", "--timeout", str(test_timeout)]
    if job.first_failure:
        arguments.append("-x")
    code = 70
    try:
        code = int(pytest.main(arguments))
    finally:
        os._exit(code)


def run(jobs, *, workers=WORKERS, limit=120.0, test_timeout=10):
    """Run ``jobs`` at most ``workers`` at a time; return ``{job.key: Outcome}``."""
    pending, running, outcomes = list(jobs), {}, {}
    with tempfile.TemporaryDirectory() as scratch:
        while pending or running:
            while pending and len(running) < workers:
                job = pending.pop(0)
                results_path = Path(scratch) / f"{len(outcomes) + len(running)}-{os.getpid()}.json"
                pid = os.fork()
                if pid == 0:
                    _child(job, results_path, test_timeout)
                running[pid] = (job, results_path, time.monotonic())
            pid, _ = os.waitpid(-1, os.WNOHANG)
            now = time.monotonic()
            if pid:
                job, results_path, started = running.pop(pid)
                results = json.loads(results_path.read_text()) if results_path.exists() else None
                outcomes[job.key] = Outcome(results=results, seconds=now - started)
                continue
            for pid, (job, _, started) in list(running.items()):
                if now - started > limit:
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
                    running.pop(pid)
                    outcomes[job.key] = Outcome(timed_out=True, seconds=now - started)
            time.sleep(0.01)
    return outcomes
