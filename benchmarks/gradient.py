"""Gradient-descent models: the time of one iteration against its floor.

A full-batch gradient step must at least read ``X`` twice: once for the predictions
``X @ w`` and once for the gradient ``X.T @ r``. The floor is the time of exactly those two
products with the model's shapes (``w (d,)`` for the binary models, ``W (d, K)`` for softmax
regression), and a step should cost at most twice that: everything else in an iteration
(the loss, the sigmoid or softmax, the update) works on arrays of ``n`` or ``n·K`` values,
``d`` times fewer than ``X`` holds.

The time of an iteration is the median time of ``fit`` with ``N_ITERS`` iterations divided
by ``N_ITERS``; what ``fit`` does once (validation, ``np.unique`` of the labels) is under 1%
of it at these sizes.
"""
import numpy as np

from .data import blobs, reference, regression
from .ratios import Case

N_ITERS = 20
STEP = 2.0  # target: an iteration within 2x of the floor


def _floor(X, columns):
    """One ``X @ w`` and one ``X.T @ r``: the least a full-batch gradient step must do."""
    n, d = X.shape
    w = np.full(d if columns is None else (d, columns), 0.01)
    r = np.full(n if columns is None else (n, columns), 0.01)

    def products():
        X @ w
        X.T @ r

    return products


def cases(n=20_000, d=100, classes=5):
    sizes = f"n={n} d={d}, per iteration"
    X, y = regression(n, d, seed=11)
    X_blobs, labels = blobs(n, d, classes, seed=12, spread=4.0)
    binary = labels % 2

    linear = reference("linear_regression")
    yield Case("LinearRegressionGD step", sizes,
               lambda: linear.LinearRegressionGD(learning_rate=0.01, n_iters=N_ITERS).fit(X, y),
               _floor(X, None), STEP, baseline="floor", ours_units=N_ITERS,
               fix="_mse_loss_and_gradient: more than the two products per step")
    logistic = reference("logistic_regression")
    yield Case("LogisticRegression step", sizes,
               lambda: logistic.LogisticRegression(n_iters=N_ITERS).fit(X_blobs, binary),
               _floor(X_blobs, None), STEP, baseline="floor", ours_units=N_ITERS,
               note="the sigmoid and log-loss work on n values per step (exp, log1p)",
               fix="_log_loss_and_gradient: np.logaddexp is several times slower than "
                   "max(z, 0) + log1p(exp(-|z|)); boolean-mask indexing copies")
    softmax = reference("softmax_regression")
    yield Case("SoftmaxRegression step", f"{sizes}, K={classes}",
               lambda: softmax.SoftmaxRegression(n_iters=N_ITERS).fit(X_blobs, labels),
               _floor(X_blobs, classes), STEP, baseline="floor",
               ours_units=N_ITERS,
               fix="_cross_entropy_loss_and_gradient exponentiates Z twice (log-sum-exp, then "
                   "softmax)")
