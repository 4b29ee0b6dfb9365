"""Seeded datasets for the bank: every test's data comes from one of these and a seed."""
import numpy as np


def regression(seed, n=40, d=3, noise=0.1, offset=0.0, intercept=2.0):
    """Well-conditioned ``X (n, d)`` and ``y = X w + intercept + noise``."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d)) + offset
    w = rng.uniform(-2.0, 2.0, size=d)
    y = X @ w + intercept + noise * rng.normal(size=n)
    return X, y


def collinear(seed, n=30):
    """Rank-deficient data: the second column is exactly twice the first."""
    rng = np.random.default_rng(seed)
    x1, x3 = rng.normal(size=n), rng.normal(size=n)
    X = np.column_stack([x1, 2.0 * x1, x3])
    y = 0.3 * x1 + 0.6 * x1 - 2.0 * x3 + 1.0 + 0.1 * rng.normal(size=n)
    return X, y


def wide(seed, n=6, d=15):
    """More features than samples (``d > n``): infinitely many exact fits."""
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n, d)), rng.normal(size=n)


def binary(seed, n=60, d=3, separation=1.0):
    """Two overlapping Gaussian classes, labels 0/1, both present."""
    rng = np.random.default_rng(seed)
    y = np.arange(n) % 2
    rng.shuffle(y)
    centers = rng.normal(size=(2, d)) * separation
    X = centers[y] + rng.normal(size=(n, d))
    return X, y


def point(seed, d):
    """A random weight vector and bias at which to evaluate a loss."""
    rng = np.random.default_rng(seed)
    return rng.normal(size=d), float(rng.normal())


def read_only(*arrays):
    """Copies of ``arrays`` that raise on any write."""
    copies = [np.array(array) for array in arrays]
    for copy in copies:
        copy.setflags(write=False)
    return copies
