"""Exercise 03: softmax (multinomial logistic) regression by gradient descent.

The model. With ``K`` classes, a weight matrix ``W (d, K)`` and a bias vector ``b (K,)``,
the logits of the samples are ``Z = XW + b`` (shape ``(n, K)``: one row per sample, one
column per class) and the class probabilities are their row-wise softmax:

    P[i, k] = exp(Z[i, k]) / sum_j exp(Z[i, j])

The loss is the mean cross-entropy (negative log-likelihood) plus an L2 penalty on ``W``
(never on ``b``). With ``y[i]`` the index in ``0..K-1`` of sample ``i``'s class:

    loss = mean_i( logsumexp(Z[i]) - Z[i, y[i]] ) + (alpha/2)·||W||²_F
    dW   = Xᵀ(P - Y) / n + alpha·W          (d, K)    Y = one-hot of y, shape (n, K)
    db   = mean over the rows of (P - Y)    (K,)

The rules the bank grades:

- ``softmax(Z)`` takes a 2-D ``Z (n, K)`` (anything else is a ``ValueError``) and returns a
  float64 array of the same shape whose rows sum to 1. Adding a constant to a row does not
  change that row's output. It never modifies ``Z``.
- Numerical stability is required: ``softmax`` and the loss work for logits of magnitude up to
  ``1e4`` (and beyond) with no overflow, divide-by-zero or invalid-value warning and no NaN
  (an underflow is fine). ``exp(1000)`` overflows, so subtract each row's own maximum before
  ``exp`` (a single global maximum is not enough: a row far below it underflows to all zeros,
  and 0/0 is NaN). The loss is computed from the logits by log-sum-exp, never as
  ``-log(P)``: ``P`` rounds to 0 far in the tail, so ``-log(P)`` is infinite, and clipping
  ``P`` gives a wrong finite number. Logits ``[0, 800]`` with true class 0 give a loss of
  exactly ``800``.
- ``cross_entropy_loss_and_gradient(X, y, W, b, alpha=0.0)`` returns ``(loss, dW, db)``: a
  float, an array shaped like ``W`` and an array shaped like ``b``. ``y`` holds integer class
  indices ``0..K-1``; a value outside that range, a ``W`` that is not ``(d, K)`` or a ``b``
  that is not ``(K,)`` raises ``ValueError``. At ``W = 0, b = 0`` the loss is ``log K``.
  The penalty adds exactly ``(alpha/2)·||W||²_F`` to the loss, ``alpha·W`` to ``dW`` and
  nothing to ``db``.
- ``SoftmaxRegression(learning_rate=0.1, n_iters=1000, alpha=0.0)``: ``fit`` starts from
  ``W = 0, b = 0`` and takes ``n_iters`` batch gradient-descent steps
  ``W ← W - learning_rate·dW``, ``b ← b - learning_rate·db``. ``loss_history_[t]`` is the
  loss *before* update ``t`` (``len == n_iters``), so ``loss_history_[0] == log K``.
  ``learning_rate`` must be ``> 0``, ``n_iters`` an int ``>= 1``, ``alpha >= 0`` (else
  ``ValueError`` in ``fit``).
- Labels may be anything sortable: ints (not necessarily ``0..K-1``) or strings.
  ``classes_`` holds the sorted distinct labels; the class of ``classes_[k]`` is index ``k``,
  column ``k`` of ``coef_ (d, K)``, ``intercept_ (K,)`` and ``predict_proba (n, K)``.
  ``predict`` returns values of ``classes_``: the most probable class, ties going to the
  lowest index (the smallest label), as ``np.argmax`` does. ``decision_function``,
  ``predict_proba`` and ``predict`` compute from ``coef_`` and ``intercept_``, as
  scikit-learn's linear models do (so setting those attributes changes the predictions).
  ``fit`` with fewer than two distinct labels raises ``ValueError``. ``score`` is the accuracy.
- At the minimum, the probabilities equal those of scikit-learn's multinomial
  ``LogisticRegression(C = 1/(n·alpha))``. Because ``b`` is not penalized, the minimum
  satisfies ``db = 0``: the mean of ``predict_proba`` over the training rows equals the class
  frequencies. With ``K = 2`` the minimum has ``W[:, 0] = -W[:, 1]``, so it is binary logistic
  regression with ``w = W[:, 1] - W[:, 0]`` and the penalty ``(alpha/4)·||w||²``.
- Inputs may be lists, int, float32 or read-only arrays: never modify them in place; work in
  float64. Bad input raises ``ValueError``: ``X`` not 2-D, NaN or infinity, ``len(X) !=
  len(y)``, a feature count at ``predict`` that differs from ``fit``'s. ``predict`` and
  ``predict_proba`` before ``fit`` raise ``NotFittedError`` (a ``ValueError`` and an
  ``AttributeError``).
- Vectorized: ``softmax``, the loss and its gradient, and ``predict_proba`` use array
  operations over all samples at once, no Python loop over the samples (the loop over the
  gradient-descent iterations is fine).
"""
import numbers

import numpy as np

from ._base import ClassifierMixin
from ._validation import check_array, check_is_fitted, check_n_features, check_scalar, check_X_y


def softmax(Z):
    """Row-wise softmax of the logits ``Z``.

    Parameters
    ----------
    Z : array-like of shape (n, K)

    Returns
    -------
    P : ndarray of shape (n, K)
        ``P[i] = exp(Z[i]) / sum(exp(Z[i]))``: every row is positive and sums to 1.
    """
    Z = check_array(Z, name="Z")
    # =========================================================================
    # TODO (softmax):
    #   Subtract each row's maximum (shape (n, 1), keepdims=True) so that exp only sees values
    #   <= 0, exponentiate, and divide each row by its sum (again shape (n, 1)). Return (n, K).
    #   Hint: the shift changes nothing mathematically (softmax ignores a constant added to a
    #   row) but keeps exp from overflowing. Write Z - max into a new array: Z -= ... would
    #   modify the caller's array.
    # =========================================================================
    raise NotImplementedError("TODO: softmax")


def _check_class_indices(y, n_classes):
    """``y`` as an int array; ``ValueError`` unless every value is an integer in ``[0, K)``."""
    if y.dtype.kind not in "iuf" or not np.all(np.isfinite(y)) or not np.all(y == np.round(y)):
        raise ValueError("y must hold integer class indices 0..K-1")
    if y.min() < 0 or y.max() >= n_classes:
        raise ValueError(
            f"y must hold class indices in 0..{n_classes - 1} (W has {n_classes} columns), "
            f"got values from {y.min()} to {y.max()}"
        )
    return y.astype(np.intp)


def cross_entropy_loss_and_gradient(X, y, W, b, alpha=0.0):
    """Mean softmax cross-entropy with an L2 penalty on ``W``, and its gradient.

    ``loss = mean(logsumexp(Z, axis=1) - Z[i, y_i]) + (alpha/2)·||W||²_F`` with ``Z = XW + b``.

    Parameters
    ----------
    X : array-like of shape (n, d)
    y : array-like of shape (n,)
        Integer class indices in ``0..K-1``.
    W : array-like of shape (d, K)
    b : array-like of shape (K,)
    alpha : float >= 0

    Returns
    -------
    loss : float
    dW : ndarray of shape (d, K)
        ``∂loss/∂W``.
    db : ndarray of shape (K,)
        ``∂loss/∂b`` (the penalty does not involve ``b``).
    """
    X, y = check_X_y(X, y, numeric_y=False)
    W = check_array(W, name="W")
    if W.shape[0] != X.shape[1]:
        raise ValueError(f"W must have shape ({X.shape[1]}, K), got {W.shape}")
    b = check_array(b, name="b", ensure_2d=False)
    if b.shape != (W.shape[1],):
        raise ValueError(f"b must have shape ({W.shape[1]},), got {b.shape}")
    y = _check_class_indices(y, W.shape[1])
    return _cross_entropy_loss_and_gradient(X, y, W, b, alpha)


def _cross_entropy_loss_and_gradient(X, y, W, b, alpha):
    """``cross_entropy_loss_and_gradient`` on validated arrays.

    ``fit`` validates its data once, then calls this at every step (validating ``X`` costs
    about as much as one of the two matrix products).
    """
    # =========================================================================
    # TODO (_cross_entropy_loss_and_gradient):
    #   With Z = XW + b (n, K) and rows = np.arange(n):
    #     log-sum-exp of each row, shape (n,):  m + log(sum(exp(Z - m)))  with m = row max
    #     loss = mean(logsumexp - Z[rows, y]) + (alpha/2)·||W||²_F        (a float)
    #   For the gradient, dZ = (P - Y) / n (n, K) with P = softmax(Z) and Y the one-hot of y
    #   (subtract 1 at [rows, y]); then dW = Xᵀ dZ + alpha·W (d, K) and db = dZ summed over
    #   the rows (K,).
    #   Hint: never take log(P); it is -inf once a probability rounds to 0. No loop over the
    #   samples: index with Z[rows, y].
    # =========================================================================
    raise NotImplementedError("TODO: _cross_entropy_loss_and_gradient")
    return float(loss), dW, db


class SoftmaxRegression(ClassifierMixin):
    """Multinomial logistic regression trained by batch gradient descent.

    Starts from ``W = 0, b = 0`` and takes ``n_iters`` steps along the gradient of
    ``cross_entropy_loss_and_gradient``'s loss, with the labels encoded as their index in
    ``classes_``.

    Parameters
    ----------
    learning_rate : float > 0, default 0.1
    n_iters : int >= 1, default 1000
    alpha : float >= 0, default 0.0
        L2 penalty ``(alpha/2)·||W||²_F``; the bias is not penalized.

    Attributes
    ----------
    classes_ : ndarray of shape (K,)
        The sorted distinct labels.
    coef_ : ndarray of shape (d, K)
        Column ``k`` holds the weights of ``classes_[k]``.
    intercept_ : ndarray of shape (K,)
    loss_history_ : list of float, length n_iters
        ``loss_history_[t]`` is the loss before update ``t``.
    n_features_in_ : int
    """

    def __init__(self, learning_rate=0.1, n_iters=1000, alpha=0.0):
        self.learning_rate = learning_rate
        self.n_iters = n_iters
        self.alpha = alpha

    def fit(self, X, y):
        """Run gradient descent and return ``self``; ``y`` needs at least two labels."""
        check_scalar(self.learning_rate, "learning_rate", low=0.0, low_inclusive=False)
        check_scalar(self.n_iters, "n_iters", kind=numbers.Integral, low=1)
        check_scalar(self.alpha, "alpha", low=0.0)
        X, y = check_X_y(X, y, numeric_y=False)
        # =====================================================================
        # TODO (SoftmaxRegression.fit):
        #   Find the sorted distinct labels and each sample's index among them (K = their
        #   number); raise ValueError if K < 2. From W = zeros (d, K) and b = zeros (K,), repeat
        #   n_iters times: evaluate _cross_entropy_loss_and_gradient on (X, indices) (X was
        #   validated once, above), append the loss to the history, step W and b against
        #   their gradients.
        #   Hint: np.unique(y, return_inverse=True) gives both the labels and the indices.
        # =====================================================================
        raise NotImplementedError("TODO: SoftmaxRegression.fit")
        self.classes_ = classes
        self.coef_ = W
        self.intercept_ = b
        self.loss_history_ = history
        self.n_features_in_ = X.shape[1]
        return self

    def decision_function(self, X):
        """The logits ``Z = XW + b``, shape ``(n, K)``."""
        check_is_fitted(self, "coef_")
        X = check_array(X)
        check_n_features(self, X)
        # =====================================================================
        # TODO (SoftmaxRegression.decision_function):
        #   Return X @ coef_ + intercept_, shape (n, K).
        # =====================================================================
        raise NotImplementedError("TODO: SoftmaxRegression.decision_function")

    def predict_proba(self, X):
        """Class probabilities, shape ``(n, K)``; column ``k`` is ``P(classes_[k])``."""
        check_is_fitted(self, "coef_")
        # =====================================================================
        # TODO (SoftmaxRegression.predict_proba):
        #   Apply softmax to decision_function(X): each row sums to 1.
        # =====================================================================
        raise NotImplementedError("TODO: SoftmaxRegression.predict_proba")

    def predict(self, X):
        """The most probable label of each row, shape ``(n,)``; ties go to the smallest label."""
        check_is_fitted(self, "coef_")
        # =====================================================================
        # TODO (SoftmaxRegression.predict):
        #   Take the argmax of each row of predict_proba(X) (np.argmax returns the first, i.e.
        #   lowest, index of a tie) and map it to the labels by indexing self.classes_.
        # =====================================================================
        raise NotImplementedError("TODO: SoftmaxRegression.predict")
