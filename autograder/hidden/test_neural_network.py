"""Hidden tests of exercise 09, neural network (80 of its 100 points)."""
import numpy as np
import pytest

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
    to_float,
)
from autograder.public.test_neural_network import expect_gradient, oracle_data_loss

PARAMS = ("W1", "b1", "W2", "b2")
EXACT = {"rtol": 1e-9, "atol": 1e-12}


# oracles -----------------------------------------------------------------------------------

def central_differences(f, x):
    """The gradient of a scalar ``f`` at ``x`` by central differences, Richardson-extrapolated.

    ``(4·D(h/2) - D(h)) / 3`` with ``D`` the central difference of step ``h = 1e-3`` cancels
    its ``h²`` error term: on these smooth losses it is right to about 1e-11 relative (plain
    ``h = 1e-5`` only to about 1e-9), so a right gradient passes the 1e-7 bar by 10⁴. The data
    keep every ReLU input at least 0.03 away from the kink, far beyond the steps' reach.
    """
    return (4 * numerical_gradient(f, x, h=5e-4) - numerical_gradient(f, x, h=1e-3)) / 3


def oracle_forward(X, params):
    hidden = X @ params["W1"] + params["b1"]
    activations = np.maximum(hidden, 0.0)
    return hidden, activations, activations @ params["W2"] + params["b2"]


def oracle_penalty(params, reg):
    return 0.5 * reg * float(np.sum(params["W1"] ** 2) + np.sum(params["W2"] ** 2))


def oracle_loss(X, y, params, reg):
    return oracle_data_loss(oracle_forward(X, params)[2], y) + oracle_penalty(params, reg)


def oracle_dscores(scores, y):
    probs = np.exp(scores - np.logaddexp.reduce(scores, axis=1, keepdims=True))
    probs[np.arange(len(y)), y] -= 1.0
    return probs / len(y)


def oracle_grads(X, y, params, reg):
    hidden, activations, scores = oracle_forward(X, params)
    dscores = oracle_dscores(scores, y)
    dhidden = (dscores @ params["W2"].T) * (hidden > 0)
    return {"W1": X.T @ dhidden + reg * params["W1"], "b1": dhidden.sum(axis=0),
            "W2": activations.T @ dscores + reg * params["W2"], "b2": dscores.sum(axis=0)}


def gradient_descent(X, y, params, reg, learning_rate, n_epochs):
    """Full-batch gradient descent written out: the params and the loss after each step."""
    history = []
    for _ in range(n_epochs):
        grads = oracle_grads(X, y, params, reg)
        params = {name: params[name] - learning_rate * grads[name] for name in PARAMS}
        history.append(oracle_loss(X, y, params, reg))
    return params, history


def memorizable_labels(seed, n, d, c, gap=0.6, attempts=10):
    """``X (n, d)`` standard normal and shuffled balanced labels ``y`` from the first of the seeds
    ``seed, seed + 1000, ...`` in which no two points of different labels lie closer than ``gap``.

    Random labels are memorizable by a net wide enough, but a pair of differently labelled
    points about 0.5 apart or closer (one draw in sixteen) needs far more than a short run of
    SGD: the reference trades one of the two for the other, epoch after epoch. ``gap`` keeps a
    margin beyond that (one draw in seven is skipped).
    """
    for attempt in range(attempts):
        rng = np.random.default_rng(seed + 1000 * attempt)
        X, y = rng.normal(size=(n, d)), np.arange(n) % c
        rng.shuffle(y)
        distances = np.linalg.norm(X[:, None] - X[None], axis=2)
        if distances[y[:, None] != y[None]].min() >= gap:
            return X, y
    raise RuntimeError(f"bank data: none of {attempts} draws from seed {seed} keeps differently "
                       f"labelled points {gap} apart; choose another seed")


def random_problem(seed, n, d, h, c, scale=0.6, bias=0.3):
    """``X (n, d)``, labels ``y`` and parameters of moderate size, biases nonzero."""
    rng = np.random.default_rng(seed)
    params = {"W1": scale * rng.normal(size=(d, h)), "b1": bias * rng.normal(size=h),
              "W2": scale * rng.normal(size=(h, c)), "b2": bias * rng.normal(size=c)}
    return rng.normal(size=(n, d)), rng.integers(0, c, size=n), params


def set_params(net, params):
    for name in PARAMS:
        net.params[name] = np.array(params[name], dtype=np.float64)


def net_with(impl, params, reg=0.0):
    (d, h), c = params["W1"].shape, params["b2"].shape[0]
    net = impl.TwoLayerNet(d, h, c, reg=reg, random_state=0)
    set_params(net, params)
    return net


def history_of(net, n_epochs):
    history = np.asarray(net.loss_history_, dtype=np.float64)
    return expect_array(history, (n_epochs,), "loss_history_ (as an array)",
                        hint="append one full-data loss per epoch: len(loss_history_) == n_epochs")


GRAD_HINTS = {
    "W1": "dW1 = Xᵀ·dhidden, where dhidden = (dscores @ W2ᵀ) masked by hidden > 0",
    "b1": "db1 = dhidden summed over the batch",
    "W2": "dW2 = relu(hidden)ᵀ @ dscores",
    "b2": "db2 = dscores summed over the batch; dscores = (softmax - onehot) / N",
}


# shapes ------------------------------------------------------------------------------------

@pytest.mark.points(3, "shapes")
def test_two_layer_net_has_params_scores_grads_and_predictions_of_the_right_shapes(impl):
    X, y, _ = random_problem(11, n=5, d=7, h=9, c=4)
    net = impl.TwoLayerNet(7, 9, 4, weight_scale=0.1, random_state=11)
    shapes = {"W1": (7, 9), "b1": (9,), "W2": (9, 4), "b2": (4,)}
    for name, shape in shapes.items():
        expect_array(net.params[name], shape, f"params[{name!r}]",
                     hint="params = {'W1': (D, H), 'b1': (H,), 'W2': (H, C), 'b2': (C,)}")
    expect_array(net.loss(X), (5, 4), "loss(X) (the scores)", hint="with y=None return the scores (N, C)")
    loss, grads = net.loss(X, y)
    to_float(loss, "loss(X, y)[0]", hint="return the loss as a float")
    for name, shape in shapes.items():
        expect_array(grads[name], shape, f"grads[{name!r}]",
                     hint="each gradient has the shape of its parameter")
    expect_array(net.predict(X), (5,), "predict(X)", kind="iu",
                 hint="predict returns one integer class index per row")
    assert net.fit(X, y, learning_rate=0.1, n_epochs=3, batch_size=2) is net, (
        "fit should return self (the network), so calls can be chained")
    history_of(net, 3)


@pytest.mark.points(3, "shapes")
def test_bias_gradients_are_summed_over_the_batch(impl):
    rng = np.random.default_rng(12)
    x, W, b, dout = rng.normal(size=(6, 2)), rng.normal(size=(2, 3)), rng.normal(size=3), rng.normal(size=(6, 3))
    X, y, params = random_problem(12, n=5, d=3, h=4, c=2)
    expected = oracle_grads(X, y, params, 0.0)
    _, cache = impl.affine_forward(x, W, b)
    db = impl.affine_backward(dout, cache)[2]
    hint = "b is added to every row of out, so its gradient is dout summed over axis 0: shape (M,)"
    expect_array(db, (3,), "affine_backward's db", hint=hint)
    expect_close(db, dout.sum(axis=0), "affine_backward's db", **EXACT, hint=hint)
    _, grads = net_with(impl, params).loss(X, y)
    expect_close(grads["b1"], expected["b1"], "grads['b1']", rtol=1e-8, atol=1e-12, hint=hint)
    expect_close(grads["b2"], expected["b2"], "grads['b2']", rtol=1e-8, atol=1e-12, hint=hint)


# correctness: the layers -------------------------------------------------------------------

@pytest.mark.points(3, "correctness")
def test_affine_and_relu_forward_have_exact_values(impl):
    x = np.linspace(-0.1, 0.5, num=2 * 4).reshape(2, 4)
    W = np.linspace(-0.2, 0.3, num=4 * 3).reshape(4, 3)
    b = np.linspace(-0.3, 0.1, num=3)
    expected = x @ W + b
    z = np.linspace(-0.55, 0.45, num=12).reshape(3, 4)  # no exact zero
    expected_relu = np.where(z > 0, z, 0.0)
    out, _ = impl.affine_forward(x, W, b)
    expect_close(out, expected, "affine_forward's out", **EXACT, hint="out = x @ W + b")
    relu_out, _ = impl.relu_forward(z)
    expect_close(relu_out, expected_relu, "relu_forward's out", rtol=0, atol=0,
                 hint="out = max(0, x) elementwise: negative entries become 0, the rest stay")


@pytest.mark.points(4, "correctness")
def test_relu_backward_masks_dout_by_the_forward_input(impl):
    rng = np.random.default_rng(13)
    x = rng.choice([-1.0, 1.0], size=(4, 5)) * rng.uniform(0.1, 2.0, size=(4, 5))
    dout = rng.normal(size=(4, 5))  # of both signs, unrelated to x's
    expected_exact = np.where(x > 0, dout, 0.0)
    expected = central_differences(lambda v: np.sum(np.maximum(v, 0.0) * dout), x)
    _, cache = impl.relu_forward(x)
    dx = impl.relu_backward(dout, cache)
    hint = "dx = dout where the forward input x > 0, else 0 (mask by x, not by dout's sign)"
    expect_gradient(dx, expected, "relu_backward's dx", hint)
    expect_close(dx, expected_exact, "relu_backward's dx", rtol=0, atol=0, hint=hint)


@pytest.mark.points(4, "correctness")
@pytest.mark.parametrize("seed, n, c", [(27, 3, 4), (15, 1, 6)])
def test_softmax_loss_has_the_exact_value_and_gradient(impl, seed, n, c):
    rng = np.random.default_rng(seed)
    scores, y = rng.normal(size=(n, c)), rng.integers(0, c, size=n)
    expected_loss = oracle_data_loss(scores, y)
    expected = central_differences(lambda s: oracle_data_loss(s, y), scores)
    loss, dscores = impl.softmax_loss(scores, y)
    expect_float(loss, expected_loss, "softmax_loss's loss", rtol=1e-10,
                 hint="the mean over rows of logsumexp(scores[i]) - scores[i, y[i]]")
    expect_gradient(dscores, expected, "dscores",
                    "dscores = (softmax(scores) - onehot(y)) / N: subtract 1 at each true class "
                    "and divide by the batch size")


# correctness: the network ------------------------------------------------------------------

@pytest.mark.points(5, "correctness")
@pytest.mark.parametrize("seed, n, d, h, c", [(9, 3, 4, 5, 3), (13, 2, 5, 6, 4)])
def test_two_layer_net_gradients_match_central_differences(impl, seed, n, d, h, c):
    X, y, params = random_problem(seed, n, d, h, c)
    expected_loss = oracle_loss(X, y, params, 0.0)
    expected = {name: central_differences(
        lambda v, name=name: oracle_loss(X, y, {**params, name: v}, 0.0), params[name])
        for name in PARAMS}
    loss, grads = net_with(impl, params).loss(X, y)
    expect_float(loss, expected_loss, "loss(X, y)", rtol=1e-10)
    for name in PARAMS:
        expect_gradient(grads[name], expected[name], f"grads[{name!r}]", GRAD_HINTS[name])


@pytest.mark.points(3, "correctness")
@pytest.mark.parametrize("batch_size", [12, 200], ids=["batch_equals_n", "batch_larger_than_n"])
def test_full_batch_fit_is_gradient_descent_from_the_current_params(impl, batch_size):
    X, y, params = random_problem(16, n=12, d=4, h=6, c=3)
    expected_params, expected_history = gradient_descent(X, y, params, 0.0, 0.2, n_epochs=4)
    net = net_with(impl, params)
    net.fit(X, y, learning_rate=0.2, n_epochs=4, batch_size=batch_size)
    expect_close(history_of(net, 4), expected_history, "loss_history_", rtol=1e-8, atol=1e-12,
                 hint="loss_history_[e] is the full-data loss after epoch e; with batch_size >= "
                      "N every epoch is one step p -= learning_rate·grads[p] on all samples "
                      "(the last, partial batch is kept)")
    for name in PARAMS:
        expect_close(net.params[name], expected_params[name], f"params[{name!r}] after fit",
                     rtol=1e-8, atol=1e-12,
                     hint="fit continues from the current params (no re-initialization) and "
                          "steps p -= learning_rate·grads[p]")


@pytest.mark.points(3, "correctness")
@pytest.mark.parametrize("n, batch_size, steps", [(7, 3, 3), (5, 1, 5), (1, 4, 1)],
                         ids=["batches_3_3_1", "batches_of_one", "one_sample"])
def test_every_epoch_steps_on_every_batch_including_a_last_batch_of_one(impl, n, batch_size, steps):
    # All n rows are the same sample, so every batch's mean gradient is that sample's gradient,
    # whatever the permutation: an epoch is exactly `steps` = ceil(n / batch_size) steps of
    # gradient descent on the one sample, and the full-data loss is that sample's loss.
    X1, y1, params = random_problem(32, n=1, d=4, h=6, c=3)
    reg, learning_rate, n_epochs = 0.1, 0.5, 2
    expected_params, per_step = gradient_descent(X1, y1, params, reg, learning_rate, n_epochs=steps * n_epochs)
    expected_history = per_step[steps - 1::steps]
    X, y = np.repeat(X1, n, axis=0), np.repeat(y1, n)
    net = net_with(impl, params, reg=reg)
    net.fit(X, y, learning_rate=learning_rate, n_epochs=n_epochs, batch_size=batch_size)
    hint = (f"with N = {n} and batch_size = {batch_size} each epoch has {steps} batch(es): "
            "for start in range(0, N, batch_size), keeping the last partial batch even when it "
            "holds a single sample")
    expect_close(history_of(net, n_epochs), expected_history, "loss_history_", rtol=1e-8, atol=1e-12,
                 hint=hint)
    for name in PARAMS:
        expect_close(net.params[name], expected_params[name], f"params[{name!r}] after fit",
                     rtol=1e-8, atol=1e-12, hint=hint)


@pytest.mark.points(4, "correctness")
def test_fit_overfits_a_small_dataset(impl):
    X, y = memorizable_labels(17, n=26, d=5, c=3)
    start_loss = float(np.log(3))
    net = impl.TwoLayerNet(5, 40, 3, weight_scale=0.1, random_state=17)
    net.fit(X, y, learning_rate=0.5, n_epochs=200, batch_size=8)
    history = history_of(net, 200)
    params = {name: expect_array(net.params[name], np.shape(net.params[name]), f"params[{name!r}]")
              for name in PARAMS}
    final_loss = oracle_loss(X, y, params, 0.0)
    expect_float(history[-1], final_loss, "loss_history_[-1]", rtol=1e-9, atol=1e-12,
                 hint="record the full-data loss after each epoch, with the epoch's final params")
    assert history[-1] < 0.1 * start_loss, (
        f"after 200 epochs of SGD the training loss should fall from about {start_loss:.3f} to "
        f"below {0.1 * start_loss:.3f}, got {history[-1]:.4g}. Likely mistake: the step goes "
        "uphill (p += lr·grad), some batches are skipped, or the gradients are wrong")
    expect_equal(net.predict(X), y, "predict(X) on the training data",
                 hint="a network that fits its training data predicts every training label")


@pytest.mark.points(2, "correctness")
def test_predict_is_the_argmax_with_ties_to_the_lowest_class(impl):
    X, _, params = random_problem(18, n=8, d=3, h=5, c=4)
    expected = np.argmax(oracle_forward(X, params)[2], axis=1)
    tied = {**params, "W2": np.zeros((5, 4)), "b2": np.array([1.0, 3.0, 3.0, 0.0])}
    expect_equal(net_with(impl, params).predict(X), expected, "predict(X)",
                 hint="predict is the argmax of the scores over the classes (axis 1)")
    expect_equal(net_with(impl, tied).predict(X), np.ones(8, dtype=int),
                 "predict(X) when classes 1 and 2 tie", hint="np.argmax takes the lowest index on a tie")


@pytest.mark.points(3, "correctness")
def test_reordering_samples_or_hidden_units_changes_nothing(impl):
    X, y, params = random_problem(19, n=6, d=3, h=5, c=3)
    expected_loss = oracle_loss(X, y, params, 0.2)
    rows, units = np.random.default_rng(19).permutation(6), np.array([3, 0, 4, 1, 2])
    shuffled = {"W1": params["W1"][:, units], "b1": params["b1"][units],
                "W2": params["W2"][units], "b2": params["b2"]}
    loss, grads = net_with(impl, params, reg=0.2).loss(X, y)
    expect_float(loss, expected_loss, "loss(X, y)", rtol=1e-10)
    loss_rows, grads_rows = net_with(impl, params, reg=0.2).loss(X[rows], y[rows])
    expect_float(loss_rows, loss, "loss after shuffling the samples", rtol=1e-10,
                 hint="the loss is a mean over samples: their order cannot matter")
    for name in PARAMS:
        expect_close(grads_rows[name], expect_array(grads[name], params[name].shape, name),
                     f"grads[{name!r}] after shuffling the samples", rtol=1e-9, atol=1e-12)
    scores = net_with(impl, shuffled, reg=0.2).loss(X)
    expect_close(scores, oracle_forward(X, params)[2], "scores after permuting the hidden units",
                 **EXACT, hint="hidden units are interchangeable: permuting W1's columns, b1 and "
                               "W2's rows together leaves the scores unchanged")


@pytest.mark.points(3, "correctness")
def test_initial_weights_are_normal_with_the_given_scale_and_biases_zero(impl):
    scale = 0.05
    net = impl.TwoLayerNet(100, 80, 60, weight_scale=scale, random_state=20)
    for name, shape in (("W1", (100, 80)), ("W2", (80, 60))):
        W = expect_array(net.params[name], shape, f"params[{name!r}]")
        std, mean = float(np.std(W)), float(np.mean(W))
        tails = float(np.mean(np.abs(W) > 2 * scale))
        assert abs(std - scale) < 0.1 * scale, (
            f"params[{name!r}] should have standard deviation weight_scale = {scale} (within "
            f"10%), got {std:.4g}. Likely mistake: weights are weight_scale * "
            "rng.standard_normal(shape) (not weight_scale² or a uniform draw)")
        assert abs(mean) < 0.1 * scale, (
            f"params[{name!r}] should have mean 0, got {mean:.4g}. Likely mistake: "
            "rng.random draws from [0, 1); use rng.standard_normal")
        assert 0.03 < tails < 0.065, (
            f"{100 * tails:.1f}% of params[{name!r}] lie beyond 2·weight_scale; a normal "
            "distribution puts 4.6% there. Likely mistake: a uniform draw instead of a normal one")
    for name, size in (("b1", 80), ("b2", 60)):
        expect_close(net.params[name], np.zeros(size), f"params[{name!r}]", rtol=0, atol=0,
                     hint="biases start at exactly 0: np.zeros")


@pytest.mark.points(2, "correctness")
def test_initial_loss_is_close_to_log_of_the_number_of_classes(impl):
    X, y, _ = random_problem(21, n=50, d=20, h=30, c=10)
    expected = float(np.log(10))  # weight_scale 1e-3: scores ≈ 0, softmax uniform
    net = impl.TwoLayerNet(20, 30, 10, weight_scale=1e-3, random_state=21)
    expect_float(net.loss(X, y)[0], expected, "initial loss", rtol=0, atol=1e-3,
                 hint="with tiny weights every class gets probability 1/C, so the mean loss is "
                      "log(C); a sum over samples gives N·log(C)")


# regularization ----------------------------------------------------------------------------

@pytest.mark.points(5, "regularization")
@pytest.mark.parametrize("seed, n, d, h, c, reg", [(15, 3, 4, 5, 3, 0.7), (14, 3, 3, 7, 5, 0.25)])
def test_penalized_gradients_match_central_differences(impl, seed, n, d, h, c, reg):
    X, y, params = random_problem(seed, n, d, h, c)
    expected_loss = oracle_loss(X, y, params, reg)
    expected = {name: central_differences(
        lambda v, name=name: oracle_loss(X, y, {**params, name: v}, reg), params[name])
        for name in PARAMS}
    loss, grads = net_with(impl, params, reg=reg).loss(X, y)
    expect_float(loss, expected_loss, "loss(X, y) with a penalty", rtol=1e-10,
                 hint="loss = data loss + 0.5·reg·(sum(W1²) + sum(W2²))")
    for name in PARAMS:
        hint = (f"{GRAD_HINTS[name]}; the penalty 0.5·reg·||{name}||² adds reg·{name}"
                if name.startswith("W") else f"{GRAD_HINTS[name]}; the penalty never involves biases")
        expect_gradient(grads[name], expected[name], f"grads[{name!r}]", hint)


@pytest.mark.points(3, "regularization")
def test_penalty_adds_reg_times_weights_to_the_weight_gradients_only(impl):
    X, y, params = random_problem(22, n=7, d=4, h=5, c=3, bias=3.0)
    reg = 1.5
    _, plain = net_with(impl, params, reg=0.0).loss(X, y)
    _, penalized = net_with(impl, params, reg=reg).loss(X, y)
    for name in PARAMS:
        difference = (expect_array(penalized[name], params[name].shape, f"grads[{name!r}]")
                      - expect_array(plain[name], params[name].shape, f"grads[{name!r}]"))
        expected = reg * params[name] if name.startswith("W") else np.zeros_like(params[name])
        expect_close(difference, expected, f"grads[{name!r}](reg=1.5) - grads[{name!r}](reg=0)",
                     rtol=1e-9, atol=1e-12,
                     hint="the gradient of 0.5·reg·||W||² is reg·W (not 2·reg·W), and biases "
                          "are never penalized")


@pytest.mark.points(3, "regularization")
def test_penalty_never_touches_the_biases(impl):
    X, y, params = random_problem(23, n=4, d=3, h=4, c=3, bias=5.0)
    reg = 4.0
    expected = oracle_loss(X, y, params, reg)
    expected_penalty = oracle_penalty(params, reg)
    loss_plain = to_float(net_with(impl, params, reg=0.0).loss(X, y)[0], "loss with reg=0")
    loss = to_float(net_with(impl, params, reg=reg).loss(X, y)[0], "loss with reg=4")
    hint = "the penalty is 0.5·reg·(sum(W1²) + sum(W2²)): the biases b1, b2 are not in it"
    expect_float(loss - loss_plain, expected_penalty, "loss(reg=4) - loss(reg=0)", rtol=1e-9, hint=hint)
    expect_float(loss, expected, "loss with reg=4", rtol=1e-10, hint=hint)


@pytest.mark.points(3, "regularization")
def test_fit_history_includes_the_penalty(impl):
    X, y, params = random_problem(24, n=10, d=3, h=5, c=4)
    reg = 0.5
    expected_params, expected_history = gradient_descent(X, y, params, reg, 0.3, n_epochs=3)
    net = net_with(impl, params, reg=reg)
    net.fit(X, y, learning_rate=0.3, n_epochs=3, batch_size=10)
    expect_close(history_of(net, 3), expected_history, "loss_history_ with reg=0.5",
                 rtol=1e-8, atol=1e-12,
                 hint="loss_history_[e] is the full-data loss after epoch e, penalty included")
    for name in PARAMS:
        expect_close(net.params[name], expected_params[name], f"params[{name!r}] after fit",
                     rtol=1e-8, atol=1e-12,
                     hint="each step uses the penalized gradients: dW += reg·W")


# stability ---------------------------------------------------------------------------------

@pytest.mark.points(4, "stability")
def test_softmax_loss_is_exact_for_logits_of_magnitude_1e4(impl):
    scores = np.array([[1e4, -1e4, 0.0], [-1e4, 1e4, 5e3], [3.0, 2.0, 1.0], [-1e4, -1e4, -1e4]])
    y = np.array([1, 1, 0, 2])
    # per row: 2e4, 0, logsumexp(3, 2, 1) - 3, log(3)
    expected_loss = (2e4 + 0.0 + (np.log(np.exp(0) + np.exp(-1) + np.exp(-2))) + np.log(3)) / 4
    expected = oracle_dscores(scores, y)
    with no_float_warnings("softmax_loss on logits of magnitude 1e4"):
        loss, dscores = impl.softmax_loss(scores, y)
    hint = "subtract each row's max before exp, and take the log of the sum, never of a probability"
    expect_float(loss, expected_loss, "loss", rtol=1e-12, hint=hint)
    expect_close(dscores, expected, "dscores", rtol=1e-9, atol=1e-15, hint=hint)


@pytest.mark.points(3, "stability")
def test_two_layer_net_with_huge_scores_has_a_finite_exact_loss(impl):
    X, y, params = random_problem(25, n=6, d=4, h=5, c=3)
    big = {name: 40.0 * value for name, value in params.items()}  # scores in the thousands
    expected_loss = oracle_loss(X, y, big, 0.1)
    expected = oracle_grads(X, y, big, 0.1)
    net = net_with(impl, big, reg=0.1)
    with no_float_warnings("TwoLayerNet.loss with scores in the thousands"):
        loss, grads = net.loss(X, y)
        predictions = net.predict(X)
    hint = "softmax_loss must use log-sum-exp (subtract the row max), so huge scores stay finite"
    expect_float(loss, expected_loss, "loss", rtol=1e-9, hint=hint)
    for name in PARAMS:
        expect_close(grads[name], expected[name], f"grads[{name!r}]", rtol=1e-7, atol=1e-9, hint=hint)
    expect_equal(predictions, np.argmax(oracle_forward(X, big)[2], axis=1), "predict(X)")


# edge cases --------------------------------------------------------------------------------

@pytest.mark.points(3, "edge_cases")
def test_inputs_and_params_are_never_modified(impl):
    X, y, params = random_problem(26, n=5, d=3, h=4, c=3)
    scores = 3.0 * np.random.default_rng(26).normal(size=(5, 3))
    expected_loss = oracle_loss(X, y, params, 0.3)
    X_ro, y_ro, scores_ro = datasets.read_only(X, y, scores)
    hint = ("compute into new arrays; never x[...] = ..., x -= ..., x *= ... on an argument "
            "(the caller's array, a cached input or a parameter)")
    out, cache = impl.affine_forward(X_ro, *datasets.read_only(params["W1"], params["b1"]))
    relu_out, relu_cache = impl.relu_forward(datasets.read_only(out)[0])
    impl.relu_backward(datasets.read_only(out)[0], relu_cache)
    impl.affine_backward(datasets.read_only(out)[0], cache)
    impl.softmax_loss(scores_ro, y_ro)
    net = net_with(impl, params, reg=0.3)
    for name in PARAMS:
        net.params[name] = datasets.read_only(params[name])[0]
    loss, _ = net.loss(X_ro, y_ro)
    expect_float(loss, expected_loss, "loss(X, y) on read-only arrays", rtol=1e-10, hint=hint)
    expect_close(relu_out, np.maximum(out, 0.0), "relu_forward's out", rtol=0, atol=0, hint=hint)
    expect_close(X_ro, X, "X after the calls", rtol=0, atol=0, hint=hint)
    expect_close(scores_ro, scores, "scores after softmax_loss", rtol=0, atol=0, hint=hint)
    for name in PARAMS:
        expect_close(net.params[name], params[name], f"params[{name!r}] after loss", rtol=0,
                     atol=0, hint="loss must not change the parameters; only fit does")


@pytest.mark.points(3, "edge_cases")
def test_same_seed_same_network_and_the_global_rng_untouched(impl):
    X, y, _ = random_problem(27, n=20, d=4, h=6, c=3)
    state = np.random.get_state()
    first = impl.TwoLayerNet(4, 6, 3, weight_scale=0.2, random_state=0)
    second = impl.TwoLayerNet(4, 6, 3, weight_scale=0.2, random_state=0)
    other = impl.TwoLayerNet(4, 6, 3, weight_scale=0.2, random_state=1)
    W1 = expect_array(first.params["W1"], (4, 6), "params['W1']")
    expect_close(second.params["W1"], W1, "params['W1'] of a second net with random_state=0",
                 rtol=0, atol=0, hint="draw from np.random.default_rng(random_state); 0 is a seed "
                                      "like any other (`if random_state:` treats it as None)")
    assert np.abs(expect_array(other.params["W1"], (4, 6), "params['W1']") - W1).max() > 1e-3, (
        "random_state=0 and random_state=1 gave the same weights. Likely mistake: the seed is "
        "ignored")
    first.fit(X, y, learning_rate=0.1, n_epochs=3, batch_size=6)
    second.fit(X, y, learning_rate=0.1, n_epochs=3, batch_size=6)
    for name in PARAMS:
        expect_close(second.params[name], first.params[name], f"params[{name!r}] after fit",
                     rtol=0, atol=0, hint="fit shuffles with np.random.default_rng(random_state): "
                                          "the same seed must give the same training run")
    after = np.random.get_state()
    assert after[0] == state[0] and after[2:] == state[2:] and np.array_equal(after[1], state[1]), (
        "the global np.random state changed. Likely mistake: np.random.seed / np.random.randn / "
        "np.random.permutation; use a local rng = np.random.default_rng(random_state)")


@pytest.mark.points(2, "edge_cases")
def test_lists_ints_float32_and_a_single_sample_work(impl):
    rng = np.random.default_rng(28)
    X_int, y = rng.integers(-3, 4, size=(5, 4)), np.array([2, 0, 1, 1, 2])
    _, _, params = random_problem(28, n=5, d=4, h=5, c=3)
    expected_scores = oracle_forward(X_int.astype(np.float64), params)[2]
    expected_single = oracle_loss(X_int[:1].astype(np.float64), y[:1], params, 0.0)
    expected_grads = oracle_grads(X_int[:1].astype(np.float64), y[:1], params, 0.0)
    net = net_with(impl, params)
    for name, X_in in (("int", X_int), ("float32", X_int.astype(np.float32)), ("list", X_int.tolist())):
        expect_close(net.loss(X_in), expected_scores, f"scores for {name} X", **EXACT,
                     hint="convert X to float64 and compute in float64 whatever its type")
    loss, grads = net.loss(X_int[:1].tolist(), [int(y[0])])
    expect_float(loss, expected_single, "loss of a single sample", rtol=1e-10,
                 hint="one sample is a batch of N = 1: keep X 2-D, (1, D)")
    for name in PARAMS:
        expect_close(grads[name], expected_grads[name], f"grads[{name!r}] of a single sample",
                     rtol=1e-8, atol=1e-12)
    expect_array(net.predict(X_int[:1]), (1,), "predict on one sample", kind="iu")


@pytest.mark.points(3, "edge_cases")
def test_bad_input_raises_value_error(impl):
    X, y, params = random_problem(29, n=6, d=3, h=4, c=3)
    expected = oracle_loss(X, y, params, 0.0)
    net = net_with(impl, params)
    expect_float(net.loss(X, y)[0], expected, "loss(X, y)", rtol=1e-10)
    with expect_raises(ValueError, "loss with a label equal to n_classes"):
        net.loss(X, np.array([0, 1, 2, 3, 0, 1]))
    with expect_raises(ValueError, "loss with a label -1",
                       hint="a negative label silently indexes the last class: reject it"):
        net.loss(X, np.array([0, 1, -1, 2, 0, 1]))
    with expect_raises(ValueError, "predict with 2 features for input_dim=3"):
        net.predict(X[:, :2])
    with expect_raises(ValueError, "fit with len(X) != len(y)"):
        net.fit(X, y[:-1], n_epochs=1)
    X_nan = X.copy()
    X_nan[2, 1] = np.nan
    with expect_raises(ValueError, "fit with NaN in X"):
        net.fit(X_nan, y, n_epochs=1)
    with expect_raises(ValueError, "softmax_loss with a label out of range"):
        impl.softmax_loss(np.zeros((2, 3)), np.array([0, 3]))


@pytest.mark.points(2, "edge_cases")
def test_out_of_range_hyperparameters_raise_value_error(impl):
    X, y, _ = random_problem(30, n=6, d=3, h=4, c=3)
    expected = float(np.log(3))
    net = impl.TwoLayerNet(3, 4, 3, weight_scale=1e-4, random_state=30)
    expect_float(net.loss(X, y)[0], expected, "initial loss", rtol=0, atol=1e-4)
    for doing, make in (
        ("TwoLayerNet(hidden_dim=0)", lambda: impl.TwoLayerNet(3, 0, 3).fit(X, y)),
        ("TwoLayerNet(n_classes=1)", lambda: impl.TwoLayerNet(3, 4, 1).fit(X, np.zeros(6, dtype=int))),
        ("TwoLayerNet(weight_scale=-0.1)", lambda: impl.TwoLayerNet(3, 4, 3, weight_scale=-0.1).fit(X, y)),
        ("TwoLayerNet(reg=-1)", lambda: impl.TwoLayerNet(3, 4, 3, reg=-1.0).fit(X, y)),
        ("fit(learning_rate=0)", lambda: net.fit(X, y, learning_rate=0.0)),
        ("fit(n_epochs=0)", lambda: net.fit(X, y, n_epochs=0)),
        ("fit(batch_size=0)", lambda: net.fit(X, y, batch_size=0)),
    ):
        with expect_raises(ValueError, doing):
            make()


# vectorization -----------------------------------------------------------------------------

@pytest.mark.points(4, "vectorization")
def test_loss_and_predict_do_not_loop_over_samples(impl):
    X, y, params = random_problem(31, n=400, d=4, h=6, c=3)
    scores = oracle_forward(X, params)[2]
    expected = oracle_data_loss(scores, y)
    expect_float(impl.softmax_loss(scores, y)[0], expected, "softmax_loss", rtol=1e-10)
    net = net_with(impl, params)
    expect_float(net.loss(X, y)[0], expected, "loss(X, y)", rtol=1e-10)
    expect_no_loop_over(lambda n: impl.softmax_loss(scores[:n], y[:n]), 20, 400, "softmax_loss",
                        hint="index all rows at once: log_probs[np.arange(N), y]")
    expect_no_loop_over(lambda n: net.loss(X[:n], y[:n]), 20, 400, "TwoLayerNet.loss")
    expect_no_loop_over(lambda n: net.predict(X[:n]), 20, 400, "TwoLayerNet.predict")
