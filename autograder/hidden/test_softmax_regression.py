"""Hidden tests of exercise 03, softmax regression (80 of its 100 points)."""
import numpy as np
import pytest
from sklearn import linear_model

from autograder import datasets
from autograder.checks import (
    expect_array,
    expect_close,
    expect_equal,
    expect_float,
    expect_no_loop_over,
    expect_raises,
    no_float_warnings,
    numerical_gradient,
    relative_error,
    to_float,
)

PROBA = {"rtol": 1e-6, "atol": 1e-8}


def overlapping_classes(seed, n=60, d=3, k=3, separation=1.0, counts=None):
    """``k`` overlapping Gaussian classes labelled ``0..k-1``; ``counts`` fixes each class's size."""
    rng = np.random.default_rng(seed)
    y = np.repeat(np.arange(k), counts) if counts is not None else np.arange(n) % k
    rng.shuffle(y)
    centers = rng.normal(size=(k, d)) * separation
    return centers[y] + rng.normal(size=(len(y), d)), y


def oracle(X, y, alpha, C_factor=1.0):
    """scikit-learn's logistic regression with C = C_factor/(n·alpha), solved to round-off."""
    return linear_model.LogisticRegression(C=C_factor / (len(y) * alpha), solver="newton-cholesky",
                                           tol=1e-12, max_iter=1000).fit(X, y)


def stable_softmax(Z):
    Z = Z - Z.max(axis=1, keepdims=True)
    return np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)


def reference_loss(X, y, W, b, alpha):
    """The exercise's loss written out: mean(logsumexp(Z) - Z[i, y_i]) + (alpha/2)·||W||²_F."""
    Z = X @ W + b
    top = Z.max(axis=1)
    log_sum_exp = top + np.log(np.exp(Z - top[:, None]).sum(axis=1))
    return np.mean(log_sum_exp - Z[np.arange(len(y)), y]) + alpha / 2 * np.sum(W**2)


def reference_gradient(X, y, W, b, alpha):
    G = (stable_softmax(X @ W + b) - np.eye(W.shape[1])[y]) / len(y)
    return X.T @ G + alpha * W, G.sum(axis=0)


def centred_overlapping_classes(seed, n, d=3, k=3):
    """Well-overlapping classes (separation 0.6) with centred features, for fits run to the minimum.

    Centring makes X̃ᵀX̃/n block-diagonal (X̃ = [X, 1]), so the bias barely couples to W and
    the bound L of ``lipschitz_step`` stays under 1.7 (seed shifts 0-99); overlap keeps the
    curvature at the minimum at about alpha or more. With step 1/L, each step of gradient
    descent then shrinks its error by a factor of about 1 - alpha/L or better: 2000 steps at
    alpha = 0.02 and 4000 at alpha = 0.01 leave at most e^-24 of it (over seed shifts 0-99,
    the slowest fit needed 1510 steps to come within 1/100 of the tolerance).
    """
    X, y = overlapping_classes(seed, n=n, d=d, k=k, separation=0.6)
    return X - X.mean(axis=0), y


def lipschitz_step(X, alpha):
    """1/L, with L a Lipschitz constant of the gradient of the exercise's loss over ``X``.

    In (W, b) the Hessian is mean_i(x̃_i x̃_iᵀ ⊗ (diag(p_i) - p_i p_iᵀ)) + alpha on the W block,
    with x̃ = [x, 1]; since diag(p) - ppᵀ ≼ ½·I (Böhning's bound), L = ½·λ_max(X̃ᵀX̃/n) + alpha.
    A step of 1/L decreases the loss at every iteration, whatever the data.
    """
    X_tilde = np.hstack([X, np.ones((len(X), 1))])
    return 1.0 / (0.5 * np.linalg.eigvalsh(X_tilde.T @ X_tilde / len(X))[-1] + alpha)


def gd_trajectory(X, y, n_classes, learning_rate, n_iters, alpha):
    """Batch gradient descent from zeros on the exercise's loss: the oracle for GD tests."""
    W, b, history = np.zeros((X.shape[1], n_classes)), np.zeros(n_classes), []
    for _ in range(n_iters):
        history.append(reference_loss(X, y, W, b, alpha))
        dW, db = reference_gradient(X, y, W, b, alpha)
        W, b = W - learning_rate * dW, b - learning_rate * db
    return W, b, history


# shapes ------------------------------------------------------------------------------------

@pytest.mark.points(3, "shapes")
def test_loss_returns_a_float_and_gradients_shaped_like_W_and_b(impl):
    rng = np.random.default_rng(21)
    X, y = rng.normal(size=(7, 2)), np.array([0, 4, 1, 3, 2, 4, 0])
    W, b = rng.normal(size=(2, 5)), rng.normal(size=5)
    loss, dW, db = impl.cross_entropy_loss_and_gradient(X, y, W, b, 0.3)
    to_float(loss, "loss", hint="return the loss as a float (float(...)), not an array")
    expect_array(dW, (2, 5), "dW", hint="dW has the shape of W, (d, K): Xᵀ(P - Y)/n")
    expect_array(db, (5,), "db", hint="db has the shape of b, (K,): sum (P - Y)/n over the rows, axis=0")


@pytest.mark.points(3, "shapes")
def test_single_rows_and_string_labels_keep_their_shapes(impl):
    X, y = overlapping_classes(seed=22, n=24, d=2, k=4)
    labels = np.array(["north", "east", "south", "west"])[y]
    expect_array(impl.softmax(np.array([[1.0, 2.0, 3.0]])), (1, 3), "softmax of one row (1, 3)",
                 hint="keep the 2-D shape: reduce with keepdims=True")
    expect_array(impl.softmax(np.zeros((4, 6))), (4, 6), "softmax of a (4, 6) array")
    model = impl.SoftmaxRegression(n_iters=3).fit(X, labels)
    expect_array(model.coef_, (2, 4), "coef_", hint="coef_ is (n_features, n_classes)")
    expect_array(model.intercept_, (4,), "intercept_")
    expect_array(model.predict_proba(X[:1]), (1, 4), "predict_proba of a single row")
    expect_array(model.predict(X[:5]), (5,), "predict with string labels", kind="U",
                 hint="return self.classes_[indices], so the labels keep their type")


# correctness -------------------------------------------------------------------------------

@pytest.mark.points(6, "correctness")
@pytest.mark.parametrize("alpha", [0.0, 0.5])
def test_gradient_matches_central_differences(impl, alpha):
    rng = np.random.default_rng(23)
    X, y = rng.normal(size=(6, 3)), np.array([0, 3, 1, 1, 2, 3])
    W, b = rng.normal(size=(3, 4)), rng.normal(size=4)
    dW_expected = numerical_gradient(lambda V: reference_loss(X, y, V, b, alpha), W)
    db_expected = numerical_gradient(lambda c: reference_loss(X, y, W, c, alpha), b)
    _, dW, db = impl.cross_entropy_loss_and_gradient(X, y, W, b, alpha)
    expect_array(dW, (3, 4), "dW")
    expect_array(db, (4,), "db")
    error = relative_error(dW, dW_expected)
    assert error < 1e-6, (
        f"dW disagrees with the numerical gradient of the loss (relative error {error:.2g}, should "
        "be < 1e-6). Likely mistake: dW = Xᵀ(P - Y)/n + alpha·W; forgetting to subtract 1 at the "
        "true class, a missing 1/n or a flipped sign shows here")
    db_error = relative_error(db, db_expected)
    assert db_error < 1e-6, (
        f"db disagrees with the numerical gradient (relative error {db_error:.2g}, should be "
        "< 1e-6). Likely mistake: db = (P - Y) summed over the rows (axis=0) / n; the penalty "
        "does not involve b")


@pytest.mark.points(4, "correctness")
def test_loss_and_gradient_have_exact_values(impl):
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    W = np.array([[np.log(2.0), 0.0, 0.0], [0.0, np.log(3.0), 0.0]])
    b = np.array([0.0, 0.0, np.log(2.0)])
    y = np.array([0, 2, 1])
    # exp(Z) = [[2, 1, 2], [1, 3, 2], [2, 3, 2]], row sums 5, 6, 7, so
    # loss = mean(log 5 - log 2, log 6 - log 2, log 7 - log 3) = log(35/2) / 3 and
    # P - Y = [[-3/5, 1/5, 2/5], [1/6, 1/2, -2/3], [2/7, -4/7, 2/7]].
    expected_dW = np.array([[-11 / 105, -13 / 105, 8 / 35], [19 / 126, -1 / 42, -8 / 63]])
    expected_db = np.array([-31.0, 27.0, 4.0]) / 630
    loss, dW, db = impl.cross_entropy_loss_and_gradient(X, y, W, b)
    expect_float(loss, np.log(17.5) / 3, "loss", rtol=1e-12,
                 hint="loss = mean over the rows of logsumexp(Z[i]) - Z[i, y_i], with Z = XW + b")
    expect_close(dW, expected_dW, "dW", rtol=1e-9, atol=1e-12, hint="dW = Xᵀ(P - Y)/n")
    expect_close(db, expected_db, "db", rtol=1e-9, atol=1e-12,
                 hint="db = (P - Y) summed over the rows, divided by n")


@pytest.mark.points(4, "correctness")
def test_gradient_descent_takes_exactly_the_specified_steps(impl):
    X, y = overlapping_classes(seed=24, n=15, d=3, k=3)
    W, b, history = gd_trajectory(X, y, 3, learning_rate=0.5, n_iters=6, alpha=0.2)
    model = impl.SoftmaxRegression(learning_rate=0.5, n_iters=6, alpha=0.2).fit(X, y)
    expect_close(np.asarray(model.loss_history_, dtype=np.float64), history, "loss_history_",
                 rtol=1e-9, atol=1e-12,
                 hint="start from W = 0, b = 0 (so the first loss is log K) and record the loss "
                      "*before* each update")
    expect_close(model.coef_, W, "coef_ after 6 steps", rtol=1e-9, atol=1e-12,
                 hint="each step is W ← W - learning_rate·dW")
    expect_close(model.intercept_, b, "intercept_ after 6 steps", rtol=1e-9, atol=1e-12,
                 hint="each step is b ← b - learning_rate·db")


@pytest.mark.points(5, "correctness")
@pytest.mark.parametrize("seed, n, d, k, alpha, learning_rate",
                         [(25, 80, 3, 4, 0.05, 1.0), (26, 45, 5, 3, 1.0, 0.5)])
def test_probabilities_match_scikit_learn(impl, seed, n, d, k, alpha, learning_rate):
    X, y = overlapping_classes(seed=seed, n=n, d=d, k=k)
    X_new = np.random.default_rng(seed + 100).normal(size=(10, d))
    reference = oracle(X, y, alpha)
    expected_train, expected_new = reference.predict_proba(X), reference.predict_proba(X_new)
    model = impl.SoftmaxRegression(learning_rate=learning_rate, n_iters=600, alpha=alpha).fit(X, y)
    hint = ("at the minimum of mean cross-entropy + (alpha/2)·||W||²_F the probabilities equal "
            "LogisticRegression(C = 1/(n·alpha)); a wrong gradient or penalty moves the minimum")
    expect_close(model.predict_proba(X), expected_train, "predict_proba on the training data", **PROBA, hint=hint)
    expect_close(model.predict_proba(X_new), expected_new, "predict_proba on new data", **PROBA, hint=hint)


@pytest.mark.points(4, "correctness")
def test_two_classes_agree_with_logistic_regression(impl):
    X, y = datasets.binary(seed=27, n=50, d=3)
    labels = np.array([-1, 1])[y]
    alpha = 0.2
    # At the minimum W[:, 0] = -W[:, 1] (the data gradient's columns sum to 0), so the model is
    # binary logistic regression with w = W[:, 1] - W[:, 0] = 2·W[:, 1] and the penalty
    # (alpha/2)·2·||w/2||² = (alpha/4)·||w||²: binary C = 1/(n·alpha/2) = 2/(n·alpha).
    binary = oracle(X, labels, alpha, C_factor=2.0)
    expected_proba, expected_w = binary.predict_proba(X), binary.coef_[0]
    model = impl.SoftmaxRegression(learning_rate=1.0, n_iters=600, alpha=alpha).fit(X, labels)
    expect_close(model.predict_proba(X), expected_proba, "predict_proba with K = 2", **PROBA,
                 hint="with two classes softmax regression is logistic regression: "
                      "P(classes_[1]) = sigmoid(z_1 - z_0)")
    coef = expect_array(model.coef_, (3, 2), "coef_")
    expect_close(coef[:, 1] - coef[:, 0], expected_w, "coef_[:, 1] - coef_[:, 0]", rtol=1e-6, atol=1e-8,
                 hint="the difference of the two weight columns is the logistic regression weight")


@pytest.mark.points(3, "correctness")
def test_reordering_samples_does_not_change_the_fit(impl):
    X, y = centred_overlapping_classes(seed=28, n=48, d=2, k=4)
    order = np.random.default_rng(28).permutation(48)
    expected = oracle(X, y, 0.1).coef_.T
    step = lipschitz_step(X, 0.1)  # 600 steps of 1/L at alpha = 0.1 leave about e^-35 of the error
    first = impl.SoftmaxRegression(learning_rate=step, n_iters=600, alpha=0.1).fit(X, y)
    second = impl.SoftmaxRegression(learning_rate=step, n_iters=600, alpha=0.1).fit(X[order], y[order])
    expect_close(first.coef_, expected, "coef_", rtol=1e-6, atol=1e-8,
                 hint="the minimum of the penalized loss is LogisticRegression(C = 1/(n·alpha))'s")
    expect_close(second.coef_, first.coef_, "coef_ after shuffling the rows", rtol=1e-6, atol=1e-8,
                 hint="the fit must depend on the data, not on the row order")


@pytest.mark.points(4, "correctness")
def test_predict_and_score_agree_with_scikit_learn(impl):
    X, y = overlapping_classes(seed=29, n=60, d=2, k=3, separation=1.5)
    X_new, y_new = overlapping_classes(seed=30, n=200, d=2, k=3, separation=1.5)
    reference = oracle(X, y, 0.3)
    proba = reference.predict_proba(X_new)
    top_two = np.sort(proba, axis=1)[:, -2:]
    keep = top_two[:, 1] - top_two[:, 0] > 1e-4  # away from near-ties
    X_new, y_new = X_new[keep], y_new[keep]
    expected_labels, expected_score = reference.predict(X_new), reference.score(X_new, y_new)
    model = impl.SoftmaxRegression(learning_rate=1.0, n_iters=400, alpha=0.3).fit(X, y)
    expect_equal(model.predict(X_new), expected_labels, "predict",
                 hint="predict = classes_[argmax of predict_proba over axis=1]")
    expect_float(model.score(X_new, y_new), expected_score, "score (accuracy)", rtol=1e-12)


# stability ---------------------------------------------------------------------------------

@pytest.mark.points(4, "stability")
def test_softmax_of_huge_logits_is_exact_and_warning_free(impl):
    rng = np.random.default_rng(31)
    Z = np.vstack([1e3 * rng.normal(size=(6, 5)),
                   [-5000.0, -5001.0, -5002.0, -5003.0, -5004.0],
                   [1e4, 1e4, -1e4, 0.0, 1e4]])
    expected = stable_softmax(Z)
    hint = ("subtract each row's own maximum before exp (Z.max(axis=1, keepdims=True)): one global "
            "maximum leaves a row far below it as all zeros, and 0/0 is NaN")
    with no_float_warnings("softmax of logits up to 1e4", hint=hint):
        P = impl.softmax(Z)
    expect_array(P, (8, 5), "softmax of huge logits", hint=hint)
    expect_close(P, expected, "softmax of huge logits", rtol=1e-9, atol=1e-15, hint=hint)


@pytest.mark.points(4, "stability")
def test_loss_and_gradient_of_huge_logits_are_exact(impl):
    rng = np.random.default_rng(32)
    X, y = rng.normal(size=(5, 2)), np.array([0, 1, 2, 0, 2])
    W, b = 2e3 * rng.normal(size=(2, 3)), 1e3 * rng.normal(size=3)
    expected_loss = reference_loss(X, y, W, b, 0.0)
    expected_dW, expected_db = reference_gradient(X, y, W, b, 0.0)
    hint = ("compute the loss by log-sum-exp from the logits, m + log(sum(exp(Z - m))) with m "
            "the row maximum; log(softmax) is -inf once a probability rounds to 0")
    with no_float_warnings("cross_entropy_loss_and_gradient with logits of magnitude ~1e4", hint=hint):
        loss, dW, db = impl.cross_entropy_loss_and_gradient(X, y, W, b)
    expect_float(loss, expected_loss, "loss with huge logits", rtol=1e-9, hint=hint)
    expect_close(dW, expected_dW, "dW with huge logits", rtol=1e-9, atol=1e-12, hint=hint)
    expect_close(db, expected_db, "db with huge logits", rtol=1e-9, atol=1e-12, hint=hint)


@pytest.mark.points(4, "stability")
def test_predict_proba_far_from_the_training_data(impl):
    X, y = overlapping_classes(seed=33, n=45, d=3, k=3)
    X_far = 3e3 * np.random.default_rng(33).normal(size=(6, 3))
    expected = oracle(X, y, 0.1).predict_proba(X_far)
    model = impl.SoftmaxRegression(learning_rate=1.0, n_iters=500, alpha=0.1).fit(X, y)
    hint = "predict_proba must use the stable softmax (shift each row by its maximum): the logits reach ~1e4"
    with no_float_warnings("predict_proba on points at distance ~1e3", hint=hint):
        proba = model.predict_proba(X_far)
    expect_close(proba, expected, "predict_proba far from the data", **PROBA, hint=hint)


# regularization ----------------------------------------------------------------------------

@pytest.mark.points(5, "regularization")
@pytest.mark.parametrize("alpha", [0.02, 0.5, 4.0])
def test_weights_match_scikit_learn_for_several_alphas(impl, alpha):
    X, y = centred_overlapping_classes(seed=34, n=40)
    reference = oracle(X, y, alpha)
    expected_coef = reference.coef_.T
    expected_intercept = reference.intercept_ - reference.intercept_.mean()
    model = impl.SoftmaxRegression(learning_rate=lipschitz_step(X, alpha), n_iters=2000,
                                   alpha=alpha).fit(X, y)
    coef = expect_array(model.coef_, (3, 3), "coef_")
    expect_close(coef, expected_coef, f"coef_ with alpha = {alpha}", rtol=1e-6, atol=1e-8,
                 hint="the penalty is (alpha/2)·||W||²_F: its gradient is alpha·W (not 2·alpha·W, "
                      "not alpha/n·W)")
    intercept = expect_array(model.intercept_, (3,), "intercept_")
    expect_close(intercept - intercept.mean(), expected_intercept,
                 "intercept_ (up to a common constant)", rtol=1e-6, atol=1e-8,
                 hint="the bias is not penalized")


@pytest.mark.points(4, "regularization")
def test_the_bias_is_not_penalized(impl):
    X, y = overlapping_classes(seed=35, counts=[30, 12, 6], d=2, k=3)
    frequencies = np.bincount(y) / len(y)
    expected = oracle(X, y, 2.0).predict_proba(X)
    model = impl.SoftmaxRegression(learning_rate=0.4, n_iters=600, alpha=2.0).fit(X, y)
    proba = model.predict_proba(X)
    hint = ("penalize W only: with an unpenalized bias, db = mean(P - Y) = 0 at the minimum, so "
            "the average predicted probabilities equal the class frequencies")
    expect_close(expect_array(proba, (48, 3), "predict_proba").mean(axis=0), frequencies,
                 "mean of predict_proba over the training rows", rtol=1e-6, atol=1e-8, hint=hint)
    expect_close(proba, expected, "predict_proba", **PROBA, hint=hint)


@pytest.mark.points(3, "regularization")
def test_a_larger_alpha_shrinks_the_weights(impl):
    X, y = centred_overlapping_classes(seed=36, n=45)
    alphas, steps = (0.01, 0.1, 1.0, 10.0), (4000, 1000, 1000, 1000)
    expected = [float(np.linalg.norm(oracle(X, y, a).coef_)) for a in alphas]
    got = [float(np.linalg.norm(expect_array(impl.SoftmaxRegression(
        learning_rate=lipschitz_step(X, a), n_iters=t, alpha=a).fit(X, y).coef_, (3, 3), "coef_")))
        for a, t in zip(alphas, steps)]
    shown = ", ".join(f"{g:.4g}" for g in got)
    assert got[0] > got[1] > got[2] > got[3], (
        f"||coef_|| for alpha = 0.01, 0.1, 1, 10 should decrease, got {shown}. Likely mistake: "
        "the penalty is ignored or subtracted")
    expect_close(np.array(got), expected, "||coef_|| for alpha = 0.01, 0.1, 1, 10", rtol=1e-6,
                 hint="the penalty is (alpha/2)·||W||²_F, which adds alpha·W to dW")


# edge cases --------------------------------------------------------------------------------

LABELS = {"strings": np.array(["cat", "ant", "dog"]), "non_contiguous_ints": np.array([40, -3, 7])}


@pytest.mark.points(4, "edge_cases")
@pytest.mark.parametrize("kind", sorted(LABELS))
def test_any_labels_work_and_come_back_sorted(impl, kind):
    X, y = overlapping_classes(seed=37, n=45, d=2, k=3, separation=1.5)
    labels = LABELS[kind][y]
    X_new = np.random.default_rng(37).normal(size=(12, 2)) * 1.5
    reference = oracle(X, labels, 0.2)
    expected_classes = reference.classes_
    expected_proba, expected_labels = reference.predict_proba(X_new), reference.predict(X_new)
    model = impl.SoftmaxRegression(learning_rate=1.0, n_iters=500, alpha=0.2).fit(X, labels)
    hint = ("encode the labels with np.unique(y, return_inverse=True): classes_ are sorted, column k "
            "of predict_proba is classes_[k], and predict returns classes_[argmax]")
    expect_equal(model.classes_, expected_classes, "classes_", hint=hint)
    expect_close(model.predict_proba(X_new), expected_proba, "predict_proba", **PROBA, hint=hint)
    expect_equal(model.predict(X_new), expected_labels, "predict", hint=hint)


@pytest.mark.points(3, "edge_cases")
def test_inputs_are_never_modified(impl):
    X, y = overlapping_classes(seed=38, n=20, d=3, k=3)
    rng = np.random.default_rng(38)
    W, b, Z = rng.normal(size=(3, 3)), rng.normal(size=3), 5.0 * rng.normal(size=(6, 4))
    expected_P = stable_softmax(Z)
    X_ro, y_ro, W_ro, b_ro, Z_ro = datasets.read_only(X, y, W, b, Z)
    Z_writable = Z.copy()
    hint = ("shift into a new array (Z - max, never Z -= max): the caller's data must not change, "
            "and read-only arrays must work")
    expect_close(impl.softmax(Z_ro), expected_P, "softmax of a read-only array", rtol=1e-9, hint=hint)
    expect_close(impl.softmax(Z_writable), expected_P, "softmax(Z)", rtol=1e-9, hint=hint)
    expect_close(Z_writable, Z, "Z after softmax(Z)", rtol=0, hint=hint)
    impl.cross_entropy_loss_and_gradient(X_ro, y_ro, W_ro, b_ro, 0.5)
    model = impl.SoftmaxRegression(n_iters=5).fit(X_ro, y_ro)
    expect_array(model.predict_proba(X_ro), (20, 3), "predict_proba of read-only X")
    expect_array(model.predict(X_ro), (20,), "predict of read-only X", kind="iu")
    for name, array, original in (("X", X_ro, X), ("W", W_ro, W), ("b", b_ro, b)):
        expect_close(array, original, f"{name} after the calls", rtol=0, hint=hint)
    expect_equal(y_ro, y, "y after the calls", hint=hint)


@pytest.mark.points(2, "edge_cases")
def test_integer_float32_and_list_inputs_give_the_same_fit(impl):
    rng = np.random.default_rng(39)
    X_int = rng.integers(-3, 4, size=(30, 2))
    y = rng.integers(0, 3, size=30)
    expected = oracle(X_int.astype(float), y, 0.5).predict_proba(X_int.astype(float))
    for name, X_in, y_in in (("int", X_int, y),
                             ("float32", X_int.astype(np.float32), y),
                             ("list", X_int.tolist(), y.tolist())):
        model = impl.SoftmaxRegression(learning_rate=0.5, n_iters=400, alpha=0.5).fit(X_in, y_in)
        expect_close(model.predict_proba(X_in), expected, f"predict_proba from {name} input", **PROBA,
                     hint="work in float64 whatever the input type")


@pytest.mark.points(3, "edge_cases")
def test_bad_input_raises_value_error(impl):
    X, y = overlapping_classes(seed=40, n=18, d=3, k=3)
    hint = "predict before fit raises NotFittedError, which is both a ValueError and an AttributeError"
    with expect_raises(ValueError, "predict before fit", hint=hint):
        impl.SoftmaxRegression().predict(X)
    with expect_raises(AttributeError, "predict_proba before fit", hint=hint):
        impl.SoftmaxRegression().predict_proba(X)
    model = impl.SoftmaxRegression(n_iters=5).fit(X, y)
    expect_array(model.predict_proba(X), (18, 3), "predict_proba(X)")
    with expect_raises(ValueError, "predict with 2 features after fitting with 3"):
        model.predict(X[:, :2])
    with expect_raises(ValueError, "fit with a single class in y",
                       hint="a classifier needs at least two classes: raise ValueError"):
        impl.SoftmaxRegression(n_iters=5).fit(X, np.zeros(18, dtype=int))
    with expect_raises(ValueError, "fit with len(X) != len(y)"):
        impl.SoftmaxRegression(n_iters=5).fit(X, y[:-1])
    with expect_raises(ValueError, "cross_entropy_loss_and_gradient with a class index y = K"):
        impl.cross_entropy_loss_and_gradient(X, np.full(18, 3), np.zeros((3, 3)), np.zeros(3))
    for bad in ({"learning_rate": 0.0}, {"n_iters": 0}, {"alpha": -1.0}):
        with expect_raises(ValueError, f"SoftmaxRegression({', '.join(f'{k}={v}' for k, v in bad.items())}).fit"):
            impl.SoftmaxRegression(**bad).fit(X, y)


@pytest.mark.points(2, "edge_cases")
def test_ties_go_to_the_smallest_label(impl):
    X, y = overlapping_classes(seed=41, n=24, d=2, k=4)
    labels = np.array([5, 10, 15, 20])[y]
    model = impl.SoftmaxRegression(n_iters=5).fit(X, labels)
    hint = "np.argmax returns the first (lowest) index of a tie: map it through classes_"
    model.coef_ = np.zeros((2, 4))
    model.intercept_ = np.array([1.0, 1.0, 0.5, 1.0])  # classes 5, 10 and 20 tie everywhere
    expect_equal(model.predict(X[:6]), np.full(6, 5), "predict when classes 5, 10, 20 tie", hint=hint)
    model.intercept_ = np.array([0.0, 2.0, 0.0, 2.0])  # classes 10 and 20 tie everywhere
    expect_equal(model.predict(X[:6]), np.full(6, 10), "predict when classes 10 and 20 tie", hint=hint)


# vectorization -----------------------------------------------------------------------------

def _problems(seed, sizes, d=3, k=4):
    rng = np.random.default_rng(seed)
    W, b = rng.normal(size=(d, k)), rng.normal(size=k)
    return {n: (rng.normal(size=(n, d)), np.arange(n) % k, W, b) for n in sizes}


@pytest.mark.points(3, "vectorization")
def test_loss_and_gradient_do_not_loop_over_samples(impl):
    problems = _problems(42, (40, 1000))
    loss, dW, db = impl.cross_entropy_loss_and_gradient(*problems[40], 0.1)
    expect_float(loss, reference_loss(*problems[40], 0.1), "loss", rtol=1e-9)
    expect_no_loop_over(lambda n: impl.cross_entropy_loss_and_gradient(*problems[n], 0.1), 40, 1000,
                        "cross_entropy_loss_and_gradient",
                        hint="compute P for all rows at once, pick Z[np.arange(n), y], and get dW as "
                             "one matrix product Xᵀ(P - Y)/n")


@pytest.mark.points(3, "vectorization")
def test_softmax_and_predictions_do_not_loop_over_samples(impl):
    problems = _problems(43, (40, 1000))
    X_small, y_small, _, _ = problems[40]
    model = impl.SoftmaxRegression(n_iters=3).fit(X_small, y_small)
    Z = {n: 3.0 * problems[n][0] @ problems[n][2] for n in problems}
    expect_close(impl.softmax(Z[40]), stable_softmax(Z[40]), "softmax", rtol=1e-9)
    hint = "apply the row operations to the whole (n, K) array: max, exp and sum with axis=1"
    expect_no_loop_over(lambda n: impl.softmax(Z[n]), 40, 1000, "softmax", hint=hint)
    expect_no_loop_over(lambda n: model.predict_proba(problems[n][0]), 40, 1000, "predict_proba", hint=hint)
    expect_no_loop_over(lambda n: model.predict(problems[n][0]), 40, 1000, "predict", hint=hint)
