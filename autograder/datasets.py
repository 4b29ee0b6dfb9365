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


def separated_spectrum(seed, n=50, d=4, scales=None, offset=0.0):
    """``X (n, d)`` with a known, clearly separated covariance spectrum (needs ``n > d``).

    The sample covariance of ``X`` (ddof 1) is exactly ``Qᵀ·diag(variances)·Q`` (up to
    round-off) and its mean is exactly ``offset``: standard-normal data is centred and
    whitened, scaled column by column by ``scales`` (default geometric from 4 to 0.5), then
    rotated by a random orthogonal matrix. Returns ``X``, ``variances`` (the ``scales²``
    sorted in decreasing order, shape ``(d,)``) and ``axes`` (shape ``(d, d)``, row ``i`` the
    unit eigenvector of ``variances[i]``, sign arbitrary). Distinct scales make every
    eigenvector unique up to its sign.
    """
    if n <= d:
        raise ValueError(f"separated_spectrum needs n > d, got n={n}, d={d}")
    rng = np.random.default_rng(seed)
    scales = np.geomspace(4.0, 0.5, d) if scales is None else np.asarray(scales, dtype=np.float64)
    Z = rng.normal(size=(n, d))
    white = np.linalg.svd(Z - Z.mean(axis=0), full_matrices=False)[0] * np.sqrt(n - 1)
    Q = np.linalg.qr(rng.normal(size=(d, d)))[0]
    X = (white * scales) @ Q.T + offset
    order = np.argsort(-scales, kind="stable")
    return X, scales[order] ** 2, Q[:, order].T


def blobs(seed, n=60, k=3, d=2, separation=12.0, spread=1.0, offset=0.0):
    """Well-separated Gaussian blobs: ``X (n, d)`` and each row's blob index ``y (n,)``.

    The ``k`` blob centres are drawn in a box by rejection until every two are at least
    ``separation`` apart; blob ``j`` holds ``n // k`` or ``n // k + 1`` samples of standard
    deviation ``spread`` around its centre, in a shuffled order; ``offset`` is added to every
    coordinate. With the defaults every sample is far nearer to its own blob's mean than to any
    other blob's, so clustering has one clear answer.
    """
    rng = np.random.default_rng(seed)
    side = separation * (k ** (1.0 / d) + 1.0)
    centres = rng.uniform(0.0, side, size=(1, d))
    while len(centres) < k:
        candidate = rng.uniform(0.0, side, size=d)
        if np.min(((centres - candidate) ** 2).sum(axis=1)) >= separation ** 2:
            centres = np.vstack([centres, candidate])
    y = rng.permutation(np.arange(n) % k)
    X = centres[y] + spread * rng.normal(size=(n, d)) + offset
    return X, y
