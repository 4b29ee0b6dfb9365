"""Exercise 02 with log-probabilities throughout and validation of its own: sigmoid as
exp(-logaddexp(0, -z)), the loss as the spec's mean(logaddexp(0, z) - y·z), labels through
np.unique's inverse."""
import numpy as np


class NotFittedError(ValueError, AttributeError):
    pass


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    return np.exp(-np.logaddexp(0.0, -z))[()]


def _check(X, y=None):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or not np.isfinite(X).all():
        raise ValueError("X must be a finite 2-D array")
    if y is not None and len(y) != len(X):
        raise ValueError("X and y lengths differ")
    return X


def log_loss_and_gradient(X, y, w, b, alpha=0.0):
    y = np.asarray(y, dtype=np.float64)
    X = _check(X, y)
    w = np.asarray(w, dtype=np.float64)
    z = X @ w + b
    g = sigmoid(z) - y
    loss = (np.logaddexp(0.0, z) - y * z).mean() + 0.5 * alpha * np.square(w).sum()
    return float(loss), X.T.dot(g) / X.shape[0] + alpha * w, float(g.sum() / X.shape[0])


class LogisticRegression:
    _estimator_type = "classifier"

    def __init__(self, learning_rate=0.1, n_iters=1000, alpha=0.0):
        self.learning_rate, self.n_iters, self.alpha = learning_rate, n_iters, alpha

    def fit(self, X, y):
        if self.learning_rate <= 0 or self.alpha < 0 or int(self.n_iters) != self.n_iters or self.n_iters < 1:
            raise ValueError("bad hyperparameter")
        y = np.asarray(y)
        X = _check(X, y)
        self.classes_, codes = np.unique(y, return_inverse=True)
        if self.classes_.size != 2:
            raise ValueError("LogisticRegression is binary")
        t = codes.astype(np.float64)
        w, b = np.zeros(X.shape[1]), 0.0
        history = np.zeros(self.n_iters)
        for i in range(self.n_iters):
            history[i], dw, db = log_loss_and_gradient(X, t, w, b, self.alpha)
            w -= self.learning_rate * dw
            b -= self.learning_rate * db
        self.coef_, self.intercept_, self.loss_history_ = w, float(b), history
        self.n_features_in_ = X.shape[1]
        return self

    def decision_function(self, X):
        if not hasattr(self, "coef_"):
            raise NotFittedError("not fitted")
        X = _check(X)
        if X.shape[1] != self.n_features_in_:
            raise ValueError("feature count differs from fit")
        return X @ self.coef_ + self.intercept_

    def predict_proba(self, X):
        z = self.decision_function(X)
        return np.column_stack([sigmoid(-z), sigmoid(z)])

    def predict(self, X):
        return self.classes_[(self.decision_function(X) >= 0).astype(int)]

    def score(self, X, y):
        return float(np.mean(self.predict(X) == np.asarray(y)))
