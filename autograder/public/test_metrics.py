"""Public tests of exercise 11, metrics (20 of its 100 points)."""
import numpy as np
import pytest
from sklearn import metrics

from autograder.checks import expect_array, expect_equal, expect_float, no_float_warnings

CLOSE = {"rtol": 1e-9, "atol": 1e-12}
EPS = np.finfo(np.float64).eps


@pytest.mark.points(3, "shapes")
def test_metrics_return_floats_and_the_confusion_matrix_an_integer_array(impl):
    y_true, y_pred = [2, 0, 1, 1, 0, 2], [2, 1, 1, 0, 0, 2]
    targets, predictions = [1.0, 2.5, -1.0, 4.0], [1.5, 2.0, -1.0, 3.0]
    accuracy = metrics.accuracy_score(y_true, y_pred)
    f1 = metrics.f1_score(y_true, y_pred, average="macro", zero_division=0)
    mse = metrics.mean_squared_error(targets, predictions)
    expected_matrix = metrics.confusion_matrix(y_true, y_pred)

    hint = "return a single number with float(...), not an array of one element"
    expect_float(impl.accuracy_score(y_true, y_pred), accuracy, "accuracy_score", **CLOSE, hint=hint)
    expect_float(impl.f1_score(y_true, y_pred, average="macro"), f1, "f1_score(average='macro')",
                 **CLOSE, hint=hint)
    expect_float(impl.mean_squared_error(targets, predictions), mse, "mean_squared_error", **CLOSE,
                 hint=hint)
    matrix = impl.confusion_matrix(y_true, y_pred)
    expect_array(matrix, (3, 3), "confusion_matrix of labels {0, 1, 2}", kind="iu",
                 hint="one row and one column per label, holding integer counts (np.bincount gives ints)")
    expect_equal(matrix, expected_matrix, "confusion_matrix",
                 hint="C[i, j] counts the samples of true label i predicted as label j")


@pytest.mark.points(5, "correctness")
def test_confusion_matrix_rows_are_true_labels_and_columns_predicted(impl):
    y_true, y_pred = [0, 0, 1, 2], [0, 1, 1, 1]
    # C[i, j] = #(true i, predicted j): (0,0) once, (0,1) once, (1,1) once, (2,1) once.
    expected = np.array([[1, 1, 0], [0, 1, 0], [0, 1, 0]])
    matrix = impl.confusion_matrix(y_true, y_pred)
    expect_equal(matrix, expected, "confusion_matrix([0, 0, 1, 2], [0, 1, 1, 1])",
                 hint="rows are TRUE labels and columns PREDICTED ones: C[true, pred] += 1; "
                      "the transposed matrix counts C[pred, true]")
    expect_float(impl.accuracy_score(y_true, y_pred), 0.5, "accuracy_score", **CLOSE,
                 hint="accuracy is the fraction of samples with y_pred == y_true (2 of 4 here)")


@pytest.mark.points(4, "correctness")
def test_macro_micro_and_weighted_averages_on_a_worked_example(impl):
    y_true, y_pred = [0, 0, 0, 1, 2], [0, 0, 1, 1, 1]
    # Per class (0, 1, 2): tp = (2, 1, 0), predicted = (2, 3, 0), true = (3, 1, 1).
    # precision = (1, 1/3, 0/0 -> 0), recall = (2/3, 1, 0), F1 = 2tp/(pred + true) = (0.8, 0.5, 0).
    expected = {
        ("precision_score", "macro"): 4 / 9,
        ("recall_score", "macro"): 5 / 9,
        ("precision_score", "weighted"): (3 * 1 + 1 * (1 / 3) + 1 * 0) / 5,
        ("f1_score", "macro"): 1.3 / 3,
        ("f1_score", "micro"): 0.6,
        ("f1_score", "weighted"): (3 * 0.8 + 1 * 0.5 + 1 * 0.0) / 5,
    }
    hints = {
        "precision_score": "precision = tp / (number PREDICTED as the class), the column sum of C; "
                           "recall uses the row sum (the number truly in the class)",
        "recall_score": "recall = tp / (number TRULY in the class), the row sum of C",
        "f1_score": "macro: plain mean of the per-class scores; micro: the score of the summed "
                    "counts (the accuracy here); weighted: weights = each class's number of true samples",
    }
    for (name, average), value in expected.items():
        got = getattr(impl, name)(y_true, y_pred, average=average)
        expect_float(got, value, f"{name}(average={average!r})", **CLOSE, hint=hints[name])


@pytest.mark.points(4, "correctness")
def test_regression_metrics_match_scikit_learn(impl):
    rng = np.random.default_rng(1101)
    y_true = rng.normal(3.0, 2.0, size=40)
    y_pred = y_true + rng.normal(0.5, 1.0, size=40)
    expected = {
        "mean_squared_error": (metrics.mean_squared_error(y_true, y_pred), "mean of the squared residuals"),
        "root_mean_squared_error": (metrics.root_mean_squared_error(y_true, y_pred),
                                    "the square root of the MSE"),
        "mean_absolute_error": (metrics.mean_absolute_error(y_true, y_pred),
                                "mean of |y_true - y_pred| (absolute, not squared)"),
        "r2_score": (metrics.r2_score(y_true, y_pred),
                     "1 - SS_res / SS_tot, with SS_tot = sum((y_true - mean(y_true))²)"),
    }
    for name, (value, hint) in expected.items():
        expect_float(getattr(impl, name)(y_true, y_pred), value, name, **CLOSE, hint=hint)


@pytest.mark.points(2, "correctness")
def test_roc_auc_counts_a_tied_pair_as_one_half(impl):
    # Positives score (0.35, 0.8), negatives (0.1, 0.4): 3 of the 4 pairs are ranked right.
    # Positives (0.5, 0.8), negatives (0.1, 0.5): 3 pairs right and one tie -> (3 + 0.5) / 4.
    expect_float(impl.roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 0.75, "roc_auc_score without ties",
                 **CLOSE, hint="AUC = the fraction of (positive, negative) pairs where the positive scores higher")
    expect_float(impl.roc_auc_score([0, 0, 1, 1], [0.1, 0.5, 0.5, 0.8]), 0.875, "roc_auc_score with a tie",
                 **CLOSE, hint="a positive and a negative with equal scores count one half: give tied "
                               "scores the average of their ranks")


@pytest.mark.points(2, "stability")
def test_log_loss_is_finite_for_probabilities_of_exactly_zero_and_one(impl):
    # p is the probability of class 1. Both samples sure and wrong: each costs -log(eps);
    # both sure and right: each costs -log(1 - eps) ≈ eps.
    wrong, right = -np.log(EPS), -np.log1p(-EPS)
    hint = ("clip the probabilities to [eps, 1 - eps] with eps = np.finfo(np.float64).eps "
            "BEFORE taking the log: log(0) is -inf")
    with no_float_warnings("log_loss([1, 0], [0.0, 1.0])"):
        got = impl.log_loss([1, 0], [0.0, 1.0])
    expect_float(got, wrong, "log_loss([1, 0], [0.0, 1.0])", **CLOSE, hint=hint)
    with no_float_warnings("log_loss([1, 0], [1.0, 0.0])"):
        got = impl.log_loss([1, 0], [1.0, 0.0])
    expect_float(got, right, "log_loss([1, 0], [1.0, 0.0])", **CLOSE, hint=hint)
