"""Public tests of exercise 02, logistic regression (20 of its 100 points)."""
import numpy as np
import pytest
from sklearn import linear_model

from autograder import datasets
from autograder.checks import expect_array, expect_close, expect_equal, expect_float, no_float_warnings, to_float


@pytest.mark.points(4, "shapes")
def test_fitted_model_has_attributes_and_outputs_of_the_right_shape(impl):
    X, y = datasets.binary(seed=1, n=20, d=3)
    model = impl.LogisticRegression(n_iters=10)
    assert model.fit(X, y) is model, "fit should return self"
    expect_array(model.coef_, (3,), "coef_")
    to_float(model.intercept_, "intercept_")
    expect_equal(model.classes_, [0, 1], "classes_", hint="classes_ holds the sorted distinct labels")
    expect_array(model.decision_function(X), (20,), "decision_function(X)")
    expect_array(model.predict_proba(X), (20, 2), "predict_proba(X)",
                 hint="one row per sample, one column per class: [P(classes_[0]), P(classes_[1])]")
    expect_array(model.predict(X), (20,), "predict(X)", kind="iu",
                 hint="predict returns labels taken from classes_")


@pytest.mark.points(4, "stability")
def test_sigmoid_is_exact_at_zero_and_saturates_without_overflow(impl):
    z = np.array([-1000.0, -5.0, 0.0, 5.0, 1000.0])
    expected = np.array([0.0, 1 / (1 + np.exp(5.0)), 0.5, 1 / (1 + np.exp(-5.0)), 1.0])
    with no_float_warnings("sigmoid([-1000, ..., 1000])"):
        got = impl.sigmoid(z)
    expect_close(got, expected, "sigmoid(z)", rtol=1e-12, atol=1e-12,
                 hint="1 / (1 + exp(-z)) where z >= 0 and exp(z) / (1 + exp(z)) where z < 0")


@pytest.mark.points(6, "correctness")
def test_log_loss_has_the_exact_value_at_a_fixed_point(impl):
    X = np.array([[1.0, 0.0], [0.0, 2.0], [1.0, 1.0]])
    y = np.array([1.0, 0.0, 1.0])
    w, b = np.array([np.log(3.0), 0.0]), 0.0
    # z = [ln 3, 0, ln 3]; log(1 + e^z) - y·z = [ln 4 - ln 3, ln 2, ln 4 - ln 3]
    expected = (2 * (np.log(4.0) - np.log(3.0)) + np.log(2.0)) / 3
    loss, _, _ = impl.log_loss_and_gradient(X, y, w, b)
    expect_float(loss, expected, "loss", rtol=1e-9,
                 hint="loss = mean(logaddexp(0, z) - y·z): the mean over samples, not the sum")


@pytest.mark.points(6, "correctness")
def test_penalized_fit_matches_scikit_learn(impl):
    X, y = datasets.binary(seed=2, n=40, d=2)
    alpha = 0.05
    # Newton's method reaches the minimum to about ten digits (lbfgs stops near six)
    oracle = linear_model.LogisticRegression(C=1 / (len(y) * alpha), solver="newton-cholesky",
                                             tol=1e-12, max_iter=10_000).fit(X, y)
    expected = oracle.predict_proba(X)
    model = impl.LogisticRegression(learning_rate=0.5, n_iters=1500, alpha=alpha).fit(X, y)
    expect_close(model.predict_proba(X), expected, "predict_proba(X)", rtol=1e-5, atol=1e-7,
                 hint="gradient descent on mean log-loss + (alpha/2)·||w||² converges to "
                      "scikit-learn's LogisticRegression(C = 1/(n·alpha))")
