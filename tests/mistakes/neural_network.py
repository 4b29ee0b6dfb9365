"""Known mistakes in exercise 09, neural network."""
from tests.mistakes import Mistake

SOFTMAX = """    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    rows = np.arange(n_samples)
    loss = -log_probs[rows, y].mean()
    dscores = np.exp(log_probs)
"""
PENALTY = "loss = data_loss + 0.5 * self.reg * (np.sum(W1 * W1) + np.sum(W2 * W2))"
GRADS = """        grads = {
            "W1": dW1 + self.reg * W1,
            "b1": db1,
            "W2": dW2 + self.reg * W2,
            "b2": db2,
        }"""
INIT_RNG = "        rng = np.random.default_rng(random_state)\n"
STEP = "self.params[name] = self.params[name] - learning_rate * grads[name]"

MISTAKES = [
    # the layers
    Mistake(
        "affine_forward_without_bias", "correctness",
        "out = x @ W: the bias is never added (its gradient is still computed)",
        {"out = x @ W + b": "out = x @ W"},
    ),
    Mistake(
        "relu_backward_clips_dout", "correctness",
        "dx = max(0, dout): applies the ReLU to the upstream gradient instead of masking it by "
        "the forward input",
        {"dx = dout * (x > 0)": "dx = np.maximum(dout, 0.0)"},
    ),
    Mistake(
        "db_not_summed", "shapes",
        "db = dout: the bias gradient keeps one row per sample instead of summing over the batch",
        {"db = dout.sum(axis=0)": "db = dout"},
    ),
    Mistake(
        "db_averaged", "correctness",
        "db = mean of dout over the batch: the 1/N is already in dscores, so it is applied twice",
        {"db = dout.sum(axis=0)": "db = dout.mean(axis=0)"},
    ),
    Mistake(
        "dW_transposed", "shapes",
        "dW = doutᵀ x: the right numbers in the wrong layout (M, D)",
        {"dW = x.T @ dout": "dW = dout.T @ x"},
    ),
    Mistake(
        "input_gradient_skipped", "correctness",
        "dx = 0 because 'x is not a parameter': no gradient reaches the first layer",
        {"dx = dout @ W.T": "dx = np.zeros_like(x)"},
    ),
    Mistake(
        "dscores_not_divided_by_n", "correctness",
        "the loss is a mean but dscores is the gradient of the sum",
        {"    dscores /= n_samples\n": ""},
    ),
    Mistake(
        "dscores_without_minus_one", "correctness",
        "forgets to subtract 1 at the true class: dscores = softmax / N",
        {"    dscores[rows, y] -= 1.0\n": ""},
    ),
    Mistake(
        "loss_summed_not_averaged", "correctness",
        "loss = sum over the batch, while dscores is divided by N",
        {"loss = -log_probs[rows, y].mean()": "loss = -log_probs[rows, y].sum()"},
    ),
    Mistake(
        "softmax_normalized_over_the_batch", "correctness",
        "sums exp over axis 0 (the samples) instead of axis 1 (the classes)",
        {"np.exp(shifted).sum(axis=1, keepdims=True)": "np.exp(shifted).sum(axis=0, keepdims=True)"},
    ),
    Mistake(
        "softmax_without_max_shift", "stability",
        "exp of raw scores: exp(800) overflows to inf and the loss becomes NaN",
        {"shifted = scores - scores.max(axis=1, keepdims=True)": "shifted = scores"},
    ),
    Mistake(
        "log_of_softmax", "stability",
        "shifts, then takes log of the probabilities: log(exp(-800)) = log(0) = -inf",
        {SOFTMAX: """    shifted = scores - scores.max(axis=1, keepdims=True)
    probs = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
    rows = np.arange(n_samples)
    loss = -np.log(probs[rows, y]).mean()
    dscores = probs.copy()
"""},
    ),
    Mistake(
        "clipped_log_of_softmax", "stability",
        "log(max(p, 1e-15)): finite, but a loss of 34.5 where it should be 800",
        {SOFTMAX: """    shifted = scores - scores.max(axis=1, keepdims=True)
    probs = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
    rows = np.arange(n_samples)
    loss = -np.log(np.maximum(probs[rows, y], 1e-15)).mean()
    dscores = probs.copy()
"""},
    ),
    Mistake(
        "softmax_loss_loops_over_samples", "vectorization",
        "CS231n's naive version: a Python loop over the rows",
        {SOFTMAX: """    rows = np.arange(n_samples)
    losses, probs = [], []
    for row, label in zip(scores, y):
        row = row - row.max()
        log_row = row - np.log(np.sum(np.exp(row)))
        losses.append(-log_row[label])
        probs.append(np.exp(log_row))
    loss = np.mean(losses)
    dscores = np.array(probs)
"""},
    ),
    Mistake(
        "softmax_shifts_scores_in_place", "edge_cases",
        "scores -= max: modifies the caller's scores (and fails on a read-only array)",
        {"shifted = scores - scores.max(axis=1, keepdims=True)":
         "scores -= scores.max(axis=1, keepdims=True)\n    shifted = scores"},
    ),
    Mistake(
        "relu_forward_in_place", "edge_cases",
        "x[x < 0] = 0: zeroes the caller's array instead of building a new one",
        {"out = np.maximum(x, 0.0)": "x[x < 0] = 0.0\n    out = x"},
    ),
    Mistake(
        "relu_backward_writes_into_dout", "edge_cases",
        "dout[x <= 0] = 0: overwrites the upstream gradient the caller still holds",
        {"dx = dout * (x > 0)": "dout[x <= 0] = 0.0\n    dx = dout"},
    ),
    # the penalty
    Mistake(
        "penalty_without_the_half", "regularization",
        "loss adds reg·(||W1||² + ||W2||²) while the gradient adds reg·W",
        {PENALTY: "loss = data_loss + self.reg * (np.sum(W1 * W1) + np.sum(W2 * W2))"},
    ),
    Mistake(
        "penalty_gradient_doubled", "regularization",
        "the loss has 0.5·reg·||W||² but the gradient adds 2·reg·W",
        {GRADS: GRADS.replace("self.reg * W", "2 * self.reg * W")},
    ),
    Mistake(
        "penalty_on_the_biases", "regularization",
        "penalizes b1 and b2 as well as the weights",
        {PENALTY: PENALTY[:-1] + " + np.sum(b1 * b1) + np.sum(b2 * b2))",
         GRADS: GRADS.replace('"b1": db1', '"b1": db1 + self.reg * b1')
                     .replace('"b2": db2', '"b2": db2 + self.reg * b2')},
    ),
    Mistake(
        "penalty_on_W2_only", "regularization",
        "forgets the first layer's weights in the penalty and its gradient",
        {PENALTY: "loss = data_loss + 0.5 * self.reg * np.sum(W2 * W2)",
         GRADS: GRADS.replace('"W1": dW1 + self.reg * W1', '"W1": dW1')},
    ),
    Mistake(
        "penalty_gradient_missing", "regularization",
        "adds the penalty to the loss but not reg·W to the gradients",
        {GRADS: GRADS.replace(" + self.reg * W1", "").replace(" + self.reg * W2", "")},
    ),
    Mistake(
        "history_without_the_penalty", "regularization",
        "records the data loss only in loss_history_",
        {"history.append(self.loss(X, y)[0])": "history.append(softmax_loss(self.loss(X), y)[0])"},
    ),
    # initialization and randomness
    Mistake(
        "uniform_initial_weights", "correctness",
        "weight_scale·uniform(-1, 1): the wrong distribution (std weight_scale/√3)",
        {'"W1": weight_scale * rng.standard_normal((input_dim, hidden_dim))':
         '"W1": weight_scale * rng.uniform(-1.0, 1.0, (input_dim, hidden_dim))',
         '"W2": weight_scale * rng.standard_normal((hidden_dim, n_classes))':
         '"W2": weight_scale * rng.uniform(-1.0, 1.0, (hidden_dim, n_classes))'},
    ),
    Mistake(
        "variance_read_as_scale", "correctness",
        "N(0, weight_scale²) read as standard deviation weight_scale²",
        {'"W1": weight_scale * rng.standard_normal((input_dim, hidden_dim))':
         '"W1": weight_scale ** 2 * rng.standard_normal((input_dim, hidden_dim))',
         '"W2": weight_scale * rng.standard_normal((hidden_dim, n_classes))':
         '"W2": weight_scale ** 2 * rng.standard_normal((hidden_dim, n_classes))'},
    ),
    Mistake(
        "random_biases", "correctness",
        "initializes the biases like the weights instead of at zero",
        {'"b1": np.zeros(hidden_dim)': '"b1": weight_scale * rng.standard_normal(hidden_dim)'},
    ),
    Mistake(
        "global_rng", "edge_cases",
        "np.random.seed(random_state) and np.random.randn: reseeds the caller's global state",
        {INIT_RNG: "        np.random.seed(random_state)\n        rng = np.random\n",
         "rng.standard_normal((input_dim, hidden_dim))": "rng.randn(input_dim, hidden_dim)",
         "rng.standard_normal((hidden_dim, n_classes))": "rng.randn(hidden_dim, n_classes)"},
    ),
    Mistake(
        "seed_zero_ignored", "edge_cases",
        "`random_state if random_state else None`: the seed 0 gives a different net every time",
        {INIT_RNG: "        rng = np.random.default_rng(random_state if random_state else None)\n"},
    ),
    Mistake(
        "fit_shuffles_with_the_global_rng", "edge_cases",
        "np.random.permutation in fit: not reproducible, and moves the global state",
        {"order = rng.permutation(n_samples)": "order = np.random.permutation(n_samples)"},
    ),
    # training and prediction
    Mistake(
        "fit_reinitializes", "correctness",
        "fit starts from fresh random weights instead of the current params",
        {"        history = []\n        for _ in range(n_epochs):":
         "        self.__init__(self.input_dim, self.hidden_dim, self.n_classes, self.weight_scale,\n"
         "                      self.reg, self.random_state)\n"
         "        history = []\n        for _ in range(n_epochs):"},
    ),
    Mistake(
        "step_uphill", "correctness",
        "p += learning_rate·grad: gradient ascent",
        {STEP: "self.params[name] = self.params[name] + learning_rate * grads[name]"},
    ),
    Mistake(
        "drops_the_last_partial_batch", "correctness",
        "range(0, N - batch_size + 1, batch_size): a batch_size above N trains on nothing",
        {"for start in range(0, n_samples, batch_size):":
         "for start in range(0, n_samples - batch_size + 1, batch_size):"},
    ),
    Mistake(
        "history_of_the_last_batch", "correctness",
        "records the last mini-batch's loss (before its step) instead of the full-data loss",
        {"                _, grads = self.loss(X[batch], y[batch])":
         "                batch_loss, grads = self.loss(X[batch], y[batch])",
         "history.append(self.loss(X, y)[0])": "history.append(batch_loss)"},
    ),
    Mistake(
        "predict_ties_to_the_highest_class", "correctness",
        "argmax of the reversed scores: a tie goes to the highest class index",
        {"return np.argmax(self.loss(X), axis=1)":
         "return self.n_classes - 1 - np.argmax(self.loss(X)[:, ::-1], axis=1)"},
    ),
]
