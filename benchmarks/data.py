"""What every measurement runs on: seeded datasets, and the reference modules.

Every dataset comes from ``np.random.default_rng(seed)`` with a fixed seed, so two runs time
the same work. The reference is imported by module name (``reference.<exercise>``) through
``importlib``, which is why the benchmarks run from the repository root.
"""
import importlib

import numpy as np


def reference(exercise):
    """The reference solution of ``exercise``: the module ``reference.<exercise>``."""
    return importlib.import_module(f"reference.{exercise}")


def regression(n, d, seed=0):
    """``X (n, d)`` standard normal and ``y = X·w + 1 + noise``: a full-rank least-squares problem."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, d))
    return X, X @ rng.standard_normal(d) + 1.0 + 0.1 * rng.standard_normal(n)


def blobs(n, d, k, seed=0, spread=1.0):
    """``n`` points around ``k`` random centers in ``d`` dimensions, and their blob (0..k-1).

    The centers are standard normal times 3 and the points scatter around them with standard
    deviation ``spread``, so neighbouring blobs overlap: k-means needs many iterations to
    converge and a tree grows many nodes. The values are continuous, so there are no ties.
    """
    rng = np.random.default_rng(seed)
    centers = 3.0 * rng.standard_normal((k, d))
    labels = rng.integers(k, size=n)
    return centers[labels] + spread * rng.standard_normal((n, d)), labels


def predictions(n, k, seed=0, accuracy=0.7):
    """True labels ``0..k-1`` and predictions that are right about ``accuracy`` of the time."""
    rng = np.random.default_rng(seed)
    y_true = rng.integers(k, size=n)
    wrong = rng.random(n) > accuracy
    y_pred = np.where(wrong, rng.integers(k, size=n), y_true)
    return y_true, y_pred


def scores(n, seed=0):
    """Binary labels ``0/1`` and continuous scores (no ties) that rank the positives higher."""
    rng = np.random.default_rng(seed)
    y = rng.integers(2, size=n)
    return y, y + 1.5 * rng.standard_normal(n)
