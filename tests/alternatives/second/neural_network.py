"""Alternative 2 for exercise 09: probabilities first, the network written out inline.

Route: ``softmax_loss`` normalizes the shifted exponentials into probabilities and takes the
loss as ``log(sum exp(shifted)) - shifted[y]`` row by row in one expression, subtracting 1 at
the true classes with ``np.add.at``; ``relu_backward`` uses ``np.heaviside(x, 0)``; the bias
gradient is a product with a ones vector. ``TwoLayerNet.loss`` does not call the layer
functions: its forward and backward passes are written out. The weights come from one flat
normal draw split into ``W1`` and ``W2``; ``fit`` makes a new generator per call, shuffles an
index array in place each epoch and returns the history as a float array. Validation uses the
shared helpers.
"""
import math
import numbers

import numpy as np

from ._validation import check_array, check_scalar, check_target


def _labels(y, n_samples, n_classes):
    y = check_target(y, n_samples, numeric=False)
    if y.dtype.kind in "iu":
        labels = y.astype(np.int64)
    else:
        values = check_array(y, name="y", ensure_2d=False)
        labels = values.astype(np.int64)
        if not np.array_equal(labels, values):
            raise ValueError("y must hold integer class indices")
    if labels.min() < 0 or labels.max() > n_classes - 1:
        raise ValueError(f"class indices must be in [0, {n_classes})")
    return labels


def affine_forward(x, W, b):
    x, W = check_array(x, name="x"), check_array(W, name="W")
    b = check_array(b, name="b", ensure_2d=False)
    if x.shape[1] != W.shape[0] or b.shape != (W.shape[1],):
        raise ValueError("incompatible shapes")
    out = np.dot(x, W)
    out = out + b
    return out, (x, W, b)


def affine_backward(dout, cache):
    x, W, _ = cache
    dout = check_array(dout, name="dout")
    return np.dot(dout, W.T), np.dot(x.T, dout), np.ones(dout.shape[0]) @ dout


def relu_forward(x):
    x = check_array(x, name="x", ensure_2d=False)
    return np.clip(x, 0.0, None), x


def relu_backward(dout, cache):
    dout = check_array(dout, name="dout", ensure_2d=False)
    return dout * np.heaviside(cache, 0.0)


def _softmax_parts(scores, y):
    n_samples = scores.shape[0]
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    exps = np.exp(shifted)
    totals = exps.sum(axis=1)
    rows = np.arange(n_samples)
    losses = np.log(totals) - shifted[rows, y]
    dscores = exps / totals[:, None]
    np.add.at(dscores, (rows, y), -1.0)
    return losses.sum() / n_samples, dscores / n_samples


def softmax_loss(scores, y):
    scores = check_array(scores, name="scores")
    y = _labels(y, scores.shape[0], scores.shape[1])
    loss, dscores = _softmax_parts(scores, y)
    return float(loss), dscores


class TwoLayerNet:
    _estimator_type = "classifier"

    def __init__(self, input_dim, hidden_dim, n_classes, weight_scale=1e-3, reg=0.0,
                 random_state=None):
        for name, value, low in (("input_dim", input_dim, 1), ("hidden_dim", hidden_dim, 1),
                                 ("n_classes", n_classes, 2)):
            check_scalar(value, name, kind=numbers.Integral, low=low)
        check_scalar(weight_scale, "weight_scale", low=0.0)
        check_scalar(reg, "reg", low=0.0)
        self.input_dim, self.hidden_dim, self.n_classes = input_dim, hidden_dim, n_classes
        self.weight_scale, self.reg, self.random_state = weight_scale, reg, random_state
        rng = np.random.default_rng(random_state)
        n1 = input_dim * hidden_dim
        flat = rng.normal(scale=weight_scale, size=n1 + hidden_dim * n_classes)
        self.params = {
            "W1": flat[:n1].reshape(input_dim, hidden_dim).copy(),
            "b1": np.zeros(hidden_dim),
            "W2": flat[n1:].reshape(hidden_dim, n_classes).copy(),
            "b2": np.zeros(n_classes),
        }

    def _X(self, X):
        X = check_array(X)
        if X.shape[1] != self.input_dim:
            raise ValueError(f"X has {X.shape[1]} features, expected {self.input_dim}")
        return X

    def _forward(self, X):
        W1, b1 = (np.asarray(self.params[k], dtype=np.float64) for k in ("W1", "b1"))
        W2, b2 = (np.asarray(self.params[k], dtype=np.float64) for k in ("W2", "b2"))
        pre = X.dot(W1) + b1
        post = np.maximum(pre, 0.0)
        return W1, W2, pre, post, post.dot(W2) + b2

    def loss(self, X, y=None):
        X = self._X(X)
        W1, W2, pre, post, scores = self._forward(X)
        if y is None:
            return scores
        y = _labels(y, X.shape[0], self.n_classes)
        data_loss, dscores = _softmax_parts(scores, y)
        reg = self.reg
        penalty = reg / 2.0 * (np.sum(np.square(W1)) + np.sum(np.square(W2)))
        dpre = dscores.dot(W2.T)
        dpre[pre <= 0] = 0.0
        grads = {
            "W1": X.T.dot(dpre) + reg * W1,
            "b1": dpre.sum(axis=0),
            "W2": post.T.dot(dscores) + reg * W2,
            "b2": dscores.sum(axis=0),
        }
        return float(data_loss + penalty), grads

    def fit(self, X, y, learning_rate=0.1, n_epochs=100, batch_size=200):
        check_scalar(learning_rate, "learning_rate", low=0.0, low_inclusive=False)
        check_scalar(n_epochs, "n_epochs", kind=numbers.Integral, low=1)
        check_scalar(batch_size, "batch_size", kind=numbers.Integral, low=1)
        X = self._X(X)
        y = _labels(y, X.shape[0], self.n_classes)
        rng = np.random.default_rng(self.random_state)
        n_samples = X.shape[0]
        index = np.arange(n_samples)
        n_batches = math.ceil(n_samples / batch_size)
        history = np.empty(n_epochs)
        for epoch in range(n_epochs):
            rng.shuffle(index)
            for k in range(n_batches):
                batch = index[k * batch_size:(k + 1) * batch_size]
                grads = self.loss(X[batch], y[batch])[1]
                self.params = {name: self.params[name] - learning_rate * grads[name]
                               for name in ("W1", "b1", "W2", "b2")}
            history[epoch] = self.loss(X, y)[0]
        self.loss_history_ = history
        return self

    def predict(self, X):
        scores = self.loss(X)
        best = scores.max(axis=1, keepdims=True)
        return np.argmax(scores == best, axis=1)

    def score(self, X, y):
        return float(np.mean(self.predict(X) == np.asarray(y)))
