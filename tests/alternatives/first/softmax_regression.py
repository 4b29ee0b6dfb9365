"""Softmax regression, alternative route 1: log-softmax by ``np.logaddexp.reduce``.

Written from the course contract, independently of the reference. Everything goes through
the log-probabilities ``log P = Z - logsumexp(Z)``, with the row log-sum-exp computed by
``np.logaddexp.reduce`` (stable without any explicit max shift); ``softmax`` is
``exp(log P)``, the loss is ``-mean(log P[i, y_i])`` and the gradient uses a one-hot matrix
built by broadcasting comparison. Validation is done here, without the shared helpers, and
the labels are encoded with ``np.searchsorted`` on the sorted classes.
"""
import numbers

import numpy as np


class NotFittedError(ValueError, AttributeError):
    """predict before fit."""


def _as_matrix(A, name):
    try:
        A = np.array(A, dtype=np.float64)  # always a fresh copy
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name} must be numeric: {error}") from None
    if A.ndim != 2:
        raise ValueError(f"{name} must be 2-D, got shape {A.shape}")
    if A.size == 0:
        raise ValueError(f"{name} is empty")
    if not np.isfinite(A).all():
        raise ValueError(f"{name} contains NaN or infinity")
    return A


def _log_softmax(Z):
    return Z - np.logaddexp.reduce(Z, axis=1, keepdims=True)


def softmax(Z):
    """Row-wise softmax of a 2-D array of logits."""
    return np.exp(_log_softmax(_as_matrix(Z, "Z")))


def _one_hot(index, n_classes):
    return (index[:, None] == np.arange(n_classes)[None, :]).astype(np.float64)


def _loss_and_gradient(X, index, W, b, alpha):
    n, n_classes = X.shape[0], W.shape[1]
    log_p = _log_softmax(X @ W + b)
    Y = _one_hot(index, n_classes)
    loss = -np.sum(Y * log_p) / n + alpha / 2 * np.linalg.norm(W) ** 2
    residual = np.exp(log_p) - Y
    return float(loss), X.T @ residual / n + alpha * W, residual.mean(axis=0)


def cross_entropy_loss_and_gradient(X, y, W, b, alpha=0.0):
    """Mean cross-entropy of ``softmax(XW + b)`` plus ``(alpha/2)·||W||²_F``, and its gradient."""
    X = _as_matrix(X, "X")
    W = _as_matrix(W, "W")
    b = np.array(b, dtype=np.float64)
    y = np.asarray(y)
    if y.ndim != 1 or len(y) != len(X):
        raise ValueError("y must be 1-D with one entry per row of X")
    if W.shape[0] != X.shape[1] or b.shape != (W.shape[1],):
        raise ValueError("W must be (d, K) and b (K,)")
    if y.dtype.kind not in "iuf" or np.any(y != np.floor(y)) or y.min() < 0 or y.max() >= W.shape[1]:
        raise ValueError("y must hold class indices 0..K-1")
    return _loss_and_gradient(X, y.astype(np.int64), W, b, alpha)


class SoftmaxRegression:
    """Multinomial logistic regression by batch gradient descent from zeros."""

    _estimator_type = "classifier"

    def __init__(self, learning_rate=0.1, n_iters=1000, alpha=0.0):
        self.learning_rate = learning_rate
        self.n_iters = n_iters
        self.alpha = alpha

    def _validate_hyperparameters(self):
        def real(value):
            return isinstance(value, numbers.Real) and not isinstance(value, bool)

        if not real(self.learning_rate) or not self.learning_rate > 0:
            raise ValueError(f"learning_rate must be > 0, got {self.learning_rate!r}")
        if not isinstance(self.n_iters, numbers.Integral) or isinstance(self.n_iters, bool) or self.n_iters < 1:
            raise ValueError(f"n_iters must be an int >= 1, got {self.n_iters!r}")
        if not real(self.alpha) or not self.alpha >= 0:
            raise ValueError(f"alpha must be >= 0, got {self.alpha!r}")

    def fit(self, X, y):
        self._validate_hyperparameters()
        X = _as_matrix(X, "X")
        y = np.asarray(y)
        if y.ndim == 2 and y.shape[1] == 1:
            y = y.ravel()
        if y.ndim != 1 or len(y) != len(X):
            raise ValueError(f"X and y have different lengths or y is not 1-D: {X.shape}, {y.shape}")
        classes = np.unique(y)
        if len(classes) < 2:
            raise ValueError("need at least two classes")
        index = np.searchsorted(classes, y)
        W, b = np.zeros((X.shape[1], len(classes))), np.zeros(len(classes))
        self.loss_history_ = []
        for _ in range(self.n_iters):
            loss, dW, db = _loss_and_gradient(X, index, W, b, self.alpha)
            self.loss_history_.append(loss)
            W -= self.learning_rate * dW
            b -= self.learning_rate * db
        self.classes_, self.coef_, self.intercept_ = classes, W, b
        self.n_features_in_ = X.shape[1]
        return self

    def _logits(self, X):
        if not hasattr(self, "coef_"):
            raise NotFittedError("call fit first")
        X = _as_matrix(X, "X")
        if X.shape[1] != self.n_features_in_:
            raise ValueError(f"expected {self.n_features_in_} features, got {X.shape[1]}")
        return X @ self.coef_ + self.intercept_

    def predict_proba(self, X):
        return np.exp(_log_softmax(self._logits(X)))

    def predict(self, X):
        best = np.argmax(self._logits(X), axis=1)
        return self.classes_[best]

    def score(self, X, y):
        return float(np.mean(self.predict(X) == np.asarray(y)))
