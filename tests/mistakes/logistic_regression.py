"""Known mistakes in exercise 02, logistic regression."""
from tests.mistakes import Mistake

SIGMOID = """    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))[()]"""
LOSS = ("softplus = np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))\n"
        "    loss = np.mean(softplus - y * z) + 0.5 * alpha * (w @ w)")

MISTAKES = [
    Mistake(
        "naive_sigmoid", "stability",
        "1 / (1 + exp(-z)) overflows for z <= -710 (the value is right, numpy warns)",
        {SIGMOID: "    return (1.0 / (1.0 + np.exp(-z)))[()]"},
    ),
    Mistake(
        "np_where_sigmoid", "stability",
        "np.where(z >= 0, f, g) evaluates both formulas everywhere: the wrong branch overflows",
        {SIGMOID: "    return np.where(z >= 0, 1.0 / (1.0 + np.exp(-z)), np.exp(z) / (1.0 + np.exp(z)))[()]"},
    ),
    Mistake(
        "log_of_sigmoid_loss", "stability",
        "-mean(y log p + (1 - y) log(1 - p)): log(0) = -inf once p rounds to 0 or 1",
        {LOSS: "p = sigmoid(z)\n"
               "    loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)) + 0.5 * alpha * (w @ w)"},
    ),
    Mistake(
        "clipped_log_loss", "stability",
        "clips p to [1e-15, 1 - 1e-15]: finite, but a loss of 34.5 where it should be 1000",
        {LOSS: "p = np.clip(sigmoid(z), 1e-15, 1 - 1e-15)\n"
               "    loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)) + 0.5 * alpha * (w @ w)"},
    ),
    Mistake(
        "sigmoid_negative_branch_inverted", "correctness",
        "for z < 0 uses 1 / (1 + exp(z)), which is sigmoid(-z)",
        {"e / (1.0 + e))[()]": "1.0 / (1.0 + e))[()]"},
    ),
    Mistake(
        "gradient_as_a_column", "shapes",
        "computes dw with column vectors: shape (d, 1) instead of (d,)",
        {"dw = X.T @ error / X.shape[0] + alpha * w": "dw = X.T @ error[:, None] / X.shape[0] + alpha * w[:, None]"},
    ),
    Mistake(
        "gradient_sign_flipped", "correctness",
        "error = y - sigmoid(z): gradient ascent on the loss",
        {"error = sigmoid(z) - y": "error = y - sigmoid(z)"},
    ),
    Mistake(
        "gradient_not_averaged", "correctness",
        "dw = Xᵀ(p - y) without 1/n while the loss is a mean",
        {"dw = X.T @ error / X.shape[0] + alpha * w": "dw = X.T @ error + alpha * w"},
    ),
    Mistake(
        "squared_error_gradient", "correctness",
        "multiplies the error by sigmoid'(z), as for a squared-error loss",
        {"error = sigmoid(z) - y": "error = (sigmoid(z) - y) * sigmoid(z) * (1 - sigmoid(z))"},
    ),
    Mistake(
        "summed_loss", "correctness",
        "loss summed over samples instead of averaged (gradient averaged)",
        {LOSS: LOSS.replace("np.mean(", "np.sum(")},
    ),
    Mistake(
        "intercept_never_updated", "correctness",
        "gradient descent updates w but leaves b at 0",
        {"            b = b - self.learning_rate * db\n": "            b = b\n"},
    ),
    Mistake(
        "probability_columns_swapped", "correctness",
        "predict_proba stacks [p, 1 - p]: column 0 holds P(classes_[1])",
        {"return np.column_stack([1.0 - p, p])": "return np.column_stack([p, 1.0 - p])"},
    ),
    Mistake(
        "penalized_intercept", "regularization",
        "db gets alpha·b too: the intercept is shrunk towards 0",
        {"db = error.mean()": "db = error.mean() + alpha * b"},
    ),
    Mistake(
        "penalty_without_the_half", "regularization",
        "loss adds alpha·||w||² while the gradient adds alpha·w",
        {"+ 0.5 * alpha * (w @ w)": "+ alpha * (w @ w)"},
    ),
    Mistake(
        "penalty_gradient_missing", "regularization",
        "the loss has the penalty, the gradient does not: the fit ignores alpha",
        {"dw = X.T @ error / X.shape[0] + alpha * w": "dw = X.T @ error / X.shape[0]"},
    ),
    Mistake(
        "predict_returns_zero_one", "edge_cases",
        "predict returns 0/1 instead of the labels in classes_",
        {"return self.classes_[positive.astype(np.intp)]": "return positive.astype(np.intp)"},
    ),
    Mistake(
        "classes_in_order_of_appearance", "edge_cases",
        "classes_ keeps the labels' first-appearance order instead of sorting them",
        {"classes = np.unique(y)": "classes = np.array(list(dict.fromkeys(y.tolist())))"},
    ),
    Mistake(
        "more_than_two_classes_accepted", "edge_cases",
        "no check for exactly two labels: a third class is silently treated as negative",
        {"        if len(classes) != 2:\n": "        if len(classes) < 1:\n"},
    ),
    Mistake(
        "predict_strict_threshold", "edge_cases",
        "predict uses P > 0.5: a probability of exactly 0.5 goes to classes_[0] instead of classes_[1]",
        {"positive = self.predict_proba(X)[:, 1] >= 0.5": "positive = self.predict_proba(X)[:, 1] > 0.5"},
    ),
]
