"""Hidden tests of exercise 02, logistic regression (80 of its 100 points)."""
import numpy as np
import pytest
from scipy import special
from sklearn import linear_model

from autograder import datasets
from autograder.checks import (
    expect_array,
    expect_close,
    expect_equal,
    expect_float,
    expect_raises,
    no_float_warnings,
    numerical_gradient,
    relative_error,
    to_float,
)

# probabilities far in a tail may lose relative precision in a correct formula (0.5·(1 + tanh(z/2))):
# an absolute tolerance of 1e-12 accepts that, and every catalogued mistake is off by far more
PROBABILITY = {"rtol": 1e-9, "atol": 1e-12}


def sklearn_oracle(X, y, alpha):
    """scikit-learn's minimizer of mean log-loss + (alpha/2)·||w||², to about ten digits.

    Newton's method (``newton-cholesky``) converges quadratically, to a gradient of 1e-12;
    the default ``lbfgs`` stops on its relative loss decrease (about 1e-14), which left the
    weights of some seeds off by a fifth of the tolerances below.
    """
    return linear_model.LogisticRegression(C=1 / (len(y) * alpha), solver="newton-cholesky",
                                           tol=1e-12, max_iter=10_000).fit(X, y)


def gd_trajectory(X, t, learning_rate, n_iters, alpha):
    """Batch gradient descent on the penalized mean log-loss, written out."""
    w, b, history = np.zeros(X.shape[1]), 0.0, []
    for _ in range(n_iters):
        z = X @ w + b
        history.append(np.mean(np.logaddexp(0, z) - t * z) + alpha / 2 * (w @ w))
        error = special.expit(z) - t
        w, b = w - learning_rate * (X.T @ error / len(t) + alpha * w), b - learning_rate * error.mean()
    return w, b, history


# shapes ------------------------------------------------------------------------------------

@pytest.mark.points(3, "shapes")
def test_sigmoid_keeps_the_shape_and_returns_a_float_for_a_scalar(impl):
    Z = np.linspace(-3.0, 3.0, 12).reshape(3, 4)
    expected = special.expit(Z)
    expect_close(impl.sigmoid(Z), expected, "sigmoid of a (3, 4) array", **PROBABILITY,
                 hint="sigmoid is elementwise: the output has the input's shape")
    expect_float(impl.sigmoid(0.0), 0.5, "sigmoid(0.0)", rtol=1e-15,
                 hint="a scalar in gives a scalar out: return out[()]")


@pytest.mark.points(3, "shapes")
def test_loss_and_gradient_return_a_float_an_array_and_a_float(impl):
    X, y = datasets.binary(seed=21, n=12, d=4)
    w, b = datasets.point(seed=21, d=4)
    loss, dw, db = impl.log_loss_and_gradient(X, y, w, b)
    to_float(loss, "loss", hint="return the mean as a float, not an array")
    expect_array(dw, (4,), "dw", hint="dw has the shape of w")
    to_float(db, "db")


# correctness -------------------------------------------------------------------------------

@pytest.mark.points(4, "correctness")
def test_sigmoid_matches_the_exact_function(impl):
    z = np.random.default_rng(30).normal(scale=8.0, size=200)
    expected = special.expit(z)
    expect_close(impl.sigmoid(z), expected, "sigmoid(z)", **PROBABILITY,
                 hint="sigmoid(z) = 1 / (1 + exp(-z))")


@pytest.mark.points(8, "correctness")
@pytest.mark.parametrize("alpha", [0.0, 0.4])
def test_gradient_matches_central_differences(impl, alpha):
    X, y = datasets.binary(seed=31, n=10, d=3)
    w, b = datasets.point(seed=31, d=3)
    dw_expected = numerical_gradient(lambda v: impl.log_loss_and_gradient(X, y, v, b, alpha)[0], w)
    db_expected = numerical_gradient(lambda c: impl.log_loss_and_gradient(X, y, w, float(c), alpha)[0], b)
    _, dw, db = impl.log_loss_and_gradient(X, y, w, b, alpha)
    expect_array(dw, (3,), "dw")
    error = relative_error(dw, dw_expected)
    assert error < 1e-7, (
        f"dw disagrees with the numerical gradient of your own loss (relative error {error:.2g}, "
        "should be < 1e-7). Likely mistake: dw = Xᵀ(sigmoid(z) - y)/n + alpha·w; no extra "
        "sigmoid'(z) factor (that is the squared-error gradient), no flipped sign")
    db_error = relative_error(to_float(db, "db"), db_expected)
    assert db_error < 1e-7, (
        f"db disagrees with the numerical gradient (relative error {db_error:.2g}). "
        "Likely mistake: db = mean(sigmoid(z) - y), with no penalty term")


@pytest.mark.points(4, "correctness")
def test_loss_and_gradient_have_exact_values(impl):
    X = np.array([[0.0, 1.0], [2.0, 0.0], [1.0, -1.0], [0.0, 0.0]])
    y = np.array([0.0, 1.0, 1.0, 0.0])
    w, b = np.zeros(2), 0.0
    # z = 0 everywhere: loss = ln 2, sigmoid(z) - y = [0.5, -0.5, -0.5, 0.5]
    loss, dw, db = impl.log_loss_and_gradient(X, y, w, b)
    expect_float(loss, np.log(2.0), "loss at w = 0, b = 0", rtol=1e-12,
                 hint="at z = 0 every sample costs log 2")
    expect_close(dw, [-1.5 / 4, 1.0 / 4], "dw", rtol=1e-12, hint="dw = Xᵀ(sigmoid(z) - y) / n")
    expect_float(db, 0.0, "db", atol=1e-15, hint="db = mean(sigmoid(z) - y)")


@pytest.mark.points(5, "correctness")
def test_gradient_descent_takes_exactly_the_specified_steps(impl):
    X, y = datasets.binary(seed=32, n=16, d=3)
    w, b, history = gd_trajectory(X, y.astype(float), 0.3, 5, alpha=0.1)
    model = impl.LogisticRegression(learning_rate=0.3, n_iters=5, alpha=0.1).fit(X, y)
    expect_close(np.asarray(model.loss_history_, dtype=np.float64), history, "loss_history_",
                 rtol=1e-9, atol=1e-12, hint="start from zeros and record the loss *before* each update")
    expect_close(model.coef_, w, "coef_ after 5 steps", rtol=1e-9, atol=1e-12,
                 hint="each step is w ← w - learning_rate·dw, b ← b - learning_rate·db")
    expect_float(model.intercept_, b, "intercept_ after 5 steps", rtol=1e-9, atol=1e-12)


@pytest.mark.points(6, "correctness")
@pytest.mark.parametrize("seed, alpha", [(33, 0.02), (34, 0.2)])
def test_fit_converges_to_scikit_learn(impl, seed, alpha):
    X, y = datasets.binary(seed=seed, n=50, d=3)
    oracle = sklearn_oracle(X, y, alpha)
    # step 1.0 < 2/L with L <= alpha + ||[X 1]||²/(4n) (1.17 and 1.33 here, at most 1.8 for
    # seeds up to 9 above): 3000 steps reach the minimum to about eleven digits (a step of
    # 0.5 left the intercept 5e-9 off on some seeds)
    model = impl.LogisticRegression(learning_rate=1.0, n_iters=3000, alpha=alpha).fit(X, y)
    history = np.asarray(model.loss_history_, dtype=np.float64)
    assert history[-1] < history[0], (
        f"the loss went up from {history[0]:.4g} to {history[-1]:.4g}: is the gradient's sign flipped?")
    expect_close(model.coef_, oracle.coef_[0], "coef_", rtol=1e-5, atol=1e-7,
                 hint="the minimum of mean log-loss + (alpha/2)·||w||² is LogisticRegression(C = 1/(n·alpha))")
    expect_float(model.intercept_, oracle.intercept_[0], "intercept_", rtol=1e-5, atol=1e-7)
    expect_close(model.predict_proba(X), oracle.predict_proba(X), "predict_proba(X)", rtol=1e-5, atol=1e-7,
                 hint="column k is P(classes_[k]): [1 - p, p]")


@pytest.mark.points(4, "correctness")
def test_predictions_agree_with_probabilities_and_logits(impl):
    X, y = datasets.binary(seed=35, n=40, d=2)
    model = impl.LogisticRegression(n_iters=200, alpha=0.01).fit(X, y)
    z = expect_array(model.decision_function(X), (40,), "decision_function(X)")
    expected_z = X @ expect_array(model.coef_, (2,), "coef_") + to_float(model.intercept_, "intercept_")
    expect_close(z, expected_z, "decision_function(X)", rtol=1e-12, atol=1e-12,
                 hint="decision_function returns z = Xw + b")
    expected_proba = np.column_stack([special.expit(-expected_z), special.expit(expected_z)])
    expect_close(model.predict_proba(X), expected_proba, "predict_proba(X)", **PROBABILITY,
                 hint="predict_proba = [1 - sigmoid(z), sigmoid(z)]")
    expect_equal(model.predict(X), np.where(expected_proba[:, 1] >= 0.5, 1, 0), "predict(X)",
                 hint="predict classes_[1] where P(classes_[1]) >= 0.5")


@pytest.mark.points(3, "correctness")
def test_swapping_the_labels_negates_the_model(impl):
    X, y = datasets.binary(seed=36, n=30, d=2)
    model = impl.LogisticRegression(n_iters=300, alpha=0.05).fit(X, y)
    swapped = impl.LogisticRegression(n_iters=300, alpha=0.05).fit(X, 1 - y)
    coef = expect_array(model.coef_, (2,), "coef_")
    expect_close(expect_array(swapped.coef_, (2,), "coef_ with swapped labels"), -coef,
                 "coef_ with labels 0 and 1 swapped", rtol=1e-9, atol=1e-12,
                 hint="the model depends on which label is classes_[1], nothing else")


# regularization ----------------------------------------------------------------------------

@pytest.mark.points(4, "regularization")
def test_penalty_adds_exactly_half_alpha_w_squared(impl):
    X, y = datasets.binary(seed=40, n=12, d=3)
    w, b = datasets.point(seed=40, d=3)
    alpha = 1.5
    loss0, dw0, db0 = impl.log_loss_and_gradient(X, y, w, b, 0.0)
    loss1, dw1, db1 = impl.log_loss_and_gradient(X, y, w, b, alpha)
    hint = "the penalty is (alpha/2)·||w||²: it adds alpha·w to dw and nothing to db"
    expect_float(to_float(loss1, "loss") - to_float(loss0, "loss"), alpha / 2 * (w @ w),
                 "loss(alpha) - loss(0)", rtol=1e-9, hint=hint)
    expect_close(expect_array(dw1, (3,), "dw") - expect_array(dw0, (3,), "dw"), alpha * w,
                 "dw(alpha) - dw(0)", rtol=1e-9, atol=1e-12, hint=hint)
    expect_float(to_float(db1, "db"), to_float(db0, "db"), "db with a penalty", rtol=1e-12, hint=hint)


@pytest.mark.points(5, "regularization")
def test_a_strong_penalty_leaves_the_intercept_free(impl):
    X, y = datasets.binary(seed=41, n=40, d=2)
    y[:10] = 1  # 25 positives out of 40: the base rate's logit is log(25/15) = 0.51
    oracle = sklearn_oracle(X, y, alpha=10.0)
    # step 0.09 < 2/L with L <= alpha + ||X||²/(4n); 2000 steps contract b's error by 1e-19
    model = impl.LogisticRegression(learning_rate=0.09, n_iters=2000, alpha=10.0).fit(X, y)
    expect_close(model.coef_, oracle.coef_[0], "coef_ under alpha = 10", rtol=1e-5, atol=1e-7,
                 hint="a strong penalty drives w towards 0")
    expect_float(model.intercept_, oracle.intercept_[0], "intercept_ under alpha = 10", rtol=1e-5, atol=1e-7,
                 hint="the intercept is not penalized, so it still fits the base rate "
                      "(about 0.5 here); a penalized intercept is pulled to 0")


@pytest.mark.points(5, "regularization")
def test_a_stronger_penalty_shrinks_the_weights(impl):
    X, y = datasets.binary(seed=42, n=40, d=3)
    alphas = (0.01, 0.1, 1.0)
    expected = [float(np.linalg.norm(sklearn_oracle(X, y, a).coef_)) for a in alphas]
    got = [float(np.linalg.norm(expect_array(
        impl.LogisticRegression(learning_rate=0.5, n_iters=1500, alpha=a).fit(X, y).coef_, (3,), "coef_")))
        for a in alphas]
    assert got[0] > got[1] > got[2], (
        f"||coef_|| for alpha = 0.01, 0.1, 1 should decrease, got {[f'{g:.4g}' for g in got]} "
        f"(expected about {[f'{e:.4g}' for e in expected]}). Likely mistake: the penalty's gradient "
        "is missing or has the wrong sign")


# stability ---------------------------------------------------------------------------------

@pytest.mark.points(5, "stability")
def test_loss_of_huge_logits_is_exact_and_warning_free(impl):
    X = np.array([[1000.0], [-1000.0], [1000.0]])
    y = np.array([0.0, 1.0, 1.0])
    # z = [1000, -1000, 1000]: costs are 1000, 1000 and log(1 + e^-1000) = 0
    with no_float_warnings("log_loss_and_gradient with logits of ±1000"):
        loss, dw, db = impl.log_loss_and_gradient(X, y, np.array([1.0]), 0.0)
    expect_float(loss, 2000.0 / 3, "loss", rtol=1e-12,
                 hint="use np.logaddexp(0, z) - y·z: log(sigmoid(z)) is -inf at z = -1000, and "
                      "clipping probabilities gives a finite but wrong loss")
    expect_close(dw, [(1000.0 + 1000.0 + 0.0) / 3], "dw", rtol=1e-12)
    expect_float(db, (1.0 - 1.0 + 0.0) / 3, "db", atol=1e-12)


@pytest.mark.points(4, "stability")
def test_sigmoid_of_large_arrays_raises_no_warning(impl):
    z = np.linspace(-1e4, 1e4, 101)
    expected = special.expit(z)
    with no_float_warnings("sigmoid on values up to ±1e4"):
        got = impl.sigmoid(z)
    expect_close(got, expected, "sigmoid(z)", rtol=1e-12, atol=1e-12,
                 hint="np.where(z >= 0, f, g) still evaluates exp on every entry: compute each "
                      "formula only on its own entries")


@pytest.mark.points(4, "stability")
def test_fit_on_separable_large_scale_data_stays_finite(impl):
    X, y = datasets.binary(seed=43, n=30, d=2, separation=6.0)
    X = 100.0 * X
    with no_float_warnings("fit on separable data with features around 100"):
        model = impl.LogisticRegression(learning_rate=0.1, n_iters=300, alpha=0.1).fit(X, y)
    expect_array(model.coef_, (2,), "coef_")
    history = np.asarray(model.loss_history_, dtype=np.float64)
    expect_array(history, (300,), "loss_history_ (as an array)")


# edge cases --------------------------------------------------------------------------------

@pytest.mark.points(3, "edge_cases")
@pytest.mark.parametrize("labels", [("no", "yes"), (-1, 1), (3, 7)], ids=["strings", "minus_one_one", "three_seven"])
def test_any_two_labels_work_and_come_back_from_predict(impl, labels):
    X, y01 = datasets.binary(seed=44, n=30, d=2)
    y = np.array(labels)[y01]
    reference = impl.LogisticRegression(n_iters=200, alpha=0.01).fit(X, y01)
    expected = np.array(labels)[expect_array(reference.predict(X), (30,), "predict(X) on 0/1 labels", kind="iu")]
    model = impl.LogisticRegression(n_iters=200, alpha=0.01).fit(X, y)
    expect_equal(model.classes_, np.array(sorted(labels)), "classes_",
                 hint="classes_ = np.unique(y): the sorted labels, whatever their type")
    expect_equal(model.predict(X), expected, "predict(X)",
                 hint="classes_[1] is the positive class; predict returns classes_[index], not 0/1")


@pytest.mark.points(2, "edge_cases")
def test_labels_listed_in_any_order_give_sorted_classes(impl):
    X, y = datasets.binary(seed=45, n=20, d=2)
    y[0] = 0  # "zebra" comes first, but sorts last
    labels = np.array(["zebra", "ant"])[y]
    model = impl.LogisticRegression(n_iters=50).fit(X, labels)
    expect_equal(model.classes_, np.array(["ant", "zebra"]), "classes_",
                 hint="sort the labels (np.unique), do not keep their order of appearance")
    positive = model.predict_proba(X)[:, 1]
    expect_array(positive, (20,), "predict_proba(X)[:, 1]")
    reference = impl.LogisticRegression(n_iters=50).fit(X, 1 - y)
    expect_close(positive, reference.predict_proba(X)[:, 1], "P('zebra')", **PROBABILITY,
                 hint="column 1 is the probability of classes_[1] = 'zebra', the positive class")


@pytest.mark.points(2, "edge_cases")
def test_a_probability_of_exactly_one_half_predicts_the_positive_class(impl):
    X, y01 = datasets.binary(seed=48, n=20, d=2)
    y = np.array(["no", "yes"])[y01]
    # 10 labels of each: the first step from zeros has db = mean(0.5 - t) = 0 exactly, so after
    # one step b = 0 and the origin has z = 0 and P("yes") = sigmoid(0) = 0.5 exactly
    origin = np.zeros((1, 2))
    model = impl.LogisticRegression(learning_rate=0.1, n_iters=1).fit(X, y)
    expect_close(model.predict_proba(origin), [[0.5, 0.5]], "predict_proba at z = 0", rtol=1e-15,
                 hint="with balanced labels the first step leaves the intercept at 0, and sigmoid(0) = 0.5")
    expect_equal(model.predict(origin), np.array(["yes"]), "predict where P(classes_[1]) = 0.5",
                 hint="predict is classes_[1] where P(classes_[1]) >= 0.5: a tie goes to the "
                      "positive class (>=, not >)")


@pytest.mark.points(3, "edge_cases")
def test_other_than_two_classes_is_a_value_error(impl):
    X, y = datasets.binary(seed=46, n=21, d=2)
    expect_array(impl.LogisticRegression(n_iters=5).fit(X, y).coef_, (2,), "coef_")
    with expect_raises(ValueError, "fit with three classes",
                       hint="binary logistic regression needs exactly two labels in y"):
        impl.LogisticRegression(n_iters=5).fit(X, np.arange(21) % 3)
    with expect_raises(ValueError, "fit with a single class"):
        impl.LogisticRegression(n_iters=5).fit(X, np.zeros(21))


@pytest.mark.points(3, "edge_cases")
def test_inputs_are_never_modified(impl):
    X, y = datasets.binary(seed=47, n=20, d=3)
    X_ro, y_ro = datasets.read_only(X, y)
    w, b = datasets.point(seed=47, d=3)
    (w_ro,) = datasets.read_only(w)
    impl.log_loss_and_gradient(X_ro, y_ro.astype(float), w_ro, b, 0.3)
    model = impl.LogisticRegression(n_iters=20, alpha=0.1).fit(X_ro, y_ro)
    expect_array(model.predict_proba(X_ro), (20, 2), "predict_proba on a read-only X")
    expect_close(X_ro, X, "X after fitting", rtol=0, hint="never modify the caller's X in place")
    expect_close(w_ro, w, "w after log_loss_and_gradient", rtol=0)
