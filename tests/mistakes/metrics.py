"""Known mistakes in exercise 11, metrics."""
from tests.mistakes import Mistake

PAIRS = "pairs = true_index[kept] * n_labels + pred_index[kept]"
SCORES = "scores = (ratio(tp, n_pred), ratio(tp, n_true), ratio(2 * tp, n_pred + n_true))"
RANKS = """    _, group, counts = np.unique(y_score, return_inverse=True, return_counts=True)
    average_rank = np.cumsum(counts) - (counts - 1) / 2
    ranks = average_rank[group]
    n_pos = np.count_nonzero(positive)
    n_neg = len(y_true) - n_pos
    return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))
"""
R2_TAIL = """    if np.all(y_true == y_true[0]):
        return 1.0 if np.all(y_pred == y_true) else 0.0
    total_sum = np.sum((y_true - np.mean(y_true)) ** 2)
"""

MISTAKES = [
    # confusion matrix ---------------------------------------------------------------------
    Mistake(
        "confusion_matrix_transposed", "correctness",
        "counts C[pred, true]: rows predicted, columns true",
        {PAIRS: "pairs = pred_index[kept] * n_labels + true_index[kept]"},
    ),
    Mistake(
        "labels_from_y_true_only", "shapes",
        "takes the labels from y_true alone: a label only ever predicted has no column",
        {"labels = np.unique(np.concatenate([y_true, y_pred]))": "labels = np.unique(y_true)"},
    ),
    Mistake(
        "labels_argument_sorted", "correctness",
        "sorts the labels argument instead of keeping its order",
        {"    n_labels = len(labels)\n": "    labels = np.sort(labels)\n    n_labels = len(labels)\n"},
    ),
    Mistake(
        "labels_outside_the_list_counted", "correctness",
        "never checks that a sample's label is in labels: it lands in the nearest row or column",
        {"kept = true_found & pred_found": "kept = np.ones(len(y_true), dtype=bool)"},
    ),
    Mistake(
        "confusion_matrix_of_floats", "shapes",
        "builds the counts in a float array (np.zeros((K, K)) then += 1)",
        {"minlength=n_labels * n_labels).reshape(n_labels, n_labels)":
         "minlength=n_labels * n_labels).reshape(n_labels, n_labels).astype(float)"},
    ),
    Mistake(
        "confusion_matrix_loops_over_samples", "vectorization",
        "fills the matrix with a Python loop over the samples",
        {"    return np.bincount(pairs, minlength=n_labels * n_labels).reshape(n_labels, n_labels)\n":
         "    counts = np.zeros((n_labels, n_labels), dtype=np.int64)\n"
         "    for i, j in zip(true_index[kept].tolist(), pred_index[kept].tolist()):\n"
         "        counts[i, j] += 1\n"
         "    return counts\n"},
    ),
    # precision / recall / F1 --------------------------------------------------------------
    Mistake(
        "precision_and_recall_swapped", "correctness",
        "divides tp by the row sums for precision and by the column sums for recall",
        {SCORES: "scores = (ratio(tp, n_true), ratio(tp, n_pred), ratio(2 * tp, n_pred + n_true))"},
    ),
    Mistake(
        "macro_computed_as_micro", "correctness",
        "sums the counts over the classes for 'macro' too",
        {'if average == "micro":': 'if average in ("micro", "macro"):'},
    ),
    Mistake(
        "weighted_by_predicted_counts", "correctness",
        "weights the per-class scores by the number of predictions instead of the support",
        {'weights = n_true if average == "weighted"': 'weights = n_pred if average == "weighted"'},
    ),
    Mistake(
        "f1_as_the_arithmetic_mean", "correctness",
        "F1 = (precision + recall) / 2 instead of the harmonic mean",
        {SCORES: "scores = (ratio(tp, n_pred), ratio(tp, n_true), "
                 "(ratio(tp, n_pred) + ratio(tp, n_true)) / 2)"},
    ),
    Mistake(
        "zero_division_gives_nan", "edge_cases",
        "divides plainly: 0/0 is NaN with a RuntimeWarning",
        {"return np.divide(numerator, denominator, out=np.zeros(len(numerator)), where=denominator > 0)":
         "return numerator / denominator"},
    ),
    Mistake(
        "pos_label_ignored", "correctness",
        "binary scores always use the label 1 as the positive class",
        {"is_true, is_pred = y_true == pos_label, y_pred == pos_label":
         "is_true, is_pred = y_true == 1, y_pred == 1"},
    ),
    Mistake(
        "binary_counts_loop_over_samples", "vectorization",
        "counts the binary tp with a Python generator over the samples",
        {"tp = np.array([np.sum(is_true & is_pred)])":
         "tp = np.array([sum(1 for t, q in zip(is_true, is_pred) if t and q)])"},
    ),
    Mistake(
        "accuracy_as_an_array", "shapes",
        "returns np.mean(..., keepdims=True): an array of one element, not a float",
        {"return float(np.mean(y_true == y_pred))": "return np.mean(y_true == y_pred, keepdims=True)"},
    ),
    # ROC AUC ------------------------------------------------------------------------------
    Mistake(
        "roc_ties_not_averaged", "correctness",
        "ranks by argsort, so tied scores get distinct ranks by position instead of one half",
        {"    _, group, counts = np.unique(y_score, return_inverse=True, return_counts=True)\n"
         "    average_rank = np.cumsum(counts) - (counts - 1) / 2\n"
         "    ranks = average_rank[group]\n":
         "    ranks = np.empty(len(y_score))\n"
         "    ranks[np.argsort(y_score, kind=\"stable\")] = np.arange(1, len(y_score) + 1)\n"},
    ),
    Mistake(
        "roc_smaller_label_positive", "correctness",
        "takes the first sorted label as the positive class: returns 1 - AUC",
        {"positive = y_true == classes[1]": "positive = y_true == classes[0]"},
    ),
    Mistake(
        "roc_scores_rescaled", "stability",
        "rescales the scores to [0, 1] first: max - min overflows for huge scores",
        {"    _, group, counts = np.unique(y_score, return_inverse=True, return_counts=True)\n":
         "    y_score = (y_score - y_score.min()) / (y_score.max() - y_score.min())\n"
         "    _, group, counts = np.unique(y_score, return_inverse=True, return_counts=True)\n"},
    ),
    Mistake(
        "roc_loops_over_thresholds", "vectorization",
        "sweeps the thresholds (one per distinct score) in a Python loop, trapezoid rule",
        {RANKS: """    n_pos = np.count_nonzero(positive)
    n_neg = len(y_true) - n_pos
    tpr, fpr = [0.0], [0.0]
    for threshold in np.unique(y_score)[::-1]:
        above = y_score >= threshold
        tpr.append(np.count_nonzero(above & positive) / n_pos)
        fpr.append(np.count_nonzero(above & ~positive) / n_neg)
    return float(np.trapezoid(tpr, fpr))
"""},
    ),
    Mistake(
        "roc_sorts_the_caller_scores", "edge_cases",
        "sorts y_score in place (with y_true alongside) to rank it: the caller's array changes",
        {"    positive = y_true == classes[1]\n":
         "    order = np.argsort(y_score, kind=\"stable\")\n"
         "    y_score.sort()\n"
         "    y_true = y_true[order]\n"
         "    positive = y_true == classes[1]\n"},
    ),
    # log loss -----------------------------------------------------------------------------
    Mistake(
        "log_loss_not_clipped", "stability",
        "takes log(p) without clipping: p = 0 gives inf and a divide-by-zero warning",
        {"np.log(np.clip(picked, eps, 1.0 - eps))": "np.log(picked)"},
    ),
    Mistake(
        "log_loss_old_epsilon", "stability",
        "clips at 1e-15 (scikit-learn's old default) instead of the float64 machine epsilon",
        {"    eps = np.finfo(np.float64).eps\n    return": "    eps = 1e-15\n    return"},
    ),
    Mistake(
        "log_loss_clipped_below_only", "stability",
        "np.log(np.maximum(p, eps)): finite, but a sure right answer costs 0 instead of "
        "-log(1 - eps), so the loss of certain predictions differs from scikit-learn's",
        {"np.log(np.clip(picked, eps, 1.0 - eps))": "np.log(np.maximum(picked, eps))"},
    ),
    Mistake(
        "log_loss_1d_p_as_the_negative_class", "correctness",
        "reads a 1-D p as the probability of the first label",
        {"np.column_stack([1.0 - p, p])": "np.column_stack([p, 1.0 - p])"},
    ),
    Mistake(
        "log_loss_columns_in_order_of_appearance", "correctness",
        "maps labels to columns in the order they first appear in y_true, not sorted",
        {"columns = np.searchsorted(classes, y_true)":
         "_, first = np.unique(y_true, return_index=True)\n"
         "    columns = np.argsort(np.argsort(first))[np.searchsorted(classes, y_true)]"},
    ),
    Mistake(
        "log_loss_summed", "correctness",
        "returns the sum of the per-sample losses instead of their mean",
        {"return float(-np.mean(np.log(np.clip(picked, eps, 1.0 - eps))))":
         "return float(-np.sum(np.log(np.clip(picked, eps, 1.0 - eps))))"},
    ),
    # regression ---------------------------------------------------------------------------
    Mistake(
        "rmse_without_the_root", "correctness",
        "root_mean_squared_error returns the MSE",
        {"return float(np.sqrt(np.mean((y_true - y_pred) ** 2)))": "return float(np.mean((y_true - y_pred) ** 2))"},
    ),
    Mistake(
        "mae_squares_the_residuals", "correctness",
        "mean_absolute_error averages squared residuals",
        {"return float(np.mean(np.abs(y_true - y_pred)))": "return float(np.mean((y_true - y_pred) ** 2))"},
    ),
    Mistake(
        "mse_residual_in_place", "edge_cases",
        "y_true -= y_pred: the caller's float64 array is overwritten (and a read-only one fails)",
        {"    return float(np.mean((y_true - y_pred) ** 2))\n    # END SOLUTION\n\n\ndef root":
         "    y_true -= y_pred\n    return float(np.mean(y_true ** 2))\n    # END SOLUTION\n\n\ndef root"},
    ),
    Mistake(
        "r2_uncentred_denominator", "correctness",
        "SS_tot = sum(y²) instead of sum((y - mean)²)",
        {"total_sum = np.sum((y_true - np.mean(y_true)) ** 2)": "total_sum = np.sum(y_true ** 2)"},
    ),
    Mistake(
        "r2_one_pass_total_sum", "stability",
        "SS_tot = sum(y²) - n·mean²: catastrophic cancellation for large targets",
        {"total_sum = np.sum((y_true - np.mean(y_true)) ** 2)":
         "total_sum = np.sum(y_true ** 2) - len(y_true) * np.mean(y_true) ** 2"},
    ),
    Mistake(
        "r2_constant_detected_by_a_zero_denominator", "edge_cases",
        "tests SS_tot == 0 instead of equal values: round-off makes SS_tot of [0.1]·7 non-zero",
        {R2_TAIL: """    total_sum = np.sum((y_true - np.mean(y_true)) ** 2)
    if total_sum == 0:
        return 1.0 if residual_sum == 0 else 0.0
"""},
    ),
    Mistake(
        "r2_no_constant_case", "edge_cases",
        "no special case: a constant y_true divides by zero (inf or NaN, with a warning)",
        {R2_TAIL: "    total_sum = np.sum((y_true - np.mean(y_true)) ** 2)\n"},
    ),
]
