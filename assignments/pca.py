"""Exercise 06: principal component analysis (PCA).

PCA finds the orthonormal directions along which centred data varies most. With ``X`` of
shape ``(n, d)``, its column means ``mean_`` (shape ``(d,)``) and the centred data
``Xc = X - mean_``, the sample covariance matrix (``ddof = 1``) is

    C = Xcᵀ Xc / (n - 1)                      shape (d, d), symmetric, positive semi-definite

Its eigenvectors are the principal axes and its eigenvalues the variances of the data along
them. Two routes lead there, chosen by ``solver``:

- ``"svd"``: the thin SVD ``Xc = U·diag(S)·Vᵀ``. The rows of ``Vᵀ`` are the axes, already
  sorted by decreasing ``S``, and the variances are ``S² / (n - 1)``. This never forms ``C``,
  so it keeps the full precision of the data.
- ``"eigh"``: the eigendecomposition of ``C`` with ``np.linalg.eigh`` (for symmetric
  matrices: real eigenvalues, orthonormal eigenvectors). ``eigh`` returns the eigenvalues in
  *ascending* order and the eigenvectors as *columns*; reverse both and transpose. Round-off
  can make a zero eigenvalue slightly negative: clip the variances at 0. Do not use
  ``np.linalg.eig``: it does not know that ``C`` is symmetric, returns the eigenvalues
  unsorted, and returns complex arrays when ``C`` has repeated (e.g. zero) eigenvalues.

Both routes give the same result up to round-off.

The rules (the bank tests each of them):

- ``PCA(n_components=None, solver="svd")``. ``n_components`` is ``None`` or an int in
  ``[1, min(n, d)]``; ``None`` keeps ``min(n, d)`` components. ``solver`` is ``"svd"`` or
  ``"eigh"``. Anything else raises ``ValueError`` in ``fit``; so does ``X`` with fewer than
  2 samples (the variance divides by ``n - 1``).
- ``solver="svd"`` (the default) works on ``Xc`` itself and must keep its precision: a
  variance ``1e-14`` times the largest still comes out to a relative ``1e-7``, which no route
  through ``C`` (``eigh``, or ``XcᵀXc`` in the SVD) can reach.
- ``fit(X, y=None)`` returns ``self`` and learns, with ``k = n_components``:

  - ``mean_`` ``(d,)``: the column means of the *training* data;
  - ``components_`` ``(k, d)``: the first ``k`` principal axes as orthonormal rows, sorted by
    decreasing variance;
  - ``explained_variance_`` ``(k,)``: the variance along each axis, with ``ddof = 1``
    (the eigenvalues of ``C``, ``= S² / (n - 1)``);
  - ``explained_variance_ratio_`` ``(k,)``: ``explained_variance_`` divided by the *total*
    variance, the sum of all ``min(n, d)`` eigenvalues (``= trace(C)``, the sum of the
    features' variances), not by the sum of the ``k`` kept ones: with ``k < d`` the
    ratios sum to less than 1.

- **Sign rule.** An eigenvector ``v`` and ``-v`` are equally valid, so the sign is pinned as
  scikit-learn pins it: in each row of ``components_`` the entry of largest magnitude is
  positive (if two entries tie in magnitude, the first one, as ``np.argmax`` picks it). With
  this rule ``components_`` equals ``sklearn.decomposition.PCA(svd_solver="full")``'s.
- ``transform(X)`` ``(m, k)`` is ``(X - mean_) @ components_.T``, always with the *training*
  mean: new data is never centred by its own mean. ``inverse_transform(Z)`` ``(m, d)`` is
  ``Z @ components_ + mean_``; with all components it undoes ``transform`` exactly, and with
  ``k`` of them the squared reconstruction error of the training data,
  ``((X - inverse_transform(transform(X)))²).sum()``, equals ``(n - 1)`` times the sum of
  the discarded eigenvalues. ``fit_transform(X)`` equals ``fit(X).transform(X)``.
- Inputs may be lists, int, float32 or read-only arrays: never modify them in place. Every
  output is a real ``float64`` array. ``transform`` or ``inverse_transform`` before ``fit``
  raises ``NotFittedError`` (a subclass of both ``ValueError`` and ``AttributeError``);
  a feature count that differs from ``fit``'s (or a ``Z`` whose column count is not ``k``)
  raises ``ValueError``.
- No Python loop over the samples: centring, projecting and reconstructing are array
  operations on the whole ``X`` at once.
"""
import numbers

import numpy as np

from ._validation import check_array, check_is_fitted, check_n_features, check_scalar

SOLVERS = ("svd", "eigh")


def _axes_by_svd(X_centered):
    """Principal axes of centred data by its thin SVD.

    Parameters
    ----------
    X_centered : ndarray of shape (n, d)
        Data whose columns have mean 0.

    Returns
    -------
    variances : ndarray of shape (min(n, d),)
        Decreasing; ``S² / (n - 1)``.
    axes : ndarray of shape (min(n, d), d)
        Orthonormal rows, ``axes[i]`` the direction of ``variances[i]`` (any sign).
    """
    # =========================================================================
    # TODO (_axes_by_svd):
    #   Take the thin SVD  Xc = U·diag(S)·Vt  (U (n, r), S (r,), Vt (r, d), r = min(n, d)).
    #   The rows of Vt are the axes, already sorted by decreasing S; the variances are
    #   S² / (n - 1).
    #   Hint: np.linalg.svd(Xc, full_matrices=False) returns U, S, Vt with S decreasing.
    # =========================================================================
    raise NotImplementedError("TODO: _axes_by_svd")


def _axes_by_eigh(X_centered):
    """Principal axes of centred data by the eigendecomposition of its covariance matrix.

    Same parameters and returns as ``_axes_by_svd``.
    """
    # =========================================================================
    # TODO (_axes_by_eigh):
    #   Form the covariance C = Xcᵀ Xc / (n - 1), shape (d, d), and take its eigendecomposition
    #   with np.linalg.eigh: eigenvalues (d,) in ASCENDING order, eigenvectors as the COLUMNS
    #   of a (d, d) matrix. Reverse both orders, keep the first r = min(n, d), return the
    #   eigenvectors as rows (r, d) and the eigenvalues clipped at 0 (round-off can make a
    #   zero eigenvalue slightly negative).
    #   Hint: values[::-1] and vectors[:, ::-1].T; np.maximum(values, 0.0).
    # =========================================================================
    raise NotImplementedError("TODO: _axes_by_eigh")


def _flip_signs(axes):
    """Return ``axes`` with each row negated where needed so that its largest-magnitude
    entry is positive (ties in magnitude: the first such entry decides).

    Parameters
    ----------
    axes : ndarray of shape (k, d)

    Returns
    -------
    ndarray of shape (k, d)
        A new array; ``axes`` is not modified.
    """
    # =========================================================================
    # TODO (_flip_signs):
    #   For each row i, find the column j_i of its largest |entry| (shape (k,)), read the
    #   sign of axes[i, j_i] and multiply the whole row by it.
    #   Hint: np.argmax(np.abs(axes), axis=1) breaks ties by the lowest index; index the
    #   entries with axes[np.arange(k), j]; multiply by signs[:, None] to scale each row.
    # =========================================================================
    raise NotImplementedError("TODO: _flip_signs")


class PCA:
    """Principal component analysis.

    Parameters
    ----------
    n_components : int in [1, min(n, d)] or None, default None
        How many components to keep; ``None`` keeps ``min(n, d)``.
    solver : {"svd", "eigh"}, default "svd"
        ``"svd"``: thin SVD of the centred data; ``"eigh"``: eigendecomposition of the
        covariance matrix. Both give the same result up to round-off.

    Attributes
    ----------
    mean_ : ndarray of shape (d,)
        The training data's column means.
    components_ : ndarray of shape (k, d)
        Orthonormal principal axes, by decreasing variance; in each row the entry of largest
        magnitude is positive.
    explained_variance_ : ndarray of shape (k,)
        The variance (ddof = 1) of the training data along each axis.
    explained_variance_ratio_ : ndarray of shape (k,)
        ``explained_variance_`` over the total variance of the training data.
    n_components_ : int
    n_features_in_ : int
    """

    def __init__(self, n_components=None, solver="svd"):
        self.n_components = n_components
        self.solver = solver

    def fit(self, X, y=None):
        """Learn the mean and the principal axes of ``X`` and return ``self``; ``y`` is ignored."""
        X = check_array(X)
        n_samples, n_features = X.shape
        if self.solver not in SOLVERS:
            raise ValueError(f"solver must be one of {SOLVERS}, got {self.solver!r}")
        if n_samples < 2:
            raise ValueError(f"PCA needs at least 2 samples (the variance divides by n - 1), got {n_samples}")
        if self.n_components is not None:
            check_scalar(self.n_components, "n_components", kind=numbers.Integral, low=1,
                         high=min(n_samples, n_features))
        # =====================================================================
        # TODO (PCA.fit):
        #   Let k = n_components, or min(n, d) when it is None. Compute the column means
        #   (d,) and the centred data Xc = X - mean (n, d), a new array. Get (variances,
        #   axes) from _axes_by_svd(Xc) or _axes_by_eigh(Xc) according to self.solver, apply
        #   _flip_signs to the axes, and keep the first k rows: components (k, d) and their
        #   variances (k,). The ratios are variances / (sum of ALL the variances), shape (k,).
        #   Hint: the total variance is computed before truncating to k.
        # =====================================================================
        raise NotImplementedError("TODO: PCA.fit")
        self.mean_ = mean
        self.components_ = components
        self.explained_variance_ = explained_variance
        self.explained_variance_ratio_ = explained_variance_ratio
        self.n_components_ = int(n_components)
        self.n_features_in_ = n_features
        return self

    def transform(self, X):
        """Project ``X`` on the principal axes: shape ``(m, k)``."""
        check_is_fitted(self, "components_")
        X = check_array(X)
        check_n_features(self, X)
        # =====================================================================
        # TODO (PCA.transform):
        #   Centre X with the TRAINING mean (self.mean_, (d,)), never X's own mean, and
        #   project on the components: (X - mean_) @ components_ᵀ, shape (m, k).
        # =====================================================================
        raise NotImplementedError("TODO: PCA.transform")

    def inverse_transform(self, Z):
        """Map projections ``Z`` of shape ``(m, k)`` back to the data space: ``(m, d)``."""
        check_is_fitted(self, "components_")
        Z = check_array(Z, name="Z")
        if Z.shape[1] != self.components_.shape[0]:
            raise ValueError(
                f"Z has {Z.shape[1]} columns, but this PCA keeps {self.components_.shape[0]} components"
            )
        # =====================================================================
        # TODO (PCA.inverse_transform):
        #   Undo transform: Z @ components_ (m, d), then add back the training mean.
        # =====================================================================
        raise NotImplementedError("TODO: PCA.inverse_transform")

    def fit_transform(self, X, y=None):
        """``fit(X)`` then ``transform(X)``: the training data's projections, ``(n, k)``."""
        # =====================================================================
        # TODO (PCA.fit_transform):
        #   Fit on X, then project the same X: shape (n, k). Hint: fit returns self.
        # =====================================================================
        raise NotImplementedError("TODO: PCA.fit_transform")
