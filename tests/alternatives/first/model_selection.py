"""Exercise 10, an alternative correct solution: loops and exact fractions.

Route: ``train_test_split`` draws the test rows with ``rng.choice(..., replace=False)`` and
takes the rest with ``np.setdiff1d``; stratified counts come from exact ``Fraction`` shares
(Hamilton's largest-remainder method), then a ``choice`` inside each class. ``KFold`` walks
over the folds with a running offset and slices an index array. ``StratifiedKFold`` numbers
the classes with a dict in order of first appearance, lines the samples up class after
class and gives position ``p`` the fold ``p % k`` (a continuing round robin), which yields
the same per-class counts as sorting and dealing but a different choice of samples.
"""
import copy
import math
import numbers
import warnings
from fractions import Fraction

import numpy as np


def _rows(X):
    X = np.asarray(X)
    if X.ndim < 1 or len(X) == 0:
        raise ValueError("X must hold at least one sample")
    return X


def _vector(y, n, name="y"):
    y = np.asarray(y)
    if y.ndim == 2 and y.shape[1] == 1:
        y = y.ravel()
    if y.ndim != 1 or len(y) != n:
        raise ValueError(f"{name} must be 1-D with {n} entries, got shape {y.shape}")
    return y


def _seed(random_state):
    if random_state is not None and (isinstance(random_state, bool)
                                     or not isinstance(random_state, numbers.Integral)):
        raise ValueError("random_state must be None or an int")
    return random_state


def train_test_split(X, y, test_size=0.25, random_state=None, stratify=None):
    """Random train/test split; ``n_test = ceil(test_size·n)`` for a float, a count for an int."""
    X = _rows(X)
    n = len(X)
    y = _vector(y, n)
    rng = np.random.default_rng(_seed(random_state))
    if isinstance(test_size, bool) or not isinstance(test_size, numbers.Real):
        raise ValueError("test_size must be a number")
    if isinstance(test_size, numbers.Integral):
        if test_size < 1 or test_size >= n:
            raise ValueError(f"test_size={test_size} must be between 1 and {n - 1}")
        n_test = int(test_size)
    else:
        if not 0 < test_size < 1:
            raise ValueError("a float test_size must lie strictly between 0 and 1")
        n_test = int(np.ceil(test_size * n))
    n_train = n - n_test
    if n_train < 1:
        raise ValueError("the training set would be empty")

    if stratify is None:
        test = rng.choice(n, size=n_test, replace=False)
    else:
        labels = _vector(stratify, n, "stratify")
        classes = sorted(set(labels.tolist()))
        members = {c: np.flatnonzero(labels == c) for c in classes}
        if min(len(m) for m in members.values()) < 2:
            raise ValueError("The least populated class in y has only 1 member, which is too few")
        if n_test < len(classes):
            raise ValueError(f"The test_size = {n_test} should be greater or equal to the number "
                             f"of classes = {len(classes)}")
        if n_train < len(classes):
            raise ValueError(f"The train_size = {n_train} should be greater or equal to the number "
                             f"of classes = {len(classes)}")
        shares = {c: Fraction(n_test * len(members[c]), n) for c in classes}
        take = {c: math.floor(shares[c]) for c in classes}
        left = n_test - sum(take.values())
        by_remainder = sorted(classes, key=lambda c: shares[c] - take[c], reverse=True)
        for c in by_remainder[:left]:
            take[c] += 1
        chosen = [rng.choice(members[c], size=take[c], replace=False) for c in classes]
        test = rng.permutation(np.concatenate(chosen))
    train = rng.permutation(np.setdiff1d(np.arange(n), test))
    return X[train], X[test], y[train], y[test]


class KFold:
    """Consecutive folds, the first ``n % k`` one sample larger; optionally shuffled first."""

    def __init__(self, n_splits=5, *, shuffle=False, random_state=None):
        self.n_splits = n_splits
        self.shuffle = shuffle
        self.random_state = random_state

    def get_n_splits(self, X=None, y=None):
        return self.n_splits

    def _check(self, n):
        k = self.n_splits
        if isinstance(k, bool) or not isinstance(k, numbers.Integral) or k < 2:
            raise ValueError(f"n_splits must be an int >= 2, got {k!r}")
        if k > n:
            raise ValueError(f"n_splits={k} is greater than the number of samples {n}")
        if not self.shuffle and self.random_state is not None:
            raise ValueError("random_state has no effect unless shuffle=True")
        _seed(self.random_state)

    def split(self, X, y=None):
        n = len(_rows(X))
        self._check(n)
        indices = np.arange(n)
        if self.shuffle:
            indices = np.random.default_rng(self.random_state).permutation(n)
        start = 0
        for fold in range(self.n_splits):
            stop = start + n // self.n_splits + (1 if fold < n % self.n_splits else 0)
            yield np.concatenate([indices[:start], indices[stop:]]), indices[start:stop]
            start = stop


class StratifiedKFold(KFold):
    """Folds with the class proportions of ``y``: a round robin over the class-ordered samples."""

    def split(self, X, y):
        n = len(_rows(X))
        y = _vector(y, n)
        self._check(n)
        k = self.n_splits
        first_seen = {}
        for label in y.tolist():
            first_seen.setdefault(label, len(first_seen))
        codes = np.array([first_seen[label] for label in y.tolist()])
        sizes = np.bincount(codes)
        if sizes.max() < k:
            raise ValueError(f"n_splits={k} cannot be greater than the number of members in each class.")
        if sizes.min() < k:
            warnings.warn(f"The least populated class in y has only {sizes.min()} members, which "
                          f"is less than n_splits={k}.", UserWarning)
        rng = np.random.default_rng(self.random_state)
        lined_up = []
        for code in range(len(sizes)):
            samples = np.flatnonzero(codes == code)
            if self.shuffle:
                samples = rng.permutation(samples)
            lined_up.append(samples)
        lined_up = np.concatenate(lined_up)
        fold_of = np.empty(n, dtype=int)
        fold_of[lined_up] = np.arange(n) % k
        for fold in range(k):
            in_fold = fold_of == fold
            yield np.flatnonzero(~in_fold), np.flatnonzero(in_fold)


def cross_val_score(estimator, X, y, cv=5, scoring=None):
    """One score per fold of a fresh deep copy of ``estimator``."""
    X = _rows(X)
    y = _vector(y, len(X))
    if not hasattr(cv, "split"):
        if isinstance(cv, bool) or not isinstance(cv, numbers.Integral):
            raise ValueError("cv must be an int or have a split method")
        if getattr(estimator, "_estimator_type", None) == "classifier":
            cv = StratifiedKFold(cv)
        else:
            cv = KFold(cv)
    if scoring is not None and not callable(scoring):
        raise ValueError("scoring must be None or callable")
    result = []
    for train, test in cv.split(X, y):
        model = copy.deepcopy(estimator)
        model.fit(X[train], y[train])
        if scoring is None:
            result.append(float(model.score(X[test], y[test])))
        else:
            result.append(float(scoring(y[test], model.predict(X[test]))))
    return np.asarray(result, dtype=float)
