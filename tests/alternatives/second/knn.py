"""k-NN, alternative 2: a loop over features, a loop over classes.

Route: squared distances accumulated one feature at a time (a loop over the d features,
never over samples: each step is an (n_A, n_B) outer difference), so memory stays
(n_A, n_B); neighbours by a mergesort of each row; distance weights by ``np.divide`` with
``where=``; votes as one weighted sum per class (a loop over the K classes); the regressor
by ``np.average``. Validation by the shared helpers.
"""
import numbers

import numpy as np

from ._base import ClassifierMixin, RegressorMixin
from ._validation import check_array, check_is_fitted, check_n_features, check_scalar, check_X_y


def euclidean_distances(A, B):
    A = check_array(A, name="A")
    B = check_array(B, name="B")
    if A.shape[1] != B.shape[1]:
        raise ValueError("A and B must have the same number of columns")
    squared = np.zeros((A.shape[0], B.shape[0]))
    for j in range(A.shape[1]):
        step = np.subtract.outer(A[:, j], B[:, j])
        squared += step * step
    return np.sqrt(squared)


class _Neighbours:
    def __init__(self, n_neighbors=5, weights="uniform"):
        self.n_neighbors = n_neighbors
        self.weights = weights

    def _validate(self, X, y, numeric):
        check_scalar(self.n_neighbors, "n_neighbors", kind=numbers.Integral, low=1)
        if self.weights != "uniform" and self.weights != "distance":
            raise ValueError("weights must be 'uniform' or 'distance'")
        X, y = check_X_y(X, y, numeric_y=numeric)
        check_scalar(self.n_neighbors, "n_neighbors", kind=numbers.Integral, high=X.shape[0])
        self.train_ = X.copy()
        self.n_features_in_ = X.shape[1]
        return y

    def _find(self, X):
        check_is_fitted(self, "train_")
        X = check_array(X)
        check_n_features(self, X)
        D = euclidean_distances(X, self.train_)
        ranked = np.argsort(D, axis=1, kind="mergesort")
        chosen = ranked[:, : self.n_neighbors]
        rows = np.arange(len(D))[:, None]
        distances = D[rows, chosen]
        if self.weights == "uniform":
            weights = np.ones(chosen.shape)
        else:
            weights = np.divide(1.0, distances, out=np.zeros_like(distances), where=distances > 0)
            on_top = (distances == 0).any(axis=1)
            weights[on_top] = (distances[on_top] == 0).astype(float)
        return chosen, weights


class KNeighborsClassifier(ClassifierMixin, _Neighbours):
    def fit(self, X, y):
        y = self._validate(X, y, numeric=False)
        self.classes_ = np.unique(y)
        self.codes_ = np.searchsorted(self.classes_, y)
        return self

    def _votes(self, X):
        chosen, weights = self._find(X)
        codes = self.codes_[chosen]
        votes = np.empty((len(chosen), len(self.classes_)))
        for c in range(len(self.classes_)):
            votes[:, c] = np.where(codes == c, weights, 0.0).sum(axis=1)
        return votes

    def predict_proba(self, X):
        votes = self._votes(X)
        return votes / votes.sum(axis=1, keepdims=True)

    def predict(self, X):
        return self.classes_[np.argmax(self._votes(X), axis=1)]


class KNeighborsRegressor(RegressorMixin, _Neighbours):
    def fit(self, X, y):
        self.targets_ = self._validate(X, y, numeric=True).copy()
        return self

    def predict(self, X):
        chosen, weights = self._find(X)
        return np.average(self.targets_[chosen], axis=1, weights=weights)
