"""k-NN, alternative 1: direct pairwise differences and index bookkeeping.

Route: distances from the broadcast difference tensor ``A[:, None, :] - B[None, :, :]`` of
shape (n_A, n_B, d) reduced with ``einsum`` (exact: no expansion, no clamp needed);
neighbours by ``np.lexsort`` on (distance, training index); distance weights by boolean
row masks; votes accumulated with ``np.add.at``; labels encoded with ``np.searchsorted``.
Validation is written here, without the shared helper module.
"""
import numbers

import numpy as np

from ._base import ClassifierMixin, RegressorMixin


class NotFitted(ValueError, AttributeError):
    """predict before fit."""


def _as_2d(X, name="X"):
    try:
        X = np.array(X, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name} must be numeric: {error}") from None
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError(f"{name} must be a non-empty 2-D array, got shape {X.shape}")
    if not np.all(np.isfinite(X)):
        raise ValueError(f"{name} contains NaN or infinity")
    return X


def euclidean_distances(A, B):
    A, B = _as_2d(A, "A"), _as_2d(B, "B")
    if A.shape[1] != B.shape[1]:
        raise ValueError("A and B have different numbers of features")
    difference = A[:, None, :] - B[None, :, :]
    return np.sqrt(np.einsum("ijk,ijk->ij", difference, difference))


class _KNN:
    def __init__(self, n_neighbors=5, weights="uniform"):
        self.n_neighbors = n_neighbors
        self.weights = weights

    def _check_params(self):
        k = self.n_neighbors
        if isinstance(k, (bool, np.bool_)) or not isinstance(k, numbers.Integral) or k < 1:
            raise ValueError(f"n_neighbors must be an integer >= 1, got {k!r}")
        if not isinstance(self.weights, str) or self.weights not in {"uniform", "distance"}:
            raise ValueError(f"unknown weights {self.weights!r}")

    def _store(self, X, y):
        self._check_params()
        X = _as_2d(X)
        y = np.asarray(y)
        if y.ndim != 1 or len(y) != len(X):
            raise ValueError("y must be 1-D with one entry per row of X")
        if self.n_neighbors > len(X):
            raise ValueError("n_neighbors exceeds the number of training samples")
        self._X = X
        self.n_features_in_ = X.shape[1]
        return y

    def _neighbours(self, X):
        if not hasattr(self, "_X"):
            raise NotFitted("call fit first")
        X = _as_2d(X)
        if X.shape[1] != self.n_features_in_:
            raise ValueError("wrong number of features")
        D = euclidean_distances(X, self._X)
        position = np.broadcast_to(np.arange(D.shape[1]), D.shape)
        order = np.lexsort((position, D), axis=-1)[:, : self.n_neighbors]
        return np.take_along_axis(D, order, axis=1), order

    def _weights(self, dist):
        w = np.ones_like(dist)
        if self.weights == "distance":
            zero = dist == 0
            rows_with_match = zero.any(axis=1)
            w[rows_with_match] = zero[rows_with_match]
            w[~rows_with_match] = 1.0 / dist[~rows_with_match]
        return w


class KNeighborsClassifier(ClassifierMixin, _KNN):
    def fit(self, X, y):
        y = self._store(X, y)
        self.classes_ = np.unique(y)
        self._codes = np.searchsorted(self.classes_, y)
        return self

    def predict_proba(self, X):
        dist, order = self._neighbours(X)
        w = self._weights(dist)
        n = len(order)
        votes = np.zeros((n, len(self.classes_)))
        rows = np.repeat(np.arange(n), order.shape[1])
        np.add.at(votes, (rows, self._codes[order].ravel()), w.ravel())
        return votes / votes.sum(axis=1)[:, None]

    def predict(self, X):
        return self.classes_[self.predict_proba(X).argmax(axis=1)]


class KNeighborsRegressor(RegressorMixin, _KNN):
    def fit(self, X, y):
        y = self._store(X, y)
        y = np.array(y, dtype=np.float64)
        if not np.all(np.isfinite(y)):
            raise ValueError("y contains NaN or infinity")
        self._y = y
        return self

    def predict(self, X):
        dist, order = self._neighbours(X)
        w = self._weights(dist)
        return np.einsum("ij,ij->i", w, self._y[order]) / w.sum(axis=1)
