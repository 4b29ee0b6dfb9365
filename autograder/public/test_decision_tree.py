"""Public tests of exercise 07, decision trees (20 of its 100 points)."""
import numpy as np
import pytest
from sklearn import tree

from autograder.checks import expect_array, expect_close, expect_equal, expect_float, to_int

INT = "return a Python int (or a numpy integer), not a float, a bool or an array"


def depth_and_leaves(model):
    """``(get_depth(), get_n_leaves())`` of a fitted tree, each checked to be an int."""
    return (to_int(model.get_depth(), "get_depth()", hint=INT),
            to_int(model.get_n_leaves(), "get_n_leaves()", hint=INT))


def float32_exact(values):
    """``values`` rounded to float32 and back: scikit-learn's trees work in float32."""
    return np.asarray(values, dtype=np.float32).astype(np.float64)


def stable_tree_data(seed, n=60, d=3, n_classes=3, n_test=60, **params):
    """Blobs on which scikit-learn's tree does not depend on its ``random_state``.

    scikit-learn breaks ties between equally good splits at random, so it is an oracle only
    where its answers are the same for every seed: each draw is fitted with random states
    0..19 and kept only if predictions, probabilities, depth and leaf count all agree. Test
    points closer than 1e-3 to a threshold of any of those trees are dropped.
    Returns ``X, y, X_test`` and the oracle's ``predict``, ``proba``, ``depth``, ``n_leaves``.
    """
    rng = np.random.default_rng(seed)
    for _ in range(100):
        centers = 2.0 * rng.normal(size=(n_classes, d))
        y = np.arange(n) % n_classes
        rng.shuffle(y)
        X = float32_exact(centers[y] + rng.normal(size=(n, d)))
        X_test = float32_exact(centers.mean(axis=0) + 2.5 * rng.normal(size=(n_test, d)))
        answers, keep = [], np.ones(n_test, dtype=bool)
        for random_state in range(20):
            fit = tree.DecisionTreeClassifier(random_state=random_state, **params).fit(X, y)
            internal = fit.tree_.feature >= 0
            gaps = np.abs(X_test[:, fit.tree_.feature[internal]] - fit.tree_.threshold[internal])
            keep &= np.all(gaps > 1e-3, axis=1)
            answer = (fit.predict(X_test), fit.predict_proba(X_test), fit.get_depth(), fit.get_n_leaves())
            if answers and not (np.array_equal(answer[0], answers[0][0])
                                and np.array_equal(answer[1], answers[0][1])
                                and answer[2:] == answers[0][2:]):
                break
            answers.append(answer)
        else:
            if keep.sum() >= n_test // 2:
                predict, proba, depth, n_leaves = answers[0]
                return X, y, X_test[keep], predict[keep], proba[keep], depth, n_leaves
    raise RuntimeError("no dataset on which scikit-learn's tree is stable")


@pytest.mark.points(4, "shapes")
def test_fit_returns_self_and_outputs_have_the_right_shapes(impl):
    X, y, X_test, *_ = stable_tree_data(seed=1, n=30, n_test=10)
    model = impl.DecisionTreeClassifier(max_depth=2)
    assert model.fit(X, y) is model, "fit should return self (the estimator), so calls can be chained"
    expect_equal(model.classes_, [0, 1, 2], "classes_", hint="classes_ holds the sorted distinct labels")
    m = len(X_test)
    expect_array(model.predict(X_test), (m,), f"predict(X_test[{m}])", kind="iu",
                 hint="predict returns one label from classes_ per row of X")
    proba = expect_array(model.predict_proba(X_test), (m, 3), f"predict_proba(X_test[{m}])",
                         hint="one row per sample and one column per class of classes_")
    expect_close(proba.sum(axis=1), np.ones(m), "the row sums of predict_proba", rtol=1e-12,
                 hint="divide each leaf's class counts by their total")
    depth, leaves = depth_and_leaves(model)
    assert depth == 2 and leaves in (3, 4), (
        f"with max_depth=2 on 3 classes the tree should have depth 2 and 3 or 4 leaves, got depth "
        f"{depth} and {leaves} leaves. Likely mistake: the root has depth 0; count leaves, not nodes")


@pytest.mark.points(4, "correctness")
def test_entropy_and_gini_have_exact_values(impl):
    # [0, 0, 1, 1]: p = (1/2, 1/2): entropy 1 bit, gini 1 - 1/4 - 1/4 = 1/2.
    # [5, 5, 5, 7]: p = (3/4, 1/4): entropy = 3/4·log2(4/3) + 1/4·2, gini = 1 - 9/16 - 1/16.
    # three equal classes: entropy log2(3), gini 2/3. A pure set: 0 for both.
    cases = [([0, 0, 1, 1], 1.0, 0.5),
             ([5, 5, 5, 7], 0.75 * np.log2(4 / 3) + 0.5, 0.375),
             (["x", "y", "z"], np.log2(3.0), 2 / 3),
             ([4, 4, 4], 0.0, 0.0)]
    for y, expected_entropy, expected_gini in cases:
        expect_float(impl.entropy(y), expected_entropy, f"entropy({y})", rtol=1e-12, atol=1e-15,
                     hint="entropy = -Σ p·log2(p) over the classes present: in bits, so log base 2")
        expect_float(impl.gini(y), expected_gini, f"gini({y})", rtol=1e-12, atol=1e-15,
                     hint="gini = 1 - Σ p², with p the fraction of each class")


@pytest.mark.points(4, "correctness")
def test_information_gain_weights_the_children_by_their_size(impl):
    y = np.array([1, 0, 1, 0, 1, 0, 1, 0])
    left = np.array([False, True, False, False, False, True, False, False])
    # parent (4, 4); left = [0, 0] (pure); right = [1, 0, 1, 1, 0, 1]: 2 zeros, 4 ones.
    # gini:    0.5 - 6/8·(1 - 1/9 - 4/9) = 0.5 - 1/3 = 1/6
    # entropy: 1 - 6/8·H(1/3, 2/3) with H(1/3, 2/3) = log2(3) - 2/3
    expected = {"gini": 1 / 6, "entropy": 1 - 0.75 * (np.log2(3.0) - 2 / 3)}
    for criterion, value in expected.items():
        gain = impl.information_gain(y, left, criterion=criterion)
        expect_float(gain, value, f"information_gain(y, left_mask, criterion={criterion!r})",
                     rtol=1e-12,
                     hint="gain = I(y) - (n_L/n)·I(left) - (n_R/n)·I(right): each child weighted "
                          "by its share of the samples, not by 1/2")


@pytest.mark.points(4, "correctness")
def test_best_split_returns_the_feature_and_the_midpoint(impl):
    X = np.array([[0.0, 1.0], [2.0, 2.0], [1.0, 9.0], [4.0, 4.0], [3.0, 6.0], [5.0, 0.5]])
    y = np.array([0, 0, 1, 0, 1, 1])
    # Feature 1 sorted: 0.5(1) 1(0) 2(0) 4(0) | 6(1) 9(1): the cut between 4 and 6 gives
    # gini gain 0.5 - 4/6·(1 - 9/16 - 1/16) = 0.25; its other cuts gain 0, 1/18 or 0.1.
    # Feature 0 sorts the labels as 0 1 0 1 0 1: its cuts gain at most 0.1.
    feature, threshold, gain = impl.best_split(X, y)
    assert to_int(feature, "feature", hint=INT) == 1, (
        f"best_split chose feature {feature}, expected 1. Likely mistake: compare the gains of "
        "every threshold of every feature and keep the largest")
    expect_float(threshold, 5.0, "threshold", rtol=1e-12,
                 hint="thresholds are the midpoints between consecutive distinct values: (4 + 6)/2")
    expect_float(gain, 0.25, "gain", rtol=1e-12, hint="the gain is the information gain of that split")


@pytest.mark.points(4, "correctness")
def test_tree_predicts_like_scikit_learn(impl):
    X, y, X_test, predict, proba, depth, n_leaves = stable_tree_data(seed=2)
    model = impl.DecisionTreeClassifier().fit(X, y)
    expect_equal(model.predict(X_test), predict, "predict(X_test)",
                 hint="grow the tree greedily with best_split until every leaf is pure or "
                      "cannot be split")
    expect_close(model.predict_proba(X_test), proba, "predict_proba(X_test)", rtol=1e-9, atol=1e-12,
                 hint="predict_proba is the class counts of the leaf divided by their total")
    got = depth_and_leaves(model)
    assert got == (depth, n_leaves), (
        f"the tree has depth {got[0]} and {got[1]} leaves, scikit-learn's "
        f"{depth} and {n_leaves}. Likely mistake: a node stops only when it is pure or no split gains")
