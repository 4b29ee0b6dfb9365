"""Public tests of exercise 10, model selection (20 of its 100 points)."""
import numpy as np
import pytest
from sklearn import model_selection

from autograder.checks import expect_array, expect_close, expect_equal


def index_array(value, name, n, hint=None):
    """``value`` checked to be a 1-D integer array of distinct indices in ``[0, n)``."""
    if type(value) is not np.ndarray or value.ndim != 1:
        got = type(value).__name__ + (f" of shape {value.shape}" if type(value) is np.ndarray else "")
        raise AssertionError(f"{name} should be a 1-D numpy array of sample indices, got {got}. "
                             "Likely mistake: yield numpy index arrays (np.flatnonzero, np.arange), "
                             "not lists or boolean masks")
    expect_array(value, value.shape, name, kind="iu", hint="indices are integers, not floats or booleans")
    assert np.all((value >= 0) & (value < n)), (
        f"{name} holds indices outside [0, {n}): {value}. Likely mistake: {hint or 'an off-by-one'}")
    assert len(np.unique(value)) == len(value), (
        f"{name} repeats a sample: {value}. Likely mistake: {hint or 'a sample assigned twice'}")
    return value.astype(np.int64)


def folds_of(splits, n, k, name):
    """The ``(train, test)`` index pairs of ``splits``, each checked: ``k`` of them, each a split of ``range(n)``."""
    pairs = list(splits)
    assert len(pairs) == k, (
        f"{name} yielded {len(pairs)} (train, test) pairs, expected n_splits = {k}. "
        "Likely mistake: yield one pair per fold")
    checked = []
    for i, pair in enumerate(pairs):
        assert type(pair) in (tuple, list) and len(pair) == 2, (
            f"{name}: item {i} should be a pair (train_idx, test_idx), got {type(pair).__name__}")
        train = index_array(pair[0], f"{name}: train_idx of fold {i}", n)
        test = index_array(pair[1], f"{name}: test_idx of fold {i}", n)
        together = np.sort(np.concatenate([train, test]))
        assert len(together) == n and np.all(together == np.arange(n)), (
            f"{name}: fold {i} has {len(train)} training and {len(test)} test samples that do not "
            f"split the {n} samples (overlap or missing). Likely mistake: train_idx must be every "
            "sample that is not in test_idx, and only those")
        checked.append((train, test))
    return checked


def rows_with_ids(seed, n, d):
    """``X (n, d)`` whose column 0 is the sample's index, so every row can be traced."""
    X = np.random.default_rng(seed).normal(size=(n, d))
    X[:, 0] = np.arange(n)
    return X


@pytest.mark.points(4, "shapes")
def test_train_test_split_returns_four_arrays_of_the_right_sizes(impl):
    X = rows_with_ids(1, 25, 3)
    y = X[:, 1] * 2.0
    # 25 · 0.3 = 7.5 test samples, rounded up to 8; scikit-learn agrees
    oracle = model_selection.train_test_split(X, y, test_size=0.3, random_state=0)
    expected = [part.shape for part in oracle]
    parts = impl.train_test_split(X, y, test_size=0.3, random_state=1)
    assert type(parts) in (tuple, list) and len(parts) == 4, (
        "train_test_split should return the four arrays X_train, X_test, y_train, y_test")
    for part, shape, name in zip(parts, expected, ("X_train", "X_test", "y_train", "y_test")):
        expect_array(part, shape, name,
                     hint="a float test_size is a fraction: n_test = ceil(test_size·n), rounded UP "
                          "(25 · 0.3 = 7.5 gives 8), and n_train = n - n_test")


@pytest.mark.points(4, "correctness")
def test_train_test_split_keeps_rows_and_targets_together(impl):
    X = rows_with_ids(2, 30, 3)
    w = np.array([0.5, -2.0, 3.0])
    y = X @ w
    X_train, X_test, y_train, y_test = impl.train_test_split(X, y, test_size=0.2, random_state=3)
    expect_array(X_train, (24, 3), "X_train")
    expect_array(X_test, (6, 3), "X_test")
    ids = np.concatenate([X_train[:, 0], X_test[:, 0]])
    assert np.all(np.sort(ids) == np.arange(30)), (
        "the rows of X_train and X_test together should be the rows of X, each exactly once. "
        "Likely mistake: the test rows must be removed from the training rows")
    expect_close(X_test, X[X_test[:, 0].astype(int)], "X_test", rtol=0,
                 hint="select whole rows of X (X[indices]), never mix columns of different rows")
    hint = ("y_test[i] must be the target of the row X_test[i]: index X and y with the SAME "
            "permutation (shuffling them separately breaks the pairs)")
    expect_close(y_train, X_train @ w, "y_train", rtol=1e-12, hint=hint)
    expect_close(y_test, X_test @ w, "y_test", rtol=1e-12, hint=hint)


@pytest.mark.points(5, "folds")
def test_kfold_without_shuffle_gives_consecutive_folds_the_first_ones_larger(impl):
    X = np.zeros((10, 2))
    # n = 10, k = 3: sizes 4, 3, 3, test folds [0..3], [4..6], [7..9] (scikit-learn agrees)
    expected = list(model_selection.KFold(3).split(X))
    folds = folds_of(impl.KFold(n_splits=3).split(X), 10, 3, "KFold(3).split")
    for i, ((train, test), (want_train, want_test)) in enumerate(zip(folds, expected)):
        expect_equal(test, want_test, f"test_idx of fold {i}",
                     hint="fold i has n // k samples and the first n % k folds one more, "
                          "in the original order (sizes 4, 3, 3 here)")
        expect_equal(np.sort(train), want_train, f"train_idx of fold {i} (sorted)")


@pytest.mark.points(4, "folds")
def test_stratified_kfold_keeps_class_proportions_and_equal_sizes(impl):
    X = np.zeros((20, 2))
    y = np.array([0] * 10 + [1] * 10)
    folds = folds_of(impl.StratifiedKFold(n_splits=3).split(X, y), 20, 3, "StratifiedKFold(3).split")
    tests = np.concatenate([test for _, test in folds])
    assert np.all(np.sort(tests) == np.arange(20)), (
        "the test folds should partition the samples: every sample in exactly one test fold")
    sizes = sorted(len(test) for _, test in folds)
    assert sizes == [6, 7, 7], (
        f"the test fold sizes should be 7, 7, 6 (differing by at most one), got {sizes}. "
        "Likely mistake: splitting each class separately (np.array_split per class) gives "
        "every class's extra sample to fold 0, so sizes 8, 6, 6; deal the class-sorted "
        "samples to the folds in turn instead")
    for i, (_, test) in enumerate(folds):
        counts = np.bincount(y[test], minlength=2)
        assert set(counts.tolist()) <= {3, 4}, (
            f"test fold {i} has {counts.tolist()} samples of classes 0 and 1; each class should "
            "have floor(10/3) = 3 or ceil(10/3) = 4 in every fold")


@pytest.mark.points(3, "correctness")
def test_cross_val_score_fits_on_each_training_fold_and_scores_its_test_fold(impl):
    rng = np.random.default_rng(5)
    X = rng.normal(size=(22, 2))
    y = X @ np.array([1.5, -1.0]) + 0.5 * rng.normal(size=22)

    class LeastSquares:
        _estimator_type = "regressor"

        def fit(self, X, y):
            A = np.column_stack([np.ones(len(X)), X])
            self.w_ = np.linalg.lstsq(A, y, rcond=None)[0]
            return self

        def predict(self, X):
            return self.w_[0] + X @ self.w_[1:]

        def score(self, X, y):
            return float(1 - np.sum((y - self.predict(X)) ** 2) / np.sum((y - y.mean()) ** 2))

    expected = [LeastSquares().fit(X[train], y[train]).score(X[test], y[test])
                for train, test in model_selection.KFold(4).split(X)]
    scores = impl.cross_val_score(LeastSquares(), X, y, cv=4)
    expect_close(scores, expected, "cross_val_score(..., cv=4)", rtol=1e-10, atol=1e-12,
                 hint="for a regressor, cv=4 means KFold(4) without shuffling; fit a copy on the "
                      "training rows and return model.score on the test rows, fold by fold")
