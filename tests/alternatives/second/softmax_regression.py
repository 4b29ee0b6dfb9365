"""Softmax regression, alternative route 2: one augmented parameter matrix.

Written from the course contract, independently of the reference. The bias is folded into
the weights: ``Xa = [X, 1]`` (n, d+1) and ``Theta = [W; b]`` (d+1, K), so ``Z = Xa Theta``;
the penalty uses a mask that leaves the bias row out. The true-class logits come from
``np.take_along_axis``, the one-hot from ``np.eye(K)[y]``, the softmax from ``np.einsum``
row sums, and gradient descent runs as a ``while`` loop on ``Theta``.
"""
import numbers

import numpy as np

from ._base import ClassifierMixin
from ._validation import check_array, check_is_fitted, check_n_features, check_scalar, check_X_y


def _row_log_sum_exp(Z):
    top = np.max(Z, axis=1, keepdims=True)
    return np.log(np.einsum("ik->i", np.exp(Z - top)))[:, None] + top


def softmax(Z):
    """Row-wise softmax: ``exp(Z - m) / sum(exp(Z - m))`` with ``m`` each row's maximum."""
    Z = check_array(Z, name="Z")
    e = np.exp(Z - np.max(Z, axis=1, keepdims=True))
    return e / np.einsum("ik->i", e)[:, None]


def _augmented_loss(Xa, y, Theta, alpha, mask):
    n = Xa.shape[0]
    Z = Xa @ Theta
    lse = _row_log_sum_exp(Z)
    true_logit = np.take_along_axis(Z, y[:, None], axis=1)
    penalized = Theta * mask
    loss = (lse - true_logit).sum() / n + 0.5 * alpha * np.vdot(penalized, penalized)
    P = np.exp(Z - lse)
    gradient = Xa.T @ (P - np.eye(Theta.shape[1])[y]) / n + alpha * penalized
    return float(loss), gradient


def _augment(X):
    return np.hstack([X, np.ones((X.shape[0], 1))])


def _bias_mask(d, k):
    mask = np.ones((d + 1, k))
    mask[-1] = 0.0
    return mask


def cross_entropy_loss_and_gradient(X, y, W, b, alpha=0.0):
    """Mean softmax cross-entropy plus ``(alpha/2)·||W||²_F``; returns ``(loss, dW, db)``."""
    X, y = check_X_y(X, y, numeric_y=False)
    W = check_array(W, name="W")
    b = check_array(b, name="b", ensure_2d=False)
    d, k = W.shape
    if d != X.shape[1] or b.shape != (k,):
        raise ValueError(f"W must be ({X.shape[1]}, K) and b (K,), got {W.shape} and {b.shape}")
    if y.dtype.kind not in "iuf" or not np.array_equal(y, np.trunc(y)):
        raise ValueError("y must hold integer class indices")
    y = y.astype(int)
    if np.any((y < 0) | (y >= k)):
        raise ValueError(f"class indices must lie in 0..{k - 1}")
    Theta = np.vstack([W, b[None, :]])
    loss, gradient = _augmented_loss(_augment(X), y, Theta, alpha, _bias_mask(d, k))
    return loss, gradient[:-1], gradient[-1]


class SoftmaxRegression(ClassifierMixin):
    """Softmax regression trained by batch gradient descent on ``Theta = [W; b]`` from zeros."""

    def __init__(self, learning_rate=0.1, n_iters=1000, alpha=0.0):
        self.learning_rate = learning_rate
        self.n_iters = n_iters
        self.alpha = alpha

    def fit(self, X, y):
        check_scalar(self.learning_rate, "learning_rate", low=0.0, low_inclusive=False)
        check_scalar(self.n_iters, "n_iters", kind=numbers.Integral, low=1)
        check_scalar(self.alpha, "alpha", low=0.0)
        X, y = check_X_y(X, y, numeric_y=False)
        classes, encoded = np.unique(y, return_inverse=True)
        if classes.size < 2:
            raise ValueError("SoftmaxRegression needs at least two distinct labels")
        d, k = X.shape[1], classes.size
        Xa, mask = _augment(X), _bias_mask(d, k)
        Theta = np.zeros((d + 1, k))
        history, step = [], 0
        while step < self.n_iters:
            loss, gradient = _augmented_loss(Xa, encoded.ravel(), Theta, self.alpha, mask)
            history.append(loss)
            Theta = Theta - self.learning_rate * gradient
            step += 1
        self.classes_ = classes
        self.coef_, self.intercept_ = Theta[:-1].copy(), Theta[-1].copy()
        self.loss_history_ = np.array(history)
        self.n_features_in_ = d
        return self

    def predict_proba(self, X):
        check_is_fitted(self, "coef_")
        X = check_array(X)
        check_n_features(self, X)
        return softmax(np.einsum("nd,dk->nk", X, self.coef_) + self.intercept_)

    def predict(self, X):
        proba = self.predict_proba(X)
        return self.classes_[proba.argmax(axis=1)]
