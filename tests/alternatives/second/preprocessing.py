"""Preprocessing, alternative route 2: the shifted-data variance, a peak-to-peak MinMax,
identity-row one-hot and polynomial features from an exponent matrix.

- ``StandardScaler``: the shifted-data algorithm. With the first row ``K`` as the shift and
  ``D = X - K``: ``mean = K + mean(D)`` and ``var = mean(D²) - mean(D)²`` (clipped at 0).
  Shifting by a sample keeps ``D`` of the order of the spread, so nothing cancels
  catastrophically, and a constant column has ``D = 0`` exactly: its mean is exact and its
  variance exactly 0 with no special case. ``transform`` and ``inverse_transform`` multiply
  by precomputed factors (``1 / scale`` or 1).
- ``MinMaxScaler``: ``np.ptp`` for the range; ``lo + (hi - lo)·(X - data_min_) / range``.
- ``one_hot``: rows of the identity, ``np.eye(K)[labels]``.
- ``polynomial_features``: an exponent matrix ``P`` (one row per monomial, one column per
  feature, built from ``Counter``s of the index tuples) and
  ``prod(X[:, None, :] ** P, axis=2)`` over all samples and monomials at once.
- Uses the shared helper module for the input checks.
"""
import itertools
import numbers
from collections import Counter

import numpy as np

from ._validation import NotFittedError, check_array, check_n_features


def _boolean(value, name):
    if not isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{name} must be True or False, got {value!r}")


def _ready(model, X, name="X"):
    if not hasattr(model, "n_features_in_"):
        raise NotFittedError(f"fit this {type(model).__name__} before calling transform")
    X = check_array(X, name=name)
    check_n_features(model, X)
    return X


class StandardScaler:
    def __init__(self, with_mean=True, with_std=True):
        self.with_mean = with_mean
        self.with_std = with_std

    def fit(self, X, y=None):
        _boolean(self.with_mean, "with_mean")
        _boolean(self.with_std, "with_std")
        X = check_array(X)
        shift = X[0]
        D = X - shift
        d_mean = D.mean(axis=0)
        self.mean_ = shift + d_mean
        self.var_ = np.maximum((D * D).mean(axis=0) - d_mean * d_mean, 0.0)
        self.scale_ = np.sqrt(self.var_)
        self.scale_[self.var_ == 0.0] = 1.0
        self.n_features_in_ = X.shape[1]
        return self

    def _factors(self):
        shift = self.mean_ if self.with_mean else np.zeros(self.n_features_in_)
        factor = self.scale_ if self.with_std else np.ones(self.n_features_in_)
        return shift, factor

    def transform(self, X):
        X = _ready(self, X)
        shift, factor = self._factors()
        return (X - shift) * (1.0 / factor)

    def inverse_transform(self, Z):
        Z = _ready(self, Z, "Z")
        shift, factor = self._factors()
        return Z * factor + shift

    def fit_transform(self, X, y=None):
        return self.fit(X).transform(X)


class MinMaxScaler:
    def __init__(self, feature_range=(0, 1)):
        self.feature_range = feature_range

    def _bounds(self):
        try:
            lo, hi = (float(v) for v in self.feature_range)
            valid = len(self.feature_range) == 2 and np.isfinite([lo, hi]).all() and lo < hi
        except (TypeError, ValueError):
            valid = False
        if not valid:
            raise ValueError(f"feature_range must be a pair (lo, hi) with lo < hi, got {self.feature_range!r}")
        return lo, hi

    def fit(self, X, y=None):
        self._bounds()
        X = check_array(X)
        self.data_min_ = X.min(axis=0)
        self.data_max_ = X.max(axis=0)
        self.data_range_ = np.ptp(X, axis=0)
        self.n_features_in_ = X.shape[1]
        return self

    def _span(self):
        return np.where(self.data_range_ == 0.0, 1.0, self.data_range_)

    def transform(self, X):
        X = _ready(self, X)
        lo, hi = self._bounds()
        return lo + (hi - lo) * (X - self.data_min_) / self._span()

    def inverse_transform(self, Z):
        Z = _ready(self, Z, "Z")
        lo, hi = self._bounds()
        return self.data_min_ + (Z - lo) * self._span() / (hi - lo)

    def fit_transform(self, X, y=None):
        return self.fit(X).transform(X)


def one_hot(y, n_classes=None):
    y = check_array(y, name="y", ensure_2d=False)
    if y.ndim != 1:
        raise ValueError("y must be 1-D")
    if np.any(np.floor(y) != y) or np.any(y < 0):
        raise ValueError("y must hold class indices 0, 1, 2, ...")
    labels = y.astype(int)
    top = int(labels.max())
    if n_classes is None:
        n_classes = top + 1
    if isinstance(n_classes, bool) or not isinstance(n_classes, numbers.Integral) or n_classes < 1:
        raise ValueError(f"n_classes must be an int >= 1, got {n_classes!r}")
    if top >= n_classes:
        raise ValueError(f"label {top} needs more than n_classes={n_classes} classes")
    return np.eye(int(n_classes))[labels]


def polynomial_features(X, degree=2, include_bias=True):
    X = check_array(X)
    if isinstance(degree, bool) or not isinstance(degree, numbers.Integral) or degree < 0:
        raise ValueError(f"degree must be a non-negative int, got {degree!r}")
    _boolean(include_bias, "include_bias")
    d = X.shape[1]
    rows = []
    for k in range(0 if include_bias else 1, degree + 1):
        for combo in itertools.combinations_with_replacement(range(d), k):
            counts = Counter(combo)
            rows.append([counts[j] for j in range(d)])
    if not rows:
        raise ValueError("degree=0 without the bias produces no features")
    powers = np.array(rows, dtype=np.float64)  # (n_output, d)
    return np.prod(X[:, np.newaxis, :] ** powers[np.newaxis, :, :], axis=2)
