"""Exercise 12: preprocessing (feature scaling, one-hot labels, polynomial features).

Most learners work better, or only work at all, when the features are on comparable scales
(gradient descent, k-NN distances, penalties, PCA). This exercise builds the transformers that
put them there, with scikit-learn's API: ``fit`` learns statistics from the *training* data,
``transform`` applies those same statistics to any data, ``inverse_transform`` undoes it.

``X`` has shape ``(n, d)``: rows are samples, columns are features. Every function works
column by column on the whole array at once (no Python loop over the samples).

StandardScaler
--------------
For each feature ``j``, with the training column ``x = X[:, j]``:

    mean_[j]  = (1/n)·Σ x_i
    var_[j]   = (1/n)·Σ (x_i - mean_[j])²        (ddof = 0, the population variance)
    scale_[j] = sqrt(var_[j]),  or 1 where var_[j] == 0
    transform(X)         = (X - mean_) / scale_
    inverse_transform(Z) = Z · scale_ + mean_

- ``with_mean=False`` skips the subtraction and ``with_std=False`` the division (in both
  ``transform`` and ``inverse_transform``). ``fit`` learns ``mean_``, ``var_`` and ``scale_``
  whatever the flags, always as arrays of shape ``(d,)``. (scikit-learn stores ``None`` for
  the attributes a flag switches off; here they always hold the training statistics.)
- **Compute the variance in two passes**: first the mean, then the mean of the squared
  deviations from it. The one-pass textbook formula ``E[x²] - E[x]²`` subtracts two huge,
  nearly equal numbers when the data sit far from 0: for values near ``1e8`` with a spread of
  1, ``x²`` is near ``1e16``, where float64 cannot even represent the odd integers, and the
  "variance" comes out wrong by 100 % or negative. The two-pass result is accurate to about
  ``1e-14`` there.
- **Constant features.** A feature whose training values are all equal has ``var_ = 0``
  exactly and ``scale_ = 1``, so ``transform`` maps it to ``x - mean_`` (0 for its training
  values) instead of dividing by zero. Detect it from the data (its maximum equals its
  minimum), not only from the computed variance: round-off can leave a constant column a tiny
  positive variance, because the mean of three copies of ``0.1`` is not exactly ``0.1``; its
  ``scale_`` would then be ``1e-17`` and the "standardized" constant ``±1``.
- Never add an epsilon to the denominator (``/ (std + 1e-8)``): it is wrong for every feature
  whose spread is not much larger than the epsilon, and the rule above already makes the
  division safe.

MinMaxScaler
------------
With ``feature_range = (lo, hi)`` and the training minimum and maximum of each feature:

    data_min_, data_max_ = X.min(axis=0), X.max(axis=0)          shape (d,)
    data_range_          = data_max_ - data_min_
    scale_               = (hi - lo) / data_range_,  with a zero range replaced by 1
    transform(X)         = (X - data_min_) · scale_ + lo
    inverse_transform(Z) = (Z - lo) / scale_ + data_min_

The training data lands in ``[lo, hi]`` with each feature's minimum at ``lo`` and its maximum
at ``hi``; new data may fall outside (nothing is clipped). A constant feature has range 0,
replaced by 1 as scikit-learn does: its training values map to ``lo`` (the range's lower
end) and a new value ``x`` to ``lo + (x - data_min_)·(hi - lo)``. ``feature_range`` is a pair
of finite numbers with ``lo < hi``.

one_hot
-------
``one_hot(y, n_classes=None)`` turns integer class indices into rows of the identity:
``Y[i, k] = 1.0`` if ``y[i] == k`` else ``0.0``, a float64 array of shape ``(n, K)``.

- ``y`` is 1-D and holds class *indices* ``0..K-1``: integers, or floats with whole values
  such as ``2.0``. It is not a list of arbitrary labels: ``[3, 7]`` gets ``K = 8`` columns.
- ``K = n_classes`` when given, else ``max(y) + 1`` (not the number of distinct labels: a
  class absent from ``y`` still gets its column, of zeros).
- A negative label, a label ``>= n_classes``, a non-whole value (``1.5``) or ``n_classes``
  that is not an int ``>= 1`` raises ``ValueError``.

polynomial_features
-------------------
``polynomial_features(X, degree=2, include_bias=True)`` returns every product of at most
``degree`` features (monomials, repetitions allowed), as columns in scikit-learn's
``PolynomialFeatures`` order:

- by total degree first: the bias column of ones (degree 0, only if ``include_bias``), then
  the ``d`` features (degree 1), then the degree-2 products, and so on;
- within one degree, the index tuples ``(j1 <= j2 <= ... <= jk)`` in lexicographic order,
  which is the order of ``itertools.combinations_with_replacement(range(d), k)``.

For ``d = 2`` and ``degree = 3``: ``1, a, b, a², ab, b², a³, a²b, ab², b³``. There are
``C(d + degree, degree)`` columns with the bias, one fewer without. ``degree`` is an int
``>= 0``; ``degree = 0`` gives the bias column alone, so ``degree = 0`` with
``include_bias=False`` (no column at all) is a ``ValueError``. A loop over the *feature
combinations* is fine (there are few of them); each column is computed for all samples at
once.

Rules shared with the whole course
----------------------------------
- Inputs may be lists, int, float32 or read-only arrays: never modify them in place (build
  new arrays: ``X - mean_``, not ``X -= mean_``). Work in float64: every output is a new
  float64 array.
- ``fit(X, y=None)`` returns ``self`` and ignores ``y``; ``fit_transform(X)`` equals
  ``fit(X).transform(X)``; learned attributes end in ``_`` and exist only after ``fit``.
- Bad input raises ``ValueError``: ``X`` not 2-D, NaN or infinity, a feature count at
  ``transform``/``inverse_transform`` that differs from ``fit``'s, an out-of-range
  hyperparameter (checked in ``fit``; ``with_mean``/``with_std`` must be booleans).
  ``transform`` or ``inverse_transform`` before ``fit`` raises ``NotFittedError``, a subclass
  of both ``ValueError`` and ``AttributeError``.
"""
import itertools
import numbers

import numpy as np

from ._validation import check_array, check_is_fitted, check_n_features, check_scalar


def _check_bool(value, name):
    if not isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{name} must be True or False, got {value!r}")


def _check_feature_range(feature_range):
    """Return ``(lo, hi)`` as floats; raise ``ValueError`` unless it is a pair with lo < hi."""
    try:
        lo, hi = feature_range
    except (TypeError, ValueError):
        raise ValueError(f"feature_range must be a pair (min, max), got {feature_range!r}") from None
    for value in (lo, hi):
        if isinstance(value, bool) or not isinstance(value, numbers.Real) or not np.isfinite(value):
            raise ValueError(f"feature_range must hold two finite numbers, got {feature_range!r}")
    if not lo < hi:
        raise ValueError(f"feature_range must have min < max, got {feature_range!r}")
    return float(lo), float(hi)


class StandardScaler:
    """Standardize features: subtract the training mean, divide by the training standard
    deviation (ddof = 0).

    Parameters
    ----------
    with_mean : bool, default True
        Subtract ``mean_`` in ``transform`` (and add it back in ``inverse_transform``).
    with_std : bool, default True
        Divide by ``scale_`` in ``transform`` (and multiply in ``inverse_transform``).

    Attributes
    ----------
    mean_ : ndarray of shape (d,)
        The training data's column means (learned whatever the flags).
    var_ : ndarray of shape (d,)
        The training data's column variances, ddof = 0; exactly 0 for a constant feature.
    scale_ : ndarray of shape (d,)
        ``sqrt(var_)``, with 1 where ``var_`` is 0.
    n_features_in_ : int
    """

    def __init__(self, with_mean=True, with_std=True):
        self.with_mean = with_mean
        self.with_std = with_std

    def fit(self, X, y=None):
        """Learn the training mean, variance and scale of each feature; return ``self``."""
        _check_bool(self.with_mean, "with_mean")
        _check_bool(self.with_std, "with_std")
        X = check_array(X)
        # BEGIN SOLUTION
        # Compute, column by column (shape (d,) each):
        #   mean  = the column means of X,
        #   var   = the mean of (X - mean)², two passes (never E[x²] - E[x]², which loses
        #           every digit for data far from 0), set to exactly 0 for a constant column,
        #   scale = sqrt(var), or 1.0 where var is 0.
        # Hint: a column is constant when X.max(axis=0) == X.min(axis=0); np.where(cond, a, b)
        # picks elementwise. X - mean is a new array: the caller's X is never modified.
        mean = X.mean(axis=0)
        var = ((X - mean) ** 2).mean(axis=0)
        constant = X.max(axis=0) == X.min(axis=0)
        var = np.where(constant, 0.0, var)
        scale = np.where(var > 0.0, np.sqrt(var), 1.0)
        # END SOLUTION
        self.mean_ = mean
        self.var_ = var
        self.scale_ = scale
        self.n_features_in_ = X.shape[1]
        return self

    def transform(self, X):
        """Standardize ``X`` with the *training* statistics: a new array ``(m, d)``."""
        check_is_fitted(self, "scale_")
        X = check_array(X)
        check_n_features(self, X)
        # BEGIN SOLUTION
        # Return (X - mean_) / scale_, shape (m, d), where the subtraction happens only if
        # with_mean and the division only if with_std. Use the statistics learned in fit,
        # never X's own mean or variance.
        # Hint: subtracting 0.0 and dividing by 1.0 change nothing and still build a new array.
        offset = self.mean_ if self.with_mean else 0.0
        scale = self.scale_ if self.with_std else 1.0
        return (X - offset) / scale
        # END SOLUTION

    def inverse_transform(self, Z):
        """Undo ``transform``: ``Z · scale_ + mean_`` (as the flags say), shape ``(m, d)``."""
        check_is_fitted(self, "scale_")
        Z = check_array(Z, name="Z")
        check_n_features(self, Z)
        # BEGIN SOLUTION
        # Undo transform in the reverse order: multiply by scale_ (if with_std), then add
        # mean_ (if with_mean). Shape (m, d), a new array.
        offset = self.mean_ if self.with_mean else 0.0
        scale = self.scale_ if self.with_std else 1.0
        return Z * scale + offset
        # END SOLUTION

    def fit_transform(self, X, y=None):
        """``fit(X)`` then ``transform(X)``: the standardized training data, ``(n, d)``."""
        # BEGIN SOLUTION
        # Fit on X, then transform the same X. Hint: fit returns self.
        return self.fit(X).transform(X)
        # END SOLUTION


class MinMaxScaler:
    """Scale each feature linearly so that its training minimum and maximum map to
    ``feature_range``.

    Parameters
    ----------
    feature_range : tuple (lo, hi) of finite numbers with lo < hi, default (0, 1)

    Attributes
    ----------
    data_min_ : ndarray of shape (d,)
        The training data's column minima.
    data_max_ : ndarray of shape (d,)
        The training data's column maxima.
    data_range_ : ndarray of shape (d,)
        ``data_max_ - data_min_``.
    scale_ : ndarray of shape (d,)
        ``(hi - lo) / data_range_``, a zero range counting as 1.
    n_features_in_ : int
    """

    def __init__(self, feature_range=(0, 1)):
        self.feature_range = feature_range

    def fit(self, X, y=None):
        """Learn the training minimum and maximum of each feature; return ``self``."""
        lo, hi = _check_feature_range(self.feature_range)
        X = check_array(X)
        # BEGIN SOLUTION
        # Compute the column minima and maxima (d,), the range max - min (d,), and
        # scale = (hi - lo) / range, where a zero range (a constant feature) counts as 1 so
        # that nothing divides by zero.
        # Hint: np.where(data_range > 0, data_range, 1.0).
        data_min = X.min(axis=0)
        data_max = X.max(axis=0)
        data_range = data_max - data_min
        scale = (hi - lo) / np.where(data_range > 0.0, data_range, 1.0)
        # END SOLUTION
        self.data_min_ = data_min
        self.data_max_ = data_max
        self.data_range_ = data_range
        self.scale_ = scale
        self.n_features_in_ = X.shape[1]
        return self

    def transform(self, X):
        """Map ``X`` linearly with the *training* minimum and scale: a new array ``(m, d)``."""
        check_is_fitted(self, "scale_")
        X = check_array(X)
        check_n_features(self, X)
        lo, _ = _check_feature_range(self.feature_range)
        # BEGIN SOLUTION
        # Return (X - data_min_) · scale_ + lo, shape (m, d), with the statistics of the
        # training data (new data may land outside [lo, hi]: do not clip).
        return (X - self.data_min_) * self.scale_ + lo
        # END SOLUTION

    def inverse_transform(self, Z):
        """Undo ``transform``: ``(Z - lo) / scale_ + data_min_``, shape ``(m, d)``."""
        check_is_fitted(self, "scale_")
        Z = check_array(Z, name="Z")
        check_n_features(self, Z)
        lo, _ = _check_feature_range(self.feature_range)
        # BEGIN SOLUTION
        # Undo transform step by step in reverse: subtract lo, divide by scale_, add
        # data_min_. Shape (m, d).
        return (Z - lo) / self.scale_ + self.data_min_
        # END SOLUTION

    def fit_transform(self, X, y=None):
        """``fit(X)`` then ``transform(X)``: the scaled training data, ``(n, d)``."""
        # BEGIN SOLUTION
        # Fit on X, then transform the same X. Hint: fit returns self.
        return self.fit(X).transform(X)
        # END SOLUTION


def one_hot(y, n_classes=None):
    """One-hot encode integer class indices.

    Parameters
    ----------
    y : array-like of shape (n,)
        Class indices ``0..K-1`` (ints, or floats with whole values).
    n_classes : int >= 1 or None, default None
        The number of columns ``K``; ``None`` means ``max(y) + 1``.

    Returns
    -------
    ndarray of shape (n, K), float64
        ``Y[i, k] = 1.0`` if ``y[i] == k`` else ``0.0``: one 1 per row.
    """
    values = check_array(y, name="y", ensure_2d=False)
    if values.ndim != 1:
        raise ValueError(f"y must be 1-D (n_samples,), got shape {values.shape}")
    if not np.all(values == np.round(values)):
        raise ValueError("y must hold integer class indices 0..K-1, got non-integer values")
    if values.min() < 0:
        raise ValueError(f"y must hold class indices >= 0, got {values.min():g}")
    labels = values.astype(np.intp)
    if n_classes is not None:
        check_scalar(n_classes, "n_classes", kind=numbers.Integral, low=1)
        if labels.max() >= n_classes:
            raise ValueError(f"y holds the label {labels.max()}, but n_classes={n_classes} "
                             f"allows only 0..{n_classes - 1}")
    # BEGIN SOLUTION
    # labels (n,) holds the validated class indices. Let K = n_classes, or labels.max() + 1
    # when n_classes is None (a class missing from y still gets its column). Return a float64
    # array Y of shape (n, K) with Y[i, labels[i]] = 1.0 and zeros elsewhere.
    # Hint: start from np.zeros((n, K)) and set all n ones at once with the index arrays
    # (np.arange(n), labels).
    n_columns = int(labels.max()) + 1 if n_classes is None else int(n_classes)
    encoded = np.zeros((labels.shape[0], n_columns))
    encoded[np.arange(labels.shape[0]), labels] = 1.0
    return encoded
    # END SOLUTION


def polynomial_features(X, degree=2, include_bias=True):
    """All monomials of the features up to ``degree``, in scikit-learn's column order.

    Parameters
    ----------
    X : array-like of shape (n, d)
    degree : int >= 0, default 2
    include_bias : bool, default True
        Whether the first column is the constant 1 (the degree-0 monomial).

    Returns
    -------
    ndarray of shape (n, C(d + degree, degree)), or one column fewer without the bias
        Columns by total degree, and within a degree in the order of
        ``itertools.combinations_with_replacement(range(d), k)``.
    """
    X = check_array(X)
    check_scalar(degree, "degree", kind=numbers.Integral, low=0)
    _check_bool(include_bias, "include_bias")
    if degree == 0 and not include_bias:
        raise ValueError("degree=0 with include_bias=False leaves no output column")
    # BEGIN SOLUTION
    # Build a list of columns, each of shape (n,): a column of ones if include_bias, then for
    # k = 1, ..., degree and for each index tuple (j1, ..., jk) from
    # itertools.combinations_with_replacement(range(d), k), the product of those columns of X.
    # Stack them side by side into (n, n_output).
    # Hint: with features = X.T.copy() (d, n), each feature is one contiguous row, and
    # features[list(combo)].prod(axis=0) multiplies the chosen ones for every sample at once.
    # np.array(columns) is (n_output, n): return its transpose. The loop runs over
    # combinations, never samples.
    n_samples, n_features = X.shape
    features = X.T.copy()
    columns = [np.ones(n_samples)] if include_bias else []
    for k in range(1, degree + 1):
        for combo in itertools.combinations_with_replacement(range(n_features), k):
            columns.append(features[list(combo)].prod(axis=0))
    return np.array(columns).T
    # END SOLUTION
