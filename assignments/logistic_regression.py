"""Exercise 02: binary logistic regression by gradient descent.

The model: ``P(y = classes_[1] | x) = sigmoid(x·w + b)``. With ``z = Xw + b`` and targets
``t`` in {0, 1}, the loss is the mean negative log-likelihood plus an L2 penalty on ``w``:

    loss = mean(log(1 + exp(z)) - t·z) + (alpha/2)·||w||²

Numerical stability is part of the exercise: ``sigmoid`` and the loss must work without
overflow warnings for ``|z|`` up to ``1e4``. ``exp(1000)`` overflows; write
``log(1 + exp(z))`` as ``max(z, 0) + log1p(exp(-|z|))`` (``np.logaddexp(0, z)`` is the same,
but slower), and compute ``sigmoid`` so that ``exp`` only ever sees non-positive arguments.

``LogisticRegression`` trains by batch gradient descent from zeros; its minimum equals
``sklearn.linear_model.LogisticRegression(C = 1/(n·alpha))``. Labels may be anything
sortable (ints, strings): ``classes_`` holds the two sorted labels and ``classes_[1]`` is the
positive class.
"""
import numbers

import numpy as np

from ._base import ClassifierMixin
from ._validation import check_array, check_is_fitted, check_n_features, check_scalar, check_X_y


def sigmoid(z):
    """The logistic function ``1 / (1 + exp(-z))``, elementwise and without overflow.

    Parameters
    ----------
    z : float or array-like

    Returns
    -------
    float for a scalar ``z``, else an ndarray of ``z``'s shape.
    """
    z = np.asarray(z, dtype=np.float64)
    # =========================================================================
    # TODO (sigmoid):
    #   Where z >= 0 use 1 / (1 + exp(-z)); where z < 0 use exp(z) / (1 + exp(z)). Both are
    #   the same function, but each only calls exp on a non-positive number: no overflow.
    #   Hint: e = np.exp(-np.abs(z)) is exp(-z) where z >= 0 and exp(z) where z < 0, always in
    #   (0, 1]; pick per entry with np.where(z >= 0, 1 / (1 + e), e / (1 + e)). (np.where on
    #   np.exp(-z) and np.exp(z) themselves evaluates both everywhere: one of them overflows.)
    #   Return result[()] so that a scalar input gives a scalar back.
    # =========================================================================
    raise NotImplementedError("TODO: sigmoid")


def log_loss_and_gradient(X, y, w, b, alpha=0.0):
    """Mean logistic loss with an L2 penalty, and its gradient.

    ``loss = mean(logaddexp(0, z) - y·z) + (alpha/2)·||w||²`` with ``z = Xw + b``.

    Parameters
    ----------
    X : array-like of shape (n, d)
    y : array-like of shape (n,), values in {0, 1}
    w : array-like of shape (d,)
    b : float
    alpha : float >= 0

    Returns
    -------
    loss : float
    dw : ndarray of shape (d,)
    db : float
    """
    X, y = check_X_y(X, y)
    w = check_array(w, name="w", ensure_2d=False)
    if w.shape != (X.shape[1],):
        raise ValueError(f"w must have shape ({X.shape[1]},), got {w.shape}")
    return _log_loss_and_gradient(X, y, w, b, alpha)


def _log_loss_and_gradient(X, y, w, b, alpha):
    """``log_loss_and_gradient`` on validated arrays.

    ``fit`` validates its data once, then calls this at every step (validating ``X`` costs
    about as much as one of the two matrix products).
    """
    # =========================================================================
    # TODO (_log_loss_and_gradient):
    #   With z = Xw + b (n,):
    #     loss = mean(logaddexp(0, z) - y·z) + (alpha/2)·||w||²        (a float)
    #     dw   = Xᵀ(sigmoid(z) - y) / n + alpha·w                       (shape (d,))
    #     db   = mean(sigmoid(z) - y)                                   (a float)
    #   Hint: never take log(sigmoid(z)); it is -inf once sigmoid rounds to 0. Write
    #   log(1 + exp(z)) as max(z, 0) + log1p(exp(-|z|)), which never overflows
    #   (np.logaddexp(0, z) is the same function, several times slower).
    # =========================================================================
    raise NotImplementedError("TODO: _log_loss_and_gradient")
    return float(loss), dw, float(db)


class LogisticRegression(ClassifierMixin):
    """Binary logistic regression trained by batch gradient descent.

    Starts from ``w = 0, b = 0`` and takes ``n_iters`` steps along the gradient of
    ``log_loss_and_gradient``'s loss, with targets ``t = (y == classes_[1])``.

    Parameters
    ----------
    learning_rate : float > 0, default 0.1
    n_iters : int >= 1, default 1000
    alpha : float >= 0, default 0.0

    Attributes
    ----------
    classes_ : ndarray of shape (2,)
        The sorted labels; ``classes_[1]`` is the positive class.
    coef_ : ndarray of shape (d,)
    intercept_ : float
    loss_history_ : list of float, length n_iters
        ``loss_history_[t]`` is the loss before update ``t``.
    n_features_in_ : int
    """

    def __init__(self, learning_rate=0.1, n_iters=1000, alpha=0.0):
        self.learning_rate = learning_rate
        self.n_iters = n_iters
        self.alpha = alpha

    def fit(self, X, y):
        """Run gradient descent and return ``self``; ``y`` must hold exactly two labels."""
        check_scalar(self.learning_rate, "learning_rate", low=0.0, low_inclusive=False)
        check_scalar(self.n_iters, "n_iters", kind=numbers.Integral, low=1)
        check_scalar(self.alpha, "alpha", low=0.0)
        X, y = check_X_y(X, y, numeric_y=False)
        # =====================================================================
        # TODO (LogisticRegression.fit):
        #   Find the sorted distinct labels (np.unique); raise ValueError unless there are
        #   exactly two. Encode t = 1.0 where y == classes[1], else 0.0, shape (n,). Then, from
        #   w = zeros (d,), b = 0.0, repeat n_iters times: evaluate _log_loss_and_gradient on
        #   (X, t) (X was validated once, above), append the loss to the history, step w and b
        #   against their gradients.
        # =====================================================================
        raise NotImplementedError("TODO: LogisticRegression.fit")
        self.classes_ = classes
        self.coef_ = w
        self.intercept_ = float(b)
        self.loss_history_ = history
        self.n_features_in_ = X.shape[1]
        return self

    def decision_function(self, X):
        """The logits ``z = Xw + b``, shape ``(n,)``."""
        check_is_fitted(self, "coef_")
        X = check_array(X)
        check_n_features(self, X)
        # =====================================================================
        # TODO (LogisticRegression.decision_function):
        #   Return X w + b, shape (n,).
        # =====================================================================
        raise NotImplementedError("TODO: LogisticRegression.decision_function")

    def predict_proba(self, X):
        """Class probabilities, shape ``(n, 2)``; column ``k`` is ``P(classes_[k])``."""
        # =====================================================================
        # TODO (LogisticRegression.predict_proba):
        #   With p = sigmoid(decision_function(X)) (n,), stack the columns [1 - p, p].
        # =====================================================================
        raise NotImplementedError("TODO: LogisticRegression.predict_proba")

    def predict(self, X):
        """``classes_[1]`` where ``P(classes_[1]) >= 0.5``, else ``classes_[0]``; shape ``(n,)``."""
        # =====================================================================
        # TODO (LogisticRegression.predict):
        #   Threshold the positive-class probability at 0.5 (>= goes to classes_[1]) and map
        #   the result to the labels by indexing self.classes_.
        # =====================================================================
        raise NotImplementedError("TODO: LogisticRegression.predict")
