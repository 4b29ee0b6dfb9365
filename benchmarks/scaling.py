"""How the time grows with the number of samples ``n``: k-NN predict, k-means fit, tree fit.

Each algorithm runs at three sizes, ours beside scikit-learn's (same work as in ``ratios``),
and the exponent ``e`` of ``time ~ n^e`` is the slope of the least-squares line through
``(log n, log time)``. What to expect:

- k-NN predict, ``n`` training samples and a fixed number of queries: 1 for a linear scan
  of the training set; a full sort of every query's ``n`` distances costs ``n log n``
  (slightly above 1);
- k-means fit with a fixed number of Lloyd iterations: 1;
- tree fit grown until pure: about ``n log n`` per level, so a little above 1.
"""
from dataclasses import dataclass

import numpy as np

from .data import blobs, reference
from .timing import compare

SCALING_REPEATS = 3


@dataclass
class Scaling:
    name: str
    detail: str
    sizes: tuple
    ours_s: list
    sklearn_s: list

    @staticmethod
    def exponent(sizes, seconds):
        return float(np.polyfit(np.log(sizes), np.log(seconds), 1)[0])

    @property
    def ours_exponent(self):
        return self.exponent(self.sizes, self.ours_s)

    @property
    def sklearn_exponent(self):
        return self.exponent(self.sizes, self.sklearn_s)


def _knn(n_train, queries=500, d=16):
    from sklearn.neighbors import KNeighborsClassifier

    ours = reference("knn")
    X, y = blobs(n_train + queries, d, 5, seed=20, spread=3.0)
    mine = ours.KNeighborsClassifier(5).fit(X[:n_train], y[:n_train])
    theirs = KNeighborsClassifier(5, algorithm="brute").fit(X[:n_train], y[:n_train])
    return lambda: mine.predict(X[n_train:]), lambda: theirs.predict(X[n_train:])


def _kmeans(n, d=16, k=8, max_iter=10):
    from sklearn.cluster import KMeans

    ours = reference("kmeans")
    X = np.random.default_rng(21).standard_normal((n, d))  # one Gaussian: slow convergence
    init = X[:k].copy()
    return (lambda: ours.KMeans(k, init=init, max_iter=max_iter, tol=0.0).fit(X),
            lambda: KMeans(k, init=init, n_init=1, max_iter=max_iter, tol=0.0,
                           algorithm="lloyd").fit(X))


def _tree(n, d=8):
    from sklearn.tree import DecisionTreeClassifier

    ours = reference("decision_tree")
    X, y = blobs(n, d, 3, seed=22, spread=2.0)
    return (lambda: ours.DecisionTreeClassifier().fit(X, y),
            lambda: DecisionTreeClassifier(random_state=0).fit(X, y))


PLAN = (
    ("KNeighborsClassifier.predict", "n training samples, 500 queries, d=16, k=5", _knn,
     (2_500, 5_000, 10_000)),
    ("KMeans.fit", "n samples, d=16, k=8, 10 Lloyd iterations", _kmeans,
     (10_000, 20_000, 40_000)),
    ("DecisionTreeClassifier.fit", "n samples, d=8, 3 classes, grown until pure", _tree,
     (1_250, 2_500, 5_000)),
)


def measure(repeats=SCALING_REPEATS):
    """Yield one ``Scaling`` per algorithm, each timed at its three sizes."""
    for name, detail, build, sizes in PLAN:
        ours_s, sklearn_s = [], []
        for n in sizes:
            timing = compare(*build(n), repeats=repeats, min_time=0.02)
            ours_s.append(timing.ours_s)
            sklearn_s.append(timing.theirs_s)
        yield Scaling(name, detail, sizes, ours_s, sklearn_s)
