"""Public tests of exercise 03, softmax regression (20 of its 100 points)."""
import numpy as np
import pytest
from sklearn import linear_model

from autograder.checks import (
    expect_array,
    expect_close,
    expect_equal,
    expect_float,
    no_float_warnings,
    to_float,
)


def overlapping_classes(seed, n=60, d=3, k=3, separation=1.0):
    """``k`` overlapping Gaussian classes labelled ``0..k-1``, every class present."""
    rng = np.random.default_rng(seed)
    y = np.arange(n) % k
    rng.shuffle(y)
    centers = rng.normal(size=(k, d)) * separation
    return centers[y] + rng.normal(size=(n, d)), y


def oracle(X, y, alpha):
    """scikit-learn's multinomial logistic regression at the minimum of our loss, C = 1/(n·alpha)."""
    return linear_model.LogisticRegression(C=1.0 / (len(y) * alpha), solver="newton-cholesky",
                                           tol=1e-12, max_iter=1000).fit(X, y)


@pytest.mark.points(4, "shapes")
def test_fit_returns_self_and_learns_attributes_of_the_right_shape(impl):
    X, y = overlapping_classes(seed=1, n=30, d=4, k=3)
    model = impl.SoftmaxRegression(n_iters=5)
    fitted = model.fit(X, y)
    assert fitted is model, "fit should return self (the estimator), so calls can be chained"
    hint = "W has one column per class: coef_ is (d, K) = (n_features, n_classes), intercept_ is (K,)"
    expect_equal(model.classes_, [0, 1, 2], "classes_", hint="classes_ = the sorted distinct labels")
    expect_array(model.coef_, (4, 3), "coef_", hint=hint)
    expect_array(model.intercept_, (3,), "intercept_", hint=hint)
    history = np.asarray(model.loss_history_, dtype=np.float64)
    expect_array(history, (5,), "loss_history_ (as an array)",
                 hint="append one loss per iteration: len(loss_history_) == n_iters")
    expect_array(model.predict_proba(X[:7]), (7, 3), "predict_proba(X[:7])",
                 hint="one row per sample, one column per class")
    expect_array(model.predict(X[:7]), (7,), "predict(X[:7])", kind="iu",
                 hint="predict returns one label per row, taken from classes_")


@pytest.mark.points(3, "correctness")
def test_softmax_rows_sum_to_one_and_ignore_a_constant_added_to_a_row(impl):
    rng = np.random.default_rng(2)
    Z = rng.normal(size=(5, 4))
    shift = 10.0 * rng.normal(size=(5, 1))
    expected = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    P = expect_array(impl.softmax(Z), (5, 4), "softmax(Z)")
    expect_close(P.sum(axis=1), np.ones(5), "the row sums of softmax(Z)", rtol=1e-12,
                 hint="normalize each row (axis=1, keepdims=True), not each column")
    expect_close(P, expected, "softmax(Z)", rtol=1e-9, atol=1e-15,
                 hint="P[i, k] = exp(Z[i, k]) / sum_j exp(Z[i, j])")
    expect_close(impl.softmax(Z + shift), expected, "softmax(Z + c) with a constant c per row",
                 rtol=1e-9, atol=1e-15,
                 hint="subtract each row's own maximum, Z.max(axis=1, keepdims=True)")


@pytest.mark.points(3, "correctness")
def test_loss_at_zero_weights_is_log_k(impl):
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(20, 3)), np.arange(20) % 4
    # At W = 0, b = 0 every class has probability 1/4: loss = log 4, db = 1/4 - class frequency.
    expected_db = 0.25 - np.bincount(y, minlength=4) / 20
    expected_dW = X.T @ (0.25 - np.eye(4)[y]) / 20
    loss, dW, db = impl.cross_entropy_loss_and_gradient(X, y, np.zeros((3, 4)), np.zeros(4))
    expect_float(loss, np.log(4.0), "loss at W = 0, b = 0 with K = 4 classes", rtol=1e-12,
                 hint="loss = mean(logsumexp(Z) - Z[i, y_i]); with Z = 0 every term is log K")
    expect_close(dW, expected_dW, "dW at W = 0", rtol=1e-9, atol=1e-12,
                 hint="dW = Xᵀ(P - Y)/n with Y the one-hot of y")
    expect_close(db, expected_db, "db at W = 0", rtol=1e-9, atol=1e-12,
                 hint="db = mean over the rows of (P - Y), shape (K,)")


@pytest.mark.points(5, "correctness")
def test_probabilities_match_scikit_learn(impl):
    X, y = overlapping_classes(seed=4, n=60, d=3, k=3)
    X_new = np.random.default_rng(40).normal(size=(8, 3))
    reference = oracle(X, y, alpha=0.1)
    expected, expected_labels = reference.predict_proba(X_new), reference.predict(X_new)
    model = impl.SoftmaxRegression(learning_rate=1.0, n_iters=500, alpha=0.1).fit(X, y)
    expect_close(model.predict_proba(X_new), expected, "predict_proba on new data", rtol=1e-6, atol=1e-8,
                 hint="at the minimum of mean cross-entropy + (alpha/2)·||W||², the probabilities "
                      "equal scikit-learn's LogisticRegression(C = 1/(n·alpha)); check the gradient")
    expect_equal(model.predict(X_new), expected_labels, "predict on new data",
                 hint="predict = classes_[argmax of each row of predict_proba]")


@pytest.mark.points(3, "stability")
def test_cross_entropy_of_logits_0_and_800_is_exactly_800(impl):
    X, W, b = np.array([[1.0]]), np.array([[0.0, 800.0]]), np.zeros(2)
    # Z = [[0, 800]]. True class 0: logsumexp = 800 + log(1 + exp(-800)) = 800, loss = 800 - 0.
    # P = [exp(-800), 1] = [0, 1] to double precision, so dW = db = P - onehot(0) = [-1, 1].
    # True class 1: loss = 800 - 800 = 0.
    hint = ("compute the loss from the logits by log-sum-exp, m + log(sum(exp(Z - m))); "
            "-log(softmax) is infinite here, and clipping the probability gives 34.5")
    with no_float_warnings("cross_entropy_loss_and_gradient on logits [0, 800]", hint=hint):
        loss, dW, db = impl.cross_entropy_loss_and_gradient(X, [0], W, b)
        loss_other, _, _ = impl.cross_entropy_loss_and_gradient(X, [1], W, b)
    expect_float(loss, 800.0, "loss for logits [0, 800] with true class 0", rtol=1e-12, hint=hint)
    expect_float(loss_other, 0.0, "loss for logits [0, 800] with true class 1", atol=1e-12, hint=hint)
    expect_close(dW, [[-1.0, 1.0]], "dW", rtol=1e-12, atol=1e-12, hint="dW = Xᵀ(P - Y)/n")
    expect_close(db, [-1.0, 1.0], "db", rtol=1e-12, atol=1e-12, hint="db = mean(P - Y, axis=0)")


@pytest.mark.points(2, "regularization")
def test_penalty_adds_exactly_half_alpha_times_the_squared_frobenius_norm(impl):
    rng = np.random.default_rng(5)
    X, y = rng.normal(size=(10, 3)), np.arange(10) % 3
    W, b = rng.normal(size=(3, 3)), rng.normal(size=3)
    alpha = 2.0
    expected_penalty = alpha / 2 * np.sum(W**2)
    hint = ("the penalty is (alpha/2)·||W||²_F: it adds alpha·W to dW and nothing to db "
            "(the bias is not penalized)")
    loss0, dW0, db0 = impl.cross_entropy_loss_and_gradient(X, y, W, b, 0.0)
    loss1, dW1, db1 = impl.cross_entropy_loss_and_gradient(X, y, W, b, alpha)
    expect_float(to_float(loss1, "loss") - to_float(loss0, "loss"), expected_penalty,
                 "loss(alpha = 2) - loss(alpha = 0)", rtol=1e-9, hint=hint)
    expect_close(expect_array(dW1, (3, 3), "dW") - expect_array(dW0, (3, 3), "dW"), alpha * W,
                 "dW(alpha) - dW(0)", rtol=1e-9, atol=1e-12, hint=hint)
    expect_close(db1, expect_array(db0, (3,), "db"), "db with a penalty", rtol=1e-12, atol=1e-15,
                 hint=hint)
