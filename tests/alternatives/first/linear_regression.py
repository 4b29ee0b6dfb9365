"""Exercise 01 by other routes: the pseudo-inverse for least squares, the normal equations
with np.linalg.solve for ridge, and gradient descent with in-place updates of its own arrays."""
import numpy as np

from ._base import RegressorMixin
from ._validation import check_array, check_is_fitted, check_n_features, check_scalar, check_X_y


class _Linear(RegressorMixin):
    def predict(self, X):
        check_is_fitted(self, "coef_")
        X = check_array(X)
        check_n_features(self, X)
        return np.dot(X, self.coef_) + self.intercept_

    def _store(self, coef, intercept, n_features):
        self.coef_, self.intercept_, self.n_features_in_ = coef, float(intercept), n_features
        return self


def _centre(X, y, fit_intercept):
    if not fit_intercept:
        return X, y, np.zeros(X.shape[1]), 0.0
    mx, my = np.mean(X, axis=0), np.mean(y)
    return X - mx, y - my, mx, my


class LinearRegression(_Linear):
    def __init__(self, fit_intercept=True):
        self.fit_intercept = fit_intercept

    def fit(self, X, y):
        X, y = check_X_y(X, y)
        Xc, yc, mx, my = _centre(X, y, self.fit_intercept)
        coef = np.linalg.pinv(Xc) @ yc
        return self._store(coef, my - mx @ coef, X.shape[1])


class Ridge(_Linear):
    def __init__(self, alpha=1.0, fit_intercept=True):
        self.alpha, self.fit_intercept = alpha, fit_intercept

    def fit(self, X, y):
        check_scalar(self.alpha, "alpha", low=0.0)
        X, y = check_X_y(X, y)
        Xc, yc, mx, my = _centre(X, y, self.fit_intercept)
        if self.alpha == 0:
            coef = np.linalg.pinv(Xc) @ yc
        else:
            gram = Xc.T @ Xc + self.alpha * np.identity(X.shape[1])
            coef = np.linalg.solve(gram, Xc.T @ yc)
        return self._store(coef, my - mx @ coef, X.shape[1])


def mse_loss_and_gradient(X, y, w, b, alpha=0.0):
    X, y = check_X_y(X, y)
    w = check_array(w, name="w", ensure_2d=False)
    if w.shape != (X.shape[1],):
        raise ValueError("w has the wrong shape")
    r = np.dot(X, w) + b - y
    loss = 0.5 * np.mean(r ** 2) + 0.5 * alpha * np.sum(w ** 2)
    return float(loss), np.dot(r, X) / len(r) + alpha * w, float(np.mean(r))


class LinearRegressionGD(_Linear):
    def __init__(self, learning_rate=0.01, n_iters=1000, alpha=0.0, fit_intercept=True):
        self.learning_rate, self.n_iters = learning_rate, n_iters
        self.alpha, self.fit_intercept = alpha, fit_intercept

    def fit(self, X, y):
        check_scalar(self.learning_rate, "learning_rate", low=0.0, low_inclusive=False)
        if not isinstance(self.n_iters, int) or self.n_iters < 1:
            raise ValueError("n_iters must be a positive int")
        check_scalar(self.alpha, "alpha", low=0.0)
        X, y = check_X_y(X, y)
        w, b = np.zeros(X.shape[1]), 0.0
        self.loss_history_ = []
        for _ in range(self.n_iters):
            loss, dw, db = mse_loss_and_gradient(X, y, w, b, self.alpha)
            self.loss_history_.append(loss)
            w -= self.learning_rate * dw
            b -= self.learning_rate * db if self.fit_intercept else 0.0
        return self._store(w, b, X.shape[1])
