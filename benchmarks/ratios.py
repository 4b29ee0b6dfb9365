"""The reference against scikit-learn on the same work: one ``Case`` per estimator or function.

Same work means the same data, the same hyperparameters, the same number of iterations and
the same initialization where the algorithm has one: k-NN uses scikit-learn's
``algorithm="brute"``, k-means the same initial centers with ``n_init=1``,
``algorithm="lloyd"``, the same ``max_iter`` and ``tol=0`` (and the data converges slowly, so
both run all ``max_iter`` iterations: ``same`` checks ``n_iter_``), PCA
``svd_solver="full"``. Every case checks on its warm-up results that both sides computed
the same thing (``same``); a mismatch is printed in the note.

The sizes are large enough that per-call overhead (input validation, Python dispatch) is a
small part of the time. A case's ``note`` explains a gap that is inherent, or why ours is
faster (scikit-learn's input validation); its ``fix``, printed only when the target is
missed, names the reference function responsible (README.md, section Performance, gives
the recommended change).
"""
from dataclasses import dataclass
from typing import Any, Callable, Optional

import numpy as np

from .data import blobs, predictions, reference, regression, scores

# Targets: ours / scikit-learn's time (or ours / the floor, see ``gradient``).
NEAR, TREE = 1.5, 10.0


@dataclass
class Case:
    """One row of the table: two callables that do the same work, and the target ratio."""

    name: str
    sizes: str
    ours: Callable[[], Any]
    theirs: Callable[[], Any]
    target: float
    note: str = ""
    same: Optional[Callable[[Any, Any], Optional[str]]] = None  # None, or what differs
    baseline: str = "scikit-learn"
    fix: str = ""  # printed only when the target is missed: the reference function to change
    ours_units: int = 1  # one call of ``ours`` does this many units of the baseline's work


def _close(name, ours, theirs, rtol=1e-6, atol=1e-9):
    ours, theirs = np.asarray(ours, dtype=float), np.asarray(theirs, dtype=float)
    if ours.shape != theirs.shape or not np.allclose(ours, theirs, rtol=rtol, atol=atol):
        return f"{name} differs"
    return None


def least_squares():
    from sklearn.linear_model import LinearRegression, Ridge

    ours = reference("linear_regression")
    X, y = regression(30_000, 50, seed=1)
    sizes = "n=30000 d=50"
    same = lambda a, b: _close("coef_", a.coef_, b.coef_)  # noqa: E731
    yield Case("LinearRegression.fit", sizes, lambda: ours.LinearRegression().fit(X, y),
               lambda: LinearRegression().fit(X, y), NEAR, same=same)
    yield Case("Ridge.fit", sizes, lambda: ours.Ridge(alpha=1.0).fit(X, y),
               lambda: Ridge(alpha=1.0).fit(X, y), NEAR, same=same,
               fix="Ridge.fit: lstsq (an SVD) of the stacked (n+d, d) system; scikit-learn "
                   "solves the d x d normal equations")


def knn():
    from sklearn.neighbors import KNeighborsClassifier

    ours = reference("knn")
    X, y = blobs(6_000, 16, 5, seed=2, spread=3.0)
    X_train, y_train, X_query = X[:5_000], y[:5_000], X[5_000:]
    mine = ours.KNeighborsClassifier(n_neighbors=5).fit(X_train, y_train)
    theirs = KNeighborsClassifier(n_neighbors=5, algorithm="brute").fit(X_train, y_train)
    yield Case("KNeighborsClassifier.predict", "train 5000, 1000 queries, d=16, k=5",
               lambda: mine.predict(X_query), lambda: theirs.predict(X_query), NEAR,
               same=lambda a, b: None if np.array_equal(a, b) else "predictions differ",
               note="inherent: numpy makes 5 passes over the whole (queries, train) distance "
                    "matrix (product, two broadcast sums, clamp, sqrt) and k argmin passes; "
                    "scikit-learn fuses distances and top-k in cache-sized Cython chunks")


def kmeans():
    from sklearn.cluster import KMeans

    ours = reference("kmeans")
    X = np.random.default_rng(3).standard_normal((20_000, 16))  # one Gaussian: converges slowly
    init = X[np.random.default_rng(3).choice(len(X), 8, replace=False)]
    max_iter = 10

    def same(a, b):
        if a.n_iter_ != max_iter or b.n_iter_ != max_iter:
            return f"n_iter_ {a.n_iter_} vs {b.n_iter_}, not both {max_iter}"
        return _close("cluster_centers_", a.cluster_centers_, b.cluster_centers_, rtol=1e-6, atol=1e-8)

    yield Case("KMeans.fit", f"n=20000 d=16 k=8, {max_iter} Lloyd iterations",
               lambda: ours.KMeans(8, init=init, max_iter=max_iter, tol=0.0).fit(X),
               lambda: KMeans(8, init=init, n_init=1, max_iter=max_iter, tol=0.0,
                              algorithm="lloyd").fit(X),
               NEAR, same=same,
               note="inherent: a Lloyd step is about eight numpy passes over (n, d) and (n, k) "
                    "arrays (centre, square, sum, product, combine, clamp, argmin, membership); "
                    "scikit-learn's is one fused, cache-blocked Cython loop")


def pca():
    from sklearn.decomposition import PCA

    ours = reference("pca")
    X = np.random.default_rng(4).standard_normal((10_000, 100)) @ np.diag(np.linspace(1, 10, 100))
    yield Case("PCA.fit", "n=10000 d=100, all components",
               lambda: ours.PCA().fit(X), lambda: PCA(svd_solver="full").fit(X), NEAR,
               same=lambda a, b: _close("components_", np.abs(a.components_),
                                        np.abs(b.components_), rtol=1e-6, atol=1e-8))


def tree():
    from sklearn.tree import DecisionTreeClassifier

    ours = reference("decision_tree")
    X, y = blobs(4_000, 8, 3, seed=5, spread=2.0)

    def same(a, b):
        # Equally good splits are common in small nodes; scikit-learn breaks those ties in a
        # random feature order, ours by the lowest feature, so the trees may differ a little.
        leaves = a.get_n_leaves(), b.get_n_leaves()
        if abs(leaves[0] - leaves[1]) > 0.05 * leaves[1] or abs(a.get_depth() - b.get_depth()) > 2:
            return (f"depth/leaves {a.get_depth()}/{leaves[0]} vs "
                    f"{b.get_depth()}/{leaves[1]}")
        return None

    yield Case("DecisionTreeClassifier.fit", "n=4000 d=8, 3 classes, grown until pure",
               lambda: ours.DecisionTreeClassifier().fit(X, y),
               lambda: DecisionTreeClassifier(random_state=0).fit(X, y), TREE, same=same,
               note="inherent: scikit-learn grows the tree in Cython, ours calls best_split "
                    "node by node from Python (ties between equal splits make leaf counts differ by a few)")


def splitters():
    from sklearn.model_selection import StratifiedKFold, train_test_split

    ours = reference("model_selection")
    X, y = blobs(100_000, 10, 5, seed=6)

    def folds(cv):
        return [test for _, test in cv.split(X, y)]

    yield Case("StratifiedKFold.split", "n=100000, 5 classes, 5 folds, consumed",
               lambda: folds(ours.StratifiedKFold(5)), lambda: folds(StratifiedKFold(5)), NEAR,
               same=lambda a, b: None if all(map(np.array_equal, a, b)) else "folds differ")

    def sizes_match(a, b):
        return None if [len(part) for part in a] == [len(part) for part in b] else "sizes differ"

    yield Case("train_test_split", "n=100000 d=10",
               lambda: ours.train_test_split(X, y, test_size=0.25, random_state=0),
               lambda: train_test_split(X, y, test_size=0.25, random_state=0), NEAR,
               same=sizes_match)
    yield Case("train_test_split(stratify=y)", "n=100000 d=10, 5 classes",
               lambda: ours.train_test_split(X, y, test_size=0.25, random_state=0, stratify=y),
               lambda: train_test_split(X, y, test_size=0.25, random_state=0, stratify=y),
               NEAR, same=sizes_match)


def metrics():
    from sklearn import metrics as sk

    ours = reference("metrics")
    n = 200_000
    y_true, y_pred = predictions(n, 5, seed=7)
    y_binary, y_score = scores(n, seed=8)
    rng = np.random.default_rng(9)
    t_true = rng.standard_normal(n)
    t_pred = t_true + 0.5 * rng.standard_normal(n)
    same = lambda a, b: _close("value", a, b, rtol=1e-9)  # noqa: E731
    size = f"n={n}"
    for name, mine, theirs, args, kwargs in [
        ("accuracy_score", ours.accuracy_score, sk.accuracy_score, (y_true, y_pred), {}),
        ("f1_score(average='macro')", ours.f1_score, sk.f1_score, (y_true, y_pred),
         {"average": "macro"}),
        ("confusion_matrix", ours.confusion_matrix, sk.confusion_matrix, (y_true, y_pred), {}),
        ("roc_auc_score", ours.roc_auc_score, sk.roc_auc_score, (y_binary, y_score), {}),
        ("r2_score", ours.r2_score, sk.r2_score, (t_true, t_pred), {}),
    ]:
        yield Case(name, size + (", 5 classes" if args[0] is y_true else ""),
                   lambda f=mine, a=args, k=kwargs: f(*a, **k),
                   lambda f=theirs, a=args, k=kwargs: f(*a, **k), NEAR, same=same,
                   note="scikit-learn checks the targets' type and labels on every call")


def scalers():
    from sklearn.preprocessing import PolynomialFeatures, StandardScaler

    ours = reference("preprocessing")
    X = np.random.default_rng(10).standard_normal((100_000, 20)) * 3.0 + 1.0
    yield Case("StandardScaler.fit_transform", "n=100000 d=20",
               lambda: ours.StandardScaler().fit_transform(X),
               lambda: StandardScaler().fit_transform(X), NEAR,
               same=lambda a, b: _close("output", a, b))
    X_small = X[:20_000, :10]
    yield Case("polynomial_features(degree=3)", "n=20000 d=10 -> 286 columns",
               lambda: ours.polynomial_features(X_small, degree=3),
               lambda: PolynomialFeatures(degree=3).fit_transform(X_small), NEAR,
               same=lambda a, b: _close("output", a, b),
               fix="polynomial_features: every column multiplies its features again; one "
                   "earlier column times one feature is enough")


GROUPS = (least_squares, knn, kmeans, pca, tree, splitters, metrics, scalers)


def cases():
    """Every case, group by group (each group builds its data when it is reached)."""
    for group in GROUPS:
        yield from group()
