"""Exercise 02 by other routes: sigmoid through tanh (never overflows), labels through
sorted(set(...)), and the gradient from the log-loss written per class."""
import numpy as np

from ._base import ClassifierMixin
from ._validation import check_array, check_is_fitted, check_n_features, check_scalar, check_X_y


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    out = 0.5 * (1.0 + np.tanh(0.5 * z))
    return float(out) if out.ndim == 0 else out


def log_loss_and_gradient(X, y, w, b, alpha=0.0):
    X, y = check_X_y(X, y)
    w = check_array(w, name="w", ensure_2d=False)
    z = X @ w + b
    # -log(sigmoid(z)) = logaddexp(0, -z) and -log(1 - sigmoid(z)) = logaddexp(0, z)
    loss = np.mean(y * np.logaddexp(0.0, -z) + (1 - y) * np.logaddexp(0.0, z)) + alpha / 2 * w @ w
    residual = sigmoid(z) - y
    return float(loss), residual @ X / len(y) + alpha * w, float(residual.mean())


class LogisticRegression(ClassifierMixin):
    def __init__(self, learning_rate=0.1, n_iters=1000, alpha=0.0):
        self.learning_rate, self.n_iters, self.alpha = learning_rate, n_iters, alpha

    def fit(self, X, y):
        check_scalar(self.learning_rate, "learning_rate", low=0.0, low_inclusive=False)
        if not isinstance(self.n_iters, int) or self.n_iters < 1:
            raise ValueError("n_iters must be a positive int")
        check_scalar(self.alpha, "alpha", low=0.0)
        X, y = check_X_y(X, y, numeric_y=False)
        labels = sorted(set(y.tolist()))
        if len(labels) != 2:
            raise ValueError("exactly two classes are needed")
        self.classes_ = np.array(labels)
        target = np.where(y == self.classes_[1], 1.0, 0.0)
        w, b, self.loss_history_ = np.zeros(X.shape[1]), 0.0, []
        for _ in range(self.n_iters):
            loss, dw, db = log_loss_and_gradient(X, target, w, b, self.alpha)
            self.loss_history_.append(loss)
            w, b = w - self.learning_rate * dw, b - self.learning_rate * db
        self.coef_, self.intercept_, self.n_features_in_ = w, float(b), X.shape[1]
        return self

    def decision_function(self, X):
        check_is_fitted(self, "coef_")
        X = check_array(X)
        check_n_features(self, X)
        return X @ self.coef_ + self.intercept_

    def predict_proba(self, X):
        p = sigmoid(self.decision_function(X))
        return np.stack([1 - p, p], axis=1)

    def predict(self, X):
        return np.where(self.predict_proba(X)[:, 1] >= 0.5, self.classes_[1], self.classes_[0])
