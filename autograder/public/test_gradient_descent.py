"""Public tests of exercise 08, gradient descent (20 of its 100 points)."""
import numpy as np
import pytest

from autograder import datasets
from autograder.checks import expect_array, expect_close, expect_equal

# The starting point and gradient of the one-step tests.
W = [1.0, -2.0, 0.5]
DW = [0.5, 1.0, -2.0]


def least_squares(X, y):
    """``loss_and_grad(w, idx)`` of the half mean squared error on the rows ``idx``."""
    def loss_and_grad(w, idx):
        residual = X[idx] @ w - y[idx]
        return residual @ residual / (2 * len(idx)), X[idx].T @ residual / len(idx)
    return loss_and_grad


def step_count(state):
    """``state["t"]`` as a float, after checking it is a number (an int is expected)."""
    t = state.get("t")
    if isinstance(t, (bool, np.bool_)) or not isinstance(t, (int, np.integer, float, np.floating)):
        raise AssertionError(f'state["t"] should be the int number of steps taken, got {t!r}. '
                             'Likely mistake: return the state as {"m": m, "v": v, "t": t}')
    return float(t)


@pytest.mark.points(3, "shapes")
def test_update_functions_return_arrays_of_the_shape_of_w(impl):
    rng = np.random.default_rng(1)
    w, dw, velocity = rng.normal(size=(3, 2, 3))
    expect_array(impl.sgd_update(w, dw, 0.1), (2, 3), "sgd_update(w, dw, 0.1)",
                 hint="w may be a matrix: the update is elementwise and keeps w's shape")
    new_w, new_velocity = impl.momentum_update(w, dw, velocity, 0.1)
    expect_array(new_w, (2, 3), "w from momentum_update")
    expect_array(new_velocity, (2, 3), "velocity from momentum_update",
                 hint="return the pair (w, velocity), both of w's shape")
    new_w, state = impl.adam_update(w, dw, None)
    expect_array(new_w, (2, 3), "w from adam_update(w, dw, None)")
    assert type(state) is dict, (
        f"adam_update should return (w, state) with state a dict, got {type(state).__name__}. "
        'Likely mistake: state is a new dict {"m": m, "v": v, "t": t}')
    expect_array(state.get("m"), (2, 3), 'state["m"]', hint="m is the running mean of dw, shape of w")
    expect_array(state.get("v"), (2, 3), 'state["v"]', hint="v is the running mean of dw², shape of w")
    t = step_count(state)
    assert t == 1.0, (f'state["t"] after the first call should be 1, got {t:g}. Likely mistake: '
                      "start from t = 0 when state is None and add 1 before the bias correction")


@pytest.mark.points(3, "correctness")
def test_sgd_update_takes_one_exact_step(impl):
    # w - 0.1·dw = [1 - 0.05, -2 - 0.1, 0.5 + 0.2]
    expected = [0.95, -2.1, 0.7]
    got = impl.sgd_update(np.array(W), np.array(DW), 0.1)
    expect_close(got, expected, "sgd_update(w, dw, learning_rate=0.1)", rtol=1e-12, atol=1e-14,
                 hint="step against the gradient: w - learning_rate·dw")


@pytest.mark.points(4, "correctness")
def test_momentum_update_takes_one_exact_step(impl):
    velocity = np.array([0.2, -0.1, 0.0])
    # v = 0.9·[0.2, -0.1, 0] - 0.1·[0.5, 1, -2] = [0.18 - 0.05, -0.09 - 0.1, 0 + 0.2]
    expected_velocity = [0.13, -0.19, 0.2]
    # w = w + v = [1 + 0.13, -2 - 0.19, 0.5 + 0.2]
    expected_w = [1.13, -2.19, 0.7]
    new_w, new_velocity = impl.momentum_update(np.array(W), np.array(DW), velocity, 0.1, momentum=0.9)
    hint = ("v = momentum·v - learning_rate·dw, then w = w + v: the learning rate multiplies dw "
            "inside v, and v points the way w moves")
    expect_close(new_velocity, expected_velocity, "velocity after one momentum step", rtol=1e-12,
                 atol=1e-14, hint=hint)
    expect_close(new_w, expected_w, "w after one momentum step", rtol=1e-12, atol=1e-14, hint=hint)


@pytest.mark.points(4, "correctness")
def test_adam_update_takes_one_exact_first_step(impl):
    # t = 1; m = 0.1·dw = [0.05, 0.1, -0.2]; v = 0.001·dw² = [0.00025, 0.001, 0.004]
    # m_hat = m / (1 - 0.9) = dw; v_hat = v / (1 - 0.999) = dw²; the step is
    # 0.1·dw / (|dw| + 1e-8) = ±0.1 up to 1e-8 relative: w = [0.9, -2.1, 0.6]
    # (without the bias correction it would be 0.1·m/sqrt(v) = ±0.316)
    expected_w = [1 - 0.05 / (0.5 + 1e-8), -2 - 0.1 / (1 + 1e-8), 0.5 + 0.2 / (2 + 1e-8)]
    new_w, state = impl.adam_update(np.array(W), np.array(DW), None, learning_rate=0.1)
    hint = ("t = 1, m = (1 - beta1)·dw, v = (1 - beta2)·dw², then divide m by (1 - beta1**t) and v by "
            "(1 - beta2**t) before w = w - lr·m_hat / (sqrt(v_hat) + eps)")
    # atol: adding eps to sqrt(v) instead of sqrt(v_hat) (scikit-learn's form) moves w by 6e-8
    expect_close(new_w, expected_w, "w after the first Adam step", rtol=0, atol=1e-5, hint=hint)
    assert type(state) is dict, f"state should be a dict, got {type(state).__name__}"
    expect_close(state.get("m"), [0.05, 0.1, -0.2], 'state["m"]', rtol=1e-12, atol=1e-15,
                 hint="m = beta1·m + (1 - beta1)·dw, starting from m = 0 (store m, not m_hat)")
    expect_close(state.get("v"), [0.00025, 0.001, 0.004], 'state["v"]', rtol=1e-12, atol=1e-15,
                 hint="v = beta2·v + (1 - beta2)·dw², starting from v = 0 (store v, not v_hat)")


@pytest.mark.points(3, "folds")
def test_minibatches_cover_every_sample_once_and_keep_the_last_partial_batch(impl):
    batches = list(impl.iterate_minibatches(10, 3, np.random.default_rng(2)))
    sizes = [len(batch) for batch in batches]
    assert sizes == [3, 3, 3, 1], (
        f"10 samples in batches of 3 should give sizes [3, 3, 3, 1], got {sizes}. Likely mistake: "
        "the last, partial batch is dropped, or the permutation is cut into equal parts")
    for number, batch in enumerate(batches):
        expect_array(batch, (sizes[number],), f"batch {number}", kind="iu",
                     hint="each batch is a 1-D integer array of sample indices")
    expect_equal(np.sort(np.concatenate(batches)), np.arange(10), "the sorted indices of one epoch",
                 hint="cut one permutation of 0..n-1 into contiguous chunks: no sample twice, none left out")


@pytest.mark.points(3, "correctness")
def test_full_batch_sgd_reaches_the_least_squares_solution(impl):
    X, y = datasets.regression(seed=3, n=40, d=3)
    X = np.column_stack([X, np.ones(40)])
    expected = np.linalg.lstsq(X, y, rcond=None)[0]
    w, history = impl.minimize(least_squares(X, y), np.zeros(4), 40, learning_rate=0.5, n_epochs=200)
    expect_close(w, expected, "w after 200 epochs of gradient descent", rtol=1e-8, atol=1e-10,
                 hint="each epoch steps w ← w - learning_rate·dw with dw from loss_and_grad(w, idx)")
    history = expect_array(np.asarray(history, dtype=np.float64), (200,), "loss_history (as an array)",
                           hint="append one full-data loss per epoch: len(loss_history) == n_epochs")
    assert history[-1] < history[0], (
        f"the loss went up from {history[0]:.4g} to {history[-1]:.4g}: is the step w + lr·dw?")
