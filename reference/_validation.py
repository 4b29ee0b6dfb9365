"""Input validation shared by every exercise (given to students, not graded).

Every estimator calls these helpers before its own code, so bad input fails
the same way everywhere: a ``ValueError`` that names the problem.
"""
import numbers

import numpy as np


class NotFittedError(ValueError, AttributeError):
    """Raised when ``predict``/``transform`` is called before ``fit``."""


def check_array(X, *, name="X", ensure_2d=True):
    """Return ``X`` as a finite float64 array; 2-D unless ``ensure_2d`` is False.

    A float64 input comes back as a view, not a copy: never modify it in place.
    """
    try:
        array = np.asarray(X, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name} must be numeric: {error}") from None
    if ensure_2d and array.ndim != 2:
        raise ValueError(
            f"{name} must be 2-D (n_samples, n_features), got shape {array.shape}; "
            "reshape a single feature with X.reshape(-1, 1)"
        )
    if array.size == 0 or (ensure_2d and array.shape[0] == 0):
        raise ValueError(f"{name} is empty (shape {array.shape})")
    if not np.isfinite(array).all():
        raise ValueError(f"{name} contains NaN or infinity")
    return array


def check_target(y, n_samples, *, numeric=True):
    """Return ``y`` as a 1-D array of length ``n_samples``.

    ``numeric=True`` converts to finite float64 (regression targets); otherwise the
    labels keep their own dtype (ints, strings). A column ``(n, 1)`` is flattened.
    """
    y = np.asarray(y)
    if y.ndim == 2 and y.shape[1] == 1:
        y = y[:, 0]
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D (n_samples,), got shape {y.shape}")
    if len(y) != n_samples:
        raise ValueError(f"X and y have different lengths: {n_samples} != {len(y)}")
    if numeric:
        y = check_array(y, name="y", ensure_2d=False)
    return y


def check_X_y(X, y, *, numeric_y=True):
    """Validate a training set: ``X`` 2-D float64, ``y`` 1-D of the same length."""
    X = check_array(X)
    return X, check_target(y, X.shape[0], numeric=numeric_y)


def check_is_fitted(estimator, attribute):
    """Raise ``NotFittedError`` unless ``estimator`` has the fitted ``attribute``."""
    if not hasattr(estimator, attribute):
        raise NotFittedError(
            f"this {type(estimator).__name__} is not fitted yet: call fit before using it"
        )


def check_n_features(estimator, X):
    """Raise ``ValueError`` when ``X`` has another feature count than at ``fit``."""
    expected = estimator.n_features_in_
    if X.shape[1] != expected:
        raise ValueError(
            f"X has {X.shape[1]} features, but {type(estimator).__name__} "
            f"was fitted with {expected} features"
        )


def check_scalar(value, name, *, kind=numbers.Real, low=None, high=None, low_inclusive=True):
    """Raise ``ValueError`` unless ``value`` is a ``kind`` within ``[low, high]``."""
    if isinstance(value, bool) or not isinstance(value, kind):
        raise ValueError(f"{name} must be a {kind.__name__.lower()} number, got {value!r}")
    if low is not None and (value < low or (value == low and not low_inclusive)):
        bound = ">=" if low_inclusive else ">"
        raise ValueError(f"{name} must be {bound} {low}, got {value!r}")
    if high is not None and value > high:
        raise ValueError(f"{name} must be <= {high}, got {value!r}")
    return value
