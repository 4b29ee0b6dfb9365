"""Hidden tests of exercise 10, model selection (80 of its 100 points)."""
import math
import warnings
from fractions import Fraction

import numpy as np
import pytest
from sklearn import model_selection

from autograder.checks import expect_array, expect_close, expect_equal, expect_raises
from autograder.public.test_model_selection import folds_of, rows_with_ids


# helpers -----------------------------------------------------------------------------------


def assert_test_folds_partition(folds, n, name):
    tests = np.sort(np.concatenate([test for _, test in folds]))
    assert len(tests) == n and np.all(tests == np.arange(n)), (
        f"{name}: the test folds should partition the {n} samples (each in exactly one test fold), "
        f"but together they hold {len(tests)} indices with {n - len(np.unique(tests))} missing. "
        "Likely mistake: the n % k leftover samples were dropped, or a sample went to two folds")


def assert_stratified(folds, y, k, name):
    """The invariants of stratified folds: partition, sizes within one, per-class floor/ceil."""
    n = len(y)
    assert_test_folds_partition(folds, n, name)
    sizes = [len(test) for _, test in folds]
    assert max(sizes) - min(sizes) <= 1, (
        f"{name}: test fold sizes {sizes} differ by more than one. Likely mistake: splitting each "
        "class on its own (np.array_split per class) puts every class's extra sample in the same "
        "first folds; deal the class-sorted samples to folds 0, 1, ..., k-1, 0, ... in turn")
    labels, y_class = np.unique(y, return_inverse=True)
    n_c = np.bincount(y_class)
    for i, (_, test) in enumerate(folds):
        counts = np.bincount(y_class[test], minlength=len(labels))
        ok = (counts >= n_c // k) & (counts <= -(-n_c // k))
        if not np.all(ok):
            c = int(np.flatnonzero(~ok)[0])
            raise AssertionError(
                f"{name}: test fold {i} holds {counts[c]} samples of class {labels[c]!r}, which has "
                f"{n_c[c]} samples in all; each fold should hold floor({n_c[c]}/{k}) = {n_c[c] // k} "
                f"or ceil = {-(-n_c[c] // k)}. Likely mistake: the folds ignore y, or one class's "
                "samples pile up in some folds")


def ids_of(X_part, n_rows, n, name, hint=None):
    """The sample indices (column 0) of a part of ``rows_with_ids``' X, checked."""
    if type(X_part) is not np.ndarray or X_part.ndim != 2:
        got = type(X_part).__name__ + (f" of shape {X_part.shape}" if type(X_part) is np.ndarray else "")
        raise AssertionError(f"{name} should be a 2-D numpy array holding {n_rows} rows of X, got {got}. "
                             "Likely mistake: return the selected rows of X, X[indices]")
    expect_array(X_part, (n_rows, X_part.shape[1]), name,
                 hint=hint or "n_test = ceil(test_size·n) (an int test_size is the count), n_train = n - n_test; "
                              "return the selected rows of X, X[indices], with all their columns")
    ids = X_part[:, 0]
    assert np.all(ids == np.round(ids)) and np.all((ids >= 0) & (ids < n)), (
        f"{name} holds rows that are not rows of X. Likely mistake: select rows with X[indices]")
    ids = ids.astype(np.int64)
    assert len(np.unique(ids)) == len(ids), f"{name} repeats a row of X: sample without replacement"
    return ids


def shuffled_labels(seed, sizes, labels=None):
    labels = np.arange(len(sizes)) if labels is None else np.asarray(labels)
    y = np.repeat(labels, sizes)
    return np.random.default_rng(seed).permutation(y)


def sorted_test_folds(folds):
    return [np.sort(test) for _, test in folds]


def fold_collection(folds):
    """The test folds as a set of sets: the same folds in another order compare equal."""
    return frozenset(tuple(test.tolist()) for test in sorted_test_folds(folds))


# shapes ------------------------------------------------------------------------------------

@pytest.mark.points(2, "shapes")
def test_split_of_lists_with_string_labels_gives_arrays_of_the_right_shapes(impl):
    X = rows_with_ids(11, 24, 2)
    y = shuffled_labels(11, [8, 10, 6], labels=["cat", "dog", "emu"])
    parts = impl.train_test_split(X.tolist(), y.tolist(), test_size=7, random_state=4, stratify=y.tolist())
    assert type(parts) in (tuple, list) and len(parts) == 4, (
        "train_test_split should return the four arrays X_train, X_test, y_train, y_test")
    X_train, X_test, y_train, y_test = parts
    hint = "an int test_size is the number of test samples (7 here), whatever the input type"
    expect_array(X_train, (17, 2), "X_train", hint=hint)
    expect_array(X_test, (7, 2), "X_test", hint=hint)
    expect_array(y_train, (17,), "y_train", kind="U",
                 hint="labels stay labels: select y's entries, never convert them to numbers")
    expect_array(y_test, (7,), "y_test", kind="U",
                 hint="labels stay labels: select y's entries, never convert them to numbers")
    expect_equal(y_test, y[ids_of(X_test, 7, 24, "X_test")], "y_test", hint="keep the rows of X and y together")


@pytest.mark.points(3, "shapes")
@pytest.mark.parametrize("splitter", ["KFold", "StratifiedKFold"])
def test_splitters_yield_n_splits_pairs_of_index_arrays(impl, splitter):
    X = np.ones((18, 3))
    y = np.array([0, 1, 2] * 6)
    folds = folds_of(getattr(impl, splitter)(n_splits=4).split(X, y), 18, 4, f"{splitter}(4).split")
    sizes = sorted(len(test) for _, test in folds)
    assert sizes == [4, 4, 5, 5], (
        f"{splitter}(4) on 18 samples should give test folds of sizes 5, 5, 4, 4, got {sizes}")


@pytest.mark.points(2, "shapes")
def test_cross_val_score_returns_one_float_per_fold(impl):
    X = np.arange(24.0).reshape(12, 2)
    y = np.arange(12.0)

    class Constant:
        def fit(self, X, y):
            return self

        def score(self, X, y):
            return np.float32(0.5)  # a numpy scalar: the result must still be a float array

    expected_k = len(list(model_selection.KFold(3).split(X)))
    scores = impl.cross_val_score(Constant(), X, y, cv=3)
    expect_array(scores, (expected_k,), "cross_val_score(..., cv=3)",
                 hint="return a numpy float array with one score per fold, e.g. np.array(scores, dtype=float)")
    expect_close(scores, [0.5] * 3, "the scores", rtol=0)
    scores = impl.cross_val_score(Constant(), X, y, cv=impl.KFold(n_splits=4))
    expect_array(scores, (4,), "cross_val_score(..., cv=KFold(4))",
                 hint="a cv object gives as many scores as its split yields folds")


# correctness: train_test_split ------------------------------------------------------------

@pytest.mark.points(3, "correctness")
@pytest.mark.parametrize("n, test_size", [(10, 0.33), (20, 0.3), (20, 0.33), (7, 0.5), (31, 0.4),
                                          (50, 0.1), (13, 5), (9, 1), (8, 0.875)])
def test_test_size_is_a_fraction_rounded_up_or_a_count(impl, n, test_size):
    X = rows_with_ids(12, n, 2)
    y = np.arange(n)
    n_test = len(model_selection.train_test_split(X, y, test_size=test_size, random_state=0)[1])
    assert n_test == (test_size if isinstance(test_size, int) else math.ceil(test_size * n))
    X_train, X_test, y_train, y_test = impl.train_test_split(X, y, test_size=test_size, random_state=5)
    hint = (f"n_test = ceil({test_size} · {n}) = {n_test}: round the fraction UP (not down, not to nearest), "
            "and leave a whole number as it is (int(x) + 1 is not ceil; use math.ceil)"
            if isinstance(test_size, float) else f"an int test_size is the count itself: {test_size} test samples")
    expect_array(X_test, (n_test, 2), f"X_test for n = {n}, test_size = {test_size}", hint=hint)
    expect_array(X_train, (n - n_test, 2), "X_train", hint="n_train = n - n_test")
    expect_array(y_test, (n_test,), "y_test", kind="iuf", hint=hint)
    expect_array(y_train, (n - n_test,), "y_train", kind="iuf", hint="n_train = n - n_test")


@pytest.mark.points(3, "correctness")
@pytest.mark.parametrize("stratified", [False, True], ids=["plain", "stratified"])
def test_split_keeps_every_row_with_its_target(impl, stratified):
    n = 45
    X = rows_with_ids(13, n, 3)
    labels = np.arange(n) % 3
    y = labels if stratified else 4.0 * X[:, 1] - X[:, 2] + 1.0
    X_train, X_test, y_train, y_test = impl.train_test_split(
        X, y, test_size=0.2, random_state=21, stratify=labels if stratified else None)
    train_ids, test_ids = ids_of(X_train, 36, n, "X_train"), ids_of(X_test, 9, n, "X_test")
    assert np.all(np.sort(np.concatenate([train_ids, test_ids])) == np.arange(n)), (
        "X_train and X_test together should hold every row of X exactly once")
    expect_close(X_test, X[test_ids], "X_test", rtol=0, hint="select whole rows of X")
    hint = ("y[i] must stay with the row X[i]: index X and y with the same indices "
            "(two separate shuffles break the pairs)")
    if stratified:
        expect_equal(y_train, labels[train_ids], "y_train", hint=hint)
        expect_equal(y_test, labels[test_ids], "y_test", hint=hint)
    else:
        expect_close(y_train, y[train_ids], "y_train", rtol=0, hint=hint)
        expect_close(y_test, y[test_ids], "y_test", rtol=0, hint=hint)


@pytest.mark.points(2, "correctness")
def test_split_draws_the_test_rows_at_random(impl):
    n, n_test = 40, 10
    X = rows_with_ids(14, n, 2)
    y = np.zeros(n)
    seen = []
    for seed in range(6):
        test_ids = np.sort(ids_of(impl.train_test_split(X, y, test_size=0.25, random_state=seed)[1],
                                  n_test, n, f"X_test (random_state={seed})"))
        for block in (np.arange(n_test), np.arange(n - n_test, n)):
            assert not np.all(test_ids == block), (
                f"with random_state={seed} the test rows are exactly rows {block[0]} .. {block[-1]}: "
                "the split is not random. Likely mistake: take the test rows from "
                "rng.permutation(n), not from the start or the end of X")
        seen.append(tuple(test_ids))
    assert len(set(seen)) == len(seen), (
        "different random_state values gave the same test rows: the seed is not used. "
        "Likely mistake: rng = np.random.default_rng(random_state) must drive the permutation")


# correctness: cross_val_score -------------------------------------------------------------

@pytest.mark.points(3, "correctness")
def test_cross_val_score_stratifies_the_folds_of_a_classifier(impl):
    X = rows_with_ids(15, 24, 2)
    y = np.array(["no"] * 12 + ["yes"] * 12)

    class YesRate:
        _estimator_type = "classifier"

        def fit(self, X, y):
            return self

        def score(self, X, y):
            return float(np.mean(y == "yes"))

    # StratifiedKFold(4): 3 "no" and 3 "yes" in every test fold, a rate of 0.5 each.
    # KFold(4) would test rows 0..5 (all "no"), ..., giving 0, 0, 1, 1.
    scores = impl.cross_val_score(YesRate(), X, y, cv=4)
    expect_close(scores, [0.5] * 4, "scores of a classifier with cv=4", rtol=1e-12,
                 hint="for a classifier (estimator._estimator_type == 'classifier') an int cv means "
                      "StratifiedKFold(cv), so every test fold has both classes in proportion")


@pytest.mark.points(3, "correctness")
@pytest.mark.parametrize("kind", ["regressor", "no_estimator_type"])
def test_cross_val_score_uses_plain_kfold_for_other_estimators(impl, kind):
    n = 23
    X = rows_with_ids(16, n, 2)
    y = np.zeros(n)
    y[::2] = 1.0  # two classes in y: stratifying by them would give other folds

    class MeanTestIndex:
        def fit(self, X, y):
            return self

        def score(self, X, y):
            return float(X[:, 0].mean())

    if kind == "regressor":
        MeanTestIndex._estimator_type = "regressor"
    expected = [test.mean() for _, test in model_selection.KFold(5).split(X)]
    scores = impl.cross_val_score(MeanTestIndex(), X, y, cv=5)
    expect_close(scores, expected, "scores (each the mean index of the test fold)", rtol=1e-12,
                 hint="an estimator that is not a classifier gets KFold(cv): consecutive folds, no "
                      "shuffle, no stratification; read the type with getattr(estimator, "
                      "'_estimator_type', None), since some estimators do not set it")


@pytest.mark.points(3, "correctness")
def test_cross_val_score_fits_a_fresh_deep_copy_for_every_fold(impl):
    X = rows_with_ids(17, 15, 2)
    y = np.arange(15.0)

    class Stateful:
        _estimator_type = "regressor"

        def __init__(self):
            self.state = {"fits": 0, "rows": np.zeros(0)}

        def fit(self, X, y):
            self.state["fits"] += 1  # changes a dict shared by shallow copies
            self.state["rows"] = np.concatenate([self.state["rows"], X[:, 0]])
            self.fitted_ = True
            return self

        def score(self, X, y):
            return float(self.state["fits"] * 1000 + len(self.state["rows"]))

    original = Stateful()
    scores = impl.cross_val_score(original, X, y, cv=3)
    # every fold: one fit on 10 training rows, from a fresh copy -> 1·1000 + 10
    expect_close(scores, [1010.0] * 3, "scores (fits·1000 + rows seen)", rtol=0,
                 hint="each fold must fit copy.deepcopy(estimator): fitting the same object again, "
                      "or a copy.copy that shares its dicts and arrays, carries state from fold to fold")
    assert original.state["fits"] == 0 and not hasattr(original, "fitted_"), (
        "the estimator passed to cross_val_score was fitted or changed: cross_val_score must fit "
        "copies (copy.deepcopy) and leave the caller's estimator untouched")


@pytest.mark.points(3, "correctness")
def test_cross_val_score_never_trains_on_the_test_fold(impl):
    n = 26
    X = rows_with_ids(18, n, 2)
    y = np.random.default_rng(18).normal(size=n)
    folds = list(model_selection.KFold(4, shuffle=True, random_state=3).split(X))
    log = []

    class Splitter:
        def split(self, X, y=None):
            yield from ((train.copy(), test.copy()) for train, test in folds)

    class Recorder:
        def fit(self, X, y):
            self.train_ids_ = np.sort(X[:, 0]).astype(int)
            return self

        def score(self, X, y):
            log.append((self.train_ids_, np.sort(X[:, 0]).astype(int)))
            return float(len(X))

    scores = impl.cross_val_score(Recorder(), X, y, cv=Splitter())
    expect_close(scores, [len(test) for _, test in folds], "scores (each the test fold's size)", rtol=0)
    assert len(log) == len(folds), f"expected {len(folds)} fitted models to be scored, got {len(log)}"
    for i, ((fit_ids, score_ids), (train, test)) in enumerate(zip(log, folds)):
        assert len(np.intersect1d(fit_ids, test)) == 0, (
            f"fold {i}: the model was fitted on {len(np.intersect1d(fit_ids, test))} rows of its own "
            "test fold, so its score is optimistic. Likely mistake: fit on X[train], y[train] only, "
            "never on all of X")
        assert len(fit_ids) == len(train) and np.all(fit_ids == np.sort(train)), (
            f"fold {i}: the model was fitted on {len(fit_ids)} rows, not the {len(train)} training rows "
            "that cv.split gave")
        assert len(score_ids) == len(test) and np.all(score_ids == np.sort(test)), (
            f"fold {i}: the model was scored on {len(score_ids)} rows, not the {len(test)} test rows. "
            "Likely mistake: score on X[test], y[test], not on the training rows")


@pytest.mark.points(2, "correctness")
def test_scoring_callable_receives_true_values_then_predictions(impl):
    n = 18
    X = rows_with_ids(19, n, 2)
    y = np.random.default_rng(19).normal(size=n) + 3.0
    calls = []

    class MeanPredictor:
        def fit(self, X, y):
            self.mean_ = float(np.mean(y))
            return self

        def predict(self, X):
            return np.full(len(X), self.mean_)

        def score(self, X, y):
            return -999.0

    def scoring(y_true, y_pred):
        calls.append(np.asarray(y_true, dtype=float))
        return float(np.mean(y_true) - 10.0 * np.mean(y_pred))

    expected = [y[test].mean() - 10.0 * y[train].mean() for train, test in model_selection.KFold(3).split(X)]
    scores = impl.cross_val_score(MeanPredictor(), X, y, cv=3, scoring=scoring)
    expect_close(scores, expected, "scores with scoring=f", rtol=1e-10,
                 hint="call scoring(y_true, y_pred) = scoring(y[test], model.predict(X[test])): true "
                      "values first; a callable replaces model.score")
    assert len(calls) == 3, f"scoring should be called once per fold (3 times), was called {len(calls)} times"


@pytest.mark.points(2, "correctness")
def test_a_cv_object_is_used_exactly_as_it_splits(impl):
    n = 12
    X = rows_with_ids(20, n, 2)
    y = np.arange(n, dtype=float)
    # Not a partition: overlapping test sets and training sets smaller than the complement.
    folds = [(np.array([0, 1, 2]), np.array([9, 10, 11])),
             (np.array([5, 7]), np.array([0, 3, 6, 9])),
             (np.array([1, 2, 3, 4, 8, 11]), np.array([10]))]

    class Holdouts:
        def split(self, X, y=None):
            yield from ((train.copy(), test.copy()) for train, test in folds)

    class Signature:
        def fit(self, X, y):
            self.train_sum_ = float(X[:, 0].sum())
            return self

        def score(self, X, y):
            return self.train_sum_ * 100.0 + float(y.sum())

    expected = [train.sum() * 100.0 + y[test].sum() for train, test in folds]
    scores = impl.cross_val_score(Signature(), X, y, cv=Holdouts())
    expect_close(scores, expected, "scores with a cv object", rtol=1e-12,
                 hint="an object with split is used as given: fit on exactly its train_idx, score on "
                      "its test_idx, in its order (never compute the training set yourself)")


# folds -------------------------------------------------------------------------------------

@pytest.mark.points(4, "folds")
@pytest.mark.parametrize("n, k", [(11, 4), (7, 7), (25, 5), (13, 2), (17, 6)])
def test_kfold_matches_scikit_learn_without_shuffle(impl, n, k):
    X = np.zeros((n, 1))
    expected = list(model_selection.KFold(k).split(X))
    folds = folds_of(impl.KFold(n_splits=k).split(X), n, k, f"KFold({k}).split on {n} samples")
    for i, ((train, test), (want_train, want_test)) in enumerate(zip(folds, expected)):
        expect_equal(test, want_test, f"test_idx of fold {i} (n = {n}, k = {k})",
                     hint=f"sizes are n // k = {n // k}, plus one for each of the first n % k = {n % k} "
                          "folds (not the last ones), consecutive and in order")
        expect_equal(np.sort(train), want_train, f"train_idx of fold {i} (sorted)")


@pytest.mark.points(3, "folds")
def test_shuffled_kfold_partitions_the_samples_with_the_same_fold_sizes(impl):
    n, k = 23, 5
    X = np.zeros((n, 2))
    folds = folds_of(impl.KFold(n_splits=k, shuffle=True, random_state=3).split(X), n, k,
                     "KFold(5, shuffle=True).split")
    assert_test_folds_partition(folds, n, "KFold(5, shuffle=True)")
    sizes = [len(test) for _, test in folds]
    assert sizes == [5, 5, 5, 4, 4], (
        f"shuffled test fold sizes should still be 5, 5, 5, 4, 4 (the first n % k folds one larger), "
        f"got {sizes}")
    contiguous = all(np.all(np.diff(np.sort(test)) == 1) for _, test in folds)
    assert not contiguous, (
        "with shuffle=True every test fold is still a block of consecutive samples: the samples "
        "were not shuffled. Likely mistake: shuffle is ignored")


STRATIFIED_CASES = {
    "10_7_3_k3": (np.array([0] * 10 + [1] * 7 + [2] * 3), 3, False, None),
    "17_9_5_mixed_k4": (shuffled_labels(71, [17, 9, 5]), 4, False, None),
    "strings_k4_shuffled": (shuffled_labels(72, [6, 6, 6, 7], labels=["w", "x", "y", "z"]), 4, True, 0),
    "five_classes_k5_shuffled": (np.repeat([4, 1, 3, 0, 2], [8, 11, 5, 6, 9]), 5, True, 5),
    "imbalanced_25_5_k5": (np.array(([1] + [0] * 5) * 5), 5, False, None),
    "noncontiguous_ints_k3": (shuffled_labels(73, [7, 7, 8], labels=[-4, 10, 99]), 3, False, None),
}


@pytest.mark.points(6, "folds")
@pytest.mark.parametrize("case", list(STRATIFIED_CASES))
def test_stratified_kfold_keeps_every_class_balanced_across_folds(impl, case):
    y, k, shuffle, seed = STRATIFIED_CASES[case]
    n = len(y)
    X = np.zeros((n, 2))
    splitter = impl.StratifiedKFold(n_splits=k, shuffle=shuffle, random_state=seed)
    folds = folds_of(splitter.split(X, y), n, k, f"StratifiedKFold({k}, shuffle={shuffle}).split")
    assert_stratified(folds, y, k, f"StratifiedKFold({k}, shuffle={shuffle})")


@pytest.mark.points(3, "folds")
def test_stratified_folds_do_not_depend_on_the_label_values(impl):
    y = shuffled_labels(74, [9, 7, 5])
    X = np.zeros((21, 1))
    base = folds_of(impl.StratifiedKFold(n_splits=4).split(X, y), 21, 4, "StratifiedKFold(4).split")
    assert_stratified(base, y, 4, "StratifiedKFold(4)")
    for mapping in ({0: "c", 1: "b", 2: "a"}, {0: 50, 1: -3, 2: 7}):
        relabelled = np.array([mapping[label] for label in y])
        folds = folds_of(impl.StratifiedKFold(n_splits=4).split(X, relabelled), 21, 4,
                         f"StratifiedKFold(4).split with labels renamed {mapping}")
        for i, (got, want) in enumerate(zip(sorted_test_folds(folds), sorted_test_folds(base))):
            expect_equal(got, want, f"test fold {i} after renaming the labels {mapping} (sorted)",
                         hint="number the classes in the order they first appear in y (not by sorted "
                              "label), so the folds depend only on which samples share a label")


@pytest.mark.points(3, "folds")
def test_shuffled_stratified_folds_depend_on_the_seed(impl):
    y = shuffled_labels(75, [10, 10, 10])
    X = np.zeros((30, 1))
    unshuffled = folds_of(impl.StratifiedKFold(n_splits=5).split(X, y), 30, 5, "StratifiedKFold(5).split")
    assert_stratified(unshuffled, y, 5, "StratifiedKFold(5)")
    seen = [fold_collection(unshuffled)]
    for seed in (0, 1, 2):
        folds = folds_of(impl.StratifiedKFold(n_splits=5, shuffle=True, random_state=seed).split(X, y),
                         30, 5, f"StratifiedKFold(5, shuffle=True, random_state={seed}).split")
        assert_stratified(folds, y, 5, f"StratifiedKFold(5, shuffle=True, random_state={seed})")
        seen.append(fold_collection(folds))
    assert len(set(seen)) == len(seen), (
        "StratifiedKFold gave the same test folds (in some order) without shuffling and with "
        "shuffle=True for seeds 0, 1, 2, or for two of the seeds: the samples are not shuffled. "
        "Likely mistake: shuffle ignored, or only the order of the folds shuffled; permute each "
        "class's fold numbers (or samples) with np.random.default_rng(random_state)")


STRATIFY_CASES = {
    "10_7_3_quarter": ([10, 7, 3], 0.25),
    "10_7_3_third": ([10, 7, 3], 0.33),
    "equal_classes_int": ([5, 5, 5], 4),
    "four_classes": ([12, 30, 8, 5], 0.4),
    "seven_classes_half": ([3, 3, 3, 3, 3, 3, 2], 0.5),
    # shares 1.5, 1.5 and exactly 12 of n_test = 15: the left-over sample goes to a class
    # with a remainder, never to class 2, whose share is a whole number (13 is over its ceiling)
    "two_rare_pairs_three_quarters": ([2, 2, 16], 0.75),
}


@pytest.mark.points(5, "folds")
@pytest.mark.parametrize("case", list(STRATIFY_CASES))
def test_stratified_split_gives_each_class_its_share_of_the_test_set(impl, case):
    sizes, test_size = STRATIFY_CASES[case]
    n = sum(sizes)
    X = rows_with_ids(76, n, 2)
    labels = shuffled_labels(76, sizes)
    y = X[:, 1] * 3.0  # the targets are not the labels: stratify is its own argument
    n_test = test_size if isinstance(test_size, int) else math.ceil(test_size * n)
    X_train, X_test, y_train, y_test = impl.train_test_split(X, y, test_size=test_size, random_state=8,
                                                             stratify=labels)
    hint = (f"with stratify the test set still has n_test = {n_test} rows: give each class the floor of "
            "its share, then hand the left-over samples to the largest remainders")
    test_ids = ids_of(X_test, n_test, n, "X_test", hint=hint)
    train_ids = ids_of(X_train, n - n_test, n, "X_train", hint=hint)
    assert np.all(np.sort(np.concatenate([train_ids, test_ids])) == np.arange(n)), (
        "X_train and X_test together should hold every row of X exactly once")
    expect_close(y_test, y[test_ids], "y_test", rtol=0, hint="keep the rows of X and y together")
    counts = np.bincount(labels[test_ids], minlength=len(sizes))
    for c, n_c in enumerate(sizes):
        share = Fraction(n_test * n_c, n)
        assert math.floor(share) <= counts[c] <= math.ceil(share), (
            f"class {c} ({n_c} of {n} samples) has {counts[c]} test samples; its share of the "
            f"{n_test} test samples is {float(share):.3g}, so it should have {math.floor(share)} or "
            f"{math.ceil(share)} (all counts {counts.tolist()}). Likely mistake: stratify ignored, or "
            "each share rounded on its own: give every class the floor of its share, then the left-over "
            "samples to the largest remainders")


# stability ---------------------------------------------------------------------------------

@pytest.mark.points(4, "stability")
@pytest.mark.parametrize("seed", [0, 12])
def test_the_same_seed_gives_the_same_split_every_time(impl, seed):
    X = rows_with_ids(31, 30, 2)
    y = shuffled_labels(31, [12, 10, 8])
    hint = (f"random_state={seed} must fix the result: create np.random.default_rng(random_state) "
            "inside the call, and pass 0 on as a seed (`if random_state:` treats 0 as None)")
    for stratify in (None, y):
        first = impl.train_test_split(X, y, test_size=0.3, random_state=seed, stratify=stratify)
        second = impl.train_test_split(X, y, test_size=0.3, random_state=seed, stratify=stratify)
        kind = "plain" if stratify is None else "stratified"
        test_ids = ids_of(first[1], 9, 30, f"X_test ({kind})")
        again = ids_of(second[1], 9, 30, f"X_test of the second call ({kind})")
        expect_equal(again, test_ids, f"test rows of a second {kind} split with random_state={seed}", hint=hint)
    for name in ("KFold", "StratifiedKFold"):
        splitter = getattr(impl, name)(n_splits=4, shuffle=True, random_state=seed)
        first = folds_of(splitter.split(X, y), 30, 4, f"{name}(shuffle=True, random_state={seed}).split")
        for label, folds in (("the same object, split again", splitter.split(X, y)),
                             ("a new object", getattr(impl, name)(n_splits=4, shuffle=True,
                                                                 random_state=seed).split(X, y))):
            again = folds_of(folds, 30, 4, f"{name} ({label})")
            for i, ((_, test), (_, want)) in enumerate(zip(again, first)):
                expect_equal(np.sort(test), np.sort(want), f"{name}: test fold {i} from {label}", hint=hint)


@pytest.mark.points(3, "stability")
def test_the_global_random_state_is_neither_used_nor_changed(impl):
    X = rows_with_ids(32, 20, 2)
    y = shuffled_labels(32, [10, 10])
    saved = np.random.get_state()

    def run_all(random_state):
        parts = [ids_of(impl.train_test_split(X, y, random_state=random_state)[1], 5, 20, "X_test"),
                 ids_of(impl.train_test_split(X, y, random_state=random_state, stratify=y)[1], 5, 20,
                        "X_test (stratified)")]
        for name in ("KFold", "StratifiedKFold"):
            folds = folds_of(getattr(impl, name)(n_splits=3, shuffle=True, random_state=random_state)
                             .split(X, y), 20, 3, f"{name}(shuffle=True).split")
            parts += [np.sort(test) for _, test in folds]
        return parts

    try:
        np.random.seed(1234)
        before = np.random.get_state()
        first = run_all(7)
        run_all(None)
        after = np.random.get_state()
        assert before[0] == after[0] and np.array_equal(before[1], after[1]) and before[2:] == after[2:], (
            "the global np.random state changed: never call np.random.seed / np.random.permutation / "
            "np.random.shuffle; use rng = np.random.default_rng(random_state) and rng's methods")
        np.random.seed(999)
        second = run_all(7)
    finally:
        np.random.set_state(saved)
    for i, (got, want) in enumerate(zip(second, first)):
        expect_equal(got, want, f"result {i} with random_state=7 under another global seed",
                     hint="the result must depend only on random_state, never on np.random's global state")


@pytest.mark.points(2, "stability")
def test_different_seeds_give_different_splits(impl):
    X = rows_with_ids(33, 30, 2)
    y = shuffled_labels(33, [15, 15])
    for name in ("KFold", "StratifiedKFold"):
        seen = []
        for seed in (0, 1, 2, 3):
            folds = folds_of(getattr(impl, name)(n_splits=3, shuffle=True, random_state=seed).split(X, y),
                             30, 3, f"{name}(3, shuffle=True, random_state={seed}).split")
            seen.append(fold_collection(folds))
        assert len(set(seen)) == 4, (
            f"{name} with shuffle=True gave the same test folds (in some order) for two of the seeds "
            "0, 1, 2, 3: the seed is not used, or only the order of the folds is shuffled. Likely "
            "mistake: the samples must be permuted by np.random.default_rng(random_state)")


# edge cases --------------------------------------------------------------------------------

@pytest.mark.points(3, "edge_cases")
def test_inputs_are_never_modified(impl):
    X = rows_with_ids(41, 24, 3)
    y = shuffled_labels(41, [12, 12])
    X_copy, y_copy = X.copy(), y.copy()

    class Mean:
        def fit(self, X, y):
            self.mean_ = float(np.mean(y))
            return self

        def score(self, X, y):
            return float(-np.mean((y - self.mean_) ** 2))

    hint = ("never shuffle or sort the caller's arrays in place (rng.shuffle(X), X.sort()): permute "
            "an index array and select rows with it")
    parts = impl.train_test_split(X, y, test_size=0.25, random_state=2)
    ids_of(parts[1], 6, 24, "X_test")
    parts = impl.train_test_split(X, y, test_size=0.25, random_state=2, stratify=y)
    ids_of(parts[1], 6, 24, "X_test (stratified)")
    folds_of(impl.KFold(n_splits=4, shuffle=True, random_state=2).split(X, y), 24, 4, "KFold.split")
    folds_of(impl.StratifiedKFold(n_splits=4, shuffle=True, random_state=2).split(X, y), 24, 4, "StratifiedKFold.split")
    expect_array(impl.cross_val_score(Mean(), X, y, cv=4), (4,), "cross_val_score")
    expect_close(X, X_copy, "X after splitting", rtol=0, hint=hint)
    expect_equal(y, y_copy, "y after splitting", hint=hint)
    X_ro, y_ro = X_copy.copy(), y_copy.copy()
    X_ro.setflags(write=False)
    y_ro.setflags(write=False)
    for stratify in (None, y_ro):
        parts = impl.train_test_split(X_ro, y_ro, test_size=0.25, random_state=2, stratify=stratify)
        ids_of(parts[1], 6, 24, "X_test from read-only input")
    folds_of(impl.KFold(n_splits=4, shuffle=True, random_state=2).split(X_ro), 24, 4, "KFold.split (read-only X)")
    folds_of(impl.StratifiedKFold(n_splits=4, shuffle=True, random_state=2).split(X_ro, y_ro), 24, 4,
             "StratifiedKFold.split (read-only input)")
    expect_array(impl.cross_val_score(Mean(), X_ro, y_ro, cv=4), (4,), "cross_val_score (read-only input)")


@pytest.mark.points(2, "edge_cases")
def test_stratified_split_rejects_classes_that_cannot_be_split(impl):
    X = rows_with_ids(42, 20, 2)
    y = np.array([0] * 10 + [1] * 7 + [2] * 3)
    parts = impl.train_test_split(X, y, test_size=4, random_state=0, stratify=y)
    test_ids = ids_of(parts[1], 4, 20, "X_test with 4 test samples and 3 classes")
    counts = np.bincount(y[test_ids], minlength=3).tolist()
    # shares of 4 test samples: 2, 1.4, 0.6, so class 0 gets 2, class 1 one or two, class 2 none or one
    assert counts[0] == 2 and counts[1] in (1, 2) and counts[2] in (0, 1), (
        f"4 test samples from classes of 10, 7, 3 (shares 2, 1.4, 0.6) should be 2, then 1 or 2, then "
        f"0 or 1 per class, got {counts}. Likely mistake: stratify ignored")
    singleton = np.array([0] * 10 + [1] * 9 + [2])
    with expect_raises(ValueError, "train_test_split(..., stratify=y) where class 2 has 1 member",
                       hint="a class with fewer than 2 members cannot appear in both sets: raise ValueError"):
        impl.train_test_split(X, singleton, random_state=0, stratify=singleton)
    for test_size in (2, 0.05):
        with expect_raises(ValueError, f"train_test_split(..., test_size={test_size}, stratify=y) with 3 "
                                       "classes (fewer test samples than classes)",
                           hint="n_test must be at least the number of classes: raise ValueError"):
            impl.train_test_split(X, y, test_size=test_size, random_state=0, stratify=y)


@pytest.mark.points(2, "edge_cases")
@pytest.mark.parametrize("sizes, test_size", [([4, 3, 3], 3), ([4, 3, 3], 7), ([10], 9), ([10], 0.1)],
                         ids=["three_test_of_3_classes", "three_train_of_3_classes", "one_class_one_train",
                              "one_class_one_test"])
def test_stratified_split_allows_exactly_one_sample_of_each_class_per_side(impl, sizes, test_size):
    # scikit-learn accepts n_test == n_classes and n_train == n_classes (one sample of each
    # class on that side), also for a single class; only fewer than the classes is an error
    n, n_classes = sum(sizes), len(sizes)
    X = rows_with_ids(44, n, 2)
    labels = shuffled_labels(44, sizes)
    n_test = test_size if isinstance(test_size, int) else math.ceil(test_size * n)
    expected = [part.shape for part in model_selection.train_test_split(
        X, labels, test_size=test_size, random_state=0, stratify=labels)]
    assert expected == [(n - n_test, 2), (n_test, 2), (n - n_test,), (n_test,)]
    doing = (f"train_test_split on {n} samples of {n_classes} class(es) {sizes} with test_size={test_size}, "
             f"stratify=y ({n_test} test and {n - n_test} training samples)")
    try:
        X_train, X_test, y_train, y_test = impl.train_test_split(X, labels, test_size=test_size,
                                                                 random_state=6, stratify=labels)
    except ValueError as error:
        raise AssertionError(
            f"{doing} raised ValueError: {error}. Likely mistake: the check is n_test < n_classes or "
            "n_train < n_classes (strictly fewer); exactly one sample of each class is allowed") from None
    hint = (f"{n_test} test and {n - n_test} training rows, one of each class on the smaller side: every "
            "class gets the floor of its share n_test·n_c/n, and the left-over samples go one each to the "
            "largest remainders (never more than n_test in all, never a whole class in the test set)")
    test_ids = ids_of(X_test, n_test, n, "X_test", hint=hint)
    train_ids = ids_of(X_train, n - n_test, n, "X_train", hint=hint)
    assert np.all(np.sort(np.concatenate([train_ids, test_ids])) == np.arange(n)), (
        f"{doing}: X_train and X_test together should hold every row of X exactly once")
    expect_equal(y_test, labels[test_ids], "y_test", hint="keep the rows of X and y together")
    small = test_ids if n_test == n_classes else train_ids
    counts = np.bincount(labels[small], minlength=n_classes)
    assert np.all(counts == 1), (
        f"{doing}: the side with {n_classes} samples should hold one sample of each class, got class "
        f"counts {counts.tolist()}. Likely mistake: the class shares are not the floor or the ceiling "
        f"of n_test·n_c/n")


@pytest.mark.points(2, "edge_cases")
def test_kfold_checks_n_splits_and_allows_leave_one_out(impl):
    X = np.zeros((5, 2))
    folds = folds_of(impl.KFold(n_splits=5).split(X), 5, 5, "KFold(5).split on 5 samples")
    for i, (_, test) in enumerate(folds):
        expect_equal(test, [i], f"test_idx of fold {i} with n_splits = n_samples",
                     hint="n_splits may equal n_samples: every fold tests one sample")
    for k in (1, 0):
        with expect_raises(ValueError, f"KFold(n_splits={k}).split", hint="n_splits must be at least 2"):
            list(impl.KFold(n_splits=k).split(X))
    with expect_raises(ValueError, "KFold(n_splits=6).split on 5 samples",
                       hint="n_splits > n_samples would leave a fold empty: raise ValueError"):
        list(impl.KFold(n_splits=6).split(X))


@pytest.mark.points(2, "edge_cases")
def test_stratified_kfold_errors(impl):
    X = np.zeros((8, 1))
    y = np.array([0, 1] * 4)
    folds = folds_of(impl.StratifiedKFold(n_splits=4).split(X, y), 8, 4, "StratifiedKFold(4).split")
    assert_stratified(folds, y, 4, "StratifiedKFold(4)")
    with expect_raises(ValueError, "StratifiedKFold(5).split where both classes have 4 members",
                       hint="when every class has fewer than n_splits members, raise ValueError"):
        list(impl.StratifiedKFold(n_splits=5).split(X, y))
    with expect_raises(ValueError, "StratifiedKFold(4, random_state=0) without shuffle",
                       hint="a random_state with shuffle=False has no effect: raise ValueError"):
        list(impl.StratifiedKFold(n_splits=4, random_state=0).split(X, y))


@pytest.mark.points(3, "edge_cases")
def test_stratified_kfold_warns_about_a_small_class_but_still_splits(impl):
    y = np.array([0] * 10 + [1] * 7 + [2] * 3)
    X = np.zeros((20, 1))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        folds = folds_of(impl.StratifiedKFold(n_splits=5).split(X, y), 20, 5, "StratifiedKFold(5).split")
    assert_stratified(folds, y, 5, "StratifiedKFold(5) with a class of 3")
    assert any(issubclass(w.category, UserWarning) for w in caught), (
        "class 2 has 3 members, fewer than n_splits = 5, so some folds lack it: warn with "
        "warnings.warn(message, UserWarning), and still return the folds")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        folds = folds_of(impl.StratifiedKFold(n_splits=3).split(X, y), 20, 3, "StratifiedKFold(3).split")
    assert_stratified(folds, y, 3, "StratifiedKFold(3)")
    assert not any(issubclass(w.category, UserWarning) for w in caught), (
        "StratifiedKFold(3) warned although every class has at least 3 members: warn only when some "
        "class has fewer than n_splits")


@pytest.mark.points(2, "edge_cases")
def test_train_test_split_rejects_impossible_sizes(impl):
    X = rows_with_ids(43, 10, 2)
    y = np.arange(10)
    parts = impl.train_test_split(X, y, test_size=9, random_state=1)
    ids_of(parts[0], 1, 10, "X_train with test_size=9 of 10")
    for test_size in (0.0, 1.0, 1.5, -0.2, 0, 10, 0.99):
        with expect_raises(ValueError, f"train_test_split on 10 samples with test_size={test_size}",
                           hint="a float test_size must be in (0, 1), an int in [1, n - 1], and the "
                                "training set must not be empty"):
            impl.train_test_split(X, y, test_size=test_size, random_state=1)
    with expect_raises(ValueError, "train_test_split with len(X) = 10 and len(y) = 9"):
        impl.train_test_split(X, y[:-1], random_state=1)
