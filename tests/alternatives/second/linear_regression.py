"""Exercise 01 from the singular value decomposition, with validation of its own:
least squares and ridge both as V·diag(f(s))·Uᵀy, gradient descent as a fixed-point loop."""
import numpy as np


class NotFittedError(ValueError, AttributeError):
    pass


def _matrix(X):
    X = np.array(X, dtype=float)
    if X.ndim != 2 or not np.all(np.isfinite(X)):
        raise ValueError("X must be a finite 2-D array")
    return X


def _data(X, y):
    X, y = _matrix(X), np.array(y, dtype=float).reshape(-1)
    if len(y) != len(X) or not np.all(np.isfinite(y)):
        raise ValueError("y must be finite with one value per row of X")
    return X, y


def _svd_solve(Xc, yc, alpha):
    U, s, Vt = np.linalg.svd(Xc, full_matrices=False)
    if alpha > 0:
        factor = s / (s ** 2 + alpha)
    else:
        keep = s > s.max(initial=0.0) * max(Xc.shape) * np.finfo(float).eps
        factor = np.where(keep, 1.0 / np.where(keep, s, 1.0), 0.0)
    return Vt.T @ (factor * (U.T @ yc))


class _Model:
    _estimator_type = "regressor"

    def _solve(self, X, y, alpha):
        X, y = _data(X, y)
        if self.fit_intercept:
            means = X.mean(0)
            coef = _svd_solve(X - means, y - y.mean(), alpha)
            self.intercept_ = float(y.mean() - means @ coef)
        else:
            coef = _svd_solve(X, y, alpha)
            self.intercept_ = 0.0
        self.coef_, self.n_features_in_ = coef, X.shape[1]
        return self

    def predict(self, X):
        if not hasattr(self, "coef_"):
            raise NotFittedError("fit first")
        X = _matrix(X)
        if X.shape[1] != self.n_features_in_:
            raise ValueError("wrong number of features")
        return X @ self.coef_ + self.intercept_

    def score(self, X, y):
        y = np.asarray(y, dtype=float)
        return 1 - np.sum((y - self.predict(X)) ** 2) / np.sum((y - y.mean()) ** 2)


class LinearRegression(_Model):
    def __init__(self, fit_intercept=True):
        self.fit_intercept = fit_intercept

    def fit(self, X, y):
        return self._solve(X, y, 0.0)


class Ridge(_Model):
    def __init__(self, alpha=1.0, fit_intercept=True):
        self.alpha, self.fit_intercept = alpha, fit_intercept

    def fit(self, X, y):
        if self.alpha < 0:
            raise ValueError("alpha must be >= 0")
        return self._solve(X, y, self.alpha)


def mse_loss_and_gradient(X, y, w, b, alpha=0.0):
    X, y = _data(X, y)
    w = np.asarray(w, dtype=float)
    n = len(y)
    r = X @ w + (b - y)
    return (float(np.dot(r, r) / n / 2 + alpha * np.dot(w, w) / 2),
            (X.T @ r) / n + alpha * w, float(np.sum(r) / n))


class LinearRegressionGD(_Model):
    def __init__(self, learning_rate=0.01, n_iters=1000, alpha=0.0, fit_intercept=True):
        self.learning_rate, self.n_iters = learning_rate, n_iters
        self.alpha, self.fit_intercept = alpha, fit_intercept

    def fit(self, X, y):
        if self.learning_rate <= 0 or self.n_iters < 1 or self.alpha < 0:
            raise ValueError("learning_rate > 0, n_iters >= 1 and alpha >= 0 are required")
        X, y = _data(X, y)
        w, b, history = np.zeros(X.shape[1]), 0.0, np.empty(self.n_iters)
        for t in range(self.n_iters):
            history[t], dw, db = mse_loss_and_gradient(X, y, w, b, self.alpha)
            w, b = w - self.learning_rate * dw, b - self.learning_rate * db * self.fit_intercept
        self.coef_, self.intercept_, self.n_features_in_ = w, float(b), X.shape[1]
        self.loss_history_ = history
        return self
