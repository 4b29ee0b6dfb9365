"""Exercise 04: k-nearest neighbours, for classification and for regression.

A k-NN model learns nothing at ``fit``: it keeps the training set. To predict for a query
``x`` it finds the ``k = n_neighbors`` training samples closest to ``x`` in Euclidean
distance and lets them decide: by a (weighted) vote of their labels for the classifier, by
a (weighted) mean of their targets for the regressor.

Shapes: the training set is ``X (n_train, d)``, ``y (n_train,)``; queries are ``X (n, d)``;
the distances from the queries to the training set form a matrix ``(n, n_train)``, and the
``k`` nearest neighbours of each query give two ``(n, k)`` arrays: their distances and their
row indices in the training set.

What you implement
------------------
- ``euclidean_distances(A, B)``: ``D[i, j] = ||A[i] - B[j]||``, shape ``(len(A), len(B))``,
  with no Python loop. Expand ``||a - b||² = ||a||² - 2·a·b + ||b||²``: two vectors of squared
  row norms and one matrix product ``A @ B.T``, combined by broadcasting.
- ``kneighbors(X)`` (shared by both estimators): the distances and training indices of the
  ``k`` nearest neighbours of each query, nearest first.
- the neighbour weights, the classifier's vote (``predict_proba``, ``predict``) and label
  encoding (``fit``), and the regressor's ``predict``.

Stability (graded)
------------------
- Round-off can make the expanded squared distance slightly negative (by about ``1e-16``
  times the squared norms), and ``sqrt`` of a negative number is NaN: clamp the squared
  distances at 0 before the square root. The result is never NaN and never negative.
- For data far from the origin (coordinates near ``1e4``) the squared norms are about
  ``1e8`` while the squared distances are about 1: the expansion loses all their digits
  (catastrophic cancellation). Distances do not change when both sets move by the same
  vector, so subtract one common point (the mean of ``B``) from ``A`` and ``B`` first.
- Accuracy: every distance is within ``1e-8`` (plus ``1e-10`` relative) of the exact one,
  for data at any offset up to ``1e4``, except that a distance of exactly 0 (a point and
  its copy) may come out as the square root of round-off, below ``1e-5``. Inputs of any
  numeric type (int, float32, lists) are converted to float64 first (the validation
  helpers do it).

The rules (graded)
------------------
- ``n_neighbors`` is an int >= 1, ``weights`` is ``"uniform"`` or ``"distance"``; anything
  else, and ``n_neighbors`` larger than the number of training samples, raises
  ``ValueError`` (here at ``fit``; raising it at ``predict`` instead is also accepted).
- Neighbour order: by increasing distance; equal distances go to the lower training index.
  ``np.argsort(D, axis=1, kind="stable")`` does exactly that (so does taking each row's
  ``argmin`` ``k`` times); numpy's default sort is not stable and may put a later index first.
- Weights: ``"uniform"`` gives every neighbour weight 1. ``"distance"`` gives weight
  ``1/d``; where a query coincides with training points (computed distance exactly 0)
  those points alone decide, each with weight 1, and the other neighbours get 0.
- Classifier: labels can be anything sortable (ints, negative or non-contiguous ints,
  strings). ``classes_`` holds the sorted distinct labels; work with their indices
  ``0..K-1`` (``np.unique(y, return_inverse=True)``), never with the labels themselves
  (``np.bincount`` fails on negative or string labels). ``predict_proba`` has shape
  ``(n, K)``: column ``c`` is the weight of the neighbours labelled ``classes_[c]`` divided
  by the total weight, so each row sums to 1. ``predict`` returns the label with the
  largest vote; a tie goes to the lowest label (``np.argmax`` returns the first maximum).
- Regressor: the weighted mean ``sum(w·y) / sum(w)`` of the neighbours' targets.
- On data without ties, both equal scikit-learn's ``KNeighborsClassifier`` and
  ``KNeighborsRegressor`` with ``algorithm="brute"``.
- No Python loop over samples (queries or training points) anywhere: distances,
  neighbours, votes and means are whole-array operations. A loop over the few features or
  classes is fine.
- Inputs: lists, ints, float32 and read-only arrays are accepted and never modified (``fit``
  keeps a copy of the training set). ``X`` not 2-D, NaN or inf, ``len(X) != len(y)``, or a
  feature count at ``predict`` that differs from ``fit``'s raise ``ValueError``; ``predict``
  before ``fit`` raises ``NotFittedError`` (a ``ValueError`` and an ``AttributeError``). The
  validation helpers, called outside your code, do all of this.
"""
import numbers

import numpy as np

from ._base import ClassifierMixin, RegressorMixin
from ._validation import check_array, check_is_fitted, check_n_features, check_scalar, check_X_y

WEIGHTS = ("uniform", "distance")


def euclidean_distances(A, B):
    """Euclidean distances between the rows of ``A`` and the rows of ``B``.

    Parameters
    ----------
    A : array-like of shape (n_A, d)
    B : array-like of shape (n_B, d)

    Returns
    -------
    D : ndarray of shape (n_A, n_B)
        ``D[i, j] = ||A[i] - B[j]||``: finite, never NaN, never negative.
    """
    A = check_array(A, name="A")
    B = check_array(B, name="B")
    if A.shape[1] != B.shape[1]:
        raise ValueError(
            f"A and B must have the same number of features, got {A.shape[1]} and {B.shape[1]}"
        )
    # BEGIN SOLUTION
    # Return D (n_A, n_B) with D[i, j] = ||A[i] - B[j]||, without a Python loop:
    # 1. Subtract one common point, B's column mean (d,), from both A and B (into new arrays):
    #    distances do not change, and no coordinate stays huge (catastrophic cancellation).
    # 2. ||a - b||² = ||a||² - 2 a·b + ||b||²: the squared row norms of A (n_A,) and of B
    #    (n_B,) and the matrix product A @ B.T (n_A, n_B), combined by broadcasting ([:, None]).
    # 3. Round-off can leave tiny negative values: clamp at 0 (np.maximum), then np.sqrt.
    # Hint: build the (n_A, n_B) array once and update it in place (+=, out=): with
    # thousands of rows, every temporary of that size costs as much as the product itself.
    shift = B.mean(axis=0)
    A, B = A - shift, B - shift
    squared = (-2.0 * A) @ B.T
    squared += (A * A).sum(axis=1)[:, None]
    squared += (B * B).sum(axis=1)[None, :]
    np.maximum(squared, 0.0, out=squared)
    return np.sqrt(squared, out=squared)
    # END SOLUTION


class _NeighborsBase:
    """What both estimators share: hyperparameters, the training set, the neighbours."""

    def __init__(self, n_neighbors=5, weights="uniform"):
        self.n_neighbors = n_neighbors
        self.weights = weights

    def _fit(self, X, y, *, numeric_y):
        """Validate, store the training set, and return the validated ``X, y``."""
        check_scalar(self.n_neighbors, "n_neighbors", kind=numbers.Integral, low=1)
        if not (isinstance(self.weights, str) and self.weights in WEIGHTS):
            raise ValueError(f"weights must be 'uniform' or 'distance', got {self.weights!r}")
        X, y = check_X_y(X, y, numeric_y=numeric_y)
        if self.n_neighbors > X.shape[0]:
            raise ValueError(
                f"n_neighbors={self.n_neighbors} is larger than the number of training "
                f"samples ({X.shape[0]})"
            )
        self.X_train_ = X.copy()
        self.n_features_in_ = X.shape[1]
        return X, y

    def kneighbors(self, X):
        """The ``k`` nearest training samples of each query, nearest first.

        Parameters
        ----------
        X : array-like of shape (n, d)

        Returns
        -------
        distances : ndarray of shape (n, k)
            Increasing along each row.
        indices : ndarray of shape (n, k)
            Row indices into the training set; equal distances keep the lower index first.
        """
        check_is_fitted(self, "X_train_")
        X = check_array(X)
        check_n_features(self, X)
        # BEGIN SOLUTION
        # Compute all distances D = euclidean_distances(X, self.X_train_), shape (n, n_train).
        # The indices (n, k) are the first k = n_neighbors columns of each row sorted by a
        # STABLE sort (np.argsort(D, axis=1, kind="stable")), equal distances keeping the
        # lower index first. Their distances (n, k) are np.take_along_axis(D, indices, axis=1).
        # Faster for small k: instead of sorting all n_train columns, take each row's argmin
        # k times (argmin returns the lowest index among equals), setting the chosen entry
        # of a copy of D to np.inf after each pass; a loop over k, never over the samples.
        distances = euclidean_distances(X, self.X_train_)
        remaining, rows = distances.copy(), np.arange(X.shape[0])
        indices = np.empty((X.shape[0], self.n_neighbors), dtype=np.intp)
        for j in range(self.n_neighbors):
            indices[:, j] = remaining.argmin(axis=1)
            remaining[rows, indices[:, j]] = np.inf
        return np.take_along_axis(distances, indices, axis=1), indices
        # END SOLUTION

    def _neighbor_weights(self, distances):
        """The weight of each neighbour, shape ``(n, k)``, from its distance ``(n, k)``."""
        # BEGIN SOLUTION
        # "uniform": ones of shape (n, k). "distance": 1/d, except in a row where some
        # neighbour is at distance exactly 0: there those neighbours get weight 1, the
        # others 0. Hint: exact = distances == 0 (n, k); divide by
        # np.where(exact, 1.0, distances) so that nothing is ever divided by zero, and pick
        # per row with np.where(exact.any(axis=1, keepdims=True), ...).
        if self.weights == "uniform":
            return np.ones_like(distances)
        exact = distances == 0.0
        inverse = 1.0 / np.where(exact, 1.0, distances)
        return np.where(exact.any(axis=1, keepdims=True), exact.astype(np.float64), inverse)
        # END SOLUTION


class KNeighborsClassifier(ClassifierMixin, _NeighborsBase):
    """Classification by a (weighted) vote of the ``k`` nearest training samples.

    Parameters
    ----------
    n_neighbors : int >= 1, default 5
        ``k``; at most the number of training samples.
    weights : {"uniform", "distance"}, default "uniform"
        Each neighbour's vote: 1, or ``1/d`` (exact matches alone decide).

    Attributes
    ----------
    classes_ : ndarray of shape (K,)
        The sorted distinct training labels.
    X_train_ : ndarray of shape (n_train, d)
    n_features_in_ : int
    """

    def fit(self, X, y):
        """Store the training set, find ``classes_``, and return ``self``."""
        X, y = self._fit(X, y, numeric_y=False)
        # BEGIN SOLUTION
        # Find classes (K,), the sorted distinct labels, and y_index (n_train,), the index
        # of each training label in classes (so classes[y_index] == y).
        # Hint: np.unique(y, return_inverse=True) returns both, for labels of any type.
        classes, y_index = np.unique(y, return_inverse=True)
        # END SOLUTION
        self.classes_ = classes
        self.y_index_ = y_index
        return self

    def predict_proba(self, X):
        """The share of the neighbours' weight per class, shape ``(n, K)``; rows sum to 1."""
        distances, indices = self.kneighbors(X)
        # BEGIN SOLUTION
        # With w = self._neighbor_weights(distances) (n, k) and the neighbours' class
        # indices labels = self.y_index_[indices] (n, k), build
        #   votes[i, c] = sum of w[i, j] over the neighbours j with labels[i, j] == c   (n, K)
        # and divide each row by its sum. Hint: the one-hot mask
        # labels[:, :, None] == np.arange(K) has shape (n, k, K); weight it and sum over axis 1.
        weights = self._neighbor_weights(distances)
        labels = self.y_index_[indices]
        one_hot = labels[:, :, None] == np.arange(len(self.classes_))
        votes = (weights[:, :, None] * one_hot).sum(axis=1)
        return votes / votes.sum(axis=1, keepdims=True)
        # END SOLUTION

    def predict(self, X):
        """The label with the largest vote for each query, shape ``(n,)``; ties: lowest label."""
        proba = self.predict_proba(X)
        # BEGIN SOLUTION
        # Take the column of the largest probability in each row (np.argmax returns the first
        # maximum, so a tie goes to the lowest label) and map it to its label in classes_.
        return self.classes_[np.argmax(proba, axis=1)]
        # END SOLUTION


class KNeighborsRegressor(RegressorMixin, _NeighborsBase):
    """Regression by the (weighted) mean target of the ``k`` nearest training samples.

    Parameters
    ----------
    n_neighbors : int >= 1, default 5
        ``k``; at most the number of training samples.
    weights : {"uniform", "distance"}, default "uniform"
        Each neighbour's weight: 1, or ``1/d`` (exact matches alone decide).

    Attributes
    ----------
    X_train_ : ndarray of shape (n_train, d)
    y_train_ : ndarray of shape (n_train,)
    n_features_in_ : int
    """

    def fit(self, X, y):
        """Store the training set and return ``self``."""
        X, y = self._fit(X, y, numeric_y=True)
        self.y_train_ = y.copy()
        return self

    def predict(self, X):
        """The weighted mean target of each query's neighbours, shape ``(n,)``."""
        distances, indices = self.kneighbors(X)
        # BEGIN SOLUTION
        # With w = self._neighbor_weights(distances) (n, k) and the neighbours' targets
        # self.y_train_[indices] (n, k), return sum(w·y, axis=1) / sum(w, axis=1), shape (n,).
        weights = self._neighbor_weights(distances)
        return (weights * self.y_train_[indices]).sum(axis=1) / weights.sum(axis=1)
        # END SOLUTION
