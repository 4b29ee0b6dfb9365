"""Hidden tests of exercise 01, linear regression (80 of its 100 points)."""
import numpy as np
import pytest
from sklearn import linear_model

from autograder import datasets
from autograder.checks import (
    expect_array,
    expect_close,
    expect_float,
    expect_raises,
    numerical_gradient,
    relative_error,
    to_float,
)

CLOSE = {"rtol": 1e-6, "atol": 1e-8}


def gd_trajectory(X, y, learning_rate, n_iters, alpha, fit_intercept=True):
    """Batch gradient descent on the half-MSE loss, written out: the oracle for GD tests."""
    n = len(y)
    w, b, history = np.zeros(X.shape[1]), 0.0, []
    for _ in range(n_iters):
        residual = X @ w + b - y
        history.append(residual @ residual / (2 * n) + alpha / 2 * (w @ w))
        w, b = w - learning_rate * (X.T @ residual / n + alpha * w), (
            b - learning_rate * residual.mean() if fit_intercept else b)
    return w, b, history


# shapes ------------------------------------------------------------------------------------

@pytest.mark.points(3, "shapes")
def test_gradient_descent_learns_attributes_of_the_right_shape(impl):
    X, y = datasets.regression(seed=21, n=15, d=2)
    model = impl.LinearRegressionGD(n_iters=7)
    assert model.fit(X, y) is model, "fit should return self"
    expect_array(model.coef_, (2,), "coef_")
    to_float(model.intercept_, "intercept_")
    history = np.asarray(model.loss_history_, dtype=np.float64)
    expect_array(history, (7,), "loss_history_ (as an array)",
                 hint="append one loss per iteration: len(loss_history_) == n_iters")
    expect_array(model.predict(X), (15,), "predict(X)")


@pytest.mark.points(3, "shapes")
def test_loss_and_gradient_return_a_float_an_array_and_a_float(impl):
    X, y = datasets.regression(seed=22, n=9, d=4)
    w, b = datasets.point(seed=22, d=4)
    loss, dw, db = impl.mse_loss_and_gradient(X, y, w, b)
    to_float(loss, "loss", hint="return the loss as a float, not an array")
    expect_array(dw, (4,), "dw", hint="dw has the shape of w, (d,)")
    to_float(db, "db", hint="db is one number: the mean residual")


# correctness -------------------------------------------------------------------------------

@pytest.mark.points(5, "correctness")
@pytest.mark.parametrize("seed, fit_intercept", [(31, True), (32, False), (33, True)])
def test_least_squares_matches_scikit_learn(impl, seed, fit_intercept):
    X, y = datasets.regression(seed=seed, n=25 + seed % 7, d=3 + seed % 3)
    oracle = linear_model.LinearRegression(fit_intercept=fit_intercept).fit(X, y)
    model = impl.LinearRegression(fit_intercept=fit_intercept).fit(X, y)
    expect_close(model.coef_, oracle.coef_, "coef_", **CLOSE,
                 hint="without an intercept, solve X w ≈ y on the raw data" if not fit_intercept
                 else "centre X and y, then np.linalg.lstsq")
    expect_float(model.intercept_, oracle.intercept_, "intercept_", **CLOSE,
                 hint="fit_intercept=False means intercept_ = 0.0")
    expect_close(model.predict(X[:5]), oracle.predict(X[:5]), "predict(X)", **CLOSE)


@pytest.mark.points(5, "correctness")
@pytest.mark.parametrize("make", [datasets.collinear, datasets.wide], ids=["collinear", "more_features_than_samples"])
def test_rank_deficient_data_gets_the_minimum_norm_solution(impl, make):
    X, y = make(seed=34)
    oracle = linear_model.LinearRegression().fit(X, y)
    X_new = np.random.default_rng(35).normal(size=(6, X.shape[1]))
    expected = oracle.predict(X_new)
    model = impl.LinearRegression().fit(X, y)
    hint = ("XᵀX is singular here: np.linalg.inv / solve on it return garbage without a warning; "
            "np.linalg.lstsq gives the minimum-norm solution")
    expect_close(model.predict(X_new), expected, "predict on new data", **CLOSE, hint=hint)
    expect_close(model.coef_, oracle.coef_, "coef_", **CLOSE, hint=hint)


@pytest.mark.points(5, "correctness")
@pytest.mark.parametrize("alpha", [0.0, 0.7])
def test_gradient_matches_central_differences(impl, alpha):
    X, y = datasets.regression(seed=36, n=8, d=3)
    w, b = datasets.point(seed=36, d=3)
    dw_expected = numerical_gradient(lambda v: impl.mse_loss_and_gradient(X, y, v, b, alpha)[0], w)
    db_expected = numerical_gradient(lambda c: impl.mse_loss_and_gradient(X, y, w, float(c), alpha)[0], b)
    _, dw, db = impl.mse_loss_and_gradient(X, y, w, b, alpha)
    expect_array(dw, (3,), "dw")
    error = relative_error(dw, dw_expected)
    assert error < 1e-7, (
        f"dw disagrees with the numerical gradient of your own loss (relative error {error:.2g}, "
        f"should be < 1e-7). Likely mistake: dw = Xᵀ(Xw + b - y)/n + alpha·w; a flipped sign "
        "or a missing 1/n shows here")
    db_error = relative_error(to_float(db, "db"), db_expected)
    assert db_error < 1e-7, (
        f"db disagrees with the numerical gradient (relative error {db_error:.2g}). "
        "Likely mistake: db = mean(Xw + b - y), and the penalty does not involve b")


@pytest.mark.points(3, "correctness")
def test_loss_and_gradient_have_exact_values(impl):
    X = np.array([[2.0, 0.0], [1.0, 1.0], [0.0, -1.0], [1.0, 3.0]])
    y = np.array([1.0, 0.0, 2.0, -1.0])
    w, b = np.array([1.0, -0.5]), 0.5
    # r = Xw + b - y = [1.5, 1, -1, 1]; ||r||² = 5.25; Xᵀr = [5, 5]; n = 4
    loss, dw, db = impl.mse_loss_and_gradient(X, y, w, b)
    expect_float(loss, 5.25 / 8, "loss", rtol=1e-9, hint="loss = (1/(2n))·||Xw + b - y||²")
    expect_close(dw, [5.0 / 4, 5.0 / 4], "dw", rtol=1e-9, hint="dw = Xᵀr / n")
    expect_float(db, 2.5 / 4, "db", rtol=1e-9, hint="db = mean(r)")


@pytest.mark.points(4, "correctness")
@pytest.mark.parametrize("fit_intercept", [True, False])
def test_gradient_descent_takes_exactly_the_specified_steps(impl, fit_intercept):
    X, y = datasets.regression(seed=37, n=12, d=3)
    w, b, history = gd_trajectory(X, y, 0.05, 6, alpha=0.2, fit_intercept=fit_intercept)
    model = impl.LinearRegressionGD(learning_rate=0.05, n_iters=6, alpha=0.2,
                                    fit_intercept=fit_intercept).fit(X, y)
    expect_close(np.asarray(model.loss_history_, dtype=np.float64), history, "loss_history_",
                 rtol=1e-9, atol=1e-12,
                 hint="start from w = 0, b = 0 and record the loss *before* each update")
    expect_close(model.coef_, w, "coef_ after 6 steps", rtol=1e-9, atol=1e-12,
                 hint="each step is w ← w - learning_rate·dw")
    expect_float(model.intercept_, b, "intercept_ after 6 steps", rtol=1e-9, atol=1e-12,
                 hint="b ← b - learning_rate·db, and b stays 0 when fit_intercept=False")


@pytest.mark.points(4, "correctness")
def test_gradient_descent_converges_to_ridge_with_alpha_times_n(impl):
    X, y = datasets.regression(seed=38, n=50, d=3)
    oracle = linear_model.Ridge(alpha=50 * 0.1).fit(X, y)
    model = impl.LinearRegressionGD(learning_rate=0.3, n_iters=400, alpha=0.1).fit(X, y)
    history = np.asarray(model.loss_history_, dtype=np.float64)
    assert history[-1] <= history[0], (
        f"the loss went up from {history[0]:.4g} to {history[-1]:.4g}: "
        "is the gradient's sign flipped (w += lr·dw)?")
    expect_close(model.coef_, oracle.coef_, "coef_", rtol=1e-6, atol=1e-8,
                 hint="the minimum of (1/2n)·SSE + (alpha/2)·||w||² is Ridge(alpha = n·alpha)")
    expect_float(model.intercept_, oracle.intercept_, "intercept_", rtol=1e-6, atol=1e-8)


@pytest.mark.points(4, "correctness")
def test_reordering_samples_does_not_change_the_fit(impl):
    X, y = datasets.regression(seed=39, n=30, d=4)
    order = np.random.default_rng(39).permutation(30)
    expected = linear_model.LinearRegression().fit(X, y).coef_
    first = impl.LinearRegression().fit(X, y)
    second = impl.LinearRegression().fit(X[order], y[order])
    expect_close(first.coef_, expected, "coef_", **CLOSE)
    expect_close(second.coef_, first.coef_, "coef_ after shuffling the rows", **CLOSE,
                 hint="the fit must depend on the data, not on the row order")


@pytest.mark.points(4, "correctness")
def test_translating_the_features_moves_only_the_intercept(impl):
    X, y = datasets.regression(seed=40, n=30, d=3)
    shift = np.array([5.0, -3.0, 10.0])
    base = impl.LinearRegression().fit(X, y)
    moved = impl.LinearRegression().fit(X + shift, y)
    expected_coef = linear_model.LinearRegression().fit(X, y).coef_
    expect_close(base.coef_, expected_coef, "coef_", **CLOSE)
    expect_close(moved.coef_, base.coef_, "coef_ after adding a constant to each feature", **CLOSE,
                 hint="centring removes any shift of X")
    expect_float(moved.intercept_, base.intercept_ - shift @ base.coef_,
                 "intercept_ after the shift", **CLOSE, hint="b = mean(y) - mean(X) @ w")


# regularization ----------------------------------------------------------------------------

@pytest.mark.points(5, "regularization")
@pytest.mark.parametrize("alpha, fit_intercept", [(0.01, True), (1.0, False), (100.0, True)])
def test_ridge_matches_scikit_learn_for_several_alphas(impl, alpha, fit_intercept):
    X, y = datasets.regression(seed=41, n=20, d=6)
    oracle = linear_model.Ridge(alpha=alpha, fit_intercept=fit_intercept).fit(X, y)
    model = impl.Ridge(alpha=alpha, fit_intercept=fit_intercept).fit(X, y)
    expect_close(model.coef_, oracle.coef_, "coef_", **CLOSE,
                 hint="the penalty is alpha·||w||² (not alpha², not alpha/2)")
    expect_float(model.intercept_, oracle.intercept_, "intercept_", **CLOSE)


@pytest.mark.points(3, "regularization")
def test_ridge_with_alpha_zero_is_least_squares(impl):
    X, y = datasets.collinear(seed=42)
    expected = linear_model.LinearRegression().fit(X, y).predict(X)
    model = impl.Ridge(alpha=0.0).fit(X, y)
    expect_close(model.predict(X), expected, "Ridge(alpha=0).predict(X)", **CLOSE,
                 hint="alpha = 0 must work, even where XᵀX is singular")


@pytest.mark.points(3, "regularization")
def test_ridge_shrinks_the_weights_as_alpha_grows(impl):
    X, y = datasets.regression(seed=43, n=25, d=4)
    norms = [float(np.linalg.norm(linear_model.Ridge(alpha=a).fit(X, y).coef_)) for a in (0.1, 10.0, 1000.0)]
    got = [np.linalg.norm(expect_array(impl.Ridge(alpha=a).fit(X, y).coef_, (4,), "coef_"))
           for a in (0.1, 10.0, 1000.0)]
    assert got[0] > got[1] > got[2], (
        f"||coef_|| for alpha = 0.1, 10, 1000 should decrease, got {[f'{g:.4g}' for g in got]} "
        f"(expected {[f'{e:.4g}' for e in norms]}). Likely mistake: the penalty is ignored or subtracted")


@pytest.mark.points(4, "regularization")
def test_ridge_does_not_penalize_the_intercept(impl):
    X, y = datasets.regression(seed=44, n=30, d=3, intercept=7.0)
    model = impl.Ridge(alpha=1e9).fit(X, y)
    expect_close(model.coef_, np.zeros(3), "coef_ under a huge penalty", atol=1e-5)
    expect_float(model.intercept_, y.mean(), "intercept_ under a huge penalty", rtol=1e-6,
                 hint="with alpha → ∞ the weights go to 0 but the intercept stays mean(y): "
                      "penalizing the intercept pulls it to 0")


@pytest.mark.points(3, "regularization")
def test_penalty_adds_exactly_half_alpha_w_squared(impl):
    X, y = datasets.regression(seed=45, n=10, d=3)
    w, b = datasets.point(seed=45, d=3)
    alpha = 2.0
    loss0, dw0, db0 = impl.mse_loss_and_gradient(X, y, w, b, 0.0)
    loss1, dw1, db1 = impl.mse_loss_and_gradient(X, y, w, b, alpha)
    hint = "the penalty is (alpha/2)·||w||², so it adds alpha·w to dw and nothing to db"
    expect_float(to_float(loss1, "loss") - to_float(loss0, "loss"), alpha / 2 * (w @ w),
                 "loss(alpha) - loss(0)", rtol=1e-9, hint=hint)
    expect_close(expect_array(dw1, (3,), "dw") - expect_array(dw0, (3,), "dw"), alpha * w,
                 "dw(alpha) - dw(0)", rtol=1e-9, atol=1e-12, hint=hint)
    expect_float(to_float(db1, "db"), to_float(db0, "db"), "db with a penalty", rtol=1e-12, hint=hint)


# stability ---------------------------------------------------------------------------------

@pytest.mark.points(4, "stability")
def test_large_offsets_and_intercepts_still_match(impl):
    X, y = datasets.regression(seed=46, n=40, d=3, offset=1e4, intercept=1e3)
    oracle = linear_model.LinearRegression().fit(X, y)
    model = impl.LinearRegression().fit(X, y)
    expect_close(model.coef_, oracle.coef_, "coef_", rtol=1e-5, atol=1e-7,
                 hint="features near 1e4 make XᵀX ill-conditioned: centre first, use lstsq")
    expect_close(model.predict(X), oracle.predict(X), "predict(X)", rtol=1e-7)


@pytest.mark.points(4, "stability")
def test_ridge_is_unique_and_finite_with_more_features_than_samples(impl):
    X, y = datasets.wide(seed=47)
    oracle = linear_model.Ridge(alpha=0.5).fit(X, y)
    model = impl.Ridge(alpha=0.5).fit(X, y)
    expect_close(model.coef_, oracle.coef_, "coef_", **CLOSE)
    expect_float(model.intercept_, oracle.intercept_, "intercept_", **CLOSE)


# edge cases --------------------------------------------------------------------------------

@pytest.mark.points(4, "edge_cases")
def test_inputs_are_never_modified(impl):
    X, y = datasets.regression(seed=48, n=20, d=3)
    X_ro, y_ro = datasets.read_only(X, y)
    w, b = datasets.point(seed=48, d=3)
    (w_ro,) = datasets.read_only(w)
    hint = "centre into a new array (X - mean), never X -= mean: the caller's data must not change"
    for estimator in (impl.LinearRegression(), impl.Ridge(alpha=1.0), impl.LinearRegressionGD(n_iters=5)):
        estimator.fit(X_ro, y_ro)
        expect_array(estimator.predict(X_ro), (20,), f"{type(estimator).__name__}.predict")
    impl.mse_loss_and_gradient(X_ro, y_ro, w_ro, b, 0.5)
    expect_close(X_ro, X, "X after fitting", rtol=0, hint=hint)
    expect_close(y_ro, y, "y after fitting", rtol=0, hint=hint)


@pytest.mark.points(3, "edge_cases")
def test_integer_float32_and_list_inputs_give_the_same_fit(impl):
    rng = np.random.default_rng(49)
    X_int = rng.integers(-5, 6, size=(20, 3))
    y_int = rng.integers(-10, 11, size=20)
    expected = linear_model.LinearRegression().fit(X_int.astype(float), y_int.astype(float)).coef_
    for name, X_in, y_in in (("int", X_int, y_int),
                             ("float32", X_int.astype(np.float32), y_int.astype(np.float32)),
                             ("list", X_int.tolist(), y_int.tolist())):
        model = impl.LinearRegression().fit(X_in, y_in)
        expect_close(model.coef_, expected, f"coef_ from {name} input", rtol=1e-6, atol=1e-8,
                     hint="work in float64 whatever the input type")


@pytest.mark.points(4, "edge_cases")
def test_bad_input_raises_value_error(impl):
    X, y = datasets.regression(seed=50, n=12, d=3)
    with expect_raises((ValueError, AttributeError), "predict before fit"):
        impl.LinearRegression().predict(X)
    model = impl.LinearRegression().fit(X, y)
    expect_array(model.predict(X), (12,), "predict(X)")
    with expect_raises(ValueError, "predict with 2 features after fitting with 3"):
        model.predict(X[:, :2])
    with expect_raises(ValueError, "fit with len(X) != len(y)"):
        impl.LinearRegression().fit(X, y[:-1])
    X_nan = X.copy()
    X_nan[3, 1] = np.nan
    with expect_raises(ValueError, "fit with NaN in X"):
        impl.Ridge().fit(X_nan, y)


@pytest.mark.points(3, "edge_cases")
def test_out_of_range_hyperparameters_raise_value_error(impl):
    X, y = datasets.regression(seed=51, n=12, d=2)
    expected = linear_model.Ridge(alpha=3.0).fit(X, y).coef_
    expect_close(impl.Ridge(alpha=3.0).fit(X, y).coef_, expected, "coef_", **CLOSE)
    with expect_raises(ValueError, "Ridge(alpha=-1).fit"):
        impl.Ridge(alpha=-1.0).fit(X, y)
    with expect_raises(ValueError, "LinearRegressionGD(n_iters=0).fit"):
        impl.LinearRegressionGD(n_iters=0).fit(X, y)
    with expect_raises(ValueError, "LinearRegressionGD(learning_rate=0).fit"):
        impl.LinearRegressionGD(learning_rate=0.0).fit(X, y)
