"""Exercise 09: a two-layer neural network, built from layers with a forward and a backward pass.

The network is ``affine → ReLU → affine → softmax cross-entropy``. Each layer is a pair of
functions in the style of Stanford's CS231n:

- ``layer_forward(inputs...) -> (out, cache)``: compute the output, and keep in ``cache`` what
  the backward pass will need (here the cache is built for you).
- ``layer_backward(dout, cache) -> gradients``: given ``dout = ∂loss/∂out`` (the upstream
  gradient, of ``out``'s shape), return ``∂loss/∂input`` for every input, each of its
  input's shape. This is the chain rule, one layer at a time.

Conventions (shared by every exercise): rows are samples; inputs may be lists, int, float32
or read-only arrays and are never modified in place (no ``x[...] = ...``, ``x -= ...`` or
``x *= ...`` on an argument); everything is computed in float64; no Python loop over samples
(the only loops are ``fit``'s loops over epochs and mini-batches).

What you implement
------------------
``affine_forward(x, W, b) -> (out, cache)``: ``x (N, D)``, ``W (D, M)``, ``b (M,)``;
``out = x W + b`` of shape ``(N, M)``.

``affine_backward(dout, cache) -> (dx, dW, db)``: ``dout (N, M)``;
``dx = dout Wᵀ (N, D)``, ``dW = xᵀ dout (D, M)``, ``db = Σ_i dout[i] (M,)``: ``b`` is added to
every row, so its gradient is summed over the batch.

``relu_forward(x) -> (out, cache)``: ``out = max(0, x)`` elementwise, ``x``'s shape.

``relu_backward(dout, cache) -> dx``: ``dx = dout · 1[x > 0]``, masked by the *forward input*
``x`` (not by ``dout``). At ``x == 0`` exactly the derivative does not exist; this module uses
0 there (as CS231n and PyTorch do), and the grader never feeds an exact 0.

``softmax_loss(scores, y) -> (loss, dscores)``: ``scores (N, C)`` and ``y (N,)`` integer class
indices in ``[0, C)``; with ``lse_i = log Σ_c exp(scores[i, c])``::

    loss    = mean_i (lse_i - scores[i, y_i])                      (a float)
    dscores = (softmax(scores) - onehot(y)) / N                    (N, C)

Compute it by log-sum-exp: subtract each row's maximum, then take the log of a sum of
``exp`` of non-positive numbers. Never ``log(softmax)`` (``log(0) = -inf``) and never clip:
scores up to ``1e4`` in magnitude give no overflow, divide-by-zero or invalid warning (an
underflow is fine), and scores ``[0, 800]`` with true class 0 give a loss of exactly ``800``.

``TwoLayerNet(input_dim, hidden_dim, n_classes, weight_scale=1e-3, reg=0.0,
random_state=None)``:

- The constructor stores its arguments under the same names, checks them
  (``input_dim, hidden_dim >= 1``, ``n_classes >= 2``, ``weight_scale >= 0``, ``reg >= 0``,
  else ``ValueError``), and initializes ``params``, a dict of float64 arrays:
  ``W1 (D, H)`` and ``W2 (H, C)`` drawn from ``N(0, weight_scale²)``, ``b1 (H,)`` and
  ``b2 (C,)`` exactly zero. The draws come from ``np.random.default_rng(random_state)``: the
  same seed gives the same ``params`` (``0`` is a seed like any other), and the global
  ``np.random`` state is never read or reseeded. Which normal draws fill which entry is yours
  to choose; the grader checks the distribution (mean 0, standard deviation within 10% of
  ``weight_scale``, normal tails), not the exact numbers.
- ``loss(X, y=None)`` reads the current ``self.params`` (a test may set them by hand) and
  runs ``scores = relu(X W1 + b1) W2 + b2``. With ``y=None`` it returns ``scores (N, C)``.
  Otherwise it returns ``(loss, grads)``: ``loss`` a float,
  ``loss = softmax data loss + 0.5·reg·(||W1||² + ||W2||²)`` (squared Frobenius norms; the
  biases are never penalized), and ``grads`` a dict with the keys of ``params``, each
  gradient of its parameter's shape: ``grads["W1"]`` and ``grads["W2"]`` include
  ``reg·W``, the bias gradients do not. ``loss`` never modifies ``params`` or ``X``. With
  ``weight_scale = 1e-3`` the scores are tiny, so the initial loss is close to ``log C``.
- ``fit(X, y, learning_rate=0.1, n_epochs=100, batch_size=200)``: mini-batch stochastic
  gradient descent that *continues from the current* ``params`` (it does not
  re-initialize). Checks ``learning_rate > 0``, ``n_epochs >= 1``, ``batch_size >= 1``
  (``ValueError``). Each epoch draws a fresh permutation of the samples (from a
  ``np.random.default_rng(random_state)`` made at the start of ``fit``: the same seed gives
  the same training run, and the global ``np.random`` state is left alone), cuts it into
  contiguous batches of ``batch_size`` (the last, partial batch is kept; a ``batch_size`` of
  at least ``N`` is one full batch), and for each batch takes one step
  ``p ← p - learning_rate·grads[p]`` on every parameter, with ``grads`` from
  ``loss(X_batch, y_batch)``. After epoch ``e``, ``loss_history_[e]`` is the loss on the
  *full* training data, penalty included (``len(loss_history_) == n_epochs``). Returns
  ``self``.
- ``predict(X)``: the class index of the highest score per row, an integer array ``(N,)``;
  a tie goes to the lowest index. It uses the current ``params``, so it works before
  ``fit`` too (the network exists from the constructor on). ``score(X, y)`` is the accuracy.

Bad input raises ``ValueError``: ``X`` not 2-D, ``NaN`` or ``inf`` in ``X``, a feature count
other than ``input_dim``, ``len(y) != len(X)``, labels that are not integers in
``[0, n_classes)`` (a ``-1`` would silently index the last class), out-of-range
hyperparameters. The validation is written for you, outside the TODO regions.

Checking your gradients
-----------------------
The module ``assignments/_gradient_check.py`` gives you ``eval_numerical_gradient(f, x, h)``
(scalar ``f``), ``eval_numerical_gradient_array(f, x, df, h)`` (a layer's forward pass and
an upstream gradient ``df``) and ``rel_error(a, b)``. In float64, a right gradient agrees to
about ``1e-7`` or better::

    >>> import numpy as np
    >>> from assignments._gradient_check import (
    ...     eval_numerical_gradient, eval_numerical_gradient_array, rel_error)
    >>> from assignments.neural_network import affine_forward, affine_backward, TwoLayerNet
    >>> rng = np.random.default_rng(0)
    >>> x, W, b = rng.normal(size=(3, 4)), rng.normal(size=(4, 5)), rng.normal(size=5)
    >>> dout = rng.normal(size=(3, 5))
    >>> _, cache = affine_forward(x, W, b)
    >>> dx, dW, db = affine_backward(dout, cache)
    >>> dx_num = eval_numerical_gradient_array(lambda v: affine_forward(v, W, b)[0], x, dout)
    >>> rel_error(dx, dx_num) < 1e-7
    True
    >>> net = TwoLayerNet(4, 6, 3, weight_scale=0.5, reg=0.1, random_state=0)
    >>> y = np.array([0, 2, 1])
    >>> loss, grads = net.loss(x, y)
    >>> for name in net.params:                  # the helper moves params[name] in place
    ...     num = eval_numerical_gradient(lambda _: net.loss(x, y)[0], net.params[name])
    ...     assert rel_error(grads[name], num) < 1e-7, name

Check with ``reg = 0`` first: a large penalty can hide a wrong data gradient. Keep ``N``
small and the inputs away from ReLU's kink at 0, where central differences are wrong.
"""
import numbers

import numpy as np

from ._base import ClassifierMixin
from ._validation import check_array, check_scalar, check_target


def _check_labels(y, n_samples, n_classes):
    """Return ``y`` as an integer array ``(n_samples,)`` of class indices in ``[0, n_classes)``."""
    y = check_target(y, n_samples, numeric=False)
    if y.dtype.kind not in "iu":
        try:
            values = check_array(y, name="y", ensure_2d=False)
        except ValueError:
            raise ValueError(f"y must hold integer class indices, got dtype {y.dtype}") from None
        if not np.all(values == np.round(values)):
            raise ValueError("y must hold integer class indices, got non-integer values")
        y = values
    y = y.astype(np.intp)
    if y.min() < 0 or y.max() >= n_classes:
        raise ValueError(
            f"y must hold class indices in [0, {n_classes}), got values from {y.min()} to {y.max()}"
        )
    return y


def affine_forward(x, W, b):
    """A fully connected layer: ``out = x W + b``.

    Parameters
    ----------
    x : array-like of shape (N, D)
    W : array-like of shape (D, M)
    b : array-like of shape (M,)

    Returns
    -------
    out : ndarray of shape (N, M)
    cache : tuple ``(x, W, b)`` for ``affine_backward``
    """
    x = check_array(x, name="x")
    W = check_array(W, name="W")
    b = check_array(b, name="b", ensure_2d=False)
    if W.shape[0] != x.shape[1] or b.shape != (W.shape[1],):
        raise ValueError(f"shapes x {x.shape}, W {W.shape}, b {b.shape} do not fit together")
    # =========================================================================
    # TODO (affine_forward):
    #   Compute out = x W + b, shape (N, M): one matrix product, then b broadcast onto every row.
    # =========================================================================
    raise NotImplementedError("TODO: affine_forward")
    cache = (x, W, b)
    return out, cache


def affine_backward(dout, cache):
    """Backward pass of ``affine_forward``.

    Parameters
    ----------
    dout : array-like of shape (N, M)
        The upstream gradient ``∂loss/∂out``.
    cache : the ``cache`` that ``affine_forward`` returned

    Returns
    -------
    dx : ndarray of shape (N, D)
    dW : ndarray of shape (D, M)
    db : ndarray of shape (M,)
    """
    x, W, b = cache
    dout = check_array(dout, name="dout")
    if dout.shape != (x.shape[0], W.shape[1]):
        raise ValueError(f"dout should have shape {(x.shape[0], W.shape[1])}, got {dout.shape}")
    # =========================================================================
    # TODO (affine_backward):
    #   By the chain rule through out = x W + b:
    #     dx = dout Wᵀ        shape (N, D)
    #     dW = xᵀ dout        shape (D, M)
    #     db = dout summed over the batch (axis 0), shape (M,)
    #   Hint: check each shape; a transposed product usually has the wrong one.
    # =========================================================================
    raise NotImplementedError("TODO: affine_backward")
    return dx, dW, db


def relu_forward(x):
    """The rectified linear unit ``max(0, x)``, elementwise.

    Parameters
    ----------
    x : array-like of any shape

    Returns
    -------
    out : ndarray of ``x``'s shape
    cache : the input ``x``, for ``relu_backward``
    """
    x = check_array(x, name="x", ensure_2d=False)
    # =========================================================================
    # TODO (relu_forward):
    #   Compute out = max(0, x) elementwise into a new array (x itself must not change).
    #   Hint: np.maximum(x, 0.0).
    # =========================================================================
    raise NotImplementedError("TODO: relu_forward")
    cache = x
    return out, cache


def relu_backward(dout, cache):
    """Backward pass of ``relu_forward``.

    Parameters
    ----------
    dout : array-like of the forward input's shape
    cache : the ``cache`` that ``relu_forward`` returned (its input ``x``)

    Returns
    -------
    dx : ndarray of ``x``'s shape, ``dout`` where ``x > 0`` and 0 elsewhere
    """
    x = cache
    dout = check_array(dout, name="dout", ensure_2d=False)
    if dout.shape != x.shape:
        raise ValueError(f"dout should have shape {x.shape}, got {dout.shape}")
    # =========================================================================
    # TODO (relu_backward):
    #   The gradient flows through where the forward *input* x was positive and is 0 elsewhere:
    #   dx = dout · 1[x > 0], a new array of x's shape (do not write into dout).
    # =========================================================================
    raise NotImplementedError("TODO: relu_backward")
    return dx


def softmax_loss(scores, y):
    """Mean softmax cross-entropy of class scores, and its gradient.

    Parameters
    ----------
    scores : array-like of shape (N, C)
        Unnormalized class scores (logits).
    y : array-like of shape (N,)
        Integer class indices in ``[0, C)``.

    Returns
    -------
    loss : float
        ``mean_i (logsumexp(scores[i]) - scores[i, y_i])``.
    dscores : ndarray of shape (N, C)
        ``(softmax(scores) - onehot(y)) / N``.
    """
    scores = check_array(scores, name="scores")
    y = _check_labels(y, scores.shape[0], scores.shape[1])
    # =========================================================================
    # TODO (softmax_loss):
    #   Log-sum-exp, stably: shifted = scores - (row max), so every exp sees a number <= 0;
    #   log_probs = shifted - log(sum(exp(shifted), axis=1)), shape (N, C).
    #   loss = -mean of log_probs[i, y_i] over the rows (a float).
    #   dscores = (exp(log_probs) - onehot(y)) / N, shape (N, C).
    #   Hint: log_probs[np.arange(N), y] picks each row's true class; work on new arrays,
    #   never shift the caller's scores in place.
    # =========================================================================
    raise NotImplementedError("TODO: softmax_loss")
    return float(loss), dscores


class TwoLayerNet(ClassifierMixin):
    """A two-layer fully connected network: ``affine → ReLU → affine → softmax``.

    Parameters
    ----------
    input_dim : int >= 1
        ``D``, the number of features.
    hidden_dim : int >= 1
        ``H``, the number of hidden units.
    n_classes : int >= 2
        ``C``; labels are the class indices ``0 .. C-1``.
    weight_scale : float >= 0, default 1e-3
        Standard deviation of the initial weights.
    reg : float >= 0, default 0.0
        L2 strength: the loss adds ``0.5·reg·(||W1||² + ||W2||²)``.
    random_state : int or None
        Seed of ``np.random.default_rng`` for the initial weights and for ``fit``'s shuffling.

    Attributes
    ----------
    params : dict of ndarray
        ``W1 (D, H)``, ``b1 (H,)``, ``W2 (H, C)``, ``b2 (C,)``; set at construction.
    loss_history_ : list of float, length ``n_epochs``
        After ``fit``: the full-data loss (penalty included) after each epoch.
    """

    def __init__(self, input_dim, hidden_dim, n_classes, weight_scale=1e-3, reg=0.0,
                 random_state=None):
        self.input_dim = input_dim
        self.hidden_dim = hidden_dim
        self.n_classes = n_classes
        self.weight_scale = weight_scale
        self.reg = reg
        self.random_state = random_state
        check_scalar(input_dim, "input_dim", kind=numbers.Integral, low=1)
        check_scalar(hidden_dim, "hidden_dim", kind=numbers.Integral, low=1)
        check_scalar(n_classes, "n_classes", kind=numbers.Integral, low=2)
        check_scalar(weight_scale, "weight_scale", low=0.0)
        check_scalar(reg, "reg", low=0.0)
        if random_state is not None:
            check_scalar(random_state, "random_state", kind=numbers.Integral, low=0)
        # =====================================================================
        # TODO (TwoLayerNet.__init__):
        #   Make rng = np.random.default_rng(random_state) (never the global np.random), then
        #   self.params = {"W1": (D, H), "b1": (H,), "W2": (H, C), "b2": (C,)} with
        #   D, H, C = input_dim, hidden_dim, n_classes: weights weight_scale times standard
        #   normal draws (rng.standard_normal(shape)), biases np.zeros(...).
        # =====================================================================
        raise NotImplementedError("TODO: TwoLayerNet.__init__")

    def _check_X(self, X):
        X = check_array(X)
        if X.shape[1] != self.input_dim:
            raise ValueError(
                f"X has {X.shape[1]} features, but this TwoLayerNet has input_dim={self.input_dim}"
            )
        return X

    def loss(self, X, y=None):
        """Class scores, or the loss and its gradients.

        Parameters
        ----------
        X : array-like of shape (N, D)
        y : array-like of shape (N,) or None
            Class indices in ``[0, n_classes)``.

        Returns
        -------
        scores : ndarray of shape (N, C), if ``y`` is None
        (loss, grads) : float and dict of ndarray, otherwise
            ``grads[name]`` has the shape of ``params[name]``.
        """
        X = self._check_X(X)
        if y is not None:
            y = _check_labels(y, X.shape[0], self.n_classes)
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        # =====================================================================
        # TODO (TwoLayerNet.loss):
        #   Forward pass with your layers, keeping each cache:
        #     affine_forward(X, W1, b1) -> hidden (N, H); relu_forward -> activations (N, H);
        #     affine_forward(activations, W2, b2) -> scores (N, C).
        # =====================================================================
        raise NotImplementedError("TODO: TwoLayerNet.loss")
        if y is None:
            return scores
        # =====================================================================
        # TODO (TwoLayerNet.loss):
        #   Loss: softmax_loss(scores, y) gives the data loss and dscores (N, C); add the
        #   penalty 0.5·reg·(sum(W1²) + sum(W2²)) (weights only, never the biases).
        #   Backward pass, in reverse order: affine_backward(dscores, ...) -> dW2, db2 and the
        #   gradient of the activations; relu_backward -> gradient of hidden;
        #   affine_backward -> dW1, db1. Add reg·W1 and reg·W2 to the weight gradients.
        #   grads = {"W1": ..., "b1": ..., "W2": ..., "b2": ...}, each of its parameter's shape.
        # =====================================================================
        raise NotImplementedError("TODO: TwoLayerNet.loss")
        return float(loss), grads

    def fit(self, X, y, learning_rate=0.1, n_epochs=100, batch_size=200):
        """Train by mini-batch SGD, continuing from the current ``params``; return ``self``."""
        check_scalar(learning_rate, "learning_rate", low=0.0, low_inclusive=False)
        check_scalar(n_epochs, "n_epochs", kind=numbers.Integral, low=1)
        check_scalar(batch_size, "batch_size", kind=numbers.Integral, low=1)
        X = self._check_X(X)
        y = _check_labels(y, X.shape[0], self.n_classes)
        # =====================================================================
        # TODO (TwoLayerNet.fit):
        #   rng = np.random.default_rng(self.random_state). For each of the n_epochs epochs:
        #     order = rng.permutation(N); for each start in range(0, N, batch_size), take the
        #     batch idx = order[start : start + batch_size] (the last one may be shorter),
        #     get (loss, grads) = self.loss(X[idx], y[idx]) and step every parameter
        #     params[name] = params[name] - learning_rate * grads[name] (a new array);
        #     after the epoch, append self.loss(X, y)[0], the full-data loss, to a history list.
        #   Start from the current self.params: do not re-initialize them.
        # =====================================================================
        raise NotImplementedError("TODO: TwoLayerNet.fit")
        self.loss_history_ = history
        return self

    def predict(self, X):
        """The class index with the highest score, an integer array ``(N,)``; ties: lowest."""
        X = self._check_X(X)
        # =====================================================================
        # TODO (TwoLayerNet.predict):
        #   The scores are self.loss(X) (N, C); return the argmax of each row (np.argmax takes
        #   the first, i.e. lowest, index on a tie).
        # =====================================================================
        raise NotImplementedError("TODO: TwoLayerNet.predict")
