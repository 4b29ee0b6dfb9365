"""Metrics, alternative 1: one-hot indicator matrices and pairwise comparisons.

Route: the confusion matrix is the product ``Tᵀ P`` of the one-hot indicator matrices of
the true and predicted labels (samples outside ``labels`` have all-zero rows and drop out by
themselves); precision, recall and F1 loop over the classes (allowed: not over samples)
with boolean masks and the harmonic mean ``2PR / (P + R)``; the ROC AUC compares every
positive score with every negative score at once (an ``(n_pos, n_neg)`` boolean matrix);
the log loss is ``-mean(sum(Y * log(clip(P))))`` with a one-hot ``Y``; R² uses ``np.var``.
Validation is written here, without the shared helper module.
"""
import math

import numpy as np

_AVERAGES = {"binary", "macro", "micro", "weighted"}


def _vector(values, name):
    values = np.asarray(values)
    if values.ndim == 2 and values.shape[1] == 1:
        values = values.ravel()
    if values.ndim != 1 or values.size == 0:
        raise ValueError(f"{name} must be a non-empty 1-D array, got shape {values.shape}")
    return values


def _pair(a, b, names=("y_true", "y_pred")):
    a, b = _vector(a, names[0]), _vector(b, names[1])
    if a.shape != b.shape:
        raise ValueError(f"{names[0]} has {a.size} samples but {names[1]} has {b.size}")
    return a, b


def _real(values, name):
    try:
        values = values.astype(np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be numeric") from None
    if not np.isfinite(values).all():
        raise ValueError(f"{name} has NaN or infinite values")
    return values


def _real_pair(a, b):
    a, b = _pair(a, b)
    return _real(a, "y_true"), _real(b, "y_pred")


def _one_hot(values, labels):
    return (values[:, None] == labels[None, :]).astype(np.int64)


def accuracy_score(y_true, y_pred):
    y_true, y_pred = _pair(y_true, y_pred)
    return np.count_nonzero(y_true == y_pred) / y_true.size


def confusion_matrix(y_true, y_pred, labels=None):
    y_true, y_pred = _pair(y_true, y_pred)
    if labels is None:
        labels = np.union1d(y_true, y_pred)
    else:
        labels = np.asarray(labels)
        if labels.ndim != 1 or labels.size == 0 or np.unique(labels).size != labels.size:
            raise ValueError("labels must be a non-empty 1-D list of distinct labels")
    return _one_hot(y_true, labels).T @ _one_hot(y_pred, labels)


def _scores(y_true, y_pred, average, pos_label):
    y_true, y_pred = _pair(y_true, y_pred)
    if average not in _AVERAGES:
        raise ValueError(f"unknown average {average!r}")
    labels = np.union1d(y_true, y_pred)
    if average == "binary":
        if labels.size > 2:
            raise ValueError("average='binary' is for two labels at most")
        if labels.size == 2 and pos_label not in labels.tolist():
            raise ValueError(f"pos_label {pos_label!r} is not a label")
        classes = [pos_label]
    else:
        classes = labels.tolist()
    counts = []
    for label in classes:
        is_true, is_pred = y_true == label, y_pred == label
        counts.append((int(np.sum(is_true & is_pred)), int(np.sum(is_pred)), int(np.sum(is_true))))
    if average == "micro":
        counts = [tuple(map(sum, zip(*counts)))]
    per_class = []
    for tp, predicted, actual in counts:
        precision = tp / predicted if predicted else 0.0
        recall = tp / actual if actual else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class.append((precision, recall, f1))
    weights = [actual for _, _, actual in counts] if average == "weighted" else [1] * len(counts)
    total = sum(weights)
    return tuple(sum(w * s[k] for w, s in zip(weights, per_class)) / total for k in range(3))


def precision_score(y_true, y_pred, *, average="binary", pos_label=1):
    return _scores(y_true, y_pred, average, pos_label)[0]


def recall_score(y_true, y_pred, *, average="binary", pos_label=1):
    return _scores(y_true, y_pred, average, pos_label)[1]


def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    return _scores(y_true, y_pred, average, pos_label)[2]


def roc_auc_score(y_true, y_score):
    y_true, y_score = _pair(y_true, y_score, ("y_true", "y_score"))
    y_score = _real(y_score, "y_score")
    classes = np.unique(y_true)
    if classes.size != 2:
        raise ValueError("roc_auc_score is for exactly two labels in y_true")
    positive = y_true == classes[1]
    pos, neg = y_score[positive], y_score[~positive]
    wins = np.count_nonzero(pos[:, None] > neg[None, :])
    ties = np.count_nonzero(pos[:, None] == neg[None, :])
    return (wins + 0.5 * ties) / (pos.size * neg.size)


def log_loss(y_true, p):
    y_true = _vector(y_true, "y_true")
    p = _real(np.asarray(p), "p")
    if p.ndim == 1:
        p = np.stack([1.0 - p, p], axis=1)
        if np.unique(y_true).size != 2:
            raise ValueError("a 1-D p needs exactly two labels in y_true")
    if p.ndim != 2 or p.shape[0] != y_true.size:
        raise ValueError("p must have one row per sample")
    if (p < 0).any() or (p > 1).any():
        raise ValueError("p must hold probabilities in [0, 1]")
    classes = np.unique(y_true)
    if classes.size < 2 or classes.size != p.shape[1]:
        raise ValueError("p needs one column per label of y_true")
    eps = np.finfo(np.float64).eps
    Y = _one_hot(y_true, classes)
    return float(-np.mean(np.sum(Y * np.log(np.clip(p, eps, 1 - eps)), axis=1)))


def mean_squared_error(y_true, y_pred):
    y_true, y_pred = _real_pair(y_true, y_pred)
    error = y_true - y_pred
    return float(np.dot(error, error) / error.size)


def root_mean_squared_error(y_true, y_pred):
    return math.sqrt(mean_squared_error(y_true, y_pred))


def mean_absolute_error(y_true, y_pred):
    y_true, y_pred = _real_pair(y_true, y_pred)
    return float(np.abs(y_true - y_pred).sum() / y_true.size)


def r2_score(y_true, y_pred):
    y_true, y_pred = _real_pair(y_true, y_pred)
    if y_true.min() == y_true.max():
        return 1.0 if (y_true == y_pred).all() else 0.0
    error = y_true - y_pred
    return float(1.0 - np.dot(error, error) / (y_true.size * np.var(y_true)))
