"""Known mistakes in exercise 03, softmax regression."""
from tests.mistakes import Mistake

SOFTMAX = ("    shifted = Z - Z.max(axis=1, keepdims=True)\n"
           "    exp_shifted = np.exp(shifted)\n"
           "    return exp_shifted / exp_shifted.sum(axis=1, keepdims=True)\n")
LOSS = "    loss = np.mean(log_sum_exp - Z[rows, y]) + 0.5 * alpha * np.sum(W * W)\n"
DW = "    dW = X.T @ dZ + alpha * W\n"
ENCODE = "        classes, y_index = np.unique(y, return_inverse=True)\n"
PREDICT = "        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]\n"

MISTAKES = [
    Mistake(
        "softmax_without_the_max_shift", "stability",
        "exp(Z) / sum(exp(Z)): exp(1000) overflows to inf and inf/inf is NaN",
        {SOFTMAX: "    exp_Z = np.exp(Z)\n"
                  "    return exp_Z / exp_Z.sum(axis=1, keepdims=True)\n"},
    ),
    Mistake(
        "softmax_shifted_by_the_global_maximum", "stability",
        "Z - Z.max(): a row far below the global maximum underflows to all zeros, and 0/0 is NaN",
        {"    shifted = Z - Z.max(axis=1, keepdims=True)\n": "    shifted = Z - Z.max()\n"},
    ),
    Mistake(
        "softmax_over_the_columns", "correctness",
        "normalizes over axis 0 (each class across the samples) instead of each row",
        {SOFTMAX: "    shifted = Z - Z.max(axis=0, keepdims=True)\n"
                  "    exp_shifted = np.exp(shifted)\n"
                  "    return exp_shifted / exp_shifted.sum(axis=0, keepdims=True)\n"},
    ),
    Mistake(
        "softmax_max_without_keepdims", "correctness",
        "Z - Z.max(axis=1) broadcasts the (n,) maxima along the rows: it fails when n != K and "
        "silently subtracts the wrong maxima when n == K",
        {"    shifted = Z - Z.max(axis=1, keepdims=True)\n": "    shifted = Z - Z.max(axis=1)\n"},
    ),
    Mistake(
        "softmax_shifts_its_input_in_place", "edge_cases",
        "Z -= max modifies the caller's logits (and fails on a read-only array)",
        {"    shifted = Z - Z.max(axis=1, keepdims=True)\n":
         "    Z -= Z.max(axis=1, keepdims=True)\n    shifted = Z\n"},
    ),
    Mistake(
        "softmax_loops_over_the_rows", "vectorization",
        "computes the softmax one row at a time in a Python loop",
        {SOFTMAX: "    out = np.empty_like(Z)\n"
                  "    for i in range(len(Z)):\n"
                  "        e = np.exp(Z[i] - Z[i].max())\n"
                  "        out[i] = e / e.sum()\n"
                  "    return out\n"},
    ),
    Mistake(
        "cross_entropy_as_minus_log_softmax", "stability",
        "-log(P[i, y_i]): P rounds to 0 far in the tail, so log gives -inf and a divide-by-zero",
        {LOSS: "    loss = np.mean(-np.log(softmax(Z)[rows, y])) + 0.5 * alpha * np.sum(W * W)\n"},
    ),
    Mistake(
        "cross_entropy_of_clipped_probabilities", "stability",
        "-log(clip(P, 1e-15)): finite but wrong, logits [0, 800] give 34.5 instead of 800",
        {LOSS: "    P_true = np.clip(softmax(Z)[rows, y], 1e-15, 1.0)\n"
               "    loss = np.mean(-np.log(P_true)) + 0.5 * alpha * np.sum(W * W)\n"},
    ),
    Mistake(
        "gradient_forgets_the_one_hot", "correctness",
        "dZ = P/n: the -1 at the true class is missing",
        {"    dZ[rows, y] -= 1.0\n": ""},
    ),
    Mistake(
        "gradient_not_averaged", "correctness",
        "dW = Xᵀ(P - Y) without 1/n while the loss is a mean",
        {"    dZ /= n\n": ""},
    ),
    Mistake(
        "no_one_over_n_anywhere", "correctness",
        "loss and gradient summed over the samples instead of averaged: consistent, so only exact "
        "values catch it",
        {"    loss = np.mean(log_sum_exp - Z[rows, y])": "    loss = np.sum(log_sum_exp - Z[rows, y])",
         "    dZ /= n\n": ""},
    ),
    Mistake(
        "gradient_ascent", "correctness",
        "W += learning_rate·dW: the loss goes up",
        {"            W = W - self.learning_rate * dW\n            b = b - self.learning_rate * db\n":
         "            W = W + self.learning_rate * dW\n            b = b + self.learning_rate * db\n"},
    ),
    Mistake(
        "history_after_the_update", "correctness",
        "records the loss after each step instead of before",
        {"            history.append(loss)\n"
         "            W = W - self.learning_rate * dW\n"
         "            b = b - self.learning_rate * db\n":
         "            W = W - self.learning_rate * dW\n"
         "            b = b - self.learning_rate * db\n"
         "            history.append(_cross_entropy_loss_and_gradient(X, y_index, W, b, self.alpha)[0])\n"},
    ),
    Mistake(
        "small_random_initial_weights", "correctness",
        "starts from W ~ N(0, 0.01²) (as for a neural network) instead of zeros",
        {"        W = np.zeros((X.shape[1], len(classes)))\n":
         "        W = 0.01 * np.random.default_rng(0).normal(size=(X.shape[1], len(classes)))\n"},
    ),
    Mistake(
        "intercept_forgotten_in_predictions", "correctness",
        "learns b but predicts from X @ W alone",
        {"        return X @ self.coef_ + self.intercept_\n": "        return X @ self.coef_\n"},
    ),
    Mistake(
        "db_summed_over_the_classes", "shapes",
        "db = dZ.sum(axis=1): one number per sample, shape (n,) instead of (K,)",
        {"    db = dZ.sum(axis=0)\n": "    db = dZ.sum(axis=1)\n"},
    ),
    Mistake(
        "coef_in_scikit_learn_layout", "shapes",
        "stores coef_ as (K, d), scikit-learn's layout, instead of the exercise's (d, K)",
        {"        self.coef_ = W\n": "        self.coef_ = W.T\n",
         "        return X @ self.coef_ + self.intercept_\n": "        return X @ self.coef_.T + self.intercept_\n"},
    ),
    Mistake(
        "penalty_gradient_doubled", "regularization",
        "the loss has (alpha/2)·||W||² but the gradient adds 2·alpha·W",
        {DW: "    dW = X.T @ dZ + 2 * alpha * W\n"},
    ),
    Mistake(
        "penalty_without_the_half", "regularization",
        "loss adds alpha·||W||² while the gradient adds alpha·W",
        {"+ 0.5 * alpha * np.sum(W * W)": "+ alpha * np.sum(W * W)"},
    ),
    Mistake(
        "penalty_divided_by_n", "regularization",
        "Andrew Ng's scaling (alpha/2n)·||W||², whose minimum is LogisticRegression(C = 1/alpha)",
        {"+ 0.5 * alpha * np.sum(W * W)": "+ 0.5 * alpha / n * np.sum(W * W)",
         DW: "    dW = X.T @ dZ + alpha / n * W\n"},
    ),
    Mistake(
        "penalized_bias", "regularization",
        "adds (alpha/2)·||b||² to the loss and alpha·b to db",
        {"+ 0.5 * alpha * np.sum(W * W)": "+ 0.5 * alpha * (np.sum(W * W) + b @ b)",
         "    db = dZ.sum(axis=0)\n": "    db = dZ.sum(axis=0) + alpha * b\n"},
    ),
    Mistake(
        "labels_used_as_indices", "edge_cases",
        "assumes the labels are already 0..K-1 and indexes with them directly",
        {ENCODE: "        classes = np.unique(y)\n        y_index = y\n"},
    ),
    Mistake(
        "classes_in_order_of_appearance", "edge_cases",
        "classes_ in the order the labels first appear, not sorted",
        {ENCODE: "        _, first = np.unique(y, return_index=True)\n"
                 "        classes = y[np.sort(first)]\n"
                 "        y_index = np.array([list(classes).index(label) for label in y])\n"},
    ),
    Mistake(
        "predict_returns_class_indices", "edge_cases",
        "predict returns the argmax column index instead of the label",
        {PREDICT: "        return np.argmax(self.predict_proba(X), axis=1)\n"},
    ),
    Mistake(
        "ties_go_to_the_largest_label", "edge_cases",
        "takes the argmax of the reversed columns: ties go to the last class",
        {PREDICT: "        proba = self.predict_proba(X)\n"
                  "        return self.classes_[proba.shape[1] - 1 - np.argmax(proba[:, ::-1], axis=1)]\n"},
    ),
    Mistake(
        "one_class_accepted", "edge_cases",
        "no check for a single class: fit 'succeeds' with a model that always predicts it",
        {"        if len(classes) < 2:\n": "        if len(classes) < 1:\n"},
    ),
    Mistake(
        "gradient_loops_over_the_samples", "vectorization",
        "accumulates dW one sample at a time with np.outer",
        {DW: "    dW = alpha * W\n"
             "    for i in range(n):\n"
             "        dW = dW + np.outer(X[i], dZ[i])\n"},
    ),
    Mistake(
        "one_hot_built_in_a_loop", "vectorization",
        "subtracts the one-hot in a Python loop over the samples",
        {"    dZ[rows, y] -= 1.0\n": "    for i in range(n):\n        dZ[i, y[i]] -= 1.0\n"},
    ),
]
