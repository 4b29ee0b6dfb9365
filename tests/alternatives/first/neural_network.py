"""Alternative 1 for exercise 09: one-hot matrices, ``np.logaddexp.reduce`` and ``einsum``.

Route: the softmax loss is computed as ``logaddexp.reduce(scores) - <onehot, scores>`` with an
explicit one-hot matrix (``np.eye(C)[y]``); layers use ``np.einsum`` and ``np.where``; caches
are dicts. The network owns one generator, made in the constructor, that draws ``W2`` before
``W1`` and then keeps shuffling for every ``fit``; parameters are updated in place. Inputs
are validated here, without the shared helpers.
"""
import numbers

import numpy as np


def _as_float_array(value, name, ndim=None):
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be numeric") from None
    if ndim is not None and array.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-D, got shape {array.shape}")
    if array.size == 0:
        raise ValueError(f"{name} is empty")
    if not np.isfinite(array).all():
        raise ValueError(f"{name} contains NaN or infinity")
    return array


def _as_labels(y, n_samples, n_classes):
    y = np.asarray(y)
    if y.ndim == 2 and y.shape[1] == 1:
        y = y.ravel()
    if y.ndim != 1 or y.shape[0] != n_samples:
        raise ValueError(f"y must have shape ({n_samples},), got {y.shape}")
    if y.dtype.kind not in "iu":
        values = _as_float_array(y, "y")
        if np.any(values != np.floor(values)):
            raise ValueError("y must hold integer class indices")
        y = values
    y = y.astype(np.int64)
    if np.any(y < 0) or np.any(y >= n_classes):
        raise ValueError(f"labels must lie in [0, {n_classes})")
    return y


def _check_number(value, name, integer=False, low=None, strict=False):
    kind = numbers.Integral if integer else numbers.Real
    if isinstance(value, bool) or not isinstance(value, kind):
        raise ValueError(f"{name} must be a number, got {value!r}")
    if low is not None and (value < low or (strict and value == low)):
        raise ValueError(f"{name} is out of range: {value!r}")


def affine_forward(x, W, b):
    x, W = _as_float_array(x, "x", 2), _as_float_array(W, "W", 2)
    b = _as_float_array(b, "b", 1)
    if x.shape[1] != W.shape[0] or W.shape[1] != b.shape[0]:
        raise ValueError("x, W and b have incompatible shapes")
    out = np.einsum("nd,dm->nm", x, W) + b[np.newaxis, :]
    return out, {"x": x, "W": W}


def affine_backward(dout, cache):
    dout = _as_float_array(dout, "dout", 2)
    x, W = cache["x"], cache["W"]
    dx = np.einsum("nm,dm->nd", dout, W)
    dW = np.einsum("nd,nm->dm", x, dout)
    db = np.einsum("nm->m", dout)
    return dx, dW, db


def relu_forward(x):
    x = _as_float_array(x, "x")
    return np.where(x > 0, x, 0.0), {"positive": x > 0}


def relu_backward(dout, cache):
    dout = _as_float_array(dout, "dout")
    return np.where(cache["positive"], dout, 0.0)


def softmax_loss(scores, y):
    scores = _as_float_array(scores, "scores", 2)
    n_samples, n_classes = scores.shape
    y = _as_labels(y, n_samples, n_classes)
    onehot = np.eye(n_classes)[y]
    log_normalizer = np.logaddexp.reduce(scores, axis=1)
    true_scores = np.sum(onehot * scores, axis=1)
    loss = np.mean(log_normalizer - true_scores)
    probs = np.exp(scores - log_normalizer[:, np.newaxis])
    return float(loss), (probs - onehot) / n_samples


class TwoLayerNet:
    _estimator_type = "classifier"

    def __init__(self, input_dim, hidden_dim, n_classes, weight_scale=1e-3, reg=0.0,
                 random_state=None):
        self.input_dim = input_dim
        self.hidden_dim = hidden_dim
        self.n_classes = n_classes
        self.weight_scale = weight_scale
        self.reg = reg
        self.random_state = random_state
        _check_number(input_dim, "input_dim", integer=True, low=1)
        _check_number(hidden_dim, "hidden_dim", integer=True, low=1)
        _check_number(n_classes, "n_classes", integer=True, low=2)
        _check_number(weight_scale, "weight_scale", low=0.0)
        _check_number(reg, "reg", low=0.0)
        self._rng = np.random.default_rng(random_state)
        W2 = self._rng.normal(0.0, weight_scale, size=(hidden_dim, n_classes))
        W1 = self._rng.normal(0.0, weight_scale, size=(input_dim, hidden_dim))
        self.params = {"W1": W1, "b1": np.zeros(hidden_dim), "W2": W2, "b2": np.zeros(n_classes)}

    def _features(self, X):
        X = _as_float_array(X, "X", 2)
        if X.shape[1] != self.input_dim:
            raise ValueError(f"expected {self.input_dim} features, got {X.shape[1]}")
        return X

    def loss(self, X, y=None):
        X = self._features(X)
        p = self.params
        hidden, cache1 = affine_forward(X, p["W1"], p["b1"])
        active, cache_relu = relu_forward(hidden)
        scores, cache2 = affine_forward(active, p["W2"], p["b2"])
        if y is None:
            return scores
        y = _as_labels(y, X.shape[0], self.n_classes)
        data_loss, dscores = softmax_loss(scores, y)
        W1, W2 = np.asarray(p["W1"], dtype=float), np.asarray(p["W2"], dtype=float)
        penalty = 0.5 * self.reg * (np.einsum("ij,ij->", W1, W1) + np.einsum("ij,ij->", W2, W2))
        dactive, dW2, db2 = affine_backward(dscores, cache2)
        _, dW1, db1 = affine_backward(relu_backward(dactive, cache_relu), cache1)
        grads = {"W1": dW1 + self.reg * W1, "b1": db1, "W2": dW2 + self.reg * W2, "b2": db2}
        return float(data_loss + penalty), grads

    def fit(self, X, y, learning_rate=0.1, n_epochs=100, batch_size=200):
        _check_number(learning_rate, "learning_rate", low=0.0, strict=True)
        _check_number(n_epochs, "n_epochs", integer=True, low=1)
        _check_number(batch_size, "batch_size", integer=True, low=1)
        X = self._features(X)
        y = _as_labels(y, X.shape[0], self.n_classes)
        for name in self.params:
            self.params[name] = np.array(self.params[name], dtype=np.float64)
        n_samples = X.shape[0]
        self.loss_history_ = []
        for _ in range(n_epochs):
            order = self._rng.permutation(n_samples)
            start = 0
            while start < n_samples:
                batch = order[start:start + batch_size]
                start += batch_size
                _, grads = self.loss(X[batch], y[batch])
                for name, grad in grads.items():
                    self.params[name] -= learning_rate * grad
            self.loss_history_.append(self.loss(X, y)[0])
        return self

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)

    def score(self, X, y):
        return float(np.mean(self.predict(X) == np.asarray(y)))
