"""Exercise 05, k-means and k-means++: an alternative route.

Route: distances column by column (a loop over the k clusters, never over the samples,
with ``np.einsum``); k-means++ draws by inverse-CDF sampling (``rng.random()`` against the
cumulative sum of D², ``np.searchsorted``); the update step sums the clusters with a one-hot
matrix product; empty clusters are ordered with ``np.lexsort``; Lloyd runs in a ``while``
loop. Validation is written out here rather than taken from the helper module.
"""
import numbers

import numpy as np


class NotFittedError(ValueError, AttributeError):
    """``predict`` before ``fit``."""


def _as_matrix(X, name="X"):
    try:
        X = np.array(X, dtype=np.float64)  # always a copy: the caller's data is safe
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name} must be numeric: {error}") from None
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError(f"{name} must be a non-empty 2-D array, got shape {X.shape}")
    if not np.all(np.isfinite(X)):
        raise ValueError(f"{name} contains NaN or infinity")
    return X


def _is_int(value):
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _check_k(n_clusters, n_samples):
    if not _is_int(n_clusters) or not 1 <= n_clusters <= n_samples:
        raise ValueError(f"n_clusters must be an int in [1, {n_samples}], got {n_clusters!r}")


def _distances(X, centers):
    out = np.empty((X.shape[0], centers.shape[0]))
    for j, center in enumerate(centers):
        diff = X - center
        out[:, j] = np.einsum("ij,ij->i", diff, diff)
    return out


def kmeans_plus_plus(X, n_clusters, random_state=None):
    X = _as_matrix(X)
    n = X.shape[0]
    _check_k(n_clusters, n)
    rng = np.random.default_rng(random_state)
    picks = np.empty(n_clusters, dtype=np.intp)
    picks[0] = rng.integers(0, n)
    d2 = _distances(X, X[picks[:1]])[:, 0]
    for t in range(1, n_clusters):
        cumulative = np.cumsum(d2)
        total = cumulative[-1]
        if total <= 0.0:
            picks[t] = rng.integers(0, n)
        else:
            u = rng.random() * total
            index = int(np.searchsorted(cumulative, u, side="right"))
            if index >= n:  # u rounded up to the total: take the last row with D² > 0
                index = int(np.flatnonzero(d2)[-1])
            picks[t] = index
        d2 = np.minimum(d2, _distances(X, X[picks[t : t + 1]])[:, 0])
    return X[picks].copy()


class KMeans:
    def __init__(self, n_clusters=8, init="k-means++", max_iter=300, tol=1e-4, random_state=None):
        self.n_clusters = n_clusters
        self.init = init
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state

    def _validate(self, X):
        if not _is_int(self.max_iter) or self.max_iter < 1:
            raise ValueError(f"max_iter must be an int >= 1, got {self.max_iter!r}")
        if isinstance(self.tol, bool) or not isinstance(self.tol, numbers.Real) or self.tol < 0:
            raise ValueError(f"tol must be a number >= 0, got {self.tol!r}")
        _check_k(self.n_clusters, X.shape[0])
        if isinstance(self.init, str):
            if self.init != "k-means++":
                raise ValueError(f"unknown init {self.init!r}")
            return kmeans_plus_plus(X, self.n_clusters, self.random_state)
        init = _as_matrix(self.init, "init")
        if init.shape != (self.n_clusters, X.shape[1]):
            raise ValueError(f"init has shape {init.shape}, expected {(self.n_clusters, X.shape[1])}")
        return init

    @staticmethod
    def _step(X, centers):
        """One assignment + update; returns the new centers."""
        k = centers.shape[0]
        labels = np.argmin(_distances(X, centers), axis=1)
        onehot = (labels[:, None] == np.arange(k)[None, :]).astype(np.float64)
        sizes = onehot.sum(axis=0)
        sums = onehot.T @ X
        new = centers.copy()
        occupied = sizes > 0
        new[occupied] = sums[occupied] / sizes[occupied][:, None]
        empties = np.flatnonzero(~occupied)
        if len(empties):
            own = X - centers[labels]
            spread = np.einsum("ij,ij->i", own, own)
            order = np.lexsort((np.arange(X.shape[0]), -spread))  # farthest first, then lowest index
            new[empties] = X[order[: len(empties)]]
        return new

    def fit(self, X, y=None):
        X = _as_matrix(X)
        centers = self._validate(X)
        iterations = 0
        while iterations < self.max_iter:
            new = self._step(X, centers)
            iterations += 1
            moved = float(np.sum((new - centers) ** 2))
            centers = new
            if moved <= self.tol:
                break
        d = _distances(X, centers)
        self.labels_ = np.argmin(d, axis=1)
        self.inertia_ = float(np.take_along_axis(d, self.labels_[:, None], axis=1).sum())
        self.cluster_centers_ = centers
        self.n_iter_ = iterations
        self.n_features_in_ = X.shape[1]
        return self

    def predict(self, X):
        if not hasattr(self, "cluster_centers_"):
            raise NotFittedError("fit the model before predict")
        X = _as_matrix(X)
        if X.shape[1] != self.n_features_in_:
            raise ValueError(f"expected {self.n_features_in_} features, got {X.shape[1]}")
        return np.argmin(_distances(X, self.cluster_centers_), axis=1)

    def fit_predict(self, X, y=None):
        return self.fit(X).labels_
