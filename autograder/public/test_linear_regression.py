"""Public tests of exercise 01, linear regression (20 of its 100 points)."""
import numpy as np
import pytest
from sklearn import linear_model

from autograder import datasets
from autograder.checks import expect_array, expect_close, expect_float, to_float


@pytest.mark.points(4, "shapes")
def test_fit_returns_self_and_learns_attributes_of_the_right_shape(impl):
    X, y = datasets.regression(seed=1, n=20, d=4)
    model = impl.LinearRegression()
    fitted = model.fit(X, y)
    assert fitted is model, "fit should return self (the estimator), so calls can be chained"
    expect_array(model.coef_, (4,), "coef_")
    to_float(model.intercept_, "intercept_")
    expect_array(model.predict(X[:7]), (7,), "predict(X[:7])",
                 hint="predict returns one value per row of X, a 1-D array")


@pytest.mark.points(6, "correctness")
def test_linear_regression_matches_scikit_learn(impl):
    X, y = datasets.regression(seed=2)
    oracle = linear_model.LinearRegression().fit(X, y)
    model = impl.LinearRegression().fit(X, y)
    expect_close(model.coef_, oracle.coef_, "coef_", rtol=1e-6, atol=1e-8,
                 hint="solve the centred least-squares problem with np.linalg.lstsq")
    expect_float(model.intercept_, oracle.intercept_, "intercept_", rtol=1e-6, atol=1e-8,
                 hint="b = mean(y) - mean(X) @ w")
    expect_close(model.predict(X), oracle.predict(X), "predict(X)", rtol=1e-6, atol=1e-8)


@pytest.mark.points(5, "correctness")
def test_mse_loss_has_the_exact_value_at_a_fixed_point(impl):
    X = np.array([[1.0, 2.0], [3.0, -1.0], [0.0, 1.0]])
    y = np.array([1.0, 2.0, 0.0])
    w, b = np.array([0.5, -1.0]), 0.25
    # residual = Xw + b - y = [-2.25, 0.75, -0.75]; loss = (5.0625 + 0.5625 + 0.5625) / 6
    loss, _, _ = impl.mse_loss_and_gradient(X, y, w, b)
    expect_float(loss, 6.1875 / 6, "loss", rtol=1e-9,
                 hint="loss = (1/(2n))·||Xw + b - y||²: check the 1/2 and the 1/n")


@pytest.mark.points(5, "regularization")
def test_ridge_matches_scikit_learn(impl):
    X, y = datasets.regression(seed=3, n=30, d=5)
    oracle = linear_model.Ridge(alpha=2.5).fit(X, y)
    model = impl.Ridge(alpha=2.5).fit(X, y)
    expect_close(model.coef_, oracle.coef_, "coef_", rtol=1e-6, atol=1e-8,
                 hint="minimize ||yc - Xc w||² + alpha·||w||² on centred data")
    expect_float(model.intercept_, oracle.intercept_, "intercept_", rtol=1e-6, atol=1e-8,
                 hint="the intercept is not penalized: b = mean(y) - mean(X) @ w")
