"""Hidden tests of exercise 07, decision trees (80 of its 100 points)."""
import numpy as np
import pytest
from sklearn import tree

from autograder.checks import (
    expect_array,
    expect_close,
    expect_equal,
    expect_float,
    expect_no_loop_over,
    expect_raises,
    no_float_warnings,
    to_int,
)
from autograder.public.test_decision_tree import INT, depth_and_leaves, float32_exact

PROBA = {"rtol": 1e-9, "atol": 1e-12}
# draws oracle_tree may try: the criterion test accepts about one draw in 60, the others most draws
ATTEMPTS = 1000


# data and oracles ----------------------------------------------------------------------------


def sklearn_if_stable(X, y, X_test, criterion, params):
    """scikit-learn's answers on ``X_test``, or None where they depend on ``random_state``.

    scikit-learn visits the features in a random order at every node, so where two splits
    tie its tree depends on the seed: it is an oracle only where random states 0..19 all give
    the same predictions, probabilities, depth and leaf count. Test points closer than 1e-3
    to a threshold of any of those trees are dropped (``keep``).
    """
    answers, keep = [], np.ones(len(X_test), dtype=bool)
    for random_state in range(20):
        fit = tree.DecisionTreeClassifier(criterion=criterion, random_state=random_state,
                                          **params).fit(X, y)
        internal = fit.tree_.feature >= 0
        gaps = np.abs(X_test[:, fit.tree_.feature[internal]] - fit.tree_.threshold[internal])
        keep &= np.all(gaps > 1e-3, axis=1)
        answer = (fit.predict(X_test), fit.predict_proba(X_test), fit.get_depth(), fit.get_n_leaves())
        if answers and not (np.array_equal(answer[0], answers[0][0])
                            and np.array_equal(answer[1], answers[0][1])
                            and answer[2:] == answers[0][2:]):
            return None
        answers.append(answer)
    return {"keep": keep, "predict": answers[0][0], "proba": answers[0][1],
            "depth": answers[0][2], "n_leaves": answers[0][3]}


def impurity_of_counts(counts, criterion):
    """Gini or entropy (bits) of every row of class counts ``(m, K)``."""
    p = counts / counts.sum(axis=1, keepdims=True)
    if criterion == "gini":
        return 1.0 - (p ** 2).sum(axis=1)
    return -(p * np.log2(np.where(p > 0, p, 1.0))).sum(axis=1)


def near_tie(X, y, fitted, criterion):
    """The first split of the scikit-learn tree ``fitted`` made among near-equal gains, or None.

    At every internal node, every candidate split whose gain is within a relative 1e-9 of the
    best must leave the same two class-count vectors as the best (left and right, in either
    order): only then are the gains equal in any arithmetic, so that scikit-learn and a
    correct implementation, which round differently, choose alike. Otherwise the choice
    depends on round-off, which the bank keeps away from (SPEC: exact ties only from identical
    class counts). Gini's 2|2 and 1|3 splits of four balanced, separated classes, for
    example, both gain exactly 1/4 but round differently. Returns ``(node, gains)``.
    """
    onehot = (y[:, None] == np.arange(y.max() + 1)).astype(np.float64)
    reached = fitted.decision_path(X).toarray().astype(bool)
    for node in np.flatnonzero(fitted.tree_.feature >= 0):
        X_node, onehot_node = X[reached[:, node]], onehot[reached[:, node]]
        total, n = onehot_node.sum(axis=0), len(X_node)
        parent = impurity_of_counts(total[None, :], criterion)[0]
        gains, children = [], []
        for feature in range(X.shape[1]):
            order = np.argsort(X_node[:, feature], kind="stable")
            x = X_node[order, feature]
            left = np.cumsum(onehot_node[order], axis=0)[:-1][x[:-1] < x[1:]]
            right = total - left
            n_left = left.sum(axis=1)
            gains.append(parent - (n_left * impurity_of_counts(left, criterion)
                                   + (n - n_left) * impurity_of_counts(right, criterion)) / n)
            children += [tuple(sorted((tuple(a), tuple(b)))) for a, b in zip(left, right)]
        gains = np.concatenate(gains)
        near = np.flatnonzero(gains >= gains.max() * (1 - 1e-9))
        if len({children[i] for i in near}) > 1:
            return node, gains[near]
    return None


def oracle_tree(seed, *, n=60, d=3, n_classes=3, n_test=60, integer=False,
                criteria=("gini",), differ=False, depth=None, **params):
    """Seeded blobs on which scikit-learn's tree is a fair oracle for every criterion in ``criteria``.

    Returns ``X, y`` (labels 0..n_classes-1), ``X_test`` and ``{criterion: answers}`` with
    ``predict``, ``proba``, ``depth``, ``n_leaves`` on ``X_test``. Values are float32-exact;
    with ``integer`` the features are integers and the test points sit a quarter away from
    them (thresholds are midpoints: integers or halves). Draws from the seed's generator
    until one meets every premise: scikit-learn's tree is stable (``sklearn_if_stable``) and
    makes no split among near-equal gains (``near_tie``), for every criterion; at least half
    the test points are kept; with ``differ``, the criteria disagree on some test point; with
    ``depth``, the first criterion's tree has exactly that depth.
    """
    rng = np.random.default_rng(seed)
    rejected = {"unstable": 0, "too few test points": 0, "depth": 0, "criteria agree": 0, "near tie": 0}
    for _ in range(ATTEMPTS):
        centers = 2.0 * rng.normal(size=(n_classes, d))
        y = np.arange(n) % n_classes
        rng.shuffle(y)
        X = float32_exact(centers[y] + rng.normal(size=(n, d)))
        X_test = float32_exact(centers.mean(axis=0) + 2.5 * rng.normal(size=(n_test, d)))
        if integer:
            X, X_test = np.round(4 * X), np.round(4 * X_test) + 0.25
        answers = {c: sklearn_if_stable(X, y, X_test, c, params) for c in criteria}
        if any(a is None for a in answers.values()):
            rejected["unstable"] += 1
            continue
        keep = np.logical_and.reduce([a["keep"] for a in answers.values()])
        if keep.sum() < n_test // 2:
            rejected["too few test points"] += 1
            continue
        answers = {c: {k: (v[keep] if k in ("predict", "proba") else v) for k, v in a.items() if k != "keep"}
                   for c, a in answers.items()}
        if depth is not None and answers[criteria[0]]["depth"] != depth:
            rejected["depth"] += 1
            continue
        if differ and np.array_equal(answers[criteria[0]]["predict"], answers[criteria[1]]["predict"]):
            rejected["criteria agree"] += 1
            continue
        if any(near_tie(X, y, tree.DecisionTreeClassifier(criterion=c, random_state=0, **params).fit(X, y), c)
               for c in criteria):
            rejected["near tie"] += 1
            continue
        return X, y, X_test[keep], answers
    raise RuntimeError(f"bank data: none of {ATTEMPTS} draws from seed {seed} is a fair oracle for "
                       f"{criteria} with {params} (rejected: {rejected}); choose another seed")


def expect_tree_like(model, X_test, answer, what, hint):
    """The fitted ``model`` predicts like the oracle ``answer`` on ``X_test``."""
    expect_equal(model.predict(X_test), answer["predict"], f"{what}: predict(X_test)", hint=hint)
    expect_close(model.predict_proba(X_test), answer["proba"], f"{what}: predict_proba(X_test)",
                 **PROBA, hint="predict_proba is the class counts of the leaf divided by their total")
    shape = depth_and_leaves(model)
    assert shape == (answer["depth"], answer["n_leaves"]), (
        f"{what}: the tree has depth {shape[0]} and {shape[1]} leaves, expected depth "
        f"{answer['depth']} and {answer['n_leaves']} leaves. Likely mistake: {hint}")


def impurity_of(labels, classes, criterion):
    fractions = np.array([np.mean(labels == c) for c in classes])
    fractions = fractions[fractions > 0]
    if criterion == "gini":
        return 1.0 - fractions @ fractions
    return float(-(fractions * np.log2(fractions)).sum())


def all_splits(X, y, criterion):
    """Every candidate ``(feature, threshold, gain)`` by brute force, feature by feature."""
    classes = np.unique(y)
    parent = impurity_of(y, classes, criterion)
    splits = []
    for feature in range(X.shape[1]):
        values = np.unique(X[:, feature])
        for threshold in (values[:-1] + values[1:]) / 2:
            left = X[:, feature] <= threshold
            gain = parent - left.mean() * impurity_of(y[left], classes, criterion) \
                - (~left).mean() * impurity_of(y[~left], classes, criterion)
            splits.append((feature, threshold, gain))
    return splits


def clear_best_split(seed, criterion, n=24, d=3, n_classes=3):
    """Random data whose best split beats every other candidate by a relative 1e-6."""
    rng = np.random.default_rng(seed)
    for _ in range(100):
        X = rng.normal(size=(n, d))
        y = rng.integers(n_classes, size=n)
        splits = all_splits(X, y, criterion)
        gains = np.sort([gain for _, _, gain in splits])
        if gains[-1] > 0 and gains[-2] < gains[-1] * (1 - 1e-6):
            return X, y, max(splits, key=lambda split: split[2])
    raise RuntimeError("no dataset with a clear best split")


# shapes ----------------------------------------------------------------------------------------

@pytest.mark.points(4, "shapes")
def test_probabilities_have_one_column_per_class_in_sorted_order(impl):
    X, codes, X_test, answers = oracle_tree(seed=11, n=45, n_test=20, max_depth=2)
    names = np.array(["pear", "fig", "apple"])  # code 0 -> "pear": the labels are not sorted
    y = names[codes]
    model = impl.DecisionTreeClassifier(max_depth=2).fit(X, y)
    expect_equal(model.classes_, ["apple", "fig", "pear"], "classes_",
                 hint="classes_ = np.unique(y): the distinct labels, sorted")
    m = len(X_test)
    proba = expect_array(model.predict_proba(X_test), (m, 3), "predict_proba(X_test)",
                         hint="one column per class of classes_, even where a leaf lacks a class")
    expect_close(proba.sum(axis=1), np.ones(m), "row sums of predict_proba", rtol=1e-12,
                 hint="divide each leaf's class counts by their total")
    expect_close(proba, answers["gini"]["proba"][:, [2, 1, 0]], "predict_proba(X_test)", **PROBA,
                 hint="column k holds the probability of classes_[k]")
    expect_array(model.predict(X_test), (m,), "predict(X_test)", kind="U",
                 hint="predict returns labels from classes_ (here strings), not their indices")
    to_int(model.get_depth(), "get_depth()", hint="return a Python int")
    to_int(model.get_n_leaves(), "get_n_leaves()", hint="return a Python int")


@pytest.mark.points(4, "shapes")
def test_best_split_returns_an_int_and_two_floats_or_nones(impl):
    X = np.array([[0.0, 5.0], [1.0, 4.0], [2.0, 3.0], [3.0, 2.0]])
    feature, threshold, gain = impl.best_split(X, [7, 7, 9, 9])
    # feature 0: [7 7 | 9 9] at 1.5, gain 0.5; feature 1 ties at 3.5 but comes later
    assert to_int(feature, "feature", hint="the feature index is an int") == 0, (
        f"best_split chose feature {feature}, expected 0 (the lowest of two tied features)")
    expect_float(threshold, 1.5, "threshold", rtol=1e-12, hint="the threshold is a float midpoint")
    expect_float(gain, 0.5, "gain", rtol=1e-12, hint="the gain is a float")
    result = impl.best_split(X, ["a", "a", "a", "a"])
    assert type(result) is tuple and len(result) == 3, (
        f"best_split should return a tuple (feature, threshold, gain), got {type(result).__name__}")
    assert result[0] is None and result[1] is None, (
        f"a pure node has no split: expected (None, None, 0.0), got ({result[0]!r}, {result[1]!r}, ...). "
        "Likely mistake: return None for the feature and the threshold when no split gains")
    expect_float(result[2], 0.0, "gain of a pure node", atol=0.0,
                 hint="when no split gains, return (None, None, 0.0)")


# correctness -----------------------------------------------------------------------------------

@pytest.mark.points(3, "correctness")
def test_entropy_and_gini_of_several_classes(impl):
    # [2, 2, -1, 7]: p = (1/4, 1/2, 1/4): entropy = 1/4·2 + 1/2·1 + 1/4·2 = 1.5 bits,
    #                gini = 1 - 1/16 - 1/4 - 1/16 = 0.625.
    # four equal classes: entropy 2 bits, gini 3/4.
    # 1 of "b" and 9 of "a": entropy = 0.1·log2(10) + 0.9·log2(10/9), gini = 1 - 0.01 - 0.81.
    cases = [([2, 2, -1, 7], 1.5, 0.625),
             (["d", "c", "b", "a", "a", "b", "c", "d"], 2.0, 0.75),
             (["b"] + ["a"] * 9, 0.1 * np.log2(10) + 0.9 * np.log2(10 / 9), 0.18)]
    for y, expected_entropy, expected_gini in cases:
        expect_float(impl.entropy(y), expected_entropy, f"entropy({y})", rtol=1e-12,
                     hint="entropy = -Σ p·log2(p), in bits (log base 2), over every class present")
        expect_float(impl.gini(y), expected_gini, f"gini({y})", rtol=1e-12,
                     hint="gini = 1 - Σ p²")


@pytest.mark.points(3, "correctness")
def test_information_gain_of_three_classes_has_exact_values(impl):
    y = np.array(["c", "a", "c", "b", "c", "a", "c", "b"])
    left = np.array([False, True, False, True, False, True, False, False])
    # parent: a 2, b 2, c 4 -> entropy 1.5, gini 0.625.
    # left = [a, b, a] (2/3, 1/3): entropy log2(3) - 2/3, gini 4/9.
    # right = [c, c, c, b, c] (1/5, 4/5): entropy log2(5) - 0.8·2, gini 8/25.
    # gini gain = 0.625 - 3/8·4/9 - 5/8·8/25 = 31/120.
    expected = {"gini": 31 / 120,
                "entropy": 1.5 - 3 / 8 * (np.log2(3.0) - 2 / 3) - 5 / 8 * (np.log2(5.0) - 1.6)}
    for criterion, value in expected.items():
        gain = impl.information_gain(y, left, criterion=criterion)
        expect_float(gain, value, f"information_gain(criterion={criterion!r})", rtol=1e-12,
                     hint="I(y) - (n_L/n)·I(y[left_mask]) - (n_R/n)·I(y[~left_mask])")
        mirrored = impl.information_gain(y, ~left, criterion=criterion)
        expect_float(mirrored, value, f"information_gain with left and right swapped ({criterion})",
                     rtol=1e-12, hint="swapping the children must not change the gain: weight each "
                                      "child by its own size")


@pytest.mark.points(4, "correctness")
@pytest.mark.parametrize("seed, criterion", [(21, "gini"), (22, "entropy"), (23, "gini")])
def test_best_split_finds_the_best_of_every_feature_and_threshold(impl, seed, criterion):
    X, y, (feature, threshold, gain) = clear_best_split(seed, criterion)
    got = impl.best_split(X, y, criterion=criterion)
    hint = ("try every feature and every midpoint between consecutive distinct values, and keep "
            "the largest information gain")
    assert to_int(got[0], "feature", hint=hint) == feature, (
        f"best_split chose feature {got[0]}, expected {feature}. Likely mistake: {hint}")
    expect_float(got[1], threshold, "threshold", rtol=1e-12, atol=1e-15, hint=hint)
    expect_float(got[2], gain, "gain", rtol=1e-9,
                 hint="the gain of the chosen split, by the criterion asked for")


@pytest.mark.points(4, "correctness")
@pytest.mark.parametrize("seed, criterion, n_classes, d, params", [
    (31, "gini", 3, 3, {}),
    (32, "entropy", 2, 4, {}),
    (33, "entropy", 4, 3, {"max_depth": 4}),
    (34, "gini", 3, 5, {"min_samples_split": 6}),
], ids=["gini", "entropy_two_classes", "entropy_depth_4", "gini_min_samples_split_6"])
def test_tree_predicts_like_scikit_learn(impl, seed, criterion, n_classes, d, params):
    X, y, X_test, answers = oracle_tree(seed, n=70, d=d, n_classes=n_classes,
                                        criteria=(criterion,), **params)
    model = impl.DecisionTreeClassifier(criterion=criterion, **params).fit(X, y)
    expect_tree_like(model, X_test, answers[criterion], f"DecisionTreeClassifier({criterion!r}, {params})",
                     hint="grow greedily with best_split; a node is a leaf at max_depth, below "
                          "min_samples_split samples, or when no split gains")


@pytest.mark.points(4, "correctness")
def test_the_criterion_parameter_is_honoured(impl):
    X, y, X_test, answers = oracle_tree(seed=46, n=60, n_classes=3,
                                        criteria=("gini", "entropy"), differ=True)
    for criterion in ("entropy", "gini"):
        model = impl.DecisionTreeClassifier(criterion=criterion).fit(X, y)
        expect_tree_like(model, X_test, answers[criterion], f"criterion={criterion!r}",
                         hint="pass the tree's criterion on to best_split; gini and entropy "
                              "grow different trees on this data")


@pytest.mark.points(3, "correctness")
@pytest.mark.parametrize("max_depth", [1, 2, 3])
def test_max_depth_limits_the_tree(impl, max_depth):
    X, y, X_test, answers = oracle_tree(seed=50 + max_depth, n=60, n_classes=4, max_depth=max_depth,
                                        depth=max_depth)
    model = impl.DecisionTreeClassifier(max_depth=max_depth).fit(X, y)
    expect_tree_like(model, X_test, answers["gini"], f"max_depth={max_depth}",
                     hint="a node at depth max_depth is a leaf (the root has depth 0)")


@pytest.mark.points(4, "correctness")
def test_min_samples_split_is_respected_exactly(impl):
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    y = np.array([0, 0, 1, 1])
    # 4 samples: min_samples_split=4 still splits (two pure leaves); 5 makes the root a leaf
    # whose counts tie 2-2, so it predicts the lower label 0 with probabilities 1/2, 1/2.
    split = impl.DecisionTreeClassifier(min_samples_split=4).fit(X, y)
    expect_equal(split.predict([[0.2], [2.8]]), [0, 1], "min_samples_split=4: predict",
                 hint="a node with n >= min_samples_split samples may split")
    assert to_int(split.get_n_leaves(), "get_n_leaves()", hint=INT) == 2, (
        f"min_samples_split=4 on 4 samples should give 2 leaves, got {split.get_n_leaves()}. "
        "Likely mistake: a node becomes a leaf when n < min_samples_split, not n <= min_samples_split")
    leaf = impl.DecisionTreeClassifier(min_samples_split=5).fit(X, y)
    expect_close(leaf.predict_proba([[0.2], [2.8]]), [[0.5, 0.5], [0.5, 0.5]],
                 "min_samples_split=5: predict_proba", **PROBA,
                 hint="with fewer samples than min_samples_split the root is the only leaf")
    expect_equal(leaf.predict([[2.8]]), [0], "min_samples_split=5: predict",
                 hint="a 2-2 tie in a leaf goes to the lowest label")
    depth, leaves = depth_and_leaves(leaf)
    assert (depth, leaves) == (0, 1), (
        f"min_samples_split=5 on 4 samples should leave the root alone (1 leaf, depth 0), got "
        f"{leaves} leaves and depth {depth}")


@pytest.mark.points(2, "correctness")
def test_a_fully_grown_tree_fits_distinct_training_points(impl):
    X, y, _, _ = oracle_tree(seed=61, n=50, d=2, n_classes=3)
    model = impl.DecisionTreeClassifier().fit(X, y)
    expect_equal(model.predict(X), y, "predict(X_train)",
                 hint="without max_depth a tree splits until every leaf is pure, so it reproduces "
                      "its training labels when no two rows are equal")


@pytest.mark.points(2, "correctness")
def test_a_sample_exactly_on_the_threshold_goes_left(impl):
    X = np.array([[1.0], [2.0], [4.0], [5.0]])
    y = np.array(["a", "a", "b", "b"])
    feature, threshold, _ = impl.best_split(X, y)
    expect_float(threshold, 3.0, "threshold", rtol=1e-12, hint="the midpoint between 2 and 4")
    model = impl.DecisionTreeClassifier().fit(X, y)
    expect_equal(model.predict([[3.0], [3.0000001], [2.9999999]]), ["a", "b", "a"],
                 "predict at, just above and just below the threshold 3",
                 hint="x[feature] <= threshold goes left (<=, not <)")


@pytest.mark.points(4, "correctness")
def test_ties_go_to_the_lowest_feature_then_the_lowest_threshold(impl):
    rng = np.random.default_rng(71)
    strong = rng.permutation(12).astype(np.float64)
    y = (strong >= 6).astype(int)
    y[strong == 2] = 1  # one error, so no split is perfect
    weak = rng.normal(size=12)
    # Columns 0 and 2 order the samples identically (0 is column 2 shifted by 100): their
    # splits have identical class counts, so their gains are equal; the lower feature wins
    # even though its threshold is larger.
    X = np.column_stack([strong + 100.0, weak, strong])
    feature, threshold, _ = impl.best_split(X, y)
    assert to_int(feature, "feature", hint=INT) == 0, (
        f"two features tie and best_split chose {feature}, expected 0. Likely mistake: keep the "
        "first best (compare with >, not >=) and never sort the candidates by threshold")
    expect_float(threshold, 105.5, "threshold", rtol=1e-12,
                 hint="the midpoint between 105 and 106 of feature 0")
    # One feature with two tied cuts: [0 0 | 1 1 | 0 0] at 2.5 and at 4.5 (each leaves a
    # pure (2, 0) child and a (2, 2) child): the lower threshold wins.
    for criterion in ("gini", "entropy"):
        _, threshold, _ = impl.best_split([[1.0], [2.0], [3.0], [4.0], [5.0], [6.0]],
                                          [0, 0, 1, 1, 0, 0], criterion=criterion)
        expect_float(threshold, 2.5, f"threshold of the first of two tied cuts ({criterion})",
                     rtol=1e-12, hint="among equal gains, the lowest threshold wins")


@pytest.mark.points(2, "correctness")
@pytest.mark.parametrize("n0, n1, worse, better", [(150, 130, (142, 123), (7, 6)),
                                                   (200, 170, (107, 91), (127, 108))],
                         ids=["gains_7e-7", "gains_5e-8"])
def test_a_small_gain_beats_a_smaller_one(impl, n0, n1, worse, better):
    # n0 samples of class 0 and n1 of class 1, two binary features with one cut each, at 0.5;
    # the left child holds the samples with value 0: class counts `worse` for feature 0,
    # `better` for feature 1. Both children nearly keep the parent's proportions, so both
    # gains are tiny, but apart far beyond round-off (relative 1e-12):
    #   (150, 130): gini gains 6.418e-7 and 7.350e-7, 13% (9.3e-8) apart;
    #   (200, 170): gini gains 4.290e-8 and 4.605e-8, 7% (3.2e-9) apart.
    # So feature 1 wins although it comes later.
    y = np.repeat([0, 1], [n0, n1])
    rank = np.concatenate([np.arange(n0), np.arange(n1)])
    value_one_after = lambda k0, k1: np.where(y == 0, rank >= k0, rank >= k1).astype(np.float64)
    X = np.column_stack([value_one_after(*worse), value_one_after(*better)])
    order = np.random.default_rng(n0).permutation(n0 + n1)
    X, y = X[order], y[order]

    def weighted_gini(a, b):  # (a + b)·gini of a child with class counts (a, b)
        return 2.0 * a * b / (a + b)

    n = n0 + n1
    parent = 1.0 - (n0**2 + n1**2) / n**2
    gain = parent - (weighted_gini(*better) + weighted_gini(n0 - better[0], n1 - better[1])) / n
    feature, threshold, got_gain = impl.best_split(X, y)
    assert to_int(feature, "feature", hint=INT) == 1, (
        f"best_split chose feature {feature}, expected 1: its gain {gain:.4g} beats feature 0's "
        "by 7% or more. Likely mistake: a tie tolerance that is absolute (np.isclose's 1e-8), or "
        "grows as the gain shrinks; only gains within a relative 1e-12 of the best tie")
    expect_float(threshold, 0.5, "threshold", rtol=1e-12, hint="the midpoint between 0 and 1")
    expect_float(got_gain, gain, "gain", rtol=1e-6,
                 hint="the gini gain of the cut of feature 1, a small positive number")


@pytest.mark.points(2, "correctness")
def test_reordering_rows_and_renaming_labels_changes_nothing(impl):
    X, y, X_test, answers = oracle_tree(seed=81, n=60)
    order = np.random.default_rng(81).permutation(len(y))
    names = np.array([30, -4, 7])  # 0 -> 30, 1 -> -4, 2 -> 7: the sorted order changes
    model = impl.DecisionTreeClassifier().fit(X[order], names[y[order]])
    expect_equal(model.predict(X_test), names[answers["gini"]["predict"]],
                 "predict after shuffling the rows and renaming the labels",
                 hint="the tree may depend on the values and the labels, never on the row order")
    expect_close(model.predict_proba(X_test), answers["gini"]["proba"][:, [1, 2, 0]],
                 "predict_proba with classes_ = [-4, 7, 30]", **PROBA,
                 hint="the columns follow the sorted labels classes_, whatever their names")


# edge cases ------------------------------------------------------------------------------------

@pytest.mark.points(2, "edge_cases")
def test_impurity_of_an_empty_set_is_zero(impl):
    for name in ("entropy", "gini"):
        expect_float(getattr(impl, name)(np.array([], dtype=np.int64)), 0.0, f"{name}([])",
                     atol=0.0, hint="an empty set has impurity 0.0: return it before the "
                                    "formula (1 - Σp² over no classes gives 1.0)")


@pytest.mark.points(4, "edge_cases")
def test_constant_features_are_never_chosen(impl):
    rng = np.random.default_rng(91)
    signal = rng.permutation(10).astype(np.float64)
    y = np.where(signal < 4, 2, 5)
    y[signal == 8] = 2
    X = np.column_stack([np.full(10, 7.0), signal, np.full(10, -1.0)])
    feature, threshold, _ = impl.best_split(X, y)
    assert to_int(feature, "feature", hint=INT) == 1, (
        f"best_split chose feature {feature}, but only feature 1 varies. Likely mistake: "
        "thresholds only between distinct values; a constant column has none")
    expect_float(threshold, 3.5, "threshold", rtol=1e-12, hint="the midpoint between 3 and 4")
    constant = np.full((6, 2), 3.0)
    labels = [2, 2, 1, 1, 0, 5]
    result = impl.best_split(constant, labels)
    assert type(result) is tuple and len(result) == 3 and result[0] is None and result[1] is None, (
        f"with only constant features no split exists: expected (None, None, 0.0), got {result!r}. "
        "Likely mistake: a constant column has no candidate threshold")
    expect_float(result[2], 0.0, "gain with only constant features", atol=0.0,
                 hint="when no split exists, return (None, None, 0.0)")
    model = impl.DecisionTreeClassifier().fit(constant, labels)
    assert to_int(model.get_n_leaves(), "get_n_leaves()", hint=INT) == 1, (
        f"with only constant features the tree must be a single leaf, got {model.get_n_leaves()} "
        "leaves. Likely mistake: a split that sends every sample the same way is no split")
    expect_close(model.predict_proba([[3.0, 3.0]]), [[1 / 6, 2 / 6, 2 / 6, 1 / 6]],
                 "predict_proba of the lone leaf", **PROBA,
                 hint="the leaf's class counts [1, 2, 2, 1] over their total 6")
    expect_equal(model.predict([[3.0, 3.0], [0.0, 9.0]]), [1, 1], "predict of the lone leaf",
                 hint="labels 1 and 2 tie with 2 votes each: the lowest label wins")


@pytest.mark.points(3, "edge_cases")
def test_duplicate_rows_with_conflicting_labels_end_in_a_leaf(impl):
    X = np.array([[1.0, 1.0], [1.0, 1.0], [2.0, 2.0], [2.0, 2.0], [2.0, 2.0], [2.0, 2.0]])
    y = np.array(["b", "a", "a", "b", "b", "b"])
    model = impl.DecisionTreeClassifier().fit(X, y)
    expect_equal(model.predict([[1.0, 1.0], [2.0, 2.0]]), ["a", "b"], "predict",
                 hint="identical rows cannot be separated: stop and predict the majority "
                      "(a tie goes to the lowest label)")
    expect_close(model.predict_proba([[1.0, 1.0], [2.0, 2.0]]), [[0.5, 0.5], [0.25, 0.75]],
                 "predict_proba", **PROBA, hint="each leaf's class counts over their total")
    shape = depth_and_leaves(model)
    assert shape == (1, 2), (
        f"expected one split (depth 1, 2 leaves), got depth {shape[0]} and {shape[1]} leaves. "
        "Likely mistake: when best_split finds nothing the node is a leaf")


@pytest.mark.points(4, "edge_cases")
def test_no_split_is_made_when_nothing_gains(impl):
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    xor = np.array([0, 1, 1, 0])
    # Every cut of XOR leaves one of each class on each side: gain exactly 0.
    for criterion in ("gini", "entropy"):
        result = impl.best_split(X, xor, criterion=criterion)
        assert len(result) == 3 and result[0] is None and result[1] is None, (
            f"on XOR ({criterion}) every split gains 0: expected (None, None, 0.0), got {result!r}. "
            "Likely mistake: a split must gain strictly more than 0")
        expect_float(result[2], 0.0, "gain", atol=1e-15, hint="no split gains: return (None, None, 0.0)")
    model = impl.DecisionTreeClassifier().fit(X, xor)
    assert to_int(model.get_n_leaves(), "get_n_leaves()", hint=INT) == 1, (
        f"no split gains on XOR, so the tree is one leaf; got {model.get_n_leaves()} leaves")
    expect_equal(model.predict(X), [0, 0, 0, 0], "predict on XOR",
                 hint="the lone leaf ties 2-2 and predicts the lowest label")
    everything = np.ones(4, dtype=bool)
    expect_float(impl.information_gain(xor, everything, criterion="entropy"), 0.0,
                 "information_gain with an empty right child", atol=1e-15,
                 hint="an empty child has weight 0: the gain is I(y) - 1·I(y) = 0, not NaN")


@pytest.mark.points(3, "edge_cases")
@pytest.mark.parametrize("names", [["ant", "bee", "cat"], [-50, 3, 1000], [0.5, 2.25, 4.0]],
                         ids=["strings", "non_contiguous_ints", "floats"])
def test_labels_of_any_kind(impl, names):
    X, codes, X_test, answers = oracle_tree(seed=101, n=45)
    names = np.array(names)
    model = impl.DecisionTreeClassifier().fit(X, names[codes])
    expect_equal(model.classes_, names, "classes_", hint="classes_ = np.unique(y)")
    expect_equal(model.predict(X_test), names[answers["gini"]["predict"]], "predict(X_test)",
                 hint="predict returns classes_[index], not the index itself")


@pytest.mark.points(2, "edge_cases")
def test_bad_input_raises_value_error(impl):
    X, y, X_test, answers = oracle_tree(seed=111, n=30, n_test=20)
    with expect_raises(ValueError, "predict before fit",
                       hint="check_is_fitted raises NotFittedError, a ValueError"):
        impl.DecisionTreeClassifier().predict(X_test)
    model = impl.DecisionTreeClassifier().fit(X, y)
    expect_equal(model.predict(X_test), answers["gini"]["predict"], "predict(X_test)",
                 hint="grow the tree greedily with best_split")
    with expect_raises(ValueError, "predict with 2 features after fitting with 3",
                       hint="check_n_features(self, X) before predicting"):
        model.predict(X_test[:, :2])
    for params in ({"criterion": "mse"}, {"max_depth": 0}, {"min_samples_split": 1}):
        with expect_raises(ValueError, f"DecisionTreeClassifier(**{params}).fit",
                           hint="validate the hyperparameters at the start of fit"):
            impl.DecisionTreeClassifier(**params).fit(X, y)
    with expect_raises(ValueError, "best_split(X, y, criterion='log')",
                       hint="criterion must be 'gini' or 'entropy'"):
        impl.best_split(X, y, criterion="log")


@pytest.mark.points(3, "edge_cases")
def test_inputs_of_every_type_give_the_same_tree_and_stay_unchanged(impl):
    X, y, X_test, answers = oracle_tree(seed=121, n=50, integer=True)
    X_int = X.astype(np.int64)
    X_ro, y_ro, X_int_ro = (np.array(a) for a in (X, y, X_int))
    for array in (X_ro, y_ro, X_int_ro):
        array.setflags(write=False)
    expected = answers["gini"]["predict"]
    hint = "work on float64 copies; never sort or modify the caller's arrays in place"
    for name, X_in, y_in in (("read-only float64", X_ro, y_ro), ("int", X_int_ro, y_ro),
                             ("float32", X.astype(np.float32), y.astype(np.int32)),
                             ("list", X.tolist(), y.tolist())):
        model = impl.DecisionTreeClassifier().fit(X_in, y_in)
        expect_equal(model.predict(X_test), expected, f"predict after fitting on {name} input", hint=hint)
    impl.best_split(X_ro, y_ro)
    expect_close(X_ro, X, "X after fitting", rtol=0, hint=hint)
    expect_equal(y_ro, y, "y after fitting", hint=hint)


# stability -------------------------------------------------------------------------------------

@pytest.mark.points(4, "stability")
def test_entropy_of_absent_classes_raises_no_warning(impl):
    X, y, X_test, answers = oracle_tree(seed=131, n=60, n_classes=4, criteria=("entropy",))
    # Most candidate splits leave some class out of one child: p = 0 there, and 0·log2(0)
    # must count as 0, without a divide-by-zero or an invalid-value warning.
    X_small, y_small, (feature, threshold, gain) = clear_best_split(132, "entropy", n_classes=4)
    with no_float_warnings("best_split(criterion='entropy') with classes absent from a child"):
        got = impl.best_split(X_small, y_small, criterion="entropy")
    assert to_int(got[0], "feature", hint=INT) == feature, (
        f"best_split(criterion='entropy') chose feature {got[0]}, expected {feature}. Likely "
        "mistake: log2(0) gives -inf and 0·(-inf) gives NaN, which spoils the comparison of gains")
    expect_float(got[2], gain, "gain", rtol=1e-9, hint="0·log2(0) counts as 0")
    with no_float_warnings("DecisionTreeClassifier(criterion='entropy').fit"):
        model = impl.DecisionTreeClassifier(criterion="entropy").fit(X, y)
        proba = model.predict_proba(X_test)
    expect_close(proba, answers["entropy"]["proba"], "predict_proba(X_test)", **PROBA,
                 hint="0·log2(0) is 0: take logs only of the nonzero fractions")


@pytest.mark.points(2, "stability")
def test_a_threshold_between_adjacent_floats_separates_them(impl):
    low = np.nextafter(1.0, 2.0)   # 1 + 2**-52
    high = np.nextafter(low, 2.0)  # 1 + 2**-51: no float lies between the two
    assert low / 2 + high / 2 == high, "bank data: the midpoint must round up to high"
    X = np.array([[low], [high], [low], [high], [high]])
    y = np.array([0, 1, 0, 1, 1])
    hint = ("the computed midpoint of two adjacent floats rounds onto one of them; where it "
            "rounds up to the higher value, use the lower one so that x <= threshold still "
            "separates them")
    feature, threshold, _ = impl.best_split(X, y)
    assert to_int(feature, "feature", hint=INT) == 0, f"best_split chose feature {feature}, expected 0"
    expect_float(threshold, low, "threshold between 1 + 2**-52 and 1 + 2**-51", rtol=0.0, atol=0.0,
                 hint=hint)
    model = impl.DecisionTreeClassifier().fit(X, y)
    expect_equal(model.predict(X), y, "predict(X_train)", hint=hint)
    shape = depth_and_leaves(model)
    assert shape == (1, 2), (
        f"one split separates the two values: expected depth 1 and 2 leaves, got depth {shape[0]} "
        f"and {shape[1]} leaves. Likely mistake: {hint}")


@pytest.mark.points(4, "stability")
@pytest.mark.parametrize("scale, shift", [(1e-9, 0.0), (1e9, 0.0), (1.0, 1e6)],
                         ids=["tiny_values", "huge_values", "large_offset"])
def test_rescaled_features_give_the_same_tree(impl, scale, shift):
    X, y, X_test, answers = oracle_tree(seed=141, n=60)
    model = impl.DecisionTreeClassifier().fit(X * scale + shift, y)
    expect_tree_like(model, X_test * scale + shift, answers["gini"],
                     f"features times {scale:g} plus {shift:g}",
                     hint="only the order of the values matters: two values are distinct when "
                          "x[i] < x[i + 1], never by a fixed tolerance such as np.isclose")


# vectorization ---------------------------------------------------------------------------------

@pytest.mark.points(4, "vectorization")
def test_prediction_does_not_loop_over_the_samples(impl):
    X, y, _, _ = oracle_tree(seed=151, n=60, n_classes=3)
    X_test = np.random.default_rng(151).normal(scale=3.0, size=(3000, 3))
    model = impl.DecisionTreeClassifier(max_depth=4).fit(X, y)
    expect_array(model.predict(X_test[:5]), (5,), "predict(X_test[:5])", kind="iu",
                 hint="predict returns one label from classes_ per row")
    hint = ("route all samples at once: at each node split the index array of the samples there "
            "with one comparison; loop over the nodes, not over the samples")
    expect_no_loop_over(lambda size: model.predict(X_test[:size]), 300, 3000, "predict", hint=hint)
    expect_no_loop_over(lambda size: model.predict_proba(X_test[:size]), 300, 3000, "predict_proba",
                        hint=hint)
