"""Known mistakes in exercise 01, linear regression."""
from tests.mistakes import Mistake

LSTSQ = "coef = np.linalg.lstsq(X - X_mean, y - y_mean, rcond=None)[0]"

MISTAKES = [
    Mistake(
        "inverse_of_the_normal_equations", "correctness",
        "w = inv(XᵀX)Xᵀy: numpy inverts a singular XᵀX without a warning and returns garbage",
        {LSTSQ: "Xc = X - X_mean\n"
                "            coef = np.linalg.inv(Xc.T @ Xc) @ Xc.T @ (y - y_mean)"},
    ),
    Mistake(
        "gradient_as_a_column", "shapes",
        "computes dw with column vectors: shape (d, 1) instead of (d,)",
        {"dw = X.T @ residual / n + alpha * w": "dw = X.T @ residual[:, None] / n + alpha * w[:, None]"},
    ),
    Mistake(
        "intercept_forgotten", "correctness",
        "fits w on centred data but predicts without b",
        {"return X @ self.coef_ + self.intercept_": "return X @ self.coef_"},
    ),
    Mistake(
        "no_centring_before_lstsq", "correctness",
        "solves X w ≈ y on raw data, then sets b from the means: w absorbs the intercept",
        {LSTSQ: "coef = np.linalg.lstsq(X, y, rcond=None)[0]"},
    ),
    Mistake(
        "gradient_sign_flipped", "correctness",
        "dw = -Xᵀr/n: gradient ascent",
        {"dw = X.T @ residual / n + alpha * w": "dw = -(X.T @ residual) / n + alpha * w"},
    ),
    Mistake(
        "no_one_over_n_anywhere", "correctness",
        "loss and gradient summed instead of averaged: consistent, so only exact values catch it",
        {"loss = residual @ residual / (2 * n)": "loss = residual @ residual / 2",
         "dw = X.T @ residual / n + alpha * w": "dw = X.T @ residual + alpha * w",
         "db = residual.mean()": "db = residual.sum()"},
    ),
    Mistake(
        "loss_without_the_half", "correctness",
        "loss = ||r||²/n while the gradient is the half-MSE's",
        {"loss = residual @ residual / (2 * n)": "loss = residual @ residual / n"},
    ),
    Mistake(
        "gradient_not_averaged", "correctness",
        "dw = Xᵀr without 1/n, while the loss is averaged",
        {"dw = X.T @ residual / n + alpha * w": "dw = X.T @ residual + alpha * w"},
    ),
    Mistake(
        "history_after_the_update", "correctness",
        "records the loss after each step instead of before",
        {"            history.append(loss)\n            w = w - self.learning_rate * dw\n"
         "            if self.fit_intercept:\n                b = b - self.learning_rate * db\n":
         "            w = w - self.learning_rate * dw\n"
         "            if self.fit_intercept:\n                b = b - self.learning_rate * db\n"
         "            history.append(_mse_loss_and_gradient(X, y, w, b, self.alpha)[0])\n"},
    ),
    Mistake(
        "intercept_never_updated", "correctness",
        "gradient descent updates w but leaves b at 0",
        {"                b = b - self.learning_rate * db\n": "                pass\n"},
    ),
    Mistake(
        "fit_intercept_ignored", "correctness",
        "always centres, so fit_intercept=False still learns an intercept",
        {"        if self.fit_intercept:\n            X_mean, y_mean = X.mean(axis=0), y.mean()\n            coef":
         "        if True:\n            X_mean, y_mean = X.mean(axis=0), y.mean()\n            coef"},
    ),
    Mistake(
        "history_overwritten", "shapes",
        "history = [loss] inside the loop keeps only the last loss",
        {"            history.append(loss)\n": "            history = [loss]\n"},
    ),
    Mistake(
        "alpha_ignored", "regularization",
        "Ridge solves plain least squares: the penalty is left out of the system",
        {"gram = X_centered.T @ X_centered + self.alpha * np.eye(n_features)":
         "gram = X_centered.T @ X_centered"},
    ),
    Mistake(
        "penalized_intercept", "regularization",
        "Ridge on raw data with a ones column inside the penalty: b is shrunk too",
        {"""        X_centered, y_centered = X - X_mean, y - y_mean
        if self.alpha > 0:
            gram = X_centered.T @ X_centered + self.alpha * np.eye(n_features)
            coef = np.linalg.solve(gram, X_centered.T @ y_centered)
        else:
            coef = np.linalg.lstsq(X_centered, y_centered, rcond=None)[0]
        intercept = y_mean - X_mean @ coef""":
         """        ones = np.ones((len(X), 1)) if self.fit_intercept else np.zeros((len(X), 1))
        Xb = np.hstack([X, ones])
        gram = Xb.T @ Xb + self.alpha * np.eye(n_features + 1)
        solution = np.linalg.lstsq(gram, Xb.T @ y, rcond=None)[0]
        coef, intercept = solution[:-1], solution[-1]"""},
    ),
    Mistake(
        "alpha_squared", "regularization",
        "adds alpha²·I to XᵀX: the penalty becomes alpha²·||w||²",
        {"+ self.alpha * np.eye(n_features)": "+ self.alpha ** 2 * np.eye(n_features)"},
    ),
    Mistake(
        "penalty_gradient_doubled", "regularization",
        "the loss has (alpha/2)·||w||² but the gradient adds 2·alpha·w",
        {"dw = X.T @ residual / n + alpha * w": "dw = X.T @ residual / n + 2 * alpha * w"},
    ),
    Mistake(
        "penalty_without_the_half", "regularization",
        "loss adds alpha·||w||² while the gradient adds alpha·w",
        {"+ 0.5 * alpha * (w @ w)": "+ alpha * (w @ w)"},
    ),
    Mistake(
        "centres_the_input_in_place", "edge_cases",
        "X -= mean(X) modifies the caller's array (and fails on a read-only one)",
        {"            X_mean, y_mean = X.mean(axis=0), y.mean()\n"
         "            coef = np.linalg.lstsq(X - X_mean, y - y_mean, rcond=None)[0]\n"
         "            intercept = y_mean - X_mean @ coef\n":
         "            X_mean, y_mean = X.mean(axis=0), y.mean()\n"
         "            X -= X_mean\n"
         "            coef = np.linalg.lstsq(X, y - y_mean, rcond=None)[0]\n"
         "            intercept = y_mean - X_mean @ coef\n"},
    ),
    Mistake(
        "normal_equations_in_the_raw_features", "stability",
        "solves (XᵀX)w = Xᵀy with a ones column and no centring: squares the condition number",
        {LSTSQ: "Xb = np.column_stack([np.ones(len(X)), X]).astype(np.float32)\n"
                "            solution = np.linalg.solve(Xb.T @ Xb, Xb.T @ y.astype(np.float32))\n"
                "            coef = solution[1:].astype(np.float64)"},
    ),
]
