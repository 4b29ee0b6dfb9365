"""Exercise 11: evaluation metrics for classification and regression.

Every function takes ``y_true`` first and returns a float (a Python or numpy float, never a
0-d or 1-element array), except ``confusion_matrix``, which returns an integer array. Each
one equals its scikit-learn namesake in ``sklearn.metrics`` (scikit-learn 1.9), with the
readings below where scikit-learn warns or leaves a choice.

Inputs (all functions):

- ``y_true`` and ``y_pred`` (or ``y_score``, ``p``) are array-likes of one value per sample:
  lists, tuples, numpy arrays of any dtype, read-only arrays. A column ``(n, 1)`` is read as
  ``(n,)``. They must have the same non-zero length, else ``ValueError``. They are never
  modified (sort copies, not the caller's array).
- Classification labels may be any sortable values: ints, non-contiguous ints, strings.
  "The labels" means the sorted union of the values in ``y_true`` and ``y_pred``
  (``np.unique``), unless a function says otherwise.
- Regression targets are converted to finite float64 (NaN or infinity is a ``ValueError``).
- No Python loop over the samples: ``confusion_matrix`` and ``roc_auc_score`` are graded by
  counting function calls and executed lines at two sample sizes. (A loop over the classes
  is allowed; a loop over the thresholds of ``roc_auc_score`` is a loop over samples.)

Classification:

- ``accuracy_score(y_true, y_pred)``: the fraction of samples with ``y_pred == y_true``.
- ``confusion_matrix(y_true, y_pred, labels=None)`` -> integer ndarray ``(K, K)``:
  ``C[i, j]`` counts the samples whose true label is ``labels[i]`` and predicted label is
  ``labels[j]``: rows are true labels, columns predicted ones. ``labels=None`` means the
  sorted labels. A given ``labels`` keeps its order (``K = len(labels)``), a label absent
  from the data gets a zero row and column, and a sample whose true or predicted label is
  not in ``labels`` is left out. ``labels`` must be 1-D, non-empty and without repeats, else
  ``ValueError``.
- ``precision_score``, ``recall_score``, ``f1_score`` ``(y_true, y_pred, *,
  average="binary", pos_label=1)``. For a class ``c``: ``tp`` counts samples with true and
  predicted label ``c``, ``n_pred`` those predicted ``c`` (the column sum of the confusion
  matrix), ``n_true`` those truly ``c`` (the row sum, its *support*).
  ``precision = tp / n_pred``, ``recall = tp / n_true``,
  ``F1 = 2·precision·recall / (precision + recall) = 2·tp / (n_pred + n_true)``.
  Zero division: any ratio whose denominator is 0 is 0.0, without a warning (scikit-learn's
  ``zero_division=0``).

  ``average``:

  - ``"binary"``: the score of the class ``pos_label`` only. The labels must number at most
    two (else ``ValueError``: use another average for multiclass data), and when there are
    two, ``pos_label`` must be one of them (else ``ValueError``; for string labels pass
    ``pos_label="spam"``). If the data hold one label and it is not ``pos_label``, every
    count is 0 and the score is 0.0.
  - ``"macro"``: the unweighted mean of the per-class scores over all the labels (a label
    only predicted, never true, counts with recall 0).
  - ``"weighted"``: the mean of the per-class scores weighted by each class's ``n_true``.
  - ``"micro"``: the score of the summed counts ``sum tp / sum n_pred`` (etc.); for
    single-label data precision, recall and F1 all equal the accuracy.
  - anything else is a ``ValueError``. ``pos_label`` is ignored unless ``"binary"``.

  Example: ``y_true = [0, 0, 0, 1, 2]``, ``y_pred = [0, 0, 1, 1, 1]`` has per-class F1
  ``[0.8, 0.5, 0.0]``: macro 0.4333, micro 0.6, weighted 0.58.
- ``roc_auc_score(y_true, y_score)``: binary only. ``y_true`` must hold exactly two labels
  (one label or three are a ``ValueError``: the AUC is undefined or not binary); the larger
  one (``np.unique(y_true)[1]``, e.g. ``1`` of ``{0, 1}``, ``"spam"`` of ``{"ham",
  "spam"}``) is the positive class. ``y_score`` is any finite real score, higher meaning
  more positive. The AUC is the probability that a random positive scores above a random
  negative, a tie counting one half:
  ``AUC = (#{s_pos > s_neg} + ½·#{s_pos == s_neg}) / (n_pos·n_neg)``
  (the Mann-Whitney U statistic, equal to the area under the ROC curve by the trapezoid
  rule). With ties averaged into ranks ``r`` (1 = lowest score),
  ``AUC = (sum of r over positives - n_pos·(n_pos + 1)/2) / (n_pos·n_neg)``.
  Example: ``y_true = [0, 0, 1, 1]``, ``y_score = [0.1, 0.5, 0.5, 0.8]`` gives 0.875.
- ``log_loss(y_true, p)``: the mean cross-entropy ``-mean_i log P[i, c_i]`` where ``c_i`` is
  the index of ``y_true[i]`` among the sorted labels of ``y_true``. ``p`` is either

  - 1-D ``(n,)``: the probability of the positive class, the larger of exactly two labels in
    ``y_true`` (as ``roc_auc_score``; ``P = [1 - p, p]``), or
  - 2-D ``(n, K)``: one column per label of ``y_true``, in sorted order (as
    ``predict_proba``'s columns follow ``classes_``), with ``K`` equal to the number of
    labels in ``y_true``.

  Anything else is a ``ValueError``: another ``K``, fewer than two labels in ``y_true``,
  probabilities outside ``[0, 1]``, NaN. Each probability is clipped to ``[eps, 1 - eps]``
  with ``eps = np.finfo(np.float64).eps`` (≈ 2.2e-16, what scikit-learn 1.9 uses for
  float64) before the log, so probabilities of exactly 0 and 1 give a finite loss (a sure
  wrong answer costs ``-log(eps)`` ≈ 36.04, a sure right one ``-log(1 - eps)`` ≈ 2.2e-16,
  not 0) and no warning. Rows are used as given (not
  renormalized); the bank passes rows that sum to 1. Inputs are read as float64 whatever
  their dtype, so a float32 ``p`` is clipped at float64's ``eps`` too.

Regression (``y_true``, ``y_pred`` real, residual ``e = y_true - y_pred``):

- ``mean_squared_error = mean(e²)``, ``root_mean_squared_error = sqrt(mean(e²))``,
  ``mean_absolute_error = mean(|e|)``.
- ``r2_score = 1 - sum(e²) / sum((y_true - mean(y_true))²)``. Compute the denominator from
  the centred values (two passes): ``sum(y²) - n·mean²`` cancels catastrophically when the
  targets are large (``1e8 + noise``). A constant ``y_true`` (all values exactly equal, tested
  with ``==``, not by a zero denominator, which round-off can miss: ``[0.1] * 3`` has a mean
  that is not exactly 0.1) gives 1.0 when predicted exactly (``y_pred == y_true`` everywhere)
  and 0.0 otherwise. A single sample is a constant ``y_true`` too (where scikit-learn returns
  NaN with a warning).
"""
import numpy as np

from ._validation import check_array

AVERAGES = ("binary", "macro", "micro", "weighted")


# Input validation (scaffolding) ---------------------------------------------------------------

def _as_1d(values, name):
    """``values`` as a non-empty 1-D array, keeping its dtype; a column ``(n, 1)`` is flattened."""
    array = np.asarray(values)
    if array.ndim == 2 and array.shape[1] == 1:
        array = array[:, 0]
    if array.ndim != 1:
        raise ValueError(f"{name} must be 1-D (n_samples,), got shape {array.shape}")
    if len(array) == 0:
        raise ValueError(f"{name} is empty")
    return array


def _check_same_length(first, second, names):
    if len(first) != len(second):
        raise ValueError(f"{names[0]} and {names[1]} have different lengths: "
                         f"{len(first)} != {len(second)}")


def _check_labels(y_true, y_pred, second="y_pred"):
    """Two 1-D label arrays (any dtype) of the same non-zero length."""
    y_true, y_pred = _as_1d(y_true, "y_true"), _as_1d(y_pred, second)
    _check_same_length(y_true, y_pred, ("y_true", second))
    return y_true, y_pred


def _check_targets(y_true, y_pred):
    """Two 1-D finite float64 arrays of the same non-zero length."""
    y_true = check_array(_as_1d(y_true, "y_true"), name="y_true", ensure_2d=False)
    y_pred = check_array(_as_1d(y_pred, "y_pred"), name="y_pred", ensure_2d=False)
    _check_same_length(y_true, y_pred, ("y_true", "y_pred"))
    return y_true, y_pred


def _check_average(y_true, y_pred, average, pos_label):
    """Raise ``ValueError`` for an unknown ``average`` or an impossible binary problem."""
    if not isinstance(average, str) or average not in AVERAGES:
        raise ValueError(f"average must be one of {AVERAGES}, got {average!r}")
    if average == "binary":
        present = np.unique(np.concatenate([y_true, y_pred]))
        if len(present) > 2:
            raise ValueError(f"average='binary' needs at most two labels, got {len(present)} "
                             f"({present[:5]}); use average='macro', 'micro' or 'weighted'")
        if len(present) == 2 and not np.any(present == pos_label):
            raise ValueError(f"pos_label={pos_label!r} is not one of the labels {present}")


# Classification -------------------------------------------------------------------------------

def accuracy_score(y_true, y_pred):
    """The fraction of samples predicted correctly, a float in ``[0, 1]``."""
    y_true, y_pred = _check_labels(y_true, y_pred)
    # BEGIN SOLUTION
    # Return the fraction of positions where y_pred equals y_true, as a float.
    # Hint: y_true == y_pred is a boolean array of shape (n,); its mean is the fraction.
    return float(np.mean(y_true == y_pred))
    # END SOLUTION


def confusion_matrix(y_true, y_pred, labels=None):
    """Counts ``C[i, j]`` of samples with true label ``labels[i]`` and predicted ``labels[j]``.

    Returns an integer ndarray of shape ``(K, K)``; ``labels=None`` means the sorted union of
    the labels of ``y_true`` and ``y_pred``.
    """
    y_true, y_pred = _check_labels(y_true, y_pred)
    if labels is not None:
        labels = np.asarray(labels)
        if labels.ndim != 1 or len(labels) == 0:
            raise ValueError(f"labels must be a non-empty 1-D list, got shape {labels.shape}")
        if len(np.unique(labels)) != len(labels):
            raise ValueError(f"labels must not repeat a label, got {labels}")
    # BEGIN SOLUTION
    # Build C of shape (K, K), integer dtype: rows are TRUE labels, columns PREDICTED ones.
    # labels=None means the sorted union of the values in y_true and y_pred (np.unique);
    # a given labels keeps its own order, and samples whose true or predicted label is not
    # in labels are left out.
    # Hint: turn each label into its row/column index. np.searchsorted(sorted_labels, y)
    # finds where y sits among sorted labels (map back through np.argsort(labels) when the
    # order is given); check the label found really is y. Then count the pairs
    # (i, j) as the single index i·K + j with np.bincount(..., minlength=K·K) and reshape
    # to (K, K). No loop over samples.
    if labels is None:
        labels = np.unique(np.concatenate([y_true, y_pred]))
    n_labels = len(labels)
    order = np.argsort(labels, kind="stable")
    sorted_labels = labels[order]

    def indices(values):
        """Each value's index in ``labels`` (shape (n,)) and whether it is there at all."""
        position = np.minimum(np.searchsorted(sorted_labels, values), n_labels - 1)
        return order[position], sorted_labels[position] == values

    true_index, true_found = indices(y_true)
    pred_index, pred_found = indices(y_pred)
    kept = true_found & pred_found
    pairs = true_index[kept] * n_labels + pred_index[kept]
    return np.bincount(pairs, minlength=n_labels * n_labels).reshape(n_labels, n_labels)
    # END SOLUTION


def _precision_recall_f1(y_true, y_pred, average, pos_label):
    """``(precision, recall, f1)`` as floats, for one of the ``AVERAGES``."""
    y_true, y_pred = _check_labels(y_true, y_pred)
    _check_average(y_true, y_pred, average, pos_label)
    # BEGIN SOLUTION
    # Count, per class, tp (true and predicted c), n_pred (predicted c) and n_true (truly
    # c), each an array of shape (K,): with C = confusion_matrix(y_true, y_pred) they are
    # the diagonal, the column sums and the row sums. For "binary" use the one class
    # pos_label instead (shape (1,)); for "micro" sum each count over the classes first.
    # Then precision = tp / n_pred, recall = tp / n_true, f1 = 2·tp / (n_pred + n_true),
    # where a zero denominator gives 0.0 with no warning. Finally average over the
    # classes: "macro" the plain mean, "weighted" weights n_true / sum(n_true).
    # Hint: np.divide(a, b, out=np.zeros(len(a)), where=b > 0) divides only where b > 0.
    if average == "binary":
        is_true, is_pred = y_true == pos_label, y_pred == pos_label
        tp = np.array([np.sum(is_true & is_pred)])
        n_pred, n_true = np.array([np.sum(is_pred)]), np.array([np.sum(is_true)])
    else:
        counts = confusion_matrix(y_true, y_pred)
        tp, n_pred, n_true = np.diag(counts), counts.sum(axis=0), counts.sum(axis=1)
        if average == "micro":
            tp, n_pred, n_true = tp.sum(keepdims=True), n_pred.sum(keepdims=True), n_true.sum(keepdims=True)

    def ratio(numerator, denominator):
        return np.divide(numerator, denominator, out=np.zeros(len(numerator)), where=denominator > 0)

    scores = (ratio(tp, n_pred), ratio(tp, n_true), ratio(2 * tp, n_pred + n_true))
    weights = n_true if average == "weighted" else np.ones(len(tp))
    return tuple(float(score @ weights / weights.sum()) for score in scores)
    # END SOLUTION


def precision_score(y_true, y_pred, *, average="binary", pos_label=1):
    """Precision ``tp / (tp + fp)``, averaged as ``average`` says; 0.0 where undefined."""
    return _precision_recall_f1(y_true, y_pred, average, pos_label)[0]


def recall_score(y_true, y_pred, *, average="binary", pos_label=1):
    """Recall ``tp / (tp + fn)``, averaged as ``average`` says; 0.0 where undefined."""
    return _precision_recall_f1(y_true, y_pred, average, pos_label)[1]


def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    """F1, the harmonic mean of precision and recall, averaged as ``average`` says."""
    return _precision_recall_f1(y_true, y_pred, average, pos_label)[2]


def roc_auc_score(y_true, y_score):
    """Area under the ROC curve of a binary problem; tied scores count one half."""
    y_true, y_score = _check_labels(y_true, y_score, second="y_score")
    y_score = check_array(y_score, name="y_score", ensure_2d=False)
    classes = np.unique(y_true)
    if len(classes) != 2:
        raise ValueError(f"roc_auc_score needs exactly two labels in y_true, got {len(classes)}: "
                         f"{classes[:5]}")
    # BEGIN SOLUTION
    # The positive class is classes[1] (the larger label). Return, as a float,
    #   AUC = (sum of the ranks of the positives - n_pos·(n_pos + 1)/2) / (n_pos·n_neg)
    # where rank 1 is the lowest score and tied scores share the average of their ranks
    # (so a tie between a positive and a negative counts one half).
    # Hint: np.unique(y_score, return_inverse=True, return_counts=True) groups the tied
    # scores in increasing order; a group of c scores after m smaller ones has ranks
    # m+1 .. m+c, average m + (c + 1)/2 (np.cumsum of the counts gives m + c). No loop.
    positive = y_true == classes[1]
    _, group, counts = np.unique(y_score, return_inverse=True, return_counts=True)
    average_rank = np.cumsum(counts) - (counts - 1) / 2
    ranks = average_rank[group]
    n_pos = np.count_nonzero(positive)
    n_neg = len(y_true) - n_pos
    return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))
    # END SOLUTION


def log_loss(y_true, p):
    """Mean cross-entropy of predicted probabilities ``p`` (clipped to ``[eps, 1 - eps]``)."""
    y_true = _as_1d(y_true, "y_true")
    p = check_array(p, name="p", ensure_2d=False)
    if p.ndim not in (1, 2):
        raise ValueError(f"p must be 1-D (n,) or 2-D (n, K), got shape {p.shape}")
    _check_same_length(y_true, p, ("y_true", "p"))
    if p.min() < 0.0 or p.max() > 1.0:
        raise ValueError(f"p holds values outside [0, 1]: min {p.min()}, max {p.max()}")
    classes = np.unique(y_true)
    n_columns = 2 if p.ndim == 1 else p.shape[1]
    if len(classes) < 2 or len(classes) != n_columns:
        raise ValueError(f"y_true holds {len(classes)} labels {classes[:5]} but p gives "
                         f"{'a 1-D (binary)' if p.ndim == 1 else p.shape[1]} column(s): a 1-D p "
                         "needs exactly two labels, a 2-D p one column per label")
    # BEGIN SOLUTION
    # A 1-D p is the probability of classes[1]: make it the (n, 2) matrix [1 - p, p].
    # Column c of the (n, K) matrix belongs to classes[c] (sorted labels). Pick for each
    # sample the probability of its true class (its column index is
    # np.searchsorted(classes, y_true)), clip it to [eps, 1 - eps] with
    # eps = np.finfo(np.float64).eps, and return the mean of -log of it, as a float.
    # Hint: P[np.arange(n), columns] picks one entry per row; clip BEFORE the log, so
    # that p = 0 costs -log(eps) ≈ 36.04 instead of log(0) = -inf.
    probabilities = np.column_stack([1.0 - p, p]) if p.ndim == 1 else p
    columns = np.searchsorted(classes, y_true)
    picked = probabilities[np.arange(len(y_true)), columns]
    eps = np.finfo(np.float64).eps
    return float(-np.mean(np.log(np.clip(picked, eps, 1.0 - eps))))
    # END SOLUTION


# Regression -----------------------------------------------------------------------------------

def mean_squared_error(y_true, y_pred):
    """``mean((y_true - y_pred)²)``, a float."""
    y_true, y_pred = _check_targets(y_true, y_pred)
    # BEGIN SOLUTION
    # Return the mean of the squared residuals (y_true - y_pred)², a float; y_true and
    # y_pred have shape (n,). Hint: y_true - y_pred is a new array; never update y_true
    # in place (y_true -= ...): it is the caller's array.
    return float(np.mean((y_true - y_pred) ** 2))
    # END SOLUTION


def root_mean_squared_error(y_true, y_pred):
    """``sqrt(mean((y_true - y_pred)²))``, a float."""
    y_true, y_pred = _check_targets(y_true, y_pred)
    # BEGIN SOLUTION
    # Return the square root of the mean squared error, a float (y_true, y_pred: (n,)).
    # Hint: np.sqrt of the mean of (y_true - y_pred)².
    return float(np.sqrt(np.mean((y_true - y_pred) ** 2)))
    # END SOLUTION


def mean_absolute_error(y_true, y_pred):
    """``mean(|y_true - y_pred|)``, a float."""
    y_true, y_pred = _check_targets(y_true, y_pred)
    # BEGIN SOLUTION
    # Return the mean of the absolute residuals |y_true - y_pred|, a float (shapes (n,)).
    # Hint: np.abs, not a square.
    return float(np.mean(np.abs(y_true - y_pred)))
    # END SOLUTION


def r2_score(y_true, y_pred):
    """Coefficient of determination ``1 - SS_res / SS_tot``, a float."""
    y_true, y_pred = _check_targets(y_true, y_pred)
    # BEGIN SOLUTION
    # SS_res = sum((y_true - y_pred)²) and SS_tot = sum((y_true - mean(y_true))²): centre
    # first, never sum(y²) - n·mean², which cancels for large targets. Return
    # 1 - SS_res / SS_tot as a float. A constant y_true (every value == y_true[0]; test this
    # exactly, SS_tot can come out as a tiny non-zero number) gives 1.0 if y_pred == y_true
    # everywhere and 0.0 otherwise.
    residual_sum = np.sum((y_true - y_pred) ** 2)
    if np.all(y_true == y_true[0]):
        return 1.0 if np.all(y_pred == y_true) else 0.0
    total_sum = np.sum((y_true - np.mean(y_true)) ** 2)
    return float(1.0 - residual_sum / total_sum)
    # END SOLUTION
