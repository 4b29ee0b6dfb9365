"""Metrics, alternative 2: integer codes, scatter-adds and the ROC curve itself.

Route: labels become integer codes with ``np.unique(..., return_inverse=True)`` (the
``labels`` argument is mapped through a lookup table of those codes); the confusion matrix
is filled with ``np.add.at``; per-class counts come from ``np.bincount``; the ROC AUC is the
trapezoid-rule area under the ROC curve built from the scores sorted in decreasing order,
one point per distinct score (ties make a diagonal segment, hence their half); the log loss
picks each sample's probability with ``np.take_along_axis``; R² uses ``np.array_equal`` and
``np.ptp``. Numeric inputs go through the shared ``check_array``.
"""
import numpy as np

from ._validation import check_array


def _labels_1d(values, name):
    values = np.asarray(values)
    if values.ndim == 2 and values.shape[1] == 1:
        values = values[:, 0]
    if values.ndim != 1 or len(values) == 0:
        raise ValueError(f"{name}: expected a non-empty 1-D array, got shape {values.shape}")
    return values


def _same_length(*arrays):
    if len({len(array) for array in arrays}) != 1:
        raise ValueError(f"inconsistent numbers of samples: {[len(a) for a in arrays]}")


def _targets(y_true, y_pred):
    y_true = check_array(_labels_1d(y_true, "y_true"), name="y_true", ensure_2d=False)
    y_pred = check_array(_labels_1d(y_pred, "y_pred"), name="y_pred", ensure_2d=False)
    _same_length(y_true, y_pred)
    return y_true, y_pred


def accuracy_score(y_true, y_pred):
    y_true, y_pred = _labels_1d(y_true, "y_true"), _labels_1d(y_pred, "y_pred")
    _same_length(y_true, y_pred)
    return float(np.sum(y_true == y_pred)) / len(y_true)


def _codes(y_true, y_pred, labels=None):
    """Integer codes of y_true and y_pred (-1 where not in labels) and the number of labels."""
    n = len(y_true)
    if labels is None:
        _, inverse = np.unique(np.concatenate([y_true, y_pred]), return_inverse=True)
        return inverse[:n], inverse[n:], int(inverse.max()) + 1
    k = len(labels)
    _, inverse = np.unique(np.concatenate([labels, y_true, y_pred]), return_inverse=True)
    table = np.full(inverse.max() + 1, -1)
    table[inverse[:k]] = np.arange(k)
    return table[inverse[k:k + n]], table[inverse[k + n:]], k


def confusion_matrix(y_true, y_pred, labels=None):
    y_true, y_pred = _labels_1d(y_true, "y_true"), _labels_1d(y_pred, "y_pred")
    _same_length(y_true, y_pred)
    if labels is not None:
        labels = np.asarray(labels)
        if labels.ndim != 1 or len(labels) == 0 or len(set(labels.tolist())) != len(labels):
            raise ValueError("labels must be 1-D, non-empty, without repeats")
    true_code, pred_code, k = _codes(y_true, y_pred, labels)
    both = (true_code >= 0) & (pred_code >= 0)
    matrix = np.zeros((k, k), dtype=np.intp)
    np.add.at(matrix, (true_code[both], pred_code[both]), 1)
    return matrix


def _prf(y_true, y_pred, average, pos_label):
    y_true, y_pred = _labels_1d(y_true, "y_true"), _labels_1d(y_pred, "y_pred")
    _same_length(y_true, y_pred)
    if average not in ("binary", "macro", "micro", "weighted"):
        raise ValueError(f"average={average!r} is not supported")
    if average == "binary":
        present = set(np.concatenate([y_true, y_pred]).tolist())
        if len(present) > 2:
            raise ValueError("multiclass data with average='binary'")
        if len(present) == 2 and pos_label not in present:
            raise ValueError(f"pos_label={pos_label!r} is not present")
        true_pos, pred_pos = y_true == pos_label, y_pred == pos_label
        tp = np.array([np.count_nonzero(true_pos & pred_pos)], dtype=float)
        predicted = np.array([np.count_nonzero(pred_pos)], dtype=float)
        support = np.array([np.count_nonzero(true_pos)], dtype=float)
    else:
        true_code, pred_code, k = _codes(y_true, y_pred)
        tp = np.bincount(true_code[true_code == pred_code], minlength=k).astype(float)
        predicted = np.bincount(pred_code, minlength=k).astype(float)
        support = np.bincount(true_code, minlength=k).astype(float)
        if average == "micro":
            tp, predicted, support = (np.array([a.sum()]) for a in (tp, predicted, support))
    precision, recall, f1 = np.zeros_like(tp), np.zeros_like(tp), np.zeros_like(tp)
    np.divide(tp, predicted, out=precision, where=predicted != 0)
    np.divide(tp, support, out=recall, where=support != 0)
    total = precision + recall
    np.divide(2 * precision * recall, total, out=f1, where=total != 0)
    if average == "weighted":
        return tuple(float(np.average(s, weights=support)) for s in (precision, recall, f1))
    return tuple(float(s.mean()) for s in (precision, recall, f1))


def precision_score(y_true, y_pred, *, average="binary", pos_label=1):
    return _prf(y_true, y_pred, average, pos_label)[0]


def recall_score(y_true, y_pred, *, average="binary", pos_label=1):
    return _prf(y_true, y_pred, average, pos_label)[1]


def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    return _prf(y_true, y_pred, average, pos_label)[2]


def roc_auc_score(y_true, y_score):
    y_true = _labels_1d(y_true, "y_true")
    y_score = check_array(_labels_1d(y_score, "y_score"), name="y_score", ensure_2d=False)
    _same_length(y_true, y_score)
    classes = np.unique(y_true)
    if len(classes) != 2:
        raise ValueError("binary y_true needed (exactly two labels)")
    order = np.argsort(-y_score, kind="stable")
    score = y_score[order]
    hit = (y_true[order] == classes[1]).astype(float)
    # the last index of each run of equal scores: one ROC point per distinct threshold
    ends = np.r_[np.flatnonzero(score[1:] != score[:-1]), len(score) - 1]
    tps = np.cumsum(hit)[ends]
    fps = (ends + 1) - tps
    tpr = np.r_[0.0, tps / tps[-1]]
    fpr = np.r_[0.0, fps / fps[-1]]
    return float(np.trapezoid(tpr, fpr))


def log_loss(y_true, p):
    y_true = _labels_1d(y_true, "y_true")
    p = check_array(p, name="p", ensure_2d=False)
    _same_length(y_true, p)
    if p.min() < 0 or p.max() > 1:
        raise ValueError("probabilities must lie in [0, 1]")
    classes, codes = np.unique(y_true, return_inverse=True)
    eps = np.finfo(np.float64).eps
    if p.ndim == 1:
        if len(classes) != 2:
            raise ValueError("a 1-D p is for exactly two labels")
        picked = np.where(codes == 1, p, 1.0 - p)
    elif p.ndim == 2 and p.shape[1] == len(classes) >= 2:
        picked = np.take_along_axis(p, codes[:, None], axis=1)[:, 0]
    else:
        raise ValueError(f"p of shape {p.shape} does not fit {len(classes)} labels")
    return float(np.mean(-np.log(np.clip(picked, eps, 1 - eps))))


def mean_squared_error(y_true, y_pred):
    y_true, y_pred = _targets(y_true, y_pred)
    return float(np.mean(np.square(y_true - y_pred)))


def root_mean_squared_error(y_true, y_pred):
    return float(np.sqrt(mean_squared_error(y_true, y_pred)))


def mean_absolute_error(y_true, y_pred):
    y_true, y_pred = _targets(y_true, y_pred)
    return float(np.mean(np.abs(y_pred - y_true)))


def r2_score(y_true, y_pred):
    y_true, y_pred = _targets(y_true, y_pred)
    if np.ptp(y_true) == 0:
        return 1.0 if np.array_equal(y_true, y_pred) else 0.0
    centred = y_true - y_true.mean()
    return float(1.0 - np.sum(np.square(y_true - y_pred)) / np.sum(np.square(centred)))
