"""Decision trees by counting: searchsorted class counts, a breadth-first build, level-wise predict.

- Impurities come from class counts: gini as ``1 - Σc²/n²``, entropy as
  ``log2(n) - Σ c·log2(c)/n`` with ``c·log2(c) = 0`` at ``c = 0``.
- ``best_split`` takes, for each feature, the midpoints of its distinct values
  (``np.unique``) and counts the samples of each class at or below every midpoint with
  ``np.searchsorted`` on that class's sorted values (a loop over classes, none over
  thresholds). All candidates of all features are ranked at once: the largest gain, ties
  (relative 1e-12) to the lowest feature, then the lowest threshold.
- The tree is built breadth-first from a queue into flat arrays; ``predict`` moves every
  sample one level down per step (``np.where`` on the node arrays) until all reach leaves.
- Input checks are written here, without the course's helper module.
"""
from collections import deque

import numpy as np


class NotFittedError(ValueError, AttributeError):
    pass


def _matrix(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError(f"X must be a non-empty 2-D array, got shape {X.shape}")
    if not np.all(np.isfinite(X)):
        raise ValueError("X contains NaN or infinity")
    return X


def _vector(y, n=None):
    y = np.asarray(y)
    if y.ndim == 2 and y.shape[1] == 1:
        y = y[:, 0]
    if y.ndim != 1 or (n is not None and len(y) != n):
        raise ValueError("y must be 1-D with one label per row of X")
    return y


def _check_criterion(criterion):
    if criterion not in ("gini", "entropy"):
        raise ValueError(f"criterion must be 'gini' or 'entropy', got {criterion!r}")


def _from_counts(counts, criterion):
    """Impurity of each row of ``counts`` (..., K); rows of zero total give 0."""
    counts = np.asarray(counts, dtype=float)
    n = counts.sum(axis=-1)
    safe_n = np.where(n > 0, n, 1.0)
    if criterion == "gini":
        return np.where(n > 0, 1.0 - np.sum(counts**2, axis=-1) / safe_n**2, 0.0)
    c_log_c = counts * np.log2(np.where(counts > 0, counts, 1.0))
    value = np.log2(safe_n) - c_log_c.sum(axis=-1) / safe_n
    return np.maximum(np.where(n > 0, value, 0.0), 0.0)


def _counts(y):
    return np.unique(y, return_counts=True)[1]


def entropy(y):
    return float(_from_counts(_counts(_vector(y)), "entropy"))


def gini(y):
    return float(_from_counts(_counts(_vector(y)), "gini"))


def information_gain(y, left_mask, criterion="gini"):
    y = _vector(y)
    _check_criterion(criterion)
    left_mask = np.asarray(left_mask)
    if left_mask.dtype != bool or left_mask.shape != y.shape:
        raise ValueError("left_mask must be boolean with y's shape")
    codes = np.unique(y, return_inverse=True)[1].ravel()
    k = codes.max() + 1 if len(codes) else 0
    total = np.bincount(codes, minlength=k)
    left = np.bincount(codes[left_mask], minlength=k)
    right = total - left
    n = len(y)
    if n == 0:
        return 0.0
    parts = np.stack([total, left, right])
    impurity = _from_counts(parts, criterion)
    return float(impurity[0] - left.sum() / n * impurity[1] - right.sum() / n * impurity[2])


def best_split(X, y, criterion="gini"):
    X = _matrix(X)
    y = _vector(y, len(X))
    _check_criterion(criterion)
    classes, codes = np.unique(y, return_inverse=True)
    codes = codes.ravel()
    n = len(y)
    total = np.bincount(codes, minlength=len(classes))
    if len(classes) < 2:
        return None, None, 0.0
    parent = _from_counts(total, criterion)
    rows = []
    for feature in range(X.shape[1]):
        values = np.unique(X[:, feature])
        if len(values) < 2:
            continue
        low, high = values[:-1], values[1:]
        thresholds = np.where(low / 2 + high / 2 < high, low / 2 + high / 2, low)
        left = np.stack([np.searchsorted(np.sort(X[codes == k, feature]), thresholds, side="right")
                         for k in range(len(classes))], axis=1)
        right = total - left
        n_left = left.sum(axis=1)
        gain = parent - (n_left * _from_counts(left, criterion)
                         + (n - n_left) * _from_counts(right, criterion)) / n
        rows.append(np.column_stack([np.full(len(gain), feature), thresholds, gain]))
    if not rows:
        return None, None, 0.0
    table = np.concatenate(rows)
    top = table[:, 2].max()
    if not top > 1e-12:
        return None, None, 0.0
    near = table[table[:, 2] >= top * (1 - 1e-12)]
    first = np.lexsort((near[:, 1], near[:, 0]))[0]
    return int(near[first, 0]), float(near[first, 1]), float(near[first, 2])


class DecisionTreeClassifier:
    _estimator_type = "classifier"

    def __init__(self, criterion="gini", max_depth=None, min_samples_split=2):
        self.criterion = criterion
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split

    def _check_params(self):
        _check_criterion(self.criterion)
        md = self.max_depth
        if md is not None and (isinstance(md, bool) or not isinstance(md, (int, np.integer)) or md < 1):
            raise ValueError(f"max_depth must be None or an int >= 1, got {md!r}")
        mss = self.min_samples_split
        if isinstance(mss, bool) or not isinstance(mss, (int, np.integer)) or mss < 2:
            raise ValueError(f"min_samples_split must be an int >= 2, got {mss!r}")

    def fit(self, X, y):
        self._check_params()
        X = _matrix(X)
        y = _vector(y, len(X))
        self.classes_, codes = np.unique(y, return_inverse=True)
        codes = codes.ravel()
        K = len(self.classes_)
        feature, threshold, left, right, counts, depth = [], [], [], [], [], []
        queue = deque([(np.arange(len(X)), 0, None, None)])
        while queue:
            rows, level, parent, side = queue.popleft()
            node = len(feature)
            if parent is not None:
                (left if side == "left" else right)[parent] = node
            feature.append(-1)
            threshold.append(np.nan)
            left.append(-1)
            right.append(-1)
            counts.append(np.bincount(codes[rows], minlength=K))
            depth.append(level)
            if (self.max_depth is not None and level >= self.max_depth) or len(rows) < self.min_samples_split:
                continue
            f, t, _ = best_split(X[rows], codes[rows], self.criterion)
            if f is None:
                continue
            feature[node], threshold[node] = f, t
            goes_left = X[rows, f] <= t
            queue.append((rows[goes_left], level + 1, node, "left"))
            queue.append((rows[~goes_left], level + 1, node, "right"))
        self.nodes_ = {"feature": np.array(feature), "threshold": np.array(threshold),
                       "left": np.array(left), "right": np.array(right),
                       "counts": np.array(counts, dtype=float), "depth": np.array(depth)}
        self.n_features_in_ = X.shape[1]
        return self

    def _leaves(self, X):
        if not hasattr(self, "nodes_"):
            raise NotFittedError("call fit before predict")
        X = _matrix(X)
        if X.shape[1] != self.n_features_in_:
            raise ValueError(f"X has {X.shape[1]} features, expected {self.n_features_in_}")
        t = self.nodes_
        node = np.zeros(len(X), dtype=int)
        rows = np.arange(len(X))
        for _ in range(int(t["depth"].max())):
            f = t["feature"][node]
            inner = f >= 0
            goes_left = X[rows, np.where(inner, f, 0)] <= np.where(inner, t["threshold"][node], 0.0)
            node = np.where(inner, np.where(goes_left, t["left"][node], t["right"][node]), node)
        return node

    def predict_proba(self, X):
        leaves = self._leaves(X)
        counts = self.nodes_["counts"][leaves]
        return counts / counts.sum(axis=1, keepdims=True)

    def predict(self, X):
        leaves = self._leaves(X)
        return self.classes_[np.argmax(self.nodes_["counts"][leaves], axis=1)]

    def score(self, X, y):
        return float(np.mean(self.predict(X) == _vector(y)))

    def get_depth(self):
        if not hasattr(self, "nodes_"):
            raise NotFittedError("call fit first")
        return int(self.nodes_["depth"].max())

    def get_n_leaves(self):
        if not hasattr(self, "nodes_"):
            raise NotFittedError("call fit first")
        return int(np.count_nonzero(self.nodes_["feature"] < 0))
