"""The stopwatch: a warm-up, calibrated repetitions, medians; and the thread limit.

A measurement of ``function`` (called with no argument):

1. a warm-up call, untimed (imports, caches, first-touch page faults); its result is kept
   so that the caller can check that two implementations did the same work;
2. one timed call, to choose ``number``: how many calls one repetition makes so that it
   lasts at least ``MIN_REPETITION_S`` (short calls are repeated, as ``timeit`` does, so the
   clock's resolution and one-off hiccups do not matter);
3. ``repeats`` repetitions; each gives a time per call; the result is their median.

``compare`` measures two functions in alternation (ours, theirs, ours, theirs, ...), so a
change of machine load during the measurement hits both sides alike. The garbage collector
is off while a repetition runs, as in ``timeit``.
"""
import gc
import math
import os
import statistics
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from threadpoolctl import threadpool_limits

MIN_REPETITION_S = 0.05
REPEATS = 7
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                    "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")


@contextmanager
def limited_threads(threads):
    """Run the block with at most ``threads`` BLAS and OpenMP threads (numpy, scipy and
    scikit-learn alike), through threadpoolctl. The environment variables are set too, for
    the subprocesses that the block starts."""
    saved = {name: os.environ.get(name) for name in THREAD_VARIABLES}
    os.environ.update({name: str(threads) for name in THREAD_VARIABLES})
    try:
        with threadpool_limits(limits=threads):
            yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _seconds_per_call(function, number):
    enabled = gc.isenabled()
    gc.disable()
    try:
        start = time.perf_counter()
        for _ in range(number):
            function()
        return (time.perf_counter() - start) / number
    finally:
        if enabled:
            gc.enable()


def _warm_up(function, min_time):
    """Call once untimed, once timed; return the first result and the calls per repetition."""
    result = function()
    once = _seconds_per_call(function, 1)
    return result, max(1, math.ceil(min_time / max(once, 1e-9)))


@dataclass
class Timing:
    """Median seconds per call of each side, and the warm-up results."""

    ours_s: float
    theirs_s: float
    ours_result: Any
    theirs_result: Any

    @property
    def ratio(self):
        return self.ours_s / self.theirs_s


def compare(ours, theirs, repeats=REPEATS, min_time=MIN_REPETITION_S):
    """Time ``ours`` and ``theirs`` in alternation after a warm-up of each; medians."""
    gc.collect()
    ours_result, ours_number = _warm_up(ours, min_time)
    theirs_result, theirs_number = _warm_up(theirs, min_time)
    ours_times, theirs_times = [], []
    for _ in range(repeats):
        ours_times.append(_seconds_per_call(ours, ours_number))
        theirs_times.append(_seconds_per_call(theirs, theirs_number))
    return Timing(statistics.median(ours_times), statistics.median(theirs_times),
                  ours_result, theirs_result)


def median_time(function, repeats=REPEATS, min_time=MIN_REPETITION_S):
    """Median seconds per call of ``function`` alone, after a warm-up."""
    gc.collect()
    _, number = _warm_up(function, min_time)
    return statistics.median(_seconds_per_call(function, number) for _ in range(repeats))
