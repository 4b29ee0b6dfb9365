"""Exercise 01: linear regression, closed form and by gradient descent.

Conventions (shared by every exercise):

- ``X`` has shape ``(n, d)``: rows are samples, columns are features; ``y`` has shape ``(n,)``.
- Estimators follow scikit-learn: the constructor only stores hyperparameters, ``fit``
  returns ``self``, learned attributes end in ``_``, ``score`` is R².
- Inputs may be lists, int, float32 or read-only arrays: never modify them in place.
- The intercept ``b`` is never penalized.

What you implement:

- ``LinearRegression``: ordinary least squares, ``min ||y - Xw - b||²``. Centre ``X`` and
  ``y`` to get the intercept for free, then solve with a least-squares solver
  (``np.linalg.lstsq``), which returns the minimum-norm ``w`` when ``X`` is rank-deficient
  (collinear features, more features than samples). Never form ``inv(XᵀX)``: it is singular
  exactly then, and numpy inverts it anyway without a warning.
- ``Ridge``: ``min ||y - Xw - b||² + alpha·||w||²``, equal to ``sklearn.linear_model.Ridge``.
- ``mse_loss_and_gradient``: ``loss = (1/(2n))·||Xw + b - y||² + (alpha/2)·||w||²`` and its
  gradient.
- ``LinearRegressionGD``: batch gradient descent on that loss, starting from ``w = 0, b = 0``.
  Its minimum is ``Ridge(alpha = n·alpha)``'s.
"""
import numbers

import numpy as np

from ._base import RegressorMixin
from ._validation import (
    check_array,
    check_is_fitted,
    check_n_features,
    check_scalar,
    check_X_y,
)


class LinearModelMixin(RegressorMixin):
    """``predict`` for a fitted linear model: ``X @ coef_ + intercept_``."""

    def predict(self, X):
        """Predicted targets, shape ``(n,)``."""
        check_is_fitted(self, "coef_")
        X = check_array(X)
        check_n_features(self, X)
        # =====================================================================
        # TODO (LinearModelMixin.predict):
        #   Return the predictions X w + b, shape (n,).
        # =====================================================================
        raise NotImplementedError("TODO: LinearModelMixin.predict")


def _check_fit_intercept(fit_intercept):
    if not isinstance(fit_intercept, (bool, np.bool_)):
        raise ValueError(f"fit_intercept must be True or False, got {fit_intercept!r}")


class LinearRegression(LinearModelMixin):
    """Ordinary least squares.

    Parameters
    ----------
    fit_intercept : bool, default True
        Whether to learn an intercept ``b``; if False, ``b = 0``.

    Attributes
    ----------
    coef_ : ndarray of shape (d,)
        The minimum-norm least-squares weights.
    intercept_ : float
    n_features_in_ : int
    """

    def __init__(self, fit_intercept=True):
        self.fit_intercept = fit_intercept

    def fit(self, X, y):
        """Fit by least squares and return ``self``."""
        _check_fit_intercept(self.fit_intercept)
        X, y = check_X_y(X, y)
        # =====================================================================
        # TODO (LinearRegression.fit):
        #   With an intercept, centre X (column means, shape (d,)) and y (its mean), solve the
        #   least-squares problem  Xc w ≈ yc  for w (d,), then b = mean(y) - mean(X) @ w.
        #   Without one, solve X w ≈ y directly and set b = 0.
        #   Hint: np.linalg.lstsq(A, t, rcond=None)[0] is the minimum-norm solution; centring
        #   creates new arrays, so the caller's X is never modified.
        # =====================================================================
        raise NotImplementedError("TODO: LinearRegression.fit")
        self.coef_ = coef
        self.intercept_ = float(intercept)
        self.n_features_in_ = X.shape[1]
        return self


class Ridge(LinearModelMixin):
    """Least squares with an L2 penalty on the weights (not on the intercept).

    Minimizes ``||y - Xw - b||² + alpha·||w||²``; equal to ``sklearn.linear_model.Ridge``.

    Parameters
    ----------
    alpha : float >= 0, default 1.0
        Penalty strength; ``alpha = 0`` is ordinary least squares.
    fit_intercept : bool, default True

    Attributes
    ----------
    coef_ : ndarray of shape (d,)
    intercept_ : float
    n_features_in_ : int
    """

    def __init__(self, alpha=1.0, fit_intercept=True):
        self.alpha = alpha
        self.fit_intercept = fit_intercept

    def fit(self, X, y):
        """Fit the penalized least-squares problem and return ``self``."""
        check_scalar(self.alpha, "alpha", low=0.0)
        _check_fit_intercept(self.fit_intercept)
        X, y = check_X_y(X, y)
        # =====================================================================
        # TODO (Ridge.fit):
        #   Centre X and y as in LinearRegression (the intercept is not penalized), then find
        #   w (d,) minimizing ||yc - Xc w||² + alpha·||w||².
        #   For alpha > 0 that is the linear system (XcᵀXc + alpha·I) w = Xcᵀyc, of shape (d, d):
        #   positive definite, so np.linalg.solve is exact and fast. For alpha = 0 it is plain
        #   least squares: use np.linalg.lstsq, since XcᵀXc may then be singular.
        #   Set b = mean(y) - mean(X) @ w (b = 0 without an intercept).
        # =====================================================================
        raise NotImplementedError("TODO: Ridge.fit")
        self.coef_ = coef
        self.intercept_ = float(intercept)
        self.n_features_in_ = X.shape[1]
        return self


def mse_loss_and_gradient(X, y, w, b, alpha=0.0):
    """Half mean squared error with an L2 penalty, and its gradient.

    ``loss = (1/(2n))·||Xw + b - y||² + (alpha/2)·||w||²``

    Parameters
    ----------
    X : array-like of shape (n, d)
    y : array-like of shape (n,)
    w : array-like of shape (d,)
    b : float
    alpha : float >= 0

    Returns
    -------
    loss : float
    dw : ndarray of shape (d,)
        ``∂loss/∂w``.
    db : float
        ``∂loss/∂b`` (the penalty does not involve ``b``).
    """
    X, y = check_X_y(X, y)
    w = check_array(w, name="w", ensure_2d=False)
    if w.shape != (X.shape[1],):
        raise ValueError(f"w must have shape ({X.shape[1]},), got {w.shape}")
    return _mse_loss_and_gradient(X, y, w, b, alpha)


def _mse_loss_and_gradient(X, y, w, b, alpha):
    """``mse_loss_and_gradient`` on validated arrays.

    ``fit`` validates its data once, then calls this at every step (validating ``X`` costs
    about as much as one of the two matrix products).
    """
    # =========================================================================
    # TODO (_mse_loss_and_gradient):
    #   Compute the residual r = Xw + b - y, shape (n,), then
    #     loss = (1/(2n))·||r||² + (alpha/2)·||w||²   (a float)
    #     dw   = Xᵀr / n + alpha·w                     (shape (d,))
    #     db   = mean(r)                               (a float)
    #   Hint: one matrix-vector product each way, no loop over samples.
    # =========================================================================
    raise NotImplementedError("TODO: _mse_loss_and_gradient")
    return float(loss), dw, float(db)


class LinearRegressionGD(LinearModelMixin):
    """Linear regression by batch gradient descent on ``mse_loss_and_gradient``'s loss.

    Starts from ``w = 0, b = 0`` and takes ``n_iters`` steps
    ``w ← w - learning_rate·dw``, ``b ← b - learning_rate·db``
    (``b`` stays 0 when ``fit_intercept`` is False).

    Parameters
    ----------
    learning_rate : float > 0, default 0.01
    n_iters : int >= 1, default 1000
    alpha : float >= 0, default 0.0
    fit_intercept : bool, default True

    Attributes
    ----------
    coef_ : ndarray of shape (d,)
    intercept_ : float
    loss_history_ : list of float, length n_iters
        ``loss_history_[t]`` is the loss *before* update ``t``.
    n_features_in_ : int
    """

    def __init__(self, learning_rate=0.01, n_iters=1000, alpha=0.0, fit_intercept=True):
        self.learning_rate = learning_rate
        self.n_iters = n_iters
        self.alpha = alpha
        self.fit_intercept = fit_intercept

    def fit(self, X, y):
        """Run gradient descent and return ``self``."""
        check_scalar(self.learning_rate, "learning_rate", low=0.0, low_inclusive=False)
        check_scalar(self.n_iters, "n_iters", kind=numbers.Integral, low=1)
        check_scalar(self.alpha, "alpha", low=0.0)
        _check_fit_intercept(self.fit_intercept)
        X, y = check_X_y(X, y)
        # =====================================================================
        # TODO (LinearRegressionGD.fit):
        #   Start from w = zeros (d,) and b = 0.0. For each of the n_iters steps: evaluate
        #   _mse_loss_and_gradient at (w, b) (X and y were validated once, above), append the
        #   loss to a history list, then step w -= learning_rate·dw and (only if fit_intercept)
        #   b -= learning_rate·db.
        # =====================================================================
        raise NotImplementedError("TODO: LinearRegressionGD.fit")
        self.coef_ = w
        self.intercept_ = float(b)
        self.loss_history_ = history
        self.n_features_in_ = X.shape[1]
        return self
