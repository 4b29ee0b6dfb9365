"""Exercise 10: model selection, splitting data and cross-validation.

A model is judged on data it was not trained on. This module splits the samples once
(``train_test_split``) or into ``k`` folds (``KFold``, ``StratifiedKFold``), and
``cross_val_score`` trains and scores a model on each fold. Nothing here computes with the
values of ``X``: a split selects rows. So every rule below is about counts and indices, and
every one is exact.

Conventions (shared by every exercise):

- Rows are samples: ``X`` has ``n`` rows (shape ``(n, d)``), ``y`` has shape ``(n,)``.
  Inputs may be lists or read-only arrays: never modify them (shuffle a copy or an index
  array, never ``X`` itself).
- Randomness comes only from ``np.random.default_rng(random_state)``: ``random_state`` is
  ``None`` or an ``int``, ``0`` is a seed like any other, the same seed gives the same
  result on every call, and the global ``np.random`` state is never read or changed.
- Bad input raises ``ValueError`` with a message naming the problem.

``train_test_split(X, y, test_size=0.25, random_state=None, stratify=None)``
    Returns ``X_train, X_test, y_train, y_test``.

    - Sizes: a float ``test_size`` in ``(0, 1)`` is a fraction, ``n_test = ceil(test_size·n)``
      (computed as ``math.ceil(test_size * n)``, as scikit-learn does); an int in
      ``[1, n - 1]`` is the count itself. ``n_train = n - n_test`` must be at least 1.
      Anything else is a ``ValueError``.
    - The split is random: the test rows are drawn by a permutation from
      ``default_rng(random_state)``. Rows of ``X`` and ``y`` stay together (``y_test[i]`` is
      the target of the row ``X_test[i]``), and the train and test rows together are exactly
      the rows of ``X``, each once. ``X`` and ``y`` keep their dtypes (labels stay labels).
    - ``stratify`` (labels of length ``n``, usually ``y``): with ``n_c`` samples of class
      ``c``, the class gets ``t_c`` test samples where ``t_c`` is the floor or the ceiling of
      its share ``n_test·n_c/n`` and the ``t_c`` add up to ``n_test``: every class first gets
      the floor of its share, and the samples left over go to the largest remainders (ties:
      the lowest label). Errors, as scikit-learn's: a class with fewer than 2 members, and
      ``n_test`` or ``n_train`` smaller than the number of classes, are ``ValueError``.

``KFold(n_splits=5, shuffle=False, random_state=None).split(X, y=None)``
    Yields ``n_splits`` pairs ``(train_idx, test_idx)`` of integer index arrays.

    - Fold ``i`` has ``n // k`` samples, and the first ``n % k`` folds one more
      (n = 10, k = 3 gives sizes 4, 3, 3). The test folds partition ``range(n)``, and each
      ``train_idx`` is the complement of its ``test_idx``.
    - Without shuffling, order is kept: fold 0 tests samples ``0 .. 3``, fold 1 ``4 .. 6``,
      ... With ``shuffle=True``, the samples are permuted by ``default_rng(random_state)``
      first, and the fold sizes stay the same.
    - ``n_splits`` must be an int ``>= 2`` and ``<= n``; ``random_state`` without
      ``shuffle=True`` is a ``ValueError`` (it would have no effect).

``StratifiedKFold(n_splits=5, shuffle=False, random_state=None).split(X, y)``
    Like ``KFold``, but every test fold keeps the class proportions of ``y``:

    - The test folds partition the samples; fold sizes differ by at most one; class ``c``
      has the floor or the ceiling of ``n_c/k`` samples in each test fold.
    - How: sort the samples by class and deal them to folds 0, 1, ..., k-1, 0, 1, ... in
      turn; that fixes how many of each class every fold gets. Splitting each class on its
      own (``np.array_split`` per class) looks right but breaks the size rule: with
      ``y = [0]*10 + [1]*10`` and ``k = 3`` it gives sizes 8, 6, 6 where 7, 7, 6 is right.
    - Classes are numbered by their first appearance in ``y``, so the folds depend only on
      which samples share a label, never on the label values: relabelling ``y`` (``0 -> "b"``,
      ``1 -> "a"``) keeps the folds when ``shuffle=False``.
    - ``shuffle=True`` shuffles the samples within each class with
      ``default_rng(random_state)``; the counts above still hold.
    - A ``ValueError`` when every class has fewer than ``k`` members; a ``UserWarning`` (and
      folds that lack that class) when only some class has; ``random_state`` without
      ``shuffle=True`` is a ``ValueError``.

``cross_val_score(estimator, X, y, cv=5, scoring=None)``
    Returns a float array with one score per fold, in the order of the folds.

    - ``cv`` is an int (the number of folds) or an object with a ``split(X, y)`` method that
      yields ``(train_idx, test_idx)`` pairs (e.g. a ``KFold``). An int means
      ``StratifiedKFold(cv)`` when ``estimator._estimator_type == "classifier"`` and
      ``KFold(cv)`` otherwise (also for an estimator without that attribute); neither
      shuffles.
    - Every fold trains a fresh ``copy.deepcopy(estimator)`` on the training rows only, so
      the folds cannot influence each other and ``estimator`` itself is never fitted.
    - ``scoring=None`` scores with ``model.score(X_test, y_test)``; a callable is called as
      ``scoring(y_test, model.predict(X_test))`` (true values first) and returns a float.
"""
import copy
import math
import numbers
import warnings

import numpy as np

from ._validation import check_scalar, check_target


# ---------------------------------------------------------------------------------------
# Input checks (given)
# ---------------------------------------------------------------------------------------

def _check_rows(X, name="X"):
    """``X`` as an array of ``n >= 1`` rows; its values are not read, so any dtype goes."""
    X = np.asarray(X)
    if X.ndim == 0:
        raise ValueError(f"{name} must be an array of samples (rows), got a scalar")
    if X.shape[0] == 0:
        raise ValueError(f"{name} is empty (shape {X.shape})")
    return X


def _check_random_state(random_state):
    if random_state is not None and (isinstance(random_state, bool)
                                     or not isinstance(random_state, numbers.Integral)):
        raise ValueError(f"random_state must be None or an int, got {random_state!r}")


def _check_test_size(test_size, n_samples):
    if isinstance(test_size, bool) or not isinstance(test_size, numbers.Real):
        raise ValueError(f"test_size must be a float in (0, 1) or an int, got {test_size!r}")
    if isinstance(test_size, numbers.Integral):
        if not 1 <= test_size < n_samples:
            raise ValueError(f"an int test_size must be in [1, n_samples - 1] = "
                             f"[1, {n_samples - 1}], got {test_size}")
    elif not 0.0 < test_size < 1.0:
        raise ValueError(f"a float test_size must be in (0, 1), got {test_size}")


# ---------------------------------------------------------------------------------------
# train_test_split
# ---------------------------------------------------------------------------------------

def _n_test_samples(test_size, n_samples):
    """The number of test samples for a valid ``test_size`` (a float fraction or an int)."""
    _check_test_size(test_size, n_samples)
    # =========================================================================
    # TODO (_n_test_samples):
    #   Return n_test, an int: an int test_size is the count itself; a float test_size is a
    #   fraction of n_samples, rounded UP: n_test = ceil(test_size · n_samples).
    #   Hint: isinstance(test_size, numbers.Integral) tells the two apart (numpy ints too);
    #   math.ceil(test_size * n_samples). int() would round down (10 · 0.33 -> 3, not 4).
    # =========================================================================
    raise NotImplementedError("TODO: _n_test_samples")
    if n_test >= n_samples:
        raise ValueError(f"with n_samples={n_samples} and test_size={test_size}, "
                         "the training set would be empty")
    return n_test


def _proportional_counts(class_counts, n_draw):
    """Split ``n_draw`` among classes in proportion to ``class_counts``.

    Returns an int array ``t`` of ``class_counts``' shape with ``t.sum() == n_draw`` and
    every ``t[c]`` the floor or the ceiling of the share ``n_draw·class_counts[c]/n``.
    """
    # =========================================================================
    # TODO (_proportional_counts):
    #   class_counts is an int array (n_classes,) summing to n. Give each class the floor of
    #   its share n_draw·n_c/n, then hand the samples still missing (n_draw - sum of floors,
    #   fewer than n_classes) one each to the classes with the largest remainders (ties: the
    #   lowest class index).
    #   Hint: integer arithmetic is exact: floor = n_c·n_draw // n, and the remainder is
    #   n_c·n_draw - floor·n; np.argsort(-remainder, kind="stable") orders the classes.
    #   Rounding each share on its own (np.round) can miss n_draw: 3 classes of 5 and n_draw = 4.
    # =========================================================================
    raise NotImplementedError("TODO: _proportional_counts")
    return counts


def train_test_split(X, y, test_size=0.25, random_state=None, stratify=None):
    """Split the rows of ``X`` and ``y`` at random into a training and a test set.

    Parameters
    ----------
    X : array-like with n rows, usually of shape (n, d)
    y : array-like of shape (n,)
    test_size : float in (0, 1) or int in [1, n - 1], default 0.25
        A fraction of the samples (rounded up) or their number.
    random_state : None or int
    stratify : None or array-like of shape (n,)
        Class labels whose proportions the test and training sets keep.

    Returns
    -------
    X_train, X_test : ndarrays of n_train and n_test rows
    y_train, y_test : ndarrays of shape (n_train,) and (n_test,)
    """
    X = _check_rows(X)
    n_samples = X.shape[0]
    y = check_target(y, n_samples, numeric=False)
    _check_random_state(random_state)
    n_test = _n_test_samples(test_size, n_samples)
    n_train = n_samples - n_test
    if stratify is not None:
        stratify = check_target(stratify, n_samples, numeric=False)
    # =========================================================================
    # TODO (train_test_split):
    #   Choose the test rows and the training rows as two index arrays, then return
    #   X[train], X[test], y[train], y[test] (the same indices for X and y keep them aligned).
    #   Without stratify: rng = np.random.default_rng(random_state); the first n_test entries
    #   of rng.permutation(n_samples) are the test rows, the rest the training rows.
    #   With stratify: find the classes and their counts (np.unique with return_inverse and
    #   return_counts). Raise ValueError if a class has fewer than 2 members, or if n_test or
    #   n_train is smaller than the number of classes. Take t = _proportional_counts(counts,
    #   n_test) test rows of each class, picked at random within the class.
    #   Hint (no loop over samples): permute the rows, stable-sort the permuted rows by class
    #   so each class is a block in random order, and test the first t[c] rows of each block.
    # =========================================================================
    raise NotImplementedError("TODO: train_test_split")


# ---------------------------------------------------------------------------------------
# K-fold splitters
# ---------------------------------------------------------------------------------------

class _BaseKFold:
    """What ``KFold`` and ``StratifiedKFold`` share: parameters, checks, and ``split``.

    A subclass assigns every sample to the test fold it belongs to (``_test_folds``);
    ``split`` turns that assignment into ``(train_idx, test_idx)`` pairs.
    """

    def __init__(self, n_splits=5, shuffle=False, random_state=None):
        self.n_splits = n_splits
        self.shuffle = shuffle
        self.random_state = random_state

    def get_n_splits(self, X=None, y=None):
        """The number of folds, ``n_splits``."""
        return self.n_splits

    def _check_parameters(self, n_samples):
        check_scalar(self.n_splits, "n_splits", kind=numbers.Integral, low=2)
        if self.n_splits > n_samples:
            raise ValueError(f"cannot have n_splits={self.n_splits} greater than the number "
                             f"of samples n_samples={n_samples}")
        if not isinstance(self.shuffle, (bool, np.bool_)):
            raise ValueError(f"shuffle must be True or False, got {self.shuffle!r}")
        _check_random_state(self.random_state)
        if not self.shuffle and self.random_state is not None:
            raise ValueError("setting a random_state has no effect since shuffle is False: "
                             "leave random_state at None, or set shuffle=True")

    def split(self, X, y=None):
        """Yield ``(train_idx, test_idx)`` for each of the ``n_splits`` folds.

        Parameters
        ----------
        X : array-like with n rows (only its length is used)
        y : array-like of shape (n,), optional for KFold, the labels for StratifiedKFold

        Yields
        ------
        train_idx : int ndarray, the samples not in the fold, in increasing order
        test_idx : int ndarray, the samples of the fold, in increasing order
        """
        n_samples = _check_rows(X).shape[0]
        if y is not None:
            y = check_target(y, n_samples, numeric=False)
        self._check_parameters(n_samples)
        test_folds = self._test_folds(n_samples, y)
        # =====================================================================
        # TODO (_BaseKFold.split):
        #   test_folds (n_samples,) holds the fold number 0 .. n_splits-1 of every sample.
        #   For each fold i in order, yield the pair (train_idx, test_idx): test_idx are the
        #   samples whose fold is i, train_idx all the others, both int arrays.
        #   Hint: np.flatnonzero(test_folds == i) and np.flatnonzero(test_folds != i); the
        #   training set must never contain a test sample.
        # =====================================================================
        raise NotImplementedError("TODO: _BaseKFold.split")

    def _test_folds(self, n_samples, y):
        raise NotImplementedError


class KFold(_BaseKFold):
    """K-fold cross-validation: ``n_splits`` consecutive folds, optionally shuffled.

    Parameters
    ----------
    n_splits : int >= 2, default 5
    shuffle : bool, default False
        Permute the samples before cutting them into folds.
    random_state : None or int
        The seed of the permutation; only with ``shuffle=True``.
    """

    def _test_folds(self, n_samples, y):
        """The test fold of each sample, an int array of shape ``(n_samples,)``."""
        # =====================================================================
        # TODO (KFold._test_folds):
        #   Fold i holds n_samples // k samples, plus one for each of the first n_samples % k
        #   folds. Without shuffling, the folds are consecutive: [0, 0, 0, 0, 1, 1, 1, 2, 2, 2]
        #   for n_samples = 10, k = 3. With shuffle, hand that fold vector out in a random
        #   order: rng = np.random.default_rng(self.random_state) and rng.permutation(...).
        #   Hint: np.repeat(np.arange(k), fold_sizes) builds the vector. Every sample must get
        #   a fold: don't drop the n_samples % k leftovers or give them all to the last fold.
        # =====================================================================
        raise NotImplementedError("TODO: KFold._test_folds")


class StratifiedKFold(_BaseKFold):
    """K-fold cross-validation whose test folds keep the class proportions of ``y``.

    Parameters
    ----------
    n_splits : int >= 2, default 5
    shuffle : bool, default False
        Shuffle the samples of each class before assigning them to folds.
    random_state : None or int
        The seed of the shuffle; only with ``shuffle=True``.
    """

    def split(self, X, y):
        """Yield ``(train_idx, test_idx)`` for each fold; ``y`` holds the class labels."""
        if y is None:
            raise ValueError("StratifiedKFold needs the labels y to stratify by")
        return super().split(X, y)

    def _test_folds(self, n_samples, y):
        """The test fold of each sample, an int array of shape ``(n_samples,)``."""
        # =====================================================================
        # TODO (StratifiedKFold._test_folds):
        #   1. Number the classes by first appearance in y (so the folds never depend on the
        #      label values): class_of (n_samples,) in 0 .. n_classes-1, counts (n_classes,).
        #      Raise ValueError if every class has fewer than k members; warn with
        #      warnings.warn(message, UserWarning) if only some class has.
        #   2. How many of each class go to each fold, allocation (k, n_classes): sort the class
        #      numbers and deal them out to folds 0, 1, ..., k-1, 0, 1, ... in turn.
        #   3. Class c gets fold numbers np.repeat(np.arange(k), allocation[:, c]) for its
        #      samples in data order; if self.shuffle, shuffle that vector with
        #      rng = np.random.default_rng(self.random_state) and rng.permutation.
        #   Hint: np.unique(y, return_index=True, return_inverse=True) gives each label's first
        #   position; ranking those positions renumbers the classes. A loop over the classes is
        #   fine; per-class np.array_split is not (fold sizes would differ by more than one).
        # =====================================================================
        raise NotImplementedError("TODO: StratifiedKFold._test_folds")


# ---------------------------------------------------------------------------------------
# cross_val_score
# ---------------------------------------------------------------------------------------

def cross_val_score(estimator, X, y, cv=5, scoring=None):
    """Train and score a fresh copy of ``estimator`` on every fold of ``cv``.

    Parameters
    ----------
    estimator : object with ``fit(X, y)`` and ``score(X, y)`` (or ``predict(X)``)
    X : array-like with n rows
    y : array-like of shape (n,)
    cv : int >= 2 or an object with ``split(X, y)``, default 5
        An int means StratifiedKFold(cv) for a classifier, KFold(cv) otherwise.
    scoring : None or callable ``(y_true, y_pred) -> float``
        None means ``model.score(X_test, y_test)``.

    Returns
    -------
    scores : float ndarray of shape (n_folds,)
    """
    X = _check_rows(X)
    y = check_target(y, X.shape[0], numeric=False)
    if isinstance(cv, bool) or not (isinstance(cv, numbers.Integral) or hasattr(cv, "split")):
        raise ValueError(f"cv must be an int or an object with a split method, got {cv!r}")
    if scoring is not None and not callable(scoring):
        raise ValueError(f"scoring must be None or a callable (y_true, y_pred), got {scoring!r}")
    # =========================================================================
    # TODO (cross_val_score):
    #   If cv is an int, replace it by StratifiedKFold(cv) when
    #   getattr(estimator, "_estimator_type", None) == "classifier", else by KFold(cv).
    #   For each (train, test) pair of cv.split(X, y): fit model = copy.deepcopy(estimator) on
    #   X[train], y[train] only, then score it on X[test], y[test]: model.score(...) if scoring
    #   is None, else scoring(y[test], model.predict(X[test])). Return the scores as a float
    #   array (n_folds,).
    #   Hint: deepcopy, not copy.copy (which shares the attributes' arrays and dicts) and not
    #   the estimator itself (the caller's estimator must stay unfitted).
    # =========================================================================
    raise NotImplementedError("TODO: cross_val_score")
