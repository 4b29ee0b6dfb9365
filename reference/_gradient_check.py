"""Numerical gradient checks: compare a gradient you derived with central differences.

A helper module given to students (not an exercise, not graded). Use it while you write a
``*_backward`` function or a ``loss`` that returns gradients: if your analytic gradient and
the numerical one agree to a relative error of about ``1e-7`` or less in float64, the
gradient is almost certainly right; ``1e-2`` or more means it is wrong.

Three functions, in the style of Stanford's CS231n:

- ``eval_numerical_gradient(f, x, h=1e-5)``: the gradient of a *scalar* function ``f`` at
  ``x`` by central differences ``(f(x + h·e_i) - f(x - h·e_i)) / 2h``, one entry at a time.
- ``eval_numerical_gradient_array(f, x, df, h=1e-5)``: for an *array-valued* ``f`` (a layer's
  forward pass), the gradient of ``sum(f(x) * df)``, i.e. what the layer's backward pass must
  return for the upstream gradient ``df``.
- ``rel_error(x, y)``: ``max |x - y| / max(1e-8, |x| + |y|)``, the measure to compare them by.

Both gradient functions change ``x`` *in place* while they work (each entry is moved by
``±h`` and then restored), so ``f`` may ignore its argument and read ``x`` through a
closure, for example a network's parameter array::

    >>> import numpy as np
    >>> from assignments._gradient_check import eval_numerical_gradient, rel_error
    >>> from assignments.neural_network import TwoLayerNet
    >>> net = TwoLayerNet(4, 5, 3, weight_scale=0.5, reg=0.1, random_state=0)
    >>> X, y = np.random.default_rng(1).normal(size=(3, 4)), np.array([0, 2, 1])
    >>> loss, grads = net.loss(X, y)
    >>> f = lambda _: net.loss(X, y)[0]           # reads net.params["W1"] as it is now
    >>> dW1_num = eval_numerical_gradient(f, net.params["W1"])
    >>> rel_error(grads["W1"], dW1_num) < 1e-7
    True

Hints for reliable checks: work in float64 (float32 round-off swamps the differences), use a
few samples (``N <= 3``) and keep inputs away from kinks such as ReLU's 0, and check the
data loss with ``reg = 0`` before adding the penalty, which can hide a wrong data gradient.
"""
import numpy as np


def eval_numerical_gradient(f, x, h=1e-5):
    """The gradient of a scalar function ``f`` at ``x`` by central differences.

    Parameters
    ----------
    f : callable
        Takes an array of ``x``'s shape, returns a float.
    x : ndarray of float64
        The point. It is modified in place during the call and restored at the end.
    h : float
        The step.

    Returns
    -------
    grad : ndarray of ``x``'s shape
        ``grad[i] = (f(x + h·e_i) - f(x - h·e_i)) / (2h)``.
    """
    grad = np.zeros(x.shape, dtype=np.float64)
    for index in np.ndindex(x.shape):
        saved = x[index]
        x[index] = saved + h
        f_plus = float(f(x))
        x[index] = saved - h
        f_minus = float(f(x))
        x[index] = saved
        grad[index] = (f_plus - f_minus) / (2 * h)
    return grad


def eval_numerical_gradient_array(f, x, df, h=1e-5):
    """The gradient of ``sum(f(x) * df)`` at ``x``: a backward pass, computed numerically.

    Parameters
    ----------
    f : callable
        Takes an array of ``x``'s shape, returns an array of ``df``'s shape (a forward pass
        returning only its output, e.g. ``lambda v: affine_forward(v, W, b)[0]``).
    x : ndarray of float64
        The point. It is modified in place during the call and restored at the end.
    df : ndarray
        The upstream gradient ``dout``.
    h : float
        The step.

    Returns
    -------
    grad : ndarray of ``x``'s shape
        What ``backward(df, cache)`` should return for ``x``.
    """
    grad = np.zeros(x.shape, dtype=np.float64)
    for index in np.ndindex(x.shape):
        saved = x[index]
        x[index] = saved + h
        out_plus = np.array(f(x), dtype=np.float64)
        x[index] = saved - h
        out_minus = np.array(f(x), dtype=np.float64)
        x[index] = saved
        grad[index] = np.sum((out_plus - out_minus) * df) / (2 * h)
    return grad


def rel_error(x, y):
    """``max |x - y| / max(1e-8, |x| + |y|)``: about ``1e-7`` or less means they agree."""
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    return float(np.max(np.abs(x - y) / np.maximum(1e-8, np.abs(x) + np.abs(y))))
