"""Exercise 05, k-means and k-means++: a second alternative route.

Route: scikit-learn's own numerics. The data is centred by its mean (into new arrays), and
the assignment uses the expansion ``||x||² - 2x·c + ||c||²`` on the centred data, clamped
at 0; inertia and the relocation distances use direct differences. k-means++ draws with
``rng.choice(n, p=...)`` (the first center too, with uniform ``p``) and keeps the chosen
rows in a boolean mask. The update step sums each feature with ``np.bincount(weights=...)``;
empty clusters take the farthest samples one at a time with ``argmax`` and masking. Lloyd
is a ``for ... else`` loop. Validation comes from the shared helper module.
"""
import numbers

import numpy as np

from ._validation import check_array, check_is_fitted, check_n_features, check_scalar


def _sq_dists_expanded(A, B):
    """Squared distances by expansion; only sensible on centred data."""
    aa = np.einsum("ij,ij->i", A, A)[:, None]
    bb = np.einsum("ij,ij->i", B, B)[None, :]
    return np.maximum(aa - 2.0 * (A @ B.T) + bb, 0.0)


def _k_in_range(n_clusters, n):
    check_scalar(n_clusters, "n_clusters", kind=numbers.Integral, low=1, high=n)


def kmeans_plus_plus(X, n_clusters, random_state=None):
    X = check_array(X)
    n = len(X)
    _k_in_range(n_clusters, n)
    rng = np.random.default_rng(random_state)
    first = rng.choice(n, p=np.full(n, 1.0 / n))
    order = [int(first)]
    nearest = ((X - X[first]) ** 2).sum(axis=1)
    for _ in range(n_clusters - 1):
        weight = nearest.sum()
        p = nearest / weight if weight > 0 else np.full(n, 1.0 / n)
        nxt = int(rng.choice(n, p=p))
        order.append(nxt)
        nearest = np.minimum(nearest, ((X - X[nxt]) ** 2).sum(axis=1))
    return np.array(X[order], dtype=np.float64)


def _relocate(X, centers_old, labels, new_centers, empty):
    gap = ((X - centers_old[labels]) ** 2).sum(axis=1)
    taken = np.zeros(len(X), dtype=bool)
    for cluster in empty:  # a loop over the empty clusters only
        candidate = np.where(taken, -np.inf, gap)
        pick = int(np.argmax(candidate))  # first maximum: the lowest index on ties
        taken[pick] = True
        new_centers[cluster] = X[pick]


def _mean_update(X, labels, centers_old):
    k, d = centers_old.shape
    counts = np.bincount(labels, minlength=k).astype(np.float64)
    totals = np.stack([np.bincount(labels, weights=X[:, f], minlength=k) for f in range(d)], axis=1)
    new_centers = np.zeros((k, d))
    has = counts > 0
    new_centers[has] = totals[has] / counts[has, None]
    empty = np.nonzero(counts == 0)[0]
    if empty.size > 0:
        _relocate(X, centers_old, labels, new_centers, empty)
    return new_centers


class KMeans:
    _estimator_type = "clusterer"

    def __init__(self, n_clusters=8, init="k-means++", max_iter=300, tol=1e-4, random_state=None):
        self.n_clusters = n_clusters
        self.init = init
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state

    def fit(self, X, y=None):
        check_scalar(self.max_iter, "max_iter", kind=numbers.Integral, low=1)
        check_scalar(self.tol, "tol", low=0.0)
        X = check_array(X)
        _k_in_range(self.n_clusters, len(X))
        if isinstance(self.init, str) and self.init == "k-means++":
            start = kmeans_plus_plus(X, self.n_clusters, self.random_state)
        elif isinstance(self.init, str):
            raise ValueError(f"init={self.init!r} is not supported")
        else:
            start = check_array(self.init, name="init")
            if start.shape != (self.n_clusters, X.shape[1]):
                raise ValueError("init must have shape (n_clusters, n_features)")
        shift_point = X.mean(axis=0)
        Xc = X - shift_point
        centers = start - shift_point
        for it in range(self.max_iter):
            labels = _sq_dists_expanded(Xc, centers).argmin(axis=1)
            updated = _mean_update(Xc, labels, centers)
            movement = ((updated - centers) ** 2).sum()
            centers = updated
            if movement <= self.tol:
                break
        else:
            it = self.max_iter - 1
        labels = _sq_dists_expanded(Xc, centers).argmin(axis=1)
        residual = Xc - centers[labels]
        self.inertia_ = float((residual ** 2).sum())
        self.labels_ = labels
        self.cluster_centers_ = centers + shift_point
        self.n_iter_ = it + 1
        self.n_features_in_ = X.shape[1]
        self._shift = shift_point
        return self

    def predict(self, X):
        check_is_fitted(self, "cluster_centers_")
        X = check_array(X)
        check_n_features(self, X)
        return _sq_dists_expanded(X - self._shift, self.cluster_centers_ - self._shift).argmin(axis=1)

    def fit_predict(self, X, y=None):
        return self.fit(X).labels_
