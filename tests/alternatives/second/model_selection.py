"""Exercise 10, an alternative correct solution: masks, sort keys and fold boundaries.

Route: ``train_test_split`` marks the test rows in a boolean mask and returns both sets in
the original row order (sorted indices); the stratified version sorts the rows by
``(class, random key)`` with ``np.lexsort`` and breaks remainder ties at random, as
scikit-learn's ``_approximate_mode`` does. ``KFold`` finds each position's fold with
``np.searchsorted`` on the cumulative fold boundaries. ``StratifiedKFold`` gives every class
``n_c // k`` samples per fold and deals the ``n_c % k`` extras to the folds that follow the
previous class's extras (a rotating offset), then hands each class its fold numbers in
data order.
"""
import copy
import numbers
import warnings

import numpy as np

from ._validation import check_target


def _n_rows(X):
    X = np.asarray(X)
    if X.ndim == 0 or X.shape[0] < 1:
        raise ValueError("X must be an array with at least one row")
    return X


def _check_seed(seed):
    if seed is None:
        return
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, (numbers.Integral, np.integer)):
        raise ValueError(f"random_state must be None or an integer, got {seed!r}")


def _size_of_test(test_size, n):
    if isinstance(test_size, (bool, np.bool_)):
        raise ValueError("test_size must be a float or an int")
    if isinstance(test_size, (numbers.Integral, np.integer)):
        n_test = int(test_size)
        if n_test <= 0 or n_test >= n:
            raise ValueError(f"int test_size must be in [1, {n - 1}], got {n_test}")
        return n_test
    if not isinstance(test_size, numbers.Real) or not 0.0 < float(test_size) < 1.0:
        raise ValueError(f"float test_size must be in (0, 1), got {test_size!r}")
    n_test = int(np.ceil(float(test_size) * n))
    if n_test >= n:
        raise ValueError("the train set would be empty")
    return n_test


def train_test_split(X, y, test_size=0.25, random_state=None, stratify=None):
    """Split rows into train and test sets; see the exercise's rules."""
    X = _n_rows(X)
    n = X.shape[0]
    y = check_target(y, n, numeric=False)
    _check_seed(random_state)
    n_test = _size_of_test(test_size, n)
    rng = np.random.default_rng(random_state)
    is_test = np.zeros(n, dtype=bool)
    if stratify is None:
        is_test[rng.permutation(n)[:n_test]] = True
    else:
        labels = check_target(stratify, n, numeric=False)
        _, codes, counts = np.unique(labels, return_inverse=True, return_counts=True)
        if np.any(counts < 2):
            raise ValueError("The least populated class in y has only 1 member, which is too few.")
        n_classes = len(counts)
        if n_test < n_classes or n - n_test < n_classes:
            raise ValueError("the test and train sizes must be at least the number of classes")
        exact = counts * (n_test / n)
        per_class = np.floor(exact).astype(int)
        # remainders are compared exactly by integer arithmetic; ties in random order
        remainders = counts * n_test - per_class * n
        tie_break = rng.random(n_classes)
        order = np.lexsort((tie_break, -remainders))
        per_class[order[: n_test - per_class.sum()]] += 1
        keys = rng.random(n)
        ranked = np.lexsort((keys, codes))
        position = np.empty(n, dtype=int)
        position[ranked] = np.arange(n)
        class_start = np.concatenate([[0], np.cumsum(counts)[:-1]])
        rank_in_class = position - class_start[codes]
        is_test = rank_in_class < per_class[codes]
    test, train = np.nonzero(is_test)[0], np.nonzero(~is_test)[0]
    return X[train], X[test], y[train], y[test]


class _Folds:
    def __init__(self, n_splits=5, shuffle=False, random_state=None):
        self.n_splits = n_splits
        self.shuffle = shuffle
        self.random_state = random_state

    def get_n_splits(self, X=None, y=None):
        return self.n_splits

    def _validate(self, n):
        k = self.n_splits
        if isinstance(k, (bool, np.bool_)) or not isinstance(k, (numbers.Integral, np.integer)):
            raise ValueError("n_splits must be an integer")
        if k < 2:
            raise ValueError("n_splits must be at least 2")
        if k > n:
            raise ValueError("n_splits cannot exceed the number of samples")
        if self.shuffle not in (True, False):
            raise ValueError("shuffle must be a bool")
        _check_seed(self.random_state)
        if self.random_state is not None and not self.shuffle:
            raise ValueError("Setting a random_state has no effect since shuffle is False.")

    def _folds(self, n, y):
        raise NotImplementedError

    def split(self, X, y=None):
        n = _n_rows(X).shape[0]
        if y is not None:
            y = check_target(y, n, numeric=False)
        self._validate(n)
        fold_of = self._folds(n, y)
        for i in range(self.n_splits):
            mask = fold_of == i
            yield np.nonzero(~mask)[0], np.nonzero(mask)[0]


class KFold(_Folds):
    """k consecutive folds (first n % k larger), optionally after a permutation."""

    def _folds(self, n, y):
        k = self.n_splits
        sizes = np.full(k, n // k) + (np.arange(k) < n % k)
        position_fold = np.searchsorted(np.cumsum(sizes), np.arange(n), side="right")
        if not self.shuffle:
            return position_fold
        fold_of = np.empty(n, dtype=int)
        fold_of[np.random.default_rng(self.random_state).permutation(n)] = position_fold
        return fold_of


class StratifiedKFold(_Folds):
    """Stratified folds: per class n_c // k per fold, extras dealt with a rotating offset."""

    def split(self, X, y):
        if y is None:
            raise ValueError("StratifiedKFold.split needs y")
        return super().split(X, y)

    def _folds(self, n, y):
        k = self.n_splits
        _, first, inverse = np.unique(y, return_index=True, return_inverse=True)
        appearance = np.argsort(first)           # labels (sorted order) by first appearance
        code_of_label = np.argsort(appearance)   # sorted label -> appearance number
        codes = code_of_label[inverse]
        counts = np.bincount(codes)
        if counts.max() < k:
            raise ValueError(f"n_splits={k} cannot be greater than the number of members in each class.")
        if counts.min() < k:
            warnings.warn(f"The least populated class in y has only {counts.min()} members, which is "
                          f"less than n_splits={k}.", UserWarning)
        rng = np.random.default_rng(self.random_state) if self.shuffle else None
        fold_of = np.empty(n, dtype=int)
        offset = 0
        for code, n_c in enumerate(counts):
            per_fold = np.full(k, n_c // k)
            extras = n_c % k
            per_fold[(offset + np.arange(extras)) % k] += 1
            offset = (offset + extras) % k
            members = np.nonzero(codes == code)[0]
            if rng is not None:
                members = rng.permutation(members)
            fold_of[members] = np.repeat(np.arange(k), per_fold)
        return fold_of


def cross_val_score(estimator, X, y, cv=5, scoring=None):
    """Scores of deep copies of ``estimator`` fitted fold by fold."""
    X = _n_rows(X)
    y = check_target(y, X.shape[0], numeric=False)
    if isinstance(cv, (numbers.Integral, np.integer)) and not isinstance(cv, bool):
        classifier = getattr(estimator, "_estimator_type", None) == "classifier"
        splitter = StratifiedKFold(n_splits=int(cv)) if classifier else KFold(n_splits=int(cv))
    elif hasattr(cv, "split"):
        splitter = cv
    else:
        raise ValueError("cv must be an int or a splitter")
    if scoring is not None and not callable(scoring):
        raise ValueError("scoring must be None or a callable")

    def one_fold(train, test):
        model = copy.deepcopy(estimator)
        model.fit(X[train], y[train])
        if scoring is None:
            return model.score(X[test], y[test])
        return scoring(y[test], model.predict(X[test]))

    return np.array([float(one_fold(train, test)) for train, test in splitter.split(X, y)])
