"""Hidden tests of exercise 08, gradient descent (80 of its 100 points)."""
import numpy as np
import pytest

from autograder import datasets
from autograder.checks import expect_array, expect_close, expect_equal, expect_raises, no_float_warnings

OPTIMIZERS = ["sgd", "momentum", "adam"]
EXACT = {"rtol": 1e-10, "atol": 1e-12}
# Adam's eps may sit outside sqrt(v_hat) (as written in the exercise) or outside sqrt(v) with the
# correction folded into the step size (scikit-learn's form): both are right, and they differ
# by up to 6e-8 in these tests (eps/sqrt(v) relative, |dw| >= 0.5), so 1e-5 absolute accepts both
# and still rejects every real mistake (a missing bias correction moves w by 4e-3 or more).
ADAM = {"rtol": 1e-7, "atol": 1e-5}


# helpers -----------------------------------------------------------------------------------

class Recorder:
    """A half-MSE ``loss_and_grad(w, idx)`` that records every ``idx`` it is called with."""

    def __init__(self, X, Y):
        self.X, self.Y = X, Y
        self.calls = []  # (the idx object as passed, a copy of it, a copy of w)

    def __call__(self, w, idx):
        w = np.array(w, dtype=np.float64, copy=True)
        self.calls.append((idx, np.array(idx, copy=True), w))
        return loss_and_grad(self.X, self.Y, w, np.asarray(idx))

    def batches(self, n_samples):
        """The indices of the update steps: every call but the full-data ones (len == n).

        A second call with the same batch at the same ``w`` (the loss and the gradient asked
        for separately) is one step, and counted once.
        """
        steps = []
        for _, idx, w in self.calls:
            if len(idx) == n_samples:
                continue
            if steps and np.array_equal(steps[-1][0], idx) and np.array_equal(steps[-1][1], w):
                continue
            steps.append((idx, w))
        return [idx for idx, _ in steps]


def loss_and_grad(X, Y, w, idx):
    """Half mean squared error on the rows ``idx``; ``Y`` and ``w`` may be matrices."""
    residual = X[idx] @ w - Y[idx]
    return float(np.sum(residual**2) / (2 * len(idx))), X[idx].T @ residual / len(idx)


def problem(seed, n, d, k=None):
    """Least-squares data with an intercept column; ``k`` targets when given."""
    X, y = datasets.regression(seed=seed, n=n, d=d)
    X = np.column_stack([X, np.ones(n)])
    if k is not None:
        y = np.column_stack([y * (j + 1) - j for j in range(k)])
    return X, y


def oracle_step(optimizer, w, dw, memory, learning_rate, momentum=0.9):
    """One update written out: ``memory`` is the velocity, or Adam's ``(m, v, t)``."""
    if optimizer == "sgd":
        return w - learning_rate * dw, memory
    if optimizer == "momentum":
        velocity = momentum * memory - learning_rate * dw
        return w + velocity, velocity
    m, v, t = memory if memory is not None else (0.0, 0.0, 0)
    t += 1
    m = 0.9 * m + 0.1 * dw
    v = 0.999 * v + 0.001 * dw**2
    m_hat, v_hat = m / (1 - 0.9**t), v / (1 - 0.999**t)
    return w - learning_rate * m_hat / (np.sqrt(v_hat) + 1e-8), (m, v, t)


def initial_memory(optimizer, w0):
    return np.zeros_like(w0) if optimizer == "momentum" else None


def replay(optimizer, X, Y, w0, epochs, learning_rate, momentum=0.9):
    """The run that the given batches (a list of epochs, each a list of idx) must produce."""
    w, memory, history = np.array(w0, dtype=np.float64), initial_memory(optimizer, w0), []
    all_rows = np.arange(len(X))
    for batches in epochs:
        for idx in batches:
            w, memory = oracle_step(optimizer, w, loss_and_grad(X, Y, w, idx)[1], memory,
                                    learning_rate, momentum)
        history.append(loss_and_grad(X, Y, w, all_rows)[0])
    return w, np.array(history)


def full_batch_epochs(n_samples, n_epochs):
    return [[np.arange(n_samples)] for _ in range(n_epochs)]


def split_epochs(batches, n_samples, n_epochs):
    """Group the update batches into epochs of exactly ``n_samples`` indices each."""
    hint = ("one epoch is one permutation of 0..n-1 cut into batches of batch_size, the last "
            "partial batch kept: every sample exactly once per epoch")
    epochs, current, size = [], [], 0
    for idx in batches:
        current.append(idx)
        size += len(idx)
        if size > n_samples:
            raise AssertionError(f"the batches passed to loss_and_grad do not add up to {n_samples} "
                                 f"samples per epoch (sizes {[len(b) for b in batches]}). "
                                 f"Likely mistake: {hint}")
        if size == n_samples:
            epochs.append(current)
            current, size = [], 0
    if current or len(epochs) != n_epochs:
        raise AssertionError(f"expected {n_epochs} epochs of {n_samples} samples each, got batch sizes "
                             f"{[len(b) for b in batches]}. Likely mistake: {hint}")
    return epochs


def as_history(history, n_epochs):
    return expect_array(np.asarray(history, dtype=np.float64), (n_epochs,), "loss_history (as an array)",
                        hint="append one float per epoch: len(loss_history) == n_epochs")


def sizes_of(batches):
    return [len(batch) for batch in batches]


def expected_sizes(n_samples, batch_size):
    return [batch_size] * (n_samples // batch_size) + ([n_samples % batch_size] if n_samples % batch_size else [])


def step_count(state):
    """``state["t"]`` as a float, after checking it is a number (an int is expected)."""
    assert type(state) is dict, (
        f'the state should be a dict {{"m", "v", "t"}}, got {type(state).__name__}')
    t = state.get("t")
    if isinstance(t, (bool, np.bool_)) or not isinstance(t, (int, np.integer, float, np.floating)):
        raise AssertionError(f'state["t"] should be the int number of steps taken, got {t!r}. '
                             'Likely mistake: return the state as {"m": m, "v": v, "t": t}')
    return float(t)


# shapes ------------------------------------------------------------------------------------

@pytest.mark.points(3, "shapes")
@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_minimize_keeps_the_shape_of_a_matrix_w0(impl, optimizer):
    X, Y = problem(seed=11, n=30, d=3, k=2)
    record = Recorder(X, Y)
    w, history = impl.minimize(record, np.zeros((4, 2)), 30, optimizer=optimizer, learning_rate=0.05,
                               batch_size=8, n_epochs=3, random_state=11)
    expect_array(w, (4, 2), "w returned by minimize",
                 hint="w has w0's shape whatever it is (here a (4, 2) matrix of weights)")
    as_history(history, 3)


@pytest.mark.points(2, "shapes")
def test_minimize_passes_one_dimensional_integer_index_arrays(impl):
    X, y = problem(seed=12, n=10, d=2)
    record = Recorder(X, y)
    impl.minimize(record, np.zeros(3), 10, batch_size=4, n_epochs=2, random_state=12)
    assert record.calls, "minimize never called loss_and_grad"
    hint = "pass each batch as a 1-D integer array of row indices (a slice of a permutation)"
    for number, (idx, copy, _) in enumerate(record.calls):
        expect_array(idx, (copy.size,), f"idx of call {number}", kind="iu", hint=hint)
    for number, batch in enumerate(impl.iterate_minibatches(10, 4, np.random.default_rng(12))):
        expect_array(batch, (4 if number < 2 else 2,), f"batch {number} of iterate_minibatches(10, 4)",
                     kind="iu", hint=hint)


# correctness -------------------------------------------------------------------------------

@pytest.mark.points(4, "correctness")
def test_momentum_takes_three_exact_steps(impl):
    w, velocity = np.array([1.0, -1.0]), np.zeros(2)
    gradients = [[1.0, 2.0], [-1.0, 0.5], [0.5, -1.0]]
    # learning_rate 0.1, momentum 0.5:
    # v1 = -0.1·[1, 2]                      = [-0.1, -0.2];    w1 = [0.9, -1.2]
    # v2 = 0.5·v1 - 0.1·[-1, 0.5]           = [0.05, -0.15];   w2 = [0.95, -1.35]
    # v3 = 0.5·v2 - 0.1·[0.5, -1]           = [-0.025, 0.025]; w3 = [0.925, -1.325]
    expected = [([0.9, -1.2], [-0.1, -0.2]), ([0.95, -1.35], [0.05, -0.15]),
                ([0.925, -1.325], [-0.025, 0.025])]
    hint = ("v = momentum·v - learning_rate·dw, then w = w + v, and the next step starts from the "
            "returned velocity (a velocity scaled by 1/learning_rate moves w the same way but is wrong)")
    for step, (dw, (w_expected, v_expected)) in enumerate(zip(gradients, expected), start=1):
        w, velocity = impl.momentum_update(w, np.array(dw), velocity, 0.1, momentum=0.5)
        expect_close(velocity, v_expected, f"velocity after step {step}", **EXACT, hint=hint)
        expect_close(w, w_expected, f"w after step {step}", **EXACT, hint=hint)


@pytest.mark.points(4, "correctness")
def test_adam_continues_from_a_given_state_with_its_own_betas(impl):
    state = {"m": np.array([-0.5, 0.5]), "v": np.array([0.25, 1.0]), "t": 1}
    # beta1 = 0.5, beta2 = 0.75, learning_rate = 0.1, dw = [1, -2]:
    # t = 2; m = 0.5·[-0.5, 0.5] + 0.5·[1, -2] = [0.25, -0.75]
    # v = 0.75·[0.25, 1] + 0.25·[1, 4] = [0.4375, 1.75]
    # m_hat = m / (1 - 0.25) = [1/3, -1]; v_hat = v / (1 - 0.5625) = [1, 4]
    # w = [0.3, -0.7] - 0.1·[1/3, -1] / ([1, 2] + 1e-8) = [0.3 - 0.1/3, -0.7 + 0.05]
    # (without the bias correction, or corrected with t = 1, the step is [0.0378, -0.0567])
    expected_w = [0.3 - 0.1 / 3 / (1 + 1e-8), -0.7 + 0.1 / (2 + 1e-8)]
    w, new_state = impl.adam_update(np.array([0.3, -0.7]), np.array([1.0, -2.0]), state,
                                    learning_rate=0.1, beta1=0.5, beta2=0.75)
    t = step_count(new_state)
    assert t == 2.0, (f'state["t"] should go from 1 to 2, got {t:g}. Likely mistake: t = t + 1 '
                      "on every call, starting from the state's t")
    expect_close(new_state.get("m"), [0.25, -0.75], 'state["m"]', **EXACT,
                 hint="m = beta1·m + (1 - beta1)·dw with the beta1 passed in, from the state's m")
    expect_close(new_state.get("v"), [0.4375, 1.75], 'state["v"]', **EXACT,
                 hint="v = beta2·v + (1 - beta2)·dw² with the beta2 passed in, from the state's v")
    expect_close(w, expected_w, "w after the step", **ADAM,
                 hint="bias-correct with the new t: m_hat = m/(1 - beta1**t), v_hat = v/(1 - beta2**t)")


@pytest.mark.points(4, "correctness")
def test_adam_takes_three_exact_steps_with_the_default_hyperparameters(impl):
    # learning_rate 0.1, beta1 0.9, beta2 0.999, eps 1e-8, from state None:
    # t=1, dw=[1, -2]:  m = [0.1, -0.2], v = [0.001, 0.004]; m_hat = [1, -2], v_hat = [1, 4];
    #                   w = [1, -1] - 0.1·[1, -1] = [0.9, -0.9]
    # t=2, dw=[3, 0]:   m = 0.9·m + 0.1·dw = [0.39, -0.18]; v = 0.999·v + 0.001·dw² = [0.009999, 0.003996]
    #                   m_hat = m/0.19, v_hat = v/0.001999
    # t=3, dw=[-1, .5]: m = [0.351 - 0.1, -0.162 + 0.05] = [0.251, -0.112]
    #                   v = [0.009989001 + 0.001, 0.003992004 + 0.00025] = [0.010989001, 0.004242004]
    #                   m_hat = m/0.271, v_hat = v/0.002997001
    w1 = np.array([0.9, -0.9])
    w2 = w1 - 0.1 * (np.array([0.39, -0.18]) / 0.19) / (np.sqrt(np.array([0.009999, 0.003996]) / 0.001999) + 1e-8)
    w3 = w2 - 0.1 * (np.array([0.251, -0.112]) / 0.271) / (
        np.sqrt(np.array([0.010989001, 0.004242004]) / 0.002997001) + 1e-8)
    expected = [(w1, [0.1, -0.2], [0.001, 0.004]),
                (w2, [0.39, -0.18], [0.009999, 0.003996]),
                (w3, [0.251, -0.112], [0.010989001, 0.004242004])]
    w, state = np.array([1.0, -1.0]), None
    for step, (dw, (w_expected, m_expected, v_expected)) in enumerate(
            zip([[1.0, -2.0], [3.0, 0.0], [-1.0, 0.5]], expected), start=1):
        w, state = impl.adam_update(w, np.array(dw), state, learning_rate=0.1)
        t = step_count(state)
        assert t == step, (f'state["t"] after {step} calls should be {step}, got {t:g}. Likely mistake: '
                           "store the incremented t in the returned state")
        expect_close(state.get("m"), m_expected, f'state["m"] after step {step}', **EXACT,
                     hint="m = beta1·m + (1 - beta1)·dw, carried from call to call (defaults beta1 = 0.9)")
        expect_close(state.get("v"), v_expected, f'state["v"] after step {step}', **EXACT,
                     hint="v = beta2·v + (1 - beta2)·dw², carried from call to call (defaults beta2 = 0.999)")
        expect_close(w, w_expected, f"w after step {step}", **ADAM,
                     hint="w = w - lr·m_hat / (sqrt(v_hat) + eps), corrected with this step's t")


@pytest.mark.points(3, "correctness")
def test_momentum_zero_is_plain_gradient_descent(impl):
    X, y = problem(seed=13, n=20, d=3)
    w0, _ = datasets.point(seed=13, d=4)
    expected_w, expected_history = replay("sgd", X, y, w0, full_batch_epochs(20, 8), 0.2)
    w, velocity = impl.momentum_update(np.array([1.0, 2.0]), np.array([0.5, -1.0]),
                                       np.array([3.0, -4.0]), 0.1, momentum=0.0)
    hint = "with momentum = 0 the old velocity is forgotten: v = -learning_rate·dw, w = w + v"
    expect_close(velocity, [-0.05, 0.1], "velocity with momentum=0", **EXACT, hint=hint)
    expect_close(w, [0.95, 2.1], "w with momentum=0", **EXACT, hint=hint)
    w, history = impl.minimize(Recorder(X, y), w0, 20, optimizer="momentum", momentum=0.0,
                               learning_rate=0.2, n_epochs=8)
    expect_close(w, expected_w, 'minimize(optimizer="momentum", momentum=0.0)', **EXACT,
                 hint="pass minimize's momentum argument on to momentum_update")
    expect_close(as_history(history, 8), expected_history, "loss_history", **EXACT)


@pytest.mark.points(6, "correctness")
@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_full_batch_runs_take_exactly_the_specified_steps(impl, optimizer):
    X, y = problem(seed=14, n=12, d=3)
    w0, _ = datasets.point(seed=14, d=4)
    settings = {"sgd": (0.1, 0.9), "momentum": (0.05, 0.7), "adam": (0.05, 0.9)}[optimizer]
    expected_w, expected_history = replay(optimizer, X, y, w0, full_batch_epochs(12, 5), *settings)
    w, history = impl.minimize(Recorder(X, y), w0, 12, optimizer=optimizer, learning_rate=settings[0],
                               momentum=settings[1], n_epochs=5)
    tolerance = ADAM if optimizer == "adam" else EXACT
    hint = {"sgd": "each epoch: one step w ← w - learning_rate·dw on all rows",
            "momentum": "start the velocity at 0, keep it across epochs, use minimize's momentum",
            "adam": "start Adam's state at None, keep it across epochs, pass minimize's learning_rate"}
    expect_close(as_history(history, 5), expected_history, "loss_history", **tolerance,
                 hint="loss_history[e] is loss_and_grad(w, np.arange(n))[0] after epoch e's update")
    expect_close(w, expected_w, f"w after 5 epochs of {optimizer}", **tolerance, hint=hint[optimizer])


@pytest.mark.points(6, "correctness")
@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_minibatch_runs_take_one_step_per_batch_and_record_the_full_loss(impl, optimizer):
    X, y = problem(seed=15, n=13, d=2)
    w0, _ = datasets.point(seed=15, d=3)
    record = Recorder(X, y)
    w, history = impl.minimize(record, w0, 13, optimizer=optimizer, learning_rate=0.05, momentum=0.6,
                               batch_size=4, n_epochs=3, random_state=15)
    epochs = split_epochs(record.batches(13), 13, 3)
    expected_w, expected_history = replay(optimizer, X, y, w0, epochs, 0.05, 0.6)
    tolerance = ADAM if optimizer == "adam" else EXACT
    expect_close(as_history(history, 3), expected_history, "loss_history", **tolerance,
                 hint="after each epoch append the loss on ALL rows at the current w, "
                      "not the last batch's loss and not the loss before the epoch")
    expect_close(w, expected_w, "w after replaying your own batches", **tolerance,
                 hint="one update per batch, in order; the velocity / Adam state carries over "
                      "between batches and epochs")


@pytest.mark.points(4, "correctness")
@pytest.mark.parametrize("optimizer, learning_rate, n_epochs", [("momentum", 0.1, 300), ("adam", 0.05, 1000)])
def test_momentum_and_adam_reach_the_least_squares_solution(impl, optimizer, learning_rate, n_epochs):
    X, y = problem(seed=16, n=40, d=3)
    expected = np.linalg.lstsq(X, y, rcond=None)[0]
    w, history = impl.minimize(Recorder(X, y), np.zeros(4), 40, optimizer=optimizer,
                               learning_rate=learning_rate, momentum=0.8, n_epochs=n_epochs)
    expect_close(w, expected, f"w after {n_epochs} epochs of {optimizer}", rtol=1e-8, atol=1e-10,
                 hint="full-batch descent on a convex loss must reach np.linalg.lstsq's solution")
    history = as_history(history, n_epochs)
    residual = X @ expected - y
    expect_close(history[-1:], [residual @ residual / 80], "the last loss", rtol=1e-8,
                 hint="loss_history holds the full-data loss after each epoch")


@pytest.mark.points(3, "correctness")
def test_minibatch_sgd_reaches_the_minimum_of_a_noise_free_quadratic(impl):
    rng = np.random.default_rng(17)
    X = rng.normal(size=(24, 3))
    w_star = np.array([1.5, -2.0, 0.5])
    y = X @ w_star  # every batch's loss is 0 at w_star, so constant-step SGD converges to it
    w, history = impl.minimize(Recorder(X, y), np.zeros(3), 24, learning_rate=0.1, batch_size=5,
                               n_epochs=150, random_state=0)
    expect_close(w, w_star, "w after 150 epochs of mini-batch SGD", rtol=0, atol=1e-8,
                 hint="one SGD step per mini-batch, every epoch")
    history = as_history(history, 150)
    assert history[-1] < 1e-15 * history[0], (
        f"the full-data loss should fall to 0, went from {history[0]:.3g} to {history[-1]:.3g}")


@pytest.mark.points(3, "correctness")
def test_batch_size_n_gives_the_full_batch_run(impl):
    X, y = problem(seed=18, n=15, d=3)
    w0, _ = datasets.point(seed=18, d=4)
    expected_w, expected_history = replay("momentum", X, y, w0, full_batch_epochs(15, 6), 0.1, 0.5)
    w, history = impl.minimize(Recorder(X, y), w0, 15, optimizer="momentum", learning_rate=0.1,
                               momentum=0.5, batch_size=15, n_epochs=6, random_state=18)
    expect_close(w, expected_w, "w with batch_size = n_samples", **EXACT,
                 hint="one batch holding every sample: the same steps as full batch (in another order)")
    expect_close(as_history(history, 6), expected_history, "loss_history", **EXACT)


# folds -------------------------------------------------------------------------------------

@pytest.mark.points(4, "folds")
@pytest.mark.parametrize("n_samples, batch_size", [(12, 4), (7, 1), (5, 5), (5, 8)])
def test_minibatches_partition_the_samples(impl, n_samples, batch_size):
    expected = expected_sizes(n_samples, batch_size) if batch_size <= n_samples else [n_samples]
    batches = list(impl.iterate_minibatches(n_samples, batch_size, np.random.default_rng(n_samples)))
    sizes = sizes_of(batches)
    assert sizes == expected, (
        f"{n_samples} samples in batches of {batch_size} should give sizes {expected}, got {sizes}. "
        "Likely mistake: slice the permutation at 0, b, 2b, ... < n: no empty batch when b divides n, "
        "the partial one kept, one batch when b > n")
    expect_equal(np.sort(np.concatenate(batches)), np.arange(n_samples), "the sorted indices of one epoch",
                 hint="cut one permutation into contiguous chunks: every sample exactly once")


@pytest.mark.points(3, "folds")
def test_every_epoch_of_minimize_visits_every_sample_once(impl):
    X, y = problem(seed=19, n=13, d=2)
    record = Recorder(X, y)
    impl.minimize(record, np.zeros(3), 13, batch_size=5, n_epochs=3, random_state=19)
    epochs = split_epochs(record.batches(13), 13, 3)
    for number, batches in enumerate(epochs):
        assert sizes_of(batches) == [5, 5, 3], (
            f"epoch {number} should have batches of sizes [5, 5, 3], got {sizes_of(batches)}. "
            "Likely mistake: chunks of batch_size, the last one shorter, not equal parts")
        expect_equal(np.sort(np.concatenate(batches)), np.arange(13), f"the sorted indices of epoch {number}",
                     hint="each epoch takes the batches of iterate_minibatches: one permutation")


@pytest.mark.points(3, "folds")
def test_every_epoch_has_a_new_order(impl):
    rng = np.random.default_rng(20)
    first, second = (np.concatenate(list(impl.iterate_minibatches(20, 6, rng))) for _ in range(2))
    expect_array(first, (20,), "one epoch of iterate_minibatches(20, 6)", kind="iu")
    expect_array(second, (20,), "the next epoch", kind="iu")
    hint = "draw a fresh permutation from rng on every call, from one generator made once per run"
    assert not np.array_equal(first, second), (
        f"two calls with the same generator gave the same order {first.tolist()}. Likely mistake: {hint}")
    assert not np.array_equal(first, np.arange(20)), (
        f"the epoch visits the samples in their original order. Likely mistake: {hint}")
    X, y = problem(seed=20, n=20, d=2)
    record = Recorder(X, y)
    impl.minimize(record, np.zeros(3), 20, batch_size=6, n_epochs=3, random_state=20)
    orders = [np.concatenate(batches) for batches in split_epochs(record.batches(20), 20, 3)]
    for a in range(3):
        for b in range(a + 1, 3):
            assert not np.array_equal(orders[a], orders[b]), (
                f"epochs {a} and {b} of minimize used the same order. Likely mistake: make "
                "np.random.default_rng(random_state) once, before the epochs, not in each epoch")


@pytest.mark.points(3, "folds")
def test_the_same_seed_gives_the_same_run_including_seed_zero(impl):
    X, y = problem(seed=21, n=16, d=2)
    runs = {}
    for name, seed in (("first", 0), ("second", 0), ("other", 1)):
        record = Recorder(X, y)
        w, _ = impl.minimize(record, np.zeros(3), 16, batch_size=5, n_epochs=2, random_state=seed)
        runs[name] = (expect_array(w, (3,), "w"), np.concatenate(record.batches(16)))
    expect_equal(runs["second"][1], runs["first"][1], "the batch indices of a second run with random_state=0",
                 hint="use np.random.default_rng(random_state) as is: 0 is a valid seed "
                      "(`if random_state:` treats it like None)")
    expect_close(runs["second"][0], runs["first"][0], "w of a second run with random_state=0", rtol=0)
    assert not np.array_equal(runs["other"][1], runs["first"][1]), (
        "random_state=1 gave the same batches as random_state=0. Likely mistake: the seed is ignored")
    orders = [np.concatenate(list(impl.iterate_minibatches(9, 2, np.random.default_rng(0)))) for _ in range(2)]
    expect_equal(orders[1], orders[0], "iterate_minibatches with a second default_rng(0)",
                 hint="draw the permutation from the rng passed in, nothing else")


# stability ---------------------------------------------------------------------------------

@pytest.mark.points(3, "stability")
def test_adam_leaves_a_zero_gradient_coordinate_in_place(impl):
    hint = ("a coordinate whose gradient has always been 0 has m = v = 0: the step m_hat/(sqrt(v_hat) "
            "+ eps) is 0/eps = 0; without eps, or with t still 0 in the correction, it is 0/0")
    with no_float_warnings("adam_update with a zero gradient coordinate", hint=hint):
        w1, state = impl.adam_update(np.array([1.0, 2.0, 3.0]), np.array([0.0, 1.0, -2.0]), None,
                                     learning_rate=0.1)
        w2, state = impl.adam_update(w1, np.array([0.0, 0.0, 4.0]), state, learning_rate=0.1)
    # step 1: [0, ±0.1]; step 2, coordinate 1: m = 0.09, v = 0.000999,
    #   0.1·(0.09/0.19) / (sqrt(0.000999/0.001999) + 1e-8)
    # coordinate 2: m = 0.9·(-0.2) + 0.4 = 0.22, v = 0.999·0.004 + 0.016 = 0.019996
    step2 = 0.1 * np.array([0.0, 0.09 / 0.19, 0.22 / 0.19]) / (
        np.sqrt(np.array([0.0, 0.000999, 0.019996]) / 0.001999) + 1e-8)
    expect_close(w1, [1.0, 2.0 - 0.1 / (1 + 1e-8), 3.0 + 0.1 / (1 + 1e-8)], "w after the first step",
                 **ADAM, hint=hint)
    expect_close(w2, w1 - step2, "w after the second step", **ADAM, hint=hint)


@pytest.mark.points(3, "stability")
def test_adams_first_step_is_the_same_for_any_gradient_scale(impl):
    direction = np.array([1.0, -3.0, 0.5, -0.25])
    expected_step = 0.01 * np.sign(direction)
    hint = ("with the bias correction, m_hat/sqrt(v_hat) = dw/|dw| on the first step: the step is "
            "learning_rate·sign(dw) however large or small dw is (without it, 3.16 times that)")
    for scale in (1e-2, 1.0, 1e2, 1e4):  # scikit-learn's eps placement is 1.3e-4 off at 1e-2
        dw = direction * scale
        with no_float_warnings(f"adam_update with gradients of size {scale:g}", hint=hint):
            w, _ = impl.adam_update(np.zeros(4), dw, None, learning_rate=0.01)
        expect_array(w, (4,), "w", hint=hint)
        expect_close(-w, expected_step, f"the first step for gradients of size {scale:g}", rtol=1e-2,
                     hint=hint)


@pytest.mark.points(3, "stability")
def test_adam_descends_a_steep_loss_without_overflow(impl):
    rng = np.random.default_rng(22)
    centers = rng.normal(size=(30, 3)) * 2

    def steep(w, idx):  # 1e6·mean(½||w - c_i||²): gradients of size 1e6, minimum at the mean center
        diff = np.asarray(w, dtype=np.float64) - centers[np.asarray(idx)]
        return 5e5 * float(np.mean(np.sum(diff**2, axis=1))), 1e6 * diff.mean(axis=0)

    expected = centers.mean(axis=0)
    hint = ("Adam divides by sqrt(v_hat), so its step stays near learning_rate however steep the loss: "
            "a plain gradient step of 0.1·1e6 overflows (is minimize using adam_update?)")
    with no_float_warnings('minimize(optimizer="adam") on a loss with gradients of 1e6', hint=hint):
        w, history = impl.minimize(steep, np.zeros(3), 30, optimizer="adam", learning_rate=0.1,
                                   n_epochs=500)
    expect_close(w, expected, "w after 500 Adam epochs", rtol=0, atol=1e-8, hint=hint)
    history = as_history(history, 500)
    assert history[-1] < history[0], f"the loss went up from {history[0]:.4g} to {history[-1]:.4g}"


@pytest.mark.points(2, "stability")
def test_adam_adds_eps_to_the_root_for_gradients_on_the_scale_of_eps(impl):
    g = np.array([3e-8, -2e-8, 5e-9, -2e-9])
    w, state = np.array([1.0, -1.0, 0.5, 2.0]), {"m": g.copy(), "v": g**2, "t": 19999}
    # late in a long run (t = 20000: 1 - beta**t = 1 to 2e-9, so eps added to sqrt(v) or to
    # sqrt(v_hat) gives the same step) with a steady gradient g: m_hat = g, v_hat = g², and the
    # step lr·g/(|g| + eps) is [0.75, -0.67, 0.33, -0.17]·lr. Without eps it would be ±lr;
    # with sqrt(v_hat) - eps it is 1.5·lr and more, and uphill where |g| < eps
    expected, _ = oracle_step("adam", w, g, (g.copy(), g**2, 19999), 0.1)
    hint = ("w = w - lr·m_hat / (sqrt(v_hat) + eps): eps is added to the root, and it matters "
            "once the gradients are as small as eps")
    with no_float_warnings("adam_update with gradients of about 1e-8", hint=hint):
        new_w, _ = impl.adam_update(w, g, state, learning_rate=0.1)
    expect_close(new_w, expected, "w after a step with gradients of about 1e-8", **ADAM, hint=hint)


# edge cases --------------------------------------------------------------------------------

@pytest.mark.points(3, "edge_cases")
def test_full_batch_passes_arange_on_every_call(impl):
    X, y = problem(seed=23, n=9, d=2)
    for optimizer in OPTIMIZERS:
        record = Recorder(X, y)
        w, _ = impl.minimize(record, np.zeros(3), 9, optimizer=optimizer, learning_rate=0.05, n_epochs=3)
        expect_array(w, (3,), "w")
        assert len(record.calls) >= 3, f"loss_and_grad was called {len(record.calls)} times in 3 epochs"
        for number, (_, idx, _) in enumerate(record.calls):
            expect_equal(idx, np.arange(9), f"idx of call {number} with batch_size=None ({optimizer})",
                         hint="batch_size=None means full batch: pass np.arange(n_samples), in order, "
                              "and draw no random numbers")


@pytest.mark.points(3, "edge_cases")
def test_the_global_random_state_is_untouched(impl):
    X, y = problem(seed=24, n=10, d=2)
    before = np.random.get_state()
    for seed in (None, 24):
        record = Recorder(X, y)
        impl.minimize(record, np.zeros(3), 10, batch_size=3, n_epochs=2, random_state=seed)
        split_epochs(record.batches(10), 10, 2)
    batches = list(impl.iterate_minibatches(10, 3, np.random.default_rng(24)))
    after = np.random.get_state()
    assert sizes_of(batches) == [3, 3, 3, 1], f"iterate_minibatches(10, 3) gave sizes {sizes_of(batches)}"
    same = before[0] == after[0] and np.array_equal(before[1], after[1]) and before[2:] == after[2:]
    assert same, ("the global np.random state changed. Likely mistake: np.random.permutation / "
                  "np.random.shuffle / np.random.seed use the global generator; draw from "
                  "rng = np.random.default_rng(random_state) instead")


@pytest.mark.points(3, "edge_cases")
def test_update_functions_do_not_modify_their_inputs(impl):
    w, dw = np.array([1.0, -2.0, 0.5]), np.array([0.5, 1.0, -2.0])
    velocity, m, v = np.array([0.2, -0.1, 0.0]), np.array([0.1, 0.2, -0.3]), np.array([0.04, 0.01, 0.09])
    originals = {name: array.copy() for name, array in
                 (("w", w), ("dw", dw), ("velocity", velocity), ('state["m"]', m), ('state["v"]', v))}
    state = {"m": m, "v": v, "t": 2}
    expected_w = w - 0.1 * dw
    expected_velocity = 0.9 * velocity - 0.1 * dw
    expect_close(impl.sgd_update(w, dw, 0.1), expected_w, "sgd_update", **EXACT)
    new_w, new_velocity = impl.momentum_update(w, dw, velocity, 0.1)
    expect_close(new_velocity, expected_velocity, "velocity from momentum_update", **EXACT)
    new_w, new_state = impl.adam_update(w, dw, state, learning_rate=0.1)
    expect_array(new_w, (3,), "w from adam_update")
    hint = ("build new arrays (w = w - ..., v = momentum * v - ..., m = beta1 * m + ...): "
            "w -= ..., v *= ... or m *= ... overwrite the caller's arrays")
    for name, array in (("w", w), ("dw", dw), ("velocity", velocity), ('state["m"]', m), ('state["v"]', v)):
        expect_close(array, originals[name], f"the caller's {name} after the updates", rtol=0, hint=hint)
    unchanged = (set(state) == {"m", "v", "t"} and state["m"] is m and state["v"] is v
                 and type(state["t"]) is int and state["t"] == 2)
    assert unchanged and new_state is not state, (
        "adam_update changed the state dict it was given. Likely mistake: return a new dict "
        '{"m": m, "v": v, "t": t}; the caller\'s state must stay as it was, so a step can be replayed')


@pytest.mark.points(2, "edge_cases")
def test_integer_and_list_inputs_work_and_w0_is_not_modified(impl):
    X, y = problem(seed=25, n=10, d=2)
    w0 = np.array([0.5, -0.5, 1.0])
    expected_w, _ = replay("sgd", X, y, w0, full_batch_epochs(10, 4), 0.1)
    w, _ = impl.minimize(Recorder(X, y), w0, 10, learning_rate=0.1, n_epochs=4)
    expect_close(w, expected_w, "w", **EXACT)
    expect_close(w0, [0.5, -0.5, 1.0], "the caller's w0 after minimize", rtol=0,
                 hint="copy w0 (or only ever build new arrays): minimize must not write into it")
    expect_close(impl.sgd_update([1, 2], [1, 1], 0.5), [0.5, 1.5], "sgd_update([1, 2], [1, 1], 0.5)",
                 **EXACT, hint="convert lists and integer arrays to float64 arrays")
    w, _ = impl.minimize(Recorder(X, y), [0, 0, 0], 10, learning_rate=0.1, n_epochs=2)
    expect_array(w, (3,), "w from an integer list w0", hint="work on a float64 copy of w0")


@pytest.mark.points(3, "edge_cases")
def test_unknown_optimizers_and_bad_hyperparameters_raise_value_error(impl):
    X, y = problem(seed=26, n=8, d=2)
    expected_w, _ = replay("adam", X, y, np.zeros(3), full_batch_epochs(8, 2), 0.1)
    w, _ = impl.minimize(Recorder(X, y), np.zeros(3), 8, optimizer="adam", learning_rate=0.1, n_epochs=2)
    expect_close(w, expected_w, 'minimize(optimizer="adam")', **ADAM)
    hint = 'check optimizer against ("sgd", "momentum", "adam") before running; never fall back silently'
    for optimizer in ("rmsprop", "nesterov", ""):
        with expect_raises(ValueError, f"minimize(optimizer={optimizer!r})", hint=hint):
            impl.minimize(Recorder(X, y), np.zeros(3), 8, optimizer=optimizer, n_epochs=2)
    for name, value in (("learning_rate", 0.0), ("n_epochs", 0), ("batch_size", 0)):
        with expect_raises(ValueError, f"minimize({name}={value})",
                           hint="learning_rate > 0, n_epochs >= 1, batch_size >= 1 (or None)"):
            impl.minimize(Recorder(X, y), np.zeros(3), 8, **{"n_epochs": 2, name: value})
    with expect_raises(ValueError, "iterate_minibatches(8, 0, rng)", hint="batch_size must be >= 1"):
        list(impl.iterate_minibatches(8, 0, np.random.default_rng(26)))
