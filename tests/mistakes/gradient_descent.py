"""Known mistakes in exercise 08, gradient descent."""
from tests.mistakes import Mistake

SGD = "return w - learning_rate * dw"
VELOCITY = "new_velocity = momentum * velocity - learning_rate * dw"
MOMENTUM_RETURN = "return w + new_velocity, new_velocity"
ADAM_M = "m = beta1 * m + (1 - beta1) * dw"
ADAM_V = "v = beta2 * v + (1 - beta2) * dw**2"
ADAM_STEP = "    w = w - learning_rate * m_hat / (np.sqrt(v_hat) + eps)\n"
PERMUTATION = "order = rng.permutation(n_samples)"
CHUNKS = "    for start in range(0, n_samples, batch_size):\n        yield order[start:start + batch_size]\n"
EPOCH_LOOP = "    for _ in range(n_epochs):\n"
HISTORY = "        history.append(float(loss_and_grad(w, all_rows)[0]))\n"

MISTAKES = [
    # the update rules ----------------------------------------------------------------------
    Mistake(
        "sgd_gradient_ascent", "correctness",
        "w + lr·dw: steps up the gradient",
        {SGD: "return w + learning_rate * dw"},
    ),
    Mistake(
        "sgd_in_place", "edge_cases",
        "w -= lr·dw overwrites the caller's weights",
        {SGD: "w -= learning_rate * dw\n    return w"},
    ),
    Mistake(
        "momentum_learning_rate_outside_the_velocity", "correctness",
        "v = mu·v - dw; w = w + lr·v: the same path for w, but a velocity 1/lr times too large",
        {VELOCITY: "new_velocity = momentum * velocity - dw",
         MOMENTUM_RETURN: "return w + learning_rate * new_velocity, new_velocity"},
    ),
    Mistake(
        "momentum_opposite_velocity_sign", "correctness",
        "v = mu·v + lr·dw; w = w - v: the other textbook convention, the velocity's sign flipped",
        {VELOCITY: "new_velocity = momentum * velocity + learning_rate * dw",
         MOMENTUM_RETURN: "return w - new_velocity, new_velocity"},
    ),
    Mistake(
        "momentum_dampened", "correctness",
        "v = mu·v - (1 - mu)·lr·dw: an exponential average instead of the specified velocity",
        {VELOCITY: "new_velocity = momentum * velocity - (1 - momentum) * learning_rate * dw"},
    ),
    Mistake(
        "momentum_moves_with_the_old_velocity", "correctness",
        "w = w + v_old, then updates v: the step lags one gradient behind",
        {MOMENTUM_RETURN: "return w + velocity, new_velocity"},
    ),
    Mistake(
        "momentum_velocity_in_place", "edge_cases",
        "velocity *= mu; velocity -= lr·dw: overwrites the caller's velocity",
        {VELOCITY: "velocity *= momentum\n    velocity -= learning_rate * dw\n    new_velocity = velocity"},
    ),
    Mistake(
        "adam_without_bias_correction", "correctness",
        "uses m and v directly: the first steps are up to 3.16 times too large",
        {"    m_hat = m / (1 - beta1**t)\n    v_hat = v / (1 - beta2**t)\n":
         "    m_hat = m\n    v_hat = v\n"},
    ),
    Mistake(
        "adam_t_incremented_after_the_correction", "stability",
        "corrects with t = 0 on the first call: 1 - beta**0 = 0 divides by zero",
        {"    t = t + 1\n    m = beta1": "    m = beta1",
         ADAM_STEP: ADAM_STEP + "    t = t + 1\n"},
    ),
    Mistake(
        "adam_without_eps", "stability",
        "m_hat / sqrt(v_hat): a coordinate with zero gradient gives 0/0 = NaN",
        {"(np.sqrt(v_hat) + eps)": "np.sqrt(v_hat)"},
    ),
    Mistake(
        "adam_eps_inside_the_root", "stability",
        "sqrt(v_hat + eps): eps = 1e-8 under the root acts like 1e-4 added to it, so gradients "
        "below about 1e-4 take steps far smaller than lr·m_hat/(sqrt(v_hat) + eps)",
        {"(np.sqrt(v_hat) + eps)": "np.sqrt(v_hat + eps)"},
    ),
    Mistake(
        "adam_second_moment_not_squared", "correctness",
        "v accumulates dw instead of dw²: sqrt of a negative v",
        {ADAM_V: "v = beta2 * v + (1 - beta2) * dw"},
    ),
    Mistake(
        "adam_hard_coded_betas", "correctness",
        "uses 0.9 and 0.999 whatever beta1 and beta2 are passed",
        {ADAM_M: "m = 0.9 * m + 0.1 * dw", ADAM_V: "v = 0.999 * v + 0.001 * dw**2"},
    ),
    Mistake(
        "adam_stores_the_corrected_moments", "correctness",
        "returns m_hat and v_hat as the state: the next call corrects them twice",
        {'return w, {"m": m, "v": v, "t": t}': 'return w, {"m": m_hat, "v": v_hat, "t": t}'},
    ),
    Mistake(
        "adam_state_in_place", "edge_cases",
        "m *= beta1; v *= beta2: overwrites the arrays of the caller's state",
        {ADAM_M: "m *= beta1\n    m += (1 - beta1) * dw",
         ADAM_V: "v *= beta2\n    v += (1 - beta2) * dw**2"},
    ),
    # the mini-batches ----------------------------------------------------------------------
    Mistake(
        "minibatch_drops_the_last_partial_batch", "folds",
        "range(0, n - b + 1, b): the n % b leftover samples are never seen",
        {"range(0, n_samples, batch_size)": "range(0, n_samples - batch_size + 1, batch_size)"},
    ),
    Mistake(
        "minibatch_empty_last_batch", "folds",
        "n // b + 1 batches: an empty batch when b divides n",
        {"range(0, n_samples, batch_size)": "range(0, (n_samples // batch_size + 1) * batch_size, batch_size)"},
    ),
    Mistake(
        "minibatch_equal_parts", "folds",
        "np.array_split into ceil(n/b) near-equal parts instead of chunks of b",
        {CHUNKS: "    yield from np.array_split(order, -(-n_samples // batch_size))\n"},
    ),
    Mistake(
        "minibatch_never_shuffled", "folds",
        "np.arange(n): the same order every epoch",
        {PERMUTATION: "order = np.arange(n_samples)"},
    ),
    Mistake(
        "minibatch_with_replacement", "folds",
        "rng.integers(0, n, n): some samples twice, others never",
        {PERMUTATION: "order = rng.integers(0, n_samples, size=n_samples)"},
    ),
    Mistake(
        "minibatch_global_rng", "edge_cases",
        "np.random.permutation: advances the global random state, ignores rng",
        {PERMUTATION: "order = np.random.permutation(n_samples)"},
    ),
    # minimize ------------------------------------------------------------------------------
    Mistake(
        "minimize_seed_zero_ignored", "folds",
        "default_rng(random_state if random_state else None): seed 0 is not reproducible",
        {"    rng = np.random.default_rng(random_state)\n    velocity":
         "    rng = np.random.default_rng(random_state if random_state else None)\n    velocity"},
    ),
    Mistake(
        "minimize_reseeds_every_epoch", "folds",
        "makes the generator inside the epoch loop: every epoch has the same order",
        {EPOCH_LOOP: EPOCH_LOOP + "        rng = np.random.default_rng(random_state)\n"},
    ),
    Mistake(
        "minimize_history_is_the_last_batch_loss", "correctness",
        "records the loss of the epoch's last batch instead of the full-data loss",
        {"_, dw = loss_and_grad(w, idx)": "loss, dw = loss_and_grad(w, idx)",
         HISTORY: "        history.append(float(loss))\n"},
    ),
    Mistake(
        "minimize_history_before_the_epoch", "correctness",
        "records the full-data loss before the epoch's updates instead of after",
        {EPOCH_LOOP: EPOCH_LOOP + "        history.append(float(loss_and_grad(w, all_rows)[0]))\n",
         HISTORY + "    # END SOLUTION": "    # END SOLUTION"},
    ),
    Mistake(
        "minimize_resets_the_optimizer_every_epoch", "correctness",
        "velocity and Adam's state start again from scratch at each epoch",
        {EPOCH_LOOP: EPOCH_LOOP + "        velocity, state = np.zeros_like(w), None\n"},
    ),
    Mistake(
        "minimize_ignores_the_momentum_argument", "correctness",
        "calls momentum_update without momentum: always 0.9",
        {"momentum_update(w, dw, velocity, learning_rate, momentum)":
         "momentum_update(w, dw, velocity, learning_rate)"},
    ),
    Mistake(
        "minimize_adam_default_learning_rate", "correctness",
        "calls adam_update without learning_rate: always 1e-3",
        {"adam_update(w, dw, state, learning_rate)": "adam_update(w, dw, state)"},
    ),
    Mistake(
        "minimize_always_sgd", "correctness",
        "ignores optimizer: plain SGD whatever is asked",
        {'            if optimizer == "sgd":': '            if True:'},
    ),
    Mistake(
        "minimize_history_per_step", "shapes",
        "appends a loss after every update, not once per epoch: len(loss_history) != n_epochs",
        {HISTORY: "",
         "            else:\n                w, state = adam_update(w, dw, state, learning_rate)\n":
         "            else:\n                w, state = adam_update(w, dw, state, learning_rate)\n"
         "            history.append(float(loss_and_grad(w, all_rows)[0]))\n"},
    ),
    Mistake(
        "minimize_velocity_of_length_len_w", "shapes",
        "velocity = np.zeros(len(w)): wrong shape as soon as w is a matrix",
        {"velocity, state = np.zeros_like(w), None": "velocity, state = np.zeros(len(w)), None"},
    ),
    Mistake(
        "minimize_full_batch_shuffled", "edge_cases",
        "batch_size=None runs one shuffled batch of n: passes permutations and draws random numbers",
        {"batches = [all_rows]": "batches = iterate_minibatches(n_samples, n_samples, rng)"},
    ),
    Mistake(
        "minimize_writes_into_w0", "edge_cases",
        "w[...] = new_w: w is a view of the caller's float64 w0, which changes",
        {"                w = sgd_update(w, dw, learning_rate)":
         "                w[...] = sgd_update(w, dw, learning_rate)"},
    ),
    Mistake(
        "minimize_unknown_optimizer_accepted", "edge_cases",
        "no check of the optimizer's name: 'rmsprop' silently runs Adam (the else branch)",
        {"    if optimizer not in OPTIMIZERS:\n        raise ValueError": "    if False:\n        raise ValueError"},
    ),
]
