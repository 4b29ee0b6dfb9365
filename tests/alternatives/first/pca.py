"""PCA, alternative route 1: SVD of the transposed data and eigh of the scatter matrix.

- ``solver="svd"``: the thin SVD of ``Xcᵀ`` (shape ``(d, n)``); its LEFT singular vectors
  (the columns of ``U``) are the principal axes, and the variances are ``S² / (n - 1)``.
- ``solver="eigh"``: ``eigh`` of the scatter matrix ``Xcᵀ Xc`` (not divided by ``n - 1``),
  sorted with a stable argsort on the negated eigenvalues; the eigenvalues are divided by
  ``n - 1`` afterwards.
- Signs by ``np.take_along_axis`` and ``np.where``; the total variance is the sum of the
  features' variances (``X.var(axis=0, ddof=1).sum()``); projections with ``np.einsum``.
- Validation written out here, without the shared helper module.
"""
import numbers

import numpy as np


class NotFittedError(ValueError, AttributeError):
    """``transform`` or ``inverse_transform`` before ``fit``."""


def _as_matrix(X, name):
    X = np.array(X, dtype=np.float64)  # a copy: the caller's array is never touched
    if X.ndim != 2:
        raise ValueError(f"{name} must be 2-D, got {X.ndim} dimension(s)")
    if X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError(f"{name} is empty")
    if not np.all(np.isfinite(X)):
        raise ValueError(f"{name} has NaN or infinite entries")
    return X


class PCA:
    def __init__(self, n_components=None, solver="svd"):
        self.n_components = n_components
        self.solver = solver

    def fit(self, X, y=None):
        X = _as_matrix(X, "X")
        n, d = X.shape
        if self.solver not in ("svd", "eigh"):
            raise ValueError(f"unknown solver {self.solver!r}")
        if n < 2:
            raise ValueError("at least two samples are needed")
        r = min(n, d)
        k = self.n_components
        if k is None:
            k = r
        elif isinstance(k, bool) or not isinstance(k, numbers.Integral) or not 1 <= k <= r:
            raise ValueError(f"n_components must be an integer between 1 and {r}, got {k!r}")
        k = int(k)

        mean = np.mean(X, axis=0)
        centred = X - mean[np.newaxis, :]
        if self.solver == "svd":
            U, S, _ = np.linalg.svd(centred.T, full_matrices=False)
            axes = U.T                      # (r, d)
            variances = S * S / (n - 1)
        else:
            scatter = np.einsum("ni,nj->ij", centred, centred)
            values, vectors = np.linalg.eigh(scatter)
            order = np.argsort(-values, kind="stable")[:r]
            axes = vectors[:, order].T
            variances = np.clip(values[order], 0.0, None) / (n - 1)

        where = np.argmax(np.abs(axes), axis=1)[:, np.newaxis]
        pivots = np.take_along_axis(axes, where, axis=1)
        axes = np.where(pivots < 0, -axes, axes)

        self.mean_ = mean
        self.components_ = np.ascontiguousarray(axes[:k])
        self.explained_variance_ = variances[:k].copy()
        self.explained_variance_ratio_ = self.explained_variance_ / X.var(axis=0, ddof=1).sum()
        self.n_components_ = k
        self.n_features_in_ = d
        return self

    def _check_fitted(self):
        if not hasattr(self, "components_"):
            raise NotFittedError("fit the PCA first")

    def transform(self, X):
        self._check_fitted()
        X = _as_matrix(X, "X")
        if X.shape[1] != self.n_features_in_:
            raise ValueError(f"expected {self.n_features_in_} features, got {X.shape[1]}")
        return np.einsum("nj,kj->nk", X - self.mean_, self.components_)

    def inverse_transform(self, Z):
        self._check_fitted()
        Z = _as_matrix(Z, "Z")
        if Z.shape[1] != self.n_components_:
            raise ValueError(f"expected {self.n_components_} columns, got {Z.shape[1]}")
        return np.einsum("nk,kj->nj", Z, self.components_) + self.mean_

    def fit_transform(self, X, y=None):
        return self.fit(X, y).transform(X)
