"""Preprocessing, alternative route 1: sums and einsum, scikit-learn's affine MinMax form,
a comparison-matrix one-hot, and polynomial blocks grown degree by degree.

- ``StandardScaler``: the mean as ``X.sum(axis=0) / n``; the variance as
  ``einsum("ij,ij->j", D, D) / n`` on the deviations ``D = X - mean``; constant features found
  with ``np.ptp(X, axis=0) == 0``; the scale by masked assignment on a fresh array.
- ``MinMaxScaler``: scikit-learn's form ``X·scale_ + min_`` with ``min_ = lo - data_min_·scale_``.
- ``one_hot``: the boolean matrix ``labels[:, None] == np.arange(K)`` cast to float.
- ``polynomial_features``: scikit-learn's own recursion: the degree-``k`` block is, for each
  feature ``j``, ``X[:, j]`` times the part of the degree-``k-1`` block whose monomials use
  only features ``>= j``; no ``itertools``.
- Validation written out here, without the shared helper module.
"""
import numbers

import numpy as np


class NotFittedError(ValueError, AttributeError):
    """``transform`` or ``inverse_transform`` before ``fit``."""


def _matrix(X, name="X"):
    X = np.array(X, dtype=np.float64)  # always a private copy
    if X.ndim != 2:
        raise ValueError(f"{name} must be a 2-D array, got {X.ndim} dimension(s)")
    if X.size == 0:
        raise ValueError(f"{name} is empty")
    if not np.isfinite(X).all():
        raise ValueError(f"{name} contains NaN or infinite values")
    return X


def _fitted(model, X, name="X"):
    if not hasattr(model, "n_features_in_"):
        raise NotFittedError(f"{type(model).__name__} is not fitted: call fit first")
    X = _matrix(X, name)
    if X.shape[1] != model.n_features_in_:
        raise ValueError(f"{name} has {X.shape[1]} columns; the scaler was fitted on {model.n_features_in_}")
    return X


def _flag(value, name):
    if type(value) not in (bool, np.bool_):
        raise ValueError(f"{name} must be a boolean, got {value!r}")


class StandardScaler:
    def __init__(self, with_mean=True, with_std=True):
        self.with_mean = with_mean
        self.with_std = with_std

    def fit(self, X, y=None):
        _flag(self.with_mean, "with_mean")
        _flag(self.with_std, "with_std")
        X = _matrix(X)
        n = X.shape[0]
        mean = X.sum(axis=0) / n
        deviations = X - mean
        var = np.einsum("ij,ij->j", deviations, deviations) / n
        var[np.ptp(X, axis=0) == 0] = 0.0
        scale = np.ones_like(var)
        positive = var > 0
        scale[positive] = np.sqrt(var[positive])
        self.mean_, self.var_, self.scale_ = mean, var, scale
        self.n_features_in_ = X.shape[1]
        return self

    def transform(self, X):
        X = _fitted(self, X)
        if self.with_mean:
            X = X - self.mean_
        if self.with_std:
            X = X / self.scale_
        return X

    def inverse_transform(self, Z):
        Z = _fitted(self, Z, "Z")
        if self.with_std:
            Z = Z * self.scale_
        if self.with_mean:
            Z = Z + self.mean_
        return Z

    def fit_transform(self, X, y=None):
        self.fit(X)
        return self.transform(X)


def _range(feature_range):
    if not isinstance(feature_range, (tuple, list)) or len(feature_range) != 2:
        raise ValueError(f"feature_range must be (min, max), got {feature_range!r}")
    lo, hi = feature_range
    if not all(isinstance(v, numbers.Real) and not isinstance(v, bool) and np.isfinite(v) for v in (lo, hi)):
        raise ValueError(f"feature_range must be two finite numbers, got {feature_range!r}")
    if lo >= hi:
        raise ValueError(f"feature_range needs min < max, got {feature_range!r}")
    return float(lo), float(hi)


class MinMaxScaler:
    def __init__(self, feature_range=(0, 1)):
        self.feature_range = feature_range

    def fit(self, X, y=None):
        lo, hi = _range(self.feature_range)
        X = _matrix(X)
        self.data_min_ = X.min(axis=0)
        self.data_max_ = X.max(axis=0)
        self.data_range_ = self.data_max_ - self.data_min_
        span = self.data_range_.copy()
        span[span == 0] = 1.0
        self.scale_ = (hi - lo) / span
        self.min_ = lo - self.data_min_ * self.scale_
        self.n_features_in_ = X.shape[1]
        return self

    def transform(self, X):
        X = _fitted(self, X)
        return X * self.scale_ + self.min_

    def inverse_transform(self, Z):
        Z = _fitted(self, Z, "Z")
        return (Z - self.min_) / self.scale_

    def fit_transform(self, X, y=None):
        return self.fit(X).transform(X)


def one_hot(y, n_classes=None):
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0:
        raise ValueError(f"y must be a non-empty 1-D array, got shape {y.shape}")
    if y.dtype.kind not in "iuf" or (y.dtype.kind == "f" and not np.isfinite(y).all()):
        raise ValueError("y must hold class indices")
    labels = y.astype(np.int64)
    if np.any(labels != y):
        raise ValueError("y must hold whole-numbered class indices")
    if labels.min() < 0:
        raise ValueError("class indices cannot be negative")
    if n_classes is None:
        n_classes = int(labels.max()) + 1
    elif isinstance(n_classes, bool) or not isinstance(n_classes, numbers.Integral) or n_classes < 1:
        raise ValueError(f"n_classes must be a positive int, got {n_classes!r}")
    elif labels.max() >= n_classes:
        raise ValueError(f"label {labels.max()} is out of range for n_classes={n_classes}")
    return (labels[:, np.newaxis] == np.arange(n_classes)).astype(np.float64)


def polynomial_features(X, degree=2, include_bias=True):
    X = _matrix(X)
    if isinstance(degree, bool) or not isinstance(degree, numbers.Integral) or degree < 0:
        raise ValueError(f"degree must be an int >= 0, got {degree!r}")
    _flag(include_bias, "include_bias")
    if degree == 0 and not include_bias:
        raise ValueError("no output features: degree=0 and include_bias=False")
    n, d = X.shape
    blocks = [np.ones((n, 1))] if include_bias else []
    if degree >= 1:
        block = X
        # starts[j]: first column of `block` whose monomial uses only features >= j
        starts = list(range(d)) + [d]
        blocks.append(block)
        for _ in range(2, degree + 1):
            pieces, new_starts, position = [], [], 0
            for j in range(d):
                new_starts.append(position)
                piece = X[:, j:j + 1] * block[:, starts[j]:starts[d]]
                pieces.append(piece)
                position += piece.shape[1]
            new_starts.append(position)
            block, starts = np.hstack(pieces), new_starts
            blocks.append(block)
    return np.hstack(blocks)
