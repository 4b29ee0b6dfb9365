"""A pytest plugin for calibration runs: other seeds and float32 data for the whole bank.

``AUTOGRADER_SEED_SHIFT=s`` adds ``s`` to every integer seed given to
``np.random.default_rng`` (the bank's data and the implementation's own draws alike);
``AUTOGRADER_DTYPE=float32`` casts the float arrays that ``autograder.datasets`` returns.
"""
import functools
import os

import numpy as np

from autograder import datasets

_SHIFT = int(os.environ.get("AUTOGRADER_SEED_SHIFT", "0"))
_DTYPE = os.environ.get("AUTOGRADER_DTYPE", "float64")


def _shifted(default_rng):
    @functools.wraps(default_rng)
    def wrapper(seed=None, *args, **kwargs):
        if isinstance(seed, (int, np.integer)) and not isinstance(seed, bool):
            seed = int(seed) + _SHIFT
        return default_rng(seed, *args, **kwargs)
    return wrapper


def _cast(value):
    if isinstance(value, np.ndarray) and value.dtype == np.float64:
        return value.astype(_DTYPE)
    if isinstance(value, tuple):
        return tuple(_cast(item) for item in value)
    return value


def _casting(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        return _cast(function(*args, **kwargs))
    return wrapper


if _SHIFT:
    np.random.default_rng = _shifted(np.random.default_rng)
if _DTYPE != "float64":
    for _name, _function in list(vars(datasets).items()):
        if callable(_function) and not _name.startswith("_") and _name != "read_only" \
                and getattr(_function, "__module__", "") == datasets.__name__:
            setattr(datasets, _name, _casting(_function))
