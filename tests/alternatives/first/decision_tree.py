"""Decision trees, the direct route: masks, a loop over candidate thresholds, nested dicts.

- ``entropy`` as ``log2(n) - Σ c·log2(c) / n`` over the label counts ``c``; ``gini`` as
  ``Σ p·(1 - p)``.
- ``best_split`` scans every feature and every midpoint of its distinct values in order and
  calls ``information_gain`` on the boolean mask of each; a later candidate replaces the
  best only when it is better beyond round-off, so ties keep the first (lowest feature, then
  lowest threshold).
- The tree is a nested dict grown recursively; prediction routes boolean row masks down the
  tree, one comparison per node.
"""
import numbers

import numpy as np

from ._base import ClassifierMixin
from ._validation import check_array, check_is_fitted, check_n_features, check_scalar, check_X_y


def _labels(y):
    y = np.asarray(y)
    if y.ndim == 2 and y.shape[1] == 1:
        y = y.ravel()
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {y.shape}")
    return y


def _criterion(criterion):
    if criterion == "gini":
        return gini
    if criterion == "entropy":
        return entropy
    raise ValueError(f"unknown criterion {criterion!r}: use 'gini' or 'entropy'")


def entropy(y):
    y = _labels(y)
    n = len(y)
    if n == 0:
        return 0.0
    counts = np.unique(y, return_counts=True)[1].astype(np.float64)
    return max(0.0, float(np.log2(n) - np.sum(counts * np.log2(counts)) / n))


def gini(y):
    y = _labels(y)
    if len(y) == 0:
        return 0.0
    p = np.unique(y, return_counts=True)[1] / len(y)
    return float(np.sum(p * (1.0 - p)))


def information_gain(y, left_mask, criterion="gini"):
    y = _labels(y)
    impurity = _criterion(criterion)
    mask = np.asarray(left_mask)
    if mask.shape != y.shape or mask.dtype != bool:
        raise ValueError("left_mask must be a boolean array shaped like y")
    n = len(y)
    n_left = int(mask.sum())
    return float(impurity(y) - (n_left * impurity(y[mask]) + (n - n_left) * impurity(y[~mask])) / n)


def best_split(X, y, criterion="gini"):
    X, y = check_X_y(X, y, numeric_y=False)
    _criterion(criterion)
    best = (None, None, 0.0)
    for feature in range(X.shape[1]):
        column = X[:, feature]
        values = np.unique(column)
        for low, high in zip(values[:-1], values[1:]):
            threshold = low / 2 + high / 2
            if threshold >= high:
                threshold = low
            gain = information_gain(y, column <= threshold, criterion)
            if gain > best[2] + 1e-12 * abs(best[2]) and gain > 1e-12:
                best = (int(feature), float(threshold), float(gain))
    return best


class DecisionTreeClassifier(ClassifierMixin):
    def __init__(self, criterion="gini", max_depth=None, min_samples_split=2):
        self.criterion = criterion
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split

    def fit(self, X, y):
        _criterion(self.criterion)
        if self.max_depth is not None:
            check_scalar(self.max_depth, "max_depth", kind=numbers.Integral, low=1)
        check_scalar(self.min_samples_split, "min_samples_split", kind=numbers.Integral, low=2)
        X, y = check_X_y(X, y, numeric_y=False)
        self.classes_ = np.unique(y)
        self.n_features_in_ = X.shape[1]
        self.root_ = self._node(X, y, 0)
        return self

    def _node(self, X, y, depth):
        counts = np.array([np.sum(y == c) for c in self.classes_], dtype=np.float64)
        node = {"counts": counts, "depth": depth}
        if (self.max_depth is not None and depth >= self.max_depth) or len(y) < self.min_samples_split:
            return node
        feature, threshold, _ = best_split(X, y, self.criterion)
        if feature is None:
            return node
        left = X[:, feature] <= threshold
        node.update(feature=feature, threshold=threshold,
                    left=self._node(X[left], y[left], depth + 1),
                    right=self._node(X[~left], y[~left], depth + 1))
        return node

    def _leaf_counts(self, X):
        check_is_fitted(self, "root_")
        X = check_array(X)
        check_n_features(self, X)
        out = np.zeros((len(X), len(self.classes_)))

        def route(node, rows):
            if not rows.any():
                return
            if "feature" not in node:
                out[rows] = node["counts"]
                return
            left = X[:, node["feature"]] <= node["threshold"]
            route(node["left"], rows & left)
            route(node["right"], rows & ~left)

        route(self.root_, np.ones(len(X), dtype=bool))
        return out

    def predict_proba(self, X):
        counts = self._leaf_counts(X)
        return counts / counts.sum(axis=1)[:, None]

    def predict(self, X):
        counts = self._leaf_counts(X)
        return self.classes_[counts.argmax(axis=1)]

    def _walk(self):
        check_is_fitted(self, "root_")
        stack = [self.root_]
        while stack:
            node = stack.pop()
            yield node
            if "feature" in node:
                stack += [node["left"], node["right"]]

    def get_depth(self):
        return max(node["depth"] for node in self._walk())

    def get_n_leaves(self):
        return sum("feature" not in node for node in self._walk())
