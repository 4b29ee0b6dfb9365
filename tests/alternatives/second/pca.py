"""PCA, alternative route 2: ``np.cov`` and a loop over the components.

- ``solver="eigh"``: the covariance by ``np.cov(X, rowvar=False)`` (ddof 1, centring done
  by numpy), eigenvalues sorted with ``argsort(...)[::-1]``.
- ``solver="svd"``: full SVD (``full_matrices=True``) of the centred data, then the first
  ``min(n, d)`` rows of ``Vᵀ``.
- The sign rule by a Python loop over the k components (not over the samples).
- The total variance is the trace of the covariance matrix.
- ``transform`` as ``X @ Cᵀ - mean @ Cᵀ`` (projection distributes over the centring);
  ``inverse_transform`` as ``np.dot``; the shared helpers do the input validation.
"""
import numbers

import numpy as np

from ._validation import check_array, check_is_fitted, check_n_features


class PCA:
    def __init__(self, n_components=None, solver="svd"):
        self.n_components = n_components
        self.solver = solver

    def fit(self, X, y=None):
        X = check_array(X)
        n_samples, n_features = X.shape
        limit = min(n_samples, n_features)
        if self.solver == "svd":
            use_svd = True
        elif self.solver == "eigh":
            use_svd = False
        else:
            raise ValueError("solver must be 'svd' or 'eigh'")
        if n_samples <= 1:
            raise ValueError("PCA needs two or more samples")
        if self.n_components is None:
            keep = limit
        else:
            if not isinstance(self.n_components, numbers.Integral) or isinstance(self.n_components, bool):
                raise ValueError("n_components must be an int")
            if self.n_components < 1 or self.n_components > limit:
                raise ValueError(f"n_components must lie in [1, {limit}]")
            keep = int(self.n_components)

        covariance = np.atleast_2d(np.cov(X, rowvar=False))
        total = float(np.trace(covariance))
        if use_svd:
            mean = X.sum(axis=0) / n_samples
            _, s, vt = np.linalg.svd(X - mean, full_matrices=True)
            axes = vt[:limit]
            eigenvalues = s[:limit] ** 2 / (n_samples - 1)
        else:
            mean = X.mean(axis=0)
            w, v = np.linalg.eigh(covariance)
            order = np.argsort(w)[::-1][:limit]
            axes = v.T[order]
            eigenvalues = np.where(w[order] > 0, w[order], 0.0)

        components = axes[:keep].copy()
        for i in range(keep):
            j = int(np.argmax(np.abs(components[i])))
            if components[i, j] < 0:
                components[i] = -components[i]

        self.mean_ = mean
        self.components_ = components
        self.explained_variance_ = eigenvalues[:keep]
        self.explained_variance_ratio_ = eigenvalues[:keep] / total
        self.n_components_ = keep
        self.n_features_in_ = n_features
        return self

    def transform(self, X):
        check_is_fitted(self, "components_")
        X = check_array(X)
        check_n_features(self, X)
        return X @ self.components_.T - self.mean_ @ self.components_.T

    def inverse_transform(self, Z):
        check_is_fitted(self, "components_")
        Z = check_array(Z, name="Z")
        if Z.shape[1] != self.n_components_:
            raise ValueError(f"Z should have {self.n_components_} columns, got {Z.shape[1]}")
        return np.dot(Z, self.components_) + self.mean_

    def fit_transform(self, X, y=None):
        self.fit(X)
        return self.transform(X)
