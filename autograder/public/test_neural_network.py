"""Public tests of exercise 09, neural network (20 of its 100 points)."""
import numpy as np
import pytest

from autograder.checks import (
    expect_array,
    expect_close,
    expect_float,
    no_float_warnings,
    numerical_gradient,
    relative_error,
    to_float,
)


def central_differences(f, x):
    """The gradient of a scalar ``f`` at ``x`` by central differences, Richardson-extrapolated.

    ``(4·D(h/2) - D(h)) / 3`` with ``D`` the central difference of step ``h = 1e-3`` cancels
    its ``h²`` error term: on these smooth losses it is right to about 1e-11 relative, so a
    right gradient passes the 1e-7 bar by a factor of 10⁴.
    """
    return (4 * numerical_gradient(f, x, h=5e-4) - numerical_gradient(f, x, h=1e-3)) / 3


def expect_gradient(actual, expected, name, hint):
    expect_array(actual, expected.shape, name, hint=hint)
    error = relative_error(actual, expected)
    assert error < 1e-7, (
        f"{name} disagrees with central differences (relative error {error:.2g}, should be "
        f"< 1e-7): expected {np.array2string(expected.ravel()[:4], precision=5)}..., got "
        f"{np.array2string(actual.ravel()[:4], precision=5)}.... Likely mistake: {hint}")


def oracle_scores(X, params):
    return np.maximum(X @ params["W1"] + params["b1"], 0.0) @ params["W2"] + params["b2"]


def oracle_data_loss(scores, y):
    return float(np.mean(np.logaddexp.reduce(scores, axis=1) - scores[np.arange(len(y)), y]))


def set_params(net, params):
    for name, value in params.items():
        net.params[name] = value.copy()


def linspace_problem():
    """CS231n's fixed two-layer problem: D=5, H=50, C=7, N=3, everything from np.linspace."""
    D, H, C, N = 5, 50, 7, 3
    params = {
        "W1": np.linspace(-0.7, 0.3, num=D * H).reshape(D, H),
        "b1": np.linspace(-0.1, 0.9, num=H),
        "W2": np.linspace(-0.3, 0.4, num=H * C).reshape(H, C),
        "b2": np.linspace(-0.9, 0.1, num=C),
    }
    X = np.linspace(-5.5, 4.5, num=N * D).reshape(D, N).T
    return X, np.array([0, 5, 1]), params


@pytest.mark.points(4, "shapes")
def test_layers_return_outputs_and_gradients_of_the_right_shapes(impl):
    rng = np.random.default_rng(1)
    N, D, M = 4, 3, 5
    x, W, b = rng.normal(size=(N, D)), rng.normal(size=(D, M)), rng.normal(size=M)
    dout = rng.normal(size=(N, M))
    out, cache = impl.affine_forward(x, W, b)
    expect_array(out, (N, M), "affine_forward's out", hint="out = x @ W + b has one row per sample")
    dx, dW, db = impl.affine_backward(dout, cache)
    expect_array(dx, (N, D), "dx", hint="dx = dout @ W.T has x's shape")
    expect_array(dW, (D, M), "dW", hint="dW = x.T @ dout has W's shape: (D, M), not (M, D)")
    expect_array(db, (M,), "db", hint="db is dout summed over the batch (axis 0), b's shape")
    relu_out, relu_cache = impl.relu_forward(out)
    expect_array(relu_out, (N, M), "relu_forward's out", hint="ReLU is elementwise: same shape")
    expect_array(impl.relu_backward(dout, relu_cache), (N, M), "relu_backward's dx")
    loss, dscores = impl.softmax_loss(out, np.array([0, 4, 2, 1]))
    to_float(loss, "softmax_loss's loss", hint="return the mean loss as a float, not an array")
    expect_array(dscores, (N, M), "dscores", hint="dscores has the shape of scores, (N, C)")


@pytest.mark.points(5, "correctness")
def test_two_layer_net_scores_and_loss_on_fixed_parameters(impl):
    X, y, params = linspace_problem()
    expected_scores = oracle_scores(X, params)
    expected_loss = oracle_data_loss(expected_scores, y)  # 3.4702243556, as in CS231n
    net = impl.TwoLayerNet(5, 50, 7, weight_scale=1e-3)
    set_params(net, params)
    expect_close(net.loss(X), expected_scores, "loss(X) (the scores)", rtol=1e-9, atol=1e-12,
                 hint="scores = relu(X @ W1 + b1) @ W2 + b2, computed from the current self.params")
    loss, _ = net.loss(X, y)
    expect_float(loss, expected_loss, "loss(X, y)", rtol=1e-10,
                 hint="the data loss is the mean over samples of logsumexp(scores) - score of "
                      "the true class")


@pytest.mark.points(4, "correctness")
def test_affine_backward_matches_central_differences(impl):
    rng = np.random.default_rng(3)
    x, W, b = rng.normal(size=(3, 4)), rng.normal(size=(4, 5)), rng.normal(size=5)
    dout = rng.normal(size=(3, 5))
    expected = {
        "dx": central_differences(lambda v: np.sum((v @ W + b) * dout), x),
        "dW": central_differences(lambda v: np.sum((x @ v + b) * dout), W),
        "db": central_differences(lambda v: np.sum((x @ W + v) * dout), b),
    }
    _, cache = impl.affine_forward(x, W, b)
    grads = impl.affine_backward(dout, cache)
    hints = {"dx": "dx = dout @ W.T", "dW": "dW = x.T @ dout",
             "db": "db = dout.sum(axis=0): b is added to every row"}
    for name, actual in zip(("dx", "dW", "db"), grads):
        expect_gradient(actual, expected[name], name, hints[name])


@pytest.mark.points(3, "stability")
def test_softmax_loss_of_huge_logits_is_exact(impl):
    scores, y = np.array([[0.0, 800.0]]), np.array([0])
    # logsumexp(0, 800) = 800 + log(1 + e^-800) = 800 in float64; the loss is 800 - 0.
    # softmax = [e^-800, 1] = [0, 1], so dscores = softmax - onehot = [-1, 1].
    with no_float_warnings("softmax_loss([[0, 800]], [0])"):
        loss, dscores = impl.softmax_loss(scores, y)
    hint = ("subtract each row's max, then loss = log(sum(exp(shifted))) - shifted[y]; "
            "log(softmax) gives log(0) = -inf and clipping gives 34.5 instead of 800")
    expect_float(loss, 800.0, "loss for logits [0, 800] with true class 0", rtol=1e-12, hint=hint)
    expect_close(dscores, [[-1.0, 1.0]], "dscores", rtol=0, atol=1e-12, hint=hint)


@pytest.mark.points(4, "regularization")
def test_penalty_is_half_reg_times_squared_weights(impl):
    rng = np.random.default_rng(5)
    params = {"W1": rng.normal(size=(4, 6)), "b1": rng.normal(size=6) + 2.0,
              "W2": rng.normal(size=(6, 3)), "b2": rng.normal(size=3) - 2.0}
    X, y = rng.normal(size=(5, 4)), np.array([0, 2, 1, 1, 0])
    reg = 0.3
    expected_data_loss = oracle_data_loss(oracle_scores(X, params), y)
    expected_penalty = 0.5 * reg * (np.sum(params["W1"] ** 2) + np.sum(params["W2"] ** 2))
    plain, penalized = impl.TwoLayerNet(4, 6, 3, reg=0.0), impl.TwoLayerNet(4, 6, 3, reg=reg)
    set_params(plain, params)
    set_params(penalized, params)
    loss_plain = to_float(plain.loss(X, y)[0], "loss with reg=0")
    loss_penalized = to_float(penalized.loss(X, y)[0], "loss with reg=0.3")
    expect_float(loss_plain, expected_data_loss, "loss with reg=0", rtol=1e-9)
    expect_float(loss_penalized - loss_plain, expected_penalty, "loss(reg=0.3) - loss(reg=0)",
                 rtol=1e-9, hint="the penalty is 0.5·reg·(sum(W1²) + sum(W2²)): keep the ½, "
                                 "include both weight matrices and never the biases")
